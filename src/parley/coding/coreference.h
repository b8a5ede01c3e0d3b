#pragma once

// Actor coreference within a document: the words of a sentence that refer back to actors
// named in earlier sentences become actor mentions of those actors, so that the coder finds
// "He met Lavrov" (he = Blinken), "The Russian leader said ..." (Putin), "his counterpart",
// "the two leaders" (both), "the ministry", "the militants", and "Blinken" after "Antony
// Blinken". Works on the tokens' forms and the dictionary's mentions only (no parse), so the
// pipeline resolves before it decides whether a sentence is worth parsing.
// Rules and their limits: docs/DICTIONARIES.md, "Document context".
//
// Usage, per document:
//   context.Reset();
//   for each sentence: lookup actors; context.Resolve(sentence, &actors); ...;
//                      context.Observe(sentence, actors);
// Memory is bounded: the context keeps at most kMaxEntities actors (the most recent).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parley/coding/event_coder.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/text/document.h"

namespace parley::coding {

// One resolved mention, for annotate output and evaluation.
struct Resolution {
  uint32_t sentence_index = 0;  // in processing order (title sentences first)
  text::Span span;              // the referring words ("he", "the Russian leader")
  text::Span antecedent;        // the earlier mention's span
  std::string code;             // the code it took
};

class DocumentContext {
 public:
  static constexpr size_t kMaxEntities = 48;
  static constexpr size_t kMaxResolutions = 10000;
  // A pronoun or description looks this many sentences back for its actor.
  static constexpr uint32_t kWindow = 4;

  // Starts a document dated `date` (kUnknownDate when unknown: offices are then not known);
  // `dictionaries` must outlive the calls until the next Reset.
  void Reset(const lexicon::DictionarySet* dictionaries, lexicon::Date date);

  // Adds to *actors (kept in token order) mentions for the words of `sentence` that refer
  // back to actors of earlier sentences, and re-codes descriptions that do. Does not change
  // the context: it may be called more than once for one sentence (before and after tagging).
  void Resolve(const text::Sentence& sentence, std::vector<ActorMention>* actors) const;

  // Records the sentence's final actors as the most recent; call once per sentence, in order.
  // `keep` records the resolved mentions in resolutions().
  void Observe(const text::Sentence& sentence, std::span<const ActorMention> actors, bool keep);

  [[nodiscard]] const std::vector<Resolution>& resolutions() const { return resolutions_; }

 private:
  struct Entity {
    lexicon::Mention mention;            // the latest named mention (its token range is stale)
    text::Span span;                     // ... and its bytes
    uint32_t person_entry = UINT32_MAX;  // people: their dictionary entry
    std::string surname;                 // people: the last word of their name, lower case
    std::string given;                   // ... and the first (a family name in "Xi Jinping")
    lexicon::Gender gender = lexicon::Gender::kUnknown;
    bool person = false;        // a person, or a role that is one ("the Russian leader")
    bool group = false;         // a plural role ("protesters", "Russian troops")
    bool organisation = false;  // a named organisation or armed group ("Hamas", "NATO")
    bool country = false;       // a country itself ("Russia", "Moscow" as its government)
    std::string titles;         // people: their offices on the story date, lower case, '|'-joined
    uint32_t token_end = 0;     // the sentence's own actors: where the mention ends
    uint32_t sentence = 0;      // the sentence it was last mentioned in
    uint32_t order = 0;         // its rank among that sentence's mentions (0: first)
  };
  enum class Want : uint8_t { kMale, kFemale, kThing, kGroup, kPerson };

  // The most salient entity (latest sentence first, then first mentioned) that `ok` accepts,
  // within the window; -1 when none.
  template <typename Pred>
  int Best(Pred ok) const;
  // Best among those whose offices fit `term` ("the Russian leader": a head of state or
  // government), else among those whose offices are unknown or say nothing against it.
  template <typename Pred>
  int BestFitting(std::string_view term, Pred ok) const;
  [[nodiscard]] bool Agrees(const Entity& e, Want want) const;
  [[nodiscard]] bool MentionAgrees(const lexicon::Mention& m, Want want) const;
  [[nodiscard]] bool IsPerson(const lexicon::Mention& m) const;
  [[nodiscard]] bool IsGroup(const lexicon::Mention& m) const;
  [[nodiscard]] bool BareAdjective(const lexicon::Mention& m) const;
  [[nodiscard]] std::string_view AgentTerm(const lexicon::Mention& m) const;
  // Whether a role word fits a person's offices on the story date: 1 yes, 0 no, -1 unknown
  // (the word says nothing about offices, or the person has none listed).
  [[nodiscard]] static int TitleFits(std::string_view term, const Entity& e);
  [[nodiscard]] std::string Titles(const lexicon::Entry& entry) const;
  // The entity `i` of Best: an earlier actor, or (from entities_.size() on) one of the
  // sentence's own.
  [[nodiscard]] const Entity& At(int i) const {
    const auto k = static_cast<size_t>(i);
    return k < entities_.size() ? entities_[k] : locals_[k - entities_.size()];
  }
  void Describe(const ActorMention& a, Entity* e) const;
  [[nodiscard]] ActorMention FromEntity(const Entity& e, uint32_t begin, uint32_t end,
                                        text::Span span) const;

  const lexicon::DictionarySet* dict_ = nullptr;
  lexicon::Date date_ = lexicon::kUnknownDate;
  std::vector<Entity> entities_;
  std::vector<Resolution> resolutions_;
  std::vector<Entity> pair_;  // the latest "A and B" of two actors, for "they"
  uint32_t pair_sentence_ = 0;
  uint32_t sentence_ = 0;  // sentences observed so far
  // Resolve's scratch: the sentence's own named actors, usable for words after `limit_`.
  mutable std::vector<Entity> locals_;
  mutable uint32_t limit_ = 0;
};

}  // namespace parley::coding
