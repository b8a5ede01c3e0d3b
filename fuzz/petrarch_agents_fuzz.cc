// Fuzzes the PETRARCH agents reader (and lookups / checks over what it read): malformed
// lines must become LoadProblems with file:line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/lexicon/petrarch_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::lexicon::DictionarySet set;
  parley::lexicon::ReadPetrarchFile(parley::lexicon::PetrarchKind::kAgents, "fuzz.txt", text, &set);
  set.Freeze();
  std::vector<std::string_view> forms;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '_' || text[i] == '\n') {
      if (i > start) forms.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parley::lexicon::LookupWorkspace ws;
  std::vector<parley::lexicon::Mention> mentions;
  set.Lookup(forms, {}, 20211203, &ws, &mentions);
  for (const auto& p : set.problems()) {
    if (p.line == 0) __builtin_trap();  // every problem names its line
  }
  (void)parley::lexicon::CheckDictionaries(set, nullptr);
  return 0;
}
