#include "parley/text/document.h"

namespace parley::text {

std::string_view ZoneKindName(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::kText: return "text";
    case ZoneKind::kTitle: return "title";
    case ZoneKind::kCaption: return "caption";
    case ZoneKind::kCredit: return "credit";
    case ZoneKind::kByline: return "byline";
    case ZoneKind::kTimestamp: return "timestamp";
    case ZoneKind::kMetadata: return "metadata";
    case ZoneKind::kBoilerplate: return "boilerplate";
  }
  return "unknown";
}

}  // namespace parley::text
