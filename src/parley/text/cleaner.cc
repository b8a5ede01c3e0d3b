#include "parley/text/cleaner.h"

namespace parley::text {

// Minimal first version: the whole body is text; the rule-driven cleaner replaces it.
Cleaner::Cleaner(const std::string&) {}

void Cleaner::Clean(Document* doc) const {
  doc->zones.clear();
  if (!doc->body.empty()) {
    doc->zones.push_back({ZoneKind::kText, {0, static_cast<uint32_t>(doc->body.size())}});
  }
}

}  // namespace parley::text
