#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parley/text/document.h"

namespace parley::text {

// Splits text into UD-style tokens (English Web Treebank conventions where they do not hurt
// news text): punctuation is split off, clitics are split ("do|n't", "Russia|'s", "I|'m"),
// while abbreviations ("U.S.", "Gen."), decimals and thousands ("1.1", "30,000"), times, URLs,
// e-mail addresses, @handles and hyphenated words ("30-day", "Rostov-on-Don") stay whole.
// The rule lists (abbreviations, fixed splits such as "cannot" -> "can|not", clitics) come
// from data files in `data_dir` (see dict/text/README.md). Immutable after construction;
// Tokenize may be called from many threads at once.
class Tokenizer {
 public:
  // Loads dict/text rule files from `data_dir` (normally parley::DataDir() + "/text").
  // Throws parley::Error naming file:line when a file is missing or malformed.
  explicit Tokenizer(const std::string& data_dir);

  // Appends the tokens of body[span] to *out, in order. Spans are absolute byte offsets into
  // `body`; forms view `body`. Never throws on any input bytes (invalid UTF-8 is treated as
  // letters); `span` must lie within `body`. space_after is false when the next byte is not
  // whitespace.
  void Tokenize(std::string_view body, Span span, std::vector<Token>* out) const;

  // True when `word` (exact case, with its final period, e.g. "Gen.") is a listed
  // abbreviation; `never_final` is set when the abbreviation is a title that precedes a name
  // and therefore never ends a sentence ("Mr.", "Gen.", "St.").
  [[nodiscard]] bool IsAbbreviation(std::string_view word, bool* never_final) const;

 private:
  struct Split {
    std::vector<uint8_t> lengths;  // byte lengths of the pieces, summing to the word's length
  };

  // Appends one whitespace-free chunk body[begin, end) as tokens.
  void TokenizeChunk(std::string_view body, uint32_t begin, uint32_t end,
                     std::vector<Token>* out) const;
  void Emit(std::string_view body, uint32_t begin, uint32_t end, std::vector<Token>* out) const;
  // Emits a word (no punctuation at its edges) applying clitic and fixed splits.
  void EmitWord(std::string_view body, uint32_t begin, uint32_t end,
                std::vector<Token>* out) const;
  // Length of the abbreviation (with its period) starting at body[begin] within [begin,end),
  // or 0.
  [[nodiscard]] uint32_t MatchAbbreviation(std::string_view body, uint32_t begin,
                                           uint32_t end) const;

  void LoadAbbreviations(const std::string& path);
  void LoadSplits(const std::string& path);
  void LoadClitics(const std::string& path);

  // abbreviation (exact case, with final period) -> true when it never ends a sentence
  std::unordered_map<std::string, bool> abbreviations_;
  // lower-cased whole word -> piece lengths ("cannot" -> 3,3)
  std::unordered_map<std::string, Split> splits_;
  // lower-cased clitic suffixes tried longest first ("n't", "'s", ...), ASCII and U+2019 forms
  std::vector<std::string> clitics_;
  size_t max_abbreviation_ = 0;
};

}  // namespace parley::text
