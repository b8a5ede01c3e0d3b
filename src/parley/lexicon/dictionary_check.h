#pragma once

#include <string>
#include <vector>

#include "parley/lexicon/codebook.h"
#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {

// One problem found by CheckDictionaries.
struct Finding {
  enum class Severity : uint8_t { kError, kWarning, kNote };
  Severity severity = Severity::kError;
  std::string where;  // "file:line", or "" for the set as a whole
  std::string message;
  [[nodiscard]] std::string ToString() const;  // "file:line: error: message"
};

struct CheckReport {
  std::vector<Finding> findings;  // load problems first, then the checks, in file order
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
  DictionaryCounts counts;
};

// Checks a loaded dictionary set: lines the loaders could not read (errors) or read in a
// documented legacy way (notes); the same name on entries with different codes (conflict) or
// the same code (duplicate); overlapping date ranges of one entry; entries no text can reach
// because every name of theirs is taken by an earlier entry; event codes in verb dictionaries
// that are not in `codebook` (skipped when it is null); countries without `verified:`; person
// codes whose country prefix no loaded country has. Problems in PETRARCH files are warnings
// except unreadable lines and unknown event codes, which are errors everywhere.
[[nodiscard]] CheckReport CheckDictionaries(const DictionarySet& set,
                                            const lexicon::Codebook* codebook);

}  // namespace parley::lexicon
