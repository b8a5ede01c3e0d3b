#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/text/document.h"

namespace parley::text {

// Conventions that differ between news use and the English Web Treebank (EWT). The defaults
// keep names and number compounds ("Rostov-on-Don", "US-Russia", "30-day", "F-16") and
// currency amounts ("$1.1") whole, as news coding wants, while splitting ordinary lower-case
// compounds ("long - time") as UD does; `split_hyphens` and `split_currency` reproduce EWT's
// "30 - day" and "$ 1.1" for scoring against that treebank.
struct TokenizerOptions {
  bool split_hyphens = false;   // split at every hyphen except after listed prefixes and in
                                // numbers
  bool split_currency = false;  // split a currency symbol off the amount it precedes
};

// Hash and equality that let the rule tables be probed with a string_view (no allocation).
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// An exact-match table for the tokenizer's short keys: keys of at most 8 bytes are packed
// into 64-bit integers and binary-searched (cheaper than hashing in the per-word path);
// longer keys go to a hash table.
class ShortStringTable {
 public:
  // Adds key -> value; returns false when the key is already present.
  [[nodiscard]] bool Add(std::string_view key, uint32_t value);
  // Finds key; returns false when absent.
  [[nodiscard]] bool Find(std::string_view key, uint32_t* value) const;

 private:
  static uint64_t Pack(std::string_view key);
  std::vector<std::pair<uint64_t, uint32_t>> packed_;  // sorted by key
  std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>> long_;
};

// Splits text into UD-style tokens: punctuation is split off, clitics are split ("do|n't",
// "Russia|'s", "I|'m"), while abbreviations ("U.S.", "Gen."), initials ("J."), decimals and
// thousands ("1.1", "30,000"), times ("21:46"), URLs, e-mail addresses, @handles, #tags,
// emoticons, hyphenated names and number compounds ("30-day", "Rostov-on-Don") stay whole.
// Ordinary lower-case compounds are split ("long|-|time"). The rule lists (abbreviations,
// fixed splits such as "cannot" -> "can|not", clitics, hyphen prefixes, whole tokens) come
// from files in `data_dir`. Immutable after construction; Tokenize may be
// called from many threads at once.
class Tokenizer {
 public:
  // Loads the rule files from `data_dir` (normally parley::DataDir() + "/text").
  // Throws parley::Error naming file:line when a file is missing or malformed.
  explicit Tokenizer(const std::string& data_dir, TokenizerOptions options = {});

  // Appends the tokens of body[span] to *out, in order. Spans are absolute byte offsets into
  // `body`; forms view `body`. Never throws on any input bytes (bytes that are not valid
  // UTF-8 count as letters); `span` must lie within `body`. space_after is false when the
  // token is directly followed by another token of the same whitespace-free chunk.
  void Tokenize(std::string_view body, Span span, std::vector<Token>* out) const;

  // Abbreviation classes from abbreviations.txt.
  enum class AbbreviationKind : uint8_t { kNone, kPlain, kTitle, kNumber };

  // The class of `word` (exact case, with its final period, e.g. "Gen."), kNone when unlisted.
  [[nodiscard]] AbbreviationKind Abbreviation(std::string_view word) const;

  const TokenizerOptions& options() const { return options_; }

 private:
  using Table = std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>>;

  // Tokenizes one whitespace-free chunk body[begin, end); `limit` is the end of the span
  // (for looking past the chunk).
  void TokenizeChunk(std::string_view body, uint32_t begin, uint32_t end, uint32_t limit,
                     std::vector<Token>* out) const;
  // Tokenizes body[begin, end) with the general character rules (no URL / e-mail search).
  void ScanGeneral(std::string_view body, uint32_t begin, uint32_t end, uint32_t limit,
                   std::vector<Token>* out) const;
  // End of the word starting at `p` (a word character); *has_apostrophe is set when the word
  // contains an inner apostrophe.
  [[nodiscard]] uint32_t ScanWord(std::string_view body, uint32_t p, uint32_t end,
                                  uint32_t limit, bool* has_apostrophe) const;
  // Length of the listed abbreviation starting at body[p] and ending at a non-word character,
  // or 0.
  [[nodiscard]] uint32_t MatchAbbreviation(std::string_view body, uint32_t p, uint32_t end,
                                           uint32_t limit) const;
  // Emits a word applying fixed splits and clitics.
  void EmitWord(std::string_view body, uint32_t begin, uint32_t end, bool has_apostrophe,
                std::vector<Token>* out) const;
  // Returns [begin,end) of a URL or e-mail address inside the chunk, or false.
  [[nodiscard]] bool FindSpecial(std::string_view body, uint32_t begin, uint32_t end,
                                 uint32_t* s_begin, uint32_t* s_end) const;
  // Whether the hyphen at body[hyphen] joins the word that started at word_start (whose
  // current hyphen-separated part started at word_begin).
  [[nodiscard]] bool KeepHyphen(std::string_view body, uint32_t word_start, uint32_t word_begin,
                                uint32_t hyphen, uint32_t end) const;

  void LoadAbbreviations(const std::string& path);
  void LoadSplits(const std::string& path);
  void LoadClitics(const std::string& path);
  void LoadHyphenPrefixes(const std::string& path);
  void LoadWholeTokens(const std::string& path);

  TokenizerOptions options_;
  ShortStringTable abbreviations_;  // word with period -> AbbreviationKind
  size_t max_abbreviation_ = 0;
  // lower-case word -> index into split_pieces_ (piece byte lengths, 0-terminated list)
  ShortStringTable splits_;
  std::vector<std::vector<uint8_t>> split_pieces_;
  size_t max_split_ = 0;
  std::vector<std::string> clitics_;  // lower case, "'" standing for ' or U+2019, longest first
  Table hyphen_prefixes_;
  Table whole_tokens_;
  // Cheap filters in front of the hash tables: first bytes that can start an entry.
  std::array<bool, 256> split_first_{};
  std::array<bool, 256> whole_first_{};
  size_t max_whole_token_ = 0;
};

}  // namespace parley::text
