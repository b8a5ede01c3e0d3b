#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/lexicon/entry.h"

namespace parley::lexicon {

// PETRARCH/TABARI verb dictionaries, kept as structured data for the event coder: synonym
// sets, verb blocks with their verbs and forms, patterns with their tokens and codes, and
// verb transformations. Read-only after load.

// A synonym set "&NAME" and its phrases (words upper-case, joined by single spaces).
struct Synset {
  std::string name;  // "&CURRENCY" (a trailing '_' is removed and recorded in no_plural)
  bool no_plural = false;
  std::vector<std::string> phrases;  // regular plurals included unless suppressed
  SourceRef where;
};

// An event code as PETRARCH writes it: "036", "041:041" (primary:secondary), ":1952",
// "080!" or the null code "---". TABARI test files also use free strings ("abc", "075A");
// they are kept as read and `parley dict check` reports those that are not CAMEO codes.
struct VerbCode {
  std::string primary;    // usually digits or "---"; empty when only a secondary code is given
  std::string secondary;  // after ':'; usually empty
  bool flagged = false;   // a trailing '!' (TABARI marker kept as read)
  [[nodiscard]] std::string ToString() const;
};

// A verb block "--- NAME [CODE] ---": its verbs share the patterns that follow.
struct VerbBlock {
  std::string name;
  VerbCode code;  // "---" when the header has none
  SourceRef where;
};

// One verb or verb form, e.g. "GIVE", "GAVE", multi-word "CORDON OFF" (verb word marked by
// verb_word), each pointing to its block.
struct VerbForm {
  std::string text;        // upper-case words joined by single spaces
  uint32_t verb_word = 0;  // index of the word that is the verb in a multi-word form
  uint32_t block = 0;
  VerbCode code;           // the verb's own code or the block's
  bool own_code = false;   // the verb line gave its own [CODE]
  bool generated = false;  // a regular form made by the loader (S / ED / ING)
  SourceRef where;
};

enum class PatternTokenKind : uint8_t {
  kWord,        // a word
  kSynset,      // "&NAME"
  kVerb,        // '*': the verb's position
  kSource,      // '$'
  kTarget,      // '+'
  kCompound,    // '%' (TABARI compound actor)
  kSkip,        // '^' (TABARI skip to the end of a noun phrase)
  kOpenNoun,    // '{' starts a noun phrase (the last word is its head)
  kCloseNoun,   // '}'
  kOpenPrep,    // '(' starts a prepositional phrase
  kClosePrep,   // ')'
};

struct PatternToken {
  PatternTokenKind kind = PatternTokenKind::kWord;
  std::string text;     // the word or synset name; empty for the symbols
  bool joined = false;  // written with '_' to the previous token: must follow it directly
};

// One pattern line "- ... * ... [CODE]" of a verb block.
struct VerbPattern {
  uint32_t block = 0;
  VerbCode code;
  std::vector<PatternToken> tokens;
  std::string text;  // the pattern as written, without the comment
  SourceRef where;
};

// A transformation line "~ a (a b ATTACK) SAY = a b 015", kept verbatim.
struct VerbTransformation {
  std::string text;
  SourceRef where;
};

class VerbDictionary {
 public:
  std::vector<Synset> synsets;
  std::vector<VerbBlock> blocks;
  std::vector<VerbForm> forms;
  std::vector<VerbPattern> patterns;
  std::vector<VerbTransformation> transformations;

  // The synset named `name` ("&CURRENCY"), or nullptr.
  [[nodiscard]] const Synset* FindSynset(std::string_view name) const;
  // Rebuilds the name index; called by the loader after adding synsets.
  void IndexSynsets();

 private:
  std::unordered_map<std::string, uint32_t> synset_index_;
};

}  // namespace parley::lexicon
