// Feeds arbitrary text to the CoNLL-U stream reader: every sentence must come back as a
// sentence or a rejection with a message, never a crash or an endless loop.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "parley/text/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  parley::text::ConlluStreamReader reader(in, "fuzz.conllu");
  parley::text::ConlluSentence sentence;
  std::string error;
  std::ostringstream out;
  // Each call consumes at least one line, so this ends; the bound guards against a regression.
  for (size_t i = 0; i <= size + 1; ++i) {
    auto status = reader.Next(&sentence, &error);
    if (status == parley::text::ConlluStreamReader::Status::kEnd) break;
    if (status == parley::text::ConlluStreamReader::Status::kSentence) {
      parley::text::WriteConllu(sentence, out);
      (void)sentence.SurfaceText();
    }
  }
  return 0;
}
