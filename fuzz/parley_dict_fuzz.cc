// Fuzzes the Parley dictionary reader, the matcher built from what it read, lookups over the
// same bytes split into tokens, and the checker: malformed input must become LoadProblems,
// never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_file.h"
#include "parley/lexicon/dictionary_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::lexicon::DictionarySet set;
  parley::lexicon::ReadParleyDictionary("fuzz.txt", text, &set);
  set.Freeze();
  std::vector<std::string_view> forms;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      if (i > start) forms.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parley::lexicon::LookupWorkspace ws;
  std::vector<parley::lexicon::Mention> mentions;
  set.Lookup(forms, forms, 20211203, &ws, &mentions);
  for (const auto& m : mentions) {
    if (m.token_begin >= m.token_end || m.token_end > forms.size()) __builtin_trap();
    (void)set.Explain(m, 20211203);
  }
  (void)parley::lexicon::CheckDictionaries(set, nullptr);
  return 0;
}
