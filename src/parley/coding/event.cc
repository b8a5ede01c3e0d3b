#include "parley/coding/event.h"

namespace parley::coding {

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kIntent:
      return "intent";
    case Modality::kPossible:
      return "possible";
  }
  return "unknown";
}

}  // namespace parley::coding
