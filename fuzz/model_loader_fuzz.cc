// Feeds arbitrary bytes to the syntax model loader: it must either load or throw
// parley::Error, never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parley/error.h"
#include "parley/syntax/model.h"
#include "parley/syntax/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)parley::syntax::SyntaxModel::FromBytes(bytes, "fuzz.model");
  } catch (const parley::Error&) {
  }
  // The container alone, with every section read as strings until it runs out.
  try {
    auto file = parley::syntax::ModelFileReader::FromBytes(bytes, "fuzz.model");
    for (const char* tag : {"META", "TAGR", "LEMM", "PARS", "TEST"}) {
      if (!file.Has(tag)) continue;
      auto section = file.Section(tag);
      while (!section.AtEnd()) (void)section.Str();
    }
  } catch (const parley::Error&) {
  }
  return 0;
}
