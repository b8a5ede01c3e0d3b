// Fuzzes the TabariReader: any bytes must give documents or rejections, never a crash, and every
// document must satisfy the reader invariants (see reader_fuzz_util.h).
#include "parley/text/tabari_reader.h"

#include "reader_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::text::InputReport report;
  parley::text::TabariReader reader(
      parley::text::InputSource::FromString(std::string(reinterpret_cast<const char*>(data), size)),
      "fuzz", &report, parley::fuzz::FuzzOptions());
  parley::fuzz::DrainAndCheck(&reader, report, size);
  return 0;
}
