#pragma once

// Lemmatizer learned from a treebank: an exception lexicon of (form, XPOS) -> lemma pairs seen
// in training (this covers irregular forms such as "went" -> "go") and, for unseen forms,
// suffix rewrite rules chosen by the longest known suffix of the form under its XPOS
// ("-ies" -> "-y" for NNS, "-ed" -> "" for VBD...).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::syntax {

class SectionReader;
class SectionWriter;

// How to turn a form into its lemma: optionally lower-case it, then drop `strip` bytes at the
// end and append `append`.
struct LemmaRule {
  bool lower = false;
  uint32_t strip = 0;
  std::string append;

  bool operator==(const LemmaRule&) const = default;
};

class Lemmatizer {
 public:
  // Longest suffix (in bytes) the rules look at.
  static constexpr size_t kMaxSuffix = 6;

  // Writes the lemma of `form` tagged `xpos` (and `upos`) into *lemma. `scratch` is reused
  // working space. Thread-safe (const); allocates only if *lemma or *scratch must grow.
  void Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                 std::string* scratch, std::string* lemma) const;

  void Save(SectionWriter* out) const;
  // Throws parley::Error on malformed data.
  static Lemmatizer Load(SectionReader* in);

  // ---- Used by the trainer ----

  // The rule that turns `form` into `lemma` (lower-casing when that makes the rule simpler).
  static LemmaRule RuleFor(std::string_view form, std::string_view lemma);
  // Applies `rule` to `form` into *out.
  static void Apply(const LemmaRule& rule, std::string_view form, std::string* out);
  // Keys of the lookup tables.
  static uint64_t ExceptionKey(std::string_view form, std::string_view xpos);
  static uint64_t SuffixKey(std::string_view suffix, std::string_view xpos);

  std::unordered_map<uint64_t, uint32_t> exceptions;  // ExceptionKey -> index in lemmas
  std::vector<std::string> lemmas;
  std::unordered_map<uint64_t, uint32_t> suffix_rules;  // SuffixKey -> index in rules
  std::vector<LemmaRule> rules;
};

}  // namespace parley::syntax
