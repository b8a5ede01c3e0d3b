// Fuzzes the PlainTextReader: any bytes must give one document or a rejection, never a crash, and the
// document must satisfy the reader invariants (see reader_fuzz_util.h).
#include "parley/text/plain_text_reader.h"

#include "reader_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::text::InputReport report;
  parley::text::PlainTextReader reader(
      parley::text::InputSource::FromString(std::string(reinterpret_cast<const char*>(data), size)),
      "fuzz", "fuzz", &report, parley::fuzz::FuzzOptions());
  parley::fuzz::DrainAndCheck(&reader, report, size);
  return 0;
}
