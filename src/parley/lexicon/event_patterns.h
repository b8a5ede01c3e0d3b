#pragma once

// Event patterns: the format-neutral form of a verb dictionary that the event coder matches on
// dependency trees. Parley's own pattern files (dict/verbs/*.txt, docs/DICTIONARIES.md "Verb
// patterns") are read into it by ReadPatternFile; other formats (PETRARCH verb dictionaries)
// compile into the same structures, so the matcher never sees a file format.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/base/strings.h"
#include "parley/lexicon/entry.h"

namespace parley::lexicon {

// Which dependent of the predicate a slot looks at.
enum class SlotKind : uint8_t {
  kSubject,         // nsubj (active) / obl:agent "by" (passive)
  kObject,          // obj (active) / nsubj:pass (passive)
  kIndirectObject,  // iobj
  kPrep,            // obl / nmod with a `case` child whose lemma is `prep`
  kPossessor,       // nmod:poss
  kXcomp,           // xcomp: an open complement ("agreed to meet")
  kCcomp,           // ccomp: a complement clause ("said that ...")
  kNegation,        // the predicate is negated
  kModifier,        // an adjective or compound word modifying the event noun (for a verb:
                    // its object): "hunger strike", "military aid", "chemical weapons"
};

// What the actor found at a slot becomes.
enum class SlotRole : uint8_t { kNone, kSource, kTarget };

// A set of lemmas (lower case). Empty means "any word".
struct WordSet {
  std::vector<std::string> words;  // sorted, unique
  [[nodiscard]] bool Contains(std::string_view lemma) const;
  [[nodiscard]] bool empty() const { return words.empty(); }
};

struct PatternSlot {
  SlotKind kind = SlotKind::kObject;
  SlotRole role = SlotRole::kNone;
  std::string prep;  // kPrep: the preposition, words joined by one space ("because of")
  WordSet words;     // constraint on the dependent's head lemma; empty = any
};

enum class PredicateKind : uint8_t { kVerb, kNoun };

// One pattern: a predicate, constraints on its dependents and the code it yields.
struct EventPattern {
  PredicateKind kind = PredicateKind::kVerb;
  std::string lemma;     // "meet", "talk"
  std::string particle;  // phrasal verbs: "out" for pull_out; empty otherwise
  std::string code;      // CAMEO code, or "---" (null: the predicate yields no event)
  std::vector<PatternSlot> slots;
  SourceRef where;
  // The highest score a match can reach: slots plus particle. A match scores its particle,
  // its constraints and the role slots present in the sentence; the best score wins.
  [[nodiscard]] int Specificity() const;
  [[nodiscard]] bool IsNull() const { return code == "---"; }
};

// How clause-level words are read: the verbs that announce an intention, report speech, the
// modals of possibility, and how an intended act is coded (CAMEO's 03x / 13x conventions).
struct ClauseLexicon {
  WordSet intent_verbs;      // plan, vow, pledge, intend, expect (passive "is expected to") ...
  WordSet intent_modals;     // will, shall, 'll
  WordSet intent_modifiers;  // upcoming, planned: an event noun they modify is intended
  WordSet possible_modals;   // may, might, could
  WordSet report_verbs;      // say, tell, report, claim, announce ...
  WordSet negators;          // not, never, n't, no
  WordSet negating_verbs;    // refuse, decline, fail: their "to" complement did not happen
  // Verbs that carry an event noun and give it their subject ("held talks", "launched a
  // strike", "imposed sanctions"); other governors do not ("police dispersed the protest").
  WordSet light_verbs;
  // Verbs of demand and appeal: the act they ask for is not coded ("urged X to send").
  WordSet request_verbs;
  // Verbs of accusation and denial: the act they allege or deny is not coded ("accused X of
  // attacking", "denied shelling").
  WordSet alleging_verbs;
  // Nouns of amount: such an object stands for what it measures ("600,000 doses of vaccine").
  WordSet measure_nouns;
  // Code prefixes of acts CAMEO codes both ways when coordinated actors do them together
  // ("India and Pakistan held talks": IND->PAK and PAK->IND).
  std::vector<std::string> reciprocal_codes;
  // Longest code prefix first: an intended act whose code starts with `prefix` is coded `code`.
  std::vector<std::pair<std::string, std::string>> intent_codes;
  SourceRef where;
};

// All patterns of a dictionary set, indexed by predicate. Built by the readers, then Freeze();
// immutable and thread-safe afterwards.
class PatternDictionary {
 public:
  // Patterns whose predicate is (kind, lemma), in file order; empty when none.
  [[nodiscard]] const std::vector<uint32_t>& ForPredicate(PredicateKind kind,
                                                          std::string_view lemma) const;
  // True when some pattern's predicate has this lemma (verb or noun), for the coder's quick
  // "can this sentence yield an event" test.
  [[nodiscard]] bool IsPredicateLemma(std::string_view lemma) const;
  // The predicate lemma whose regular inflection `form` (lower case) is ("shelled" -> "shell",
  // "sanctions" -> "sanction"), or empty. Backs up the lemmatizer on words it did not see in
  // training: patterns are written with lemmas, Freeze() derives the regular forms.
  [[nodiscard]] std::string_view LemmaOfForm(PredicateKind kind, std::string_view form) const;

  [[nodiscard]] const std::vector<EventPattern>& patterns() const { return patterns_; }
  [[nodiscard]] const ClauseLexicon& clauses() const { return clauses_; }
  [[nodiscard]] bool has_clauses() const { return has_clauses_; }

  // ----- building -----
  void Add(EventPattern pattern) { patterns_.push_back(std::move(pattern)); }
  EventPattern& mutable_pattern(size_t i) { return patterns_[i]; }
  ClauseLexicon* mutable_clauses() {
    has_clauses_ = true;
    return &clauses_;
  }
  void Freeze();

 private:
  std::vector<EventPattern> patterns_;
  ClauseLexicon clauses_;
  bool has_clauses_ = false;
  std::unordered_map<std::string, std::vector<uint32_t>, base::StringHash, std::equal_to<>> verbs_;
  std::unordered_map<std::string, std::vector<uint32_t>, base::StringHash, std::equal_to<>> nouns_;
  std::unordered_map<std::string, std::string, base::StringHash, std::equal_to<>> verb_forms_;
  std::unordered_map<std::string, std::string, base::StringHash, std::equal_to<>> noun_forms_;
};

class DictionarySet;

// Reads one Parley pattern file (docs/DICTIONARIES.md "Verb patterns") into set->mutable
// patterns. `path` names the file in messages; `file` is its index from DictionarySet::AddFile.
// Lines that cannot be interpreted become LoadProblems with file:line; never throws.
void ReadPatternFile(const std::string& path, std::string_view text, DictionarySet* set);

}  // namespace parley::lexicon
