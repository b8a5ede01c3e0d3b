#pragma once

// Shared body of the PETRARCH dictionary fuzz targets: read one file of the given kind, then
// look up the input's own words and run the checks over what was read. Malformed lines must
// become LoadProblems naming their line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/lexicon/petrarch_reader.h"

inline int FuzzPetrarchFile(parley::lexicon::PetrarchKind kind, const uint8_t* data,
                            size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::lexicon::DictionarySet set;
  parley::lexicon::ReadPetrarchFile(kind, "fuzz.txt", text, &set);
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
