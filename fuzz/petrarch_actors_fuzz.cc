// Fuzzes the PETRARCH actors reader (and lookups / checks over what it read).
#include "petrarch_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzPetrarchFile(parley::lexicon::PetrarchKind::kActors, data, size);
}
