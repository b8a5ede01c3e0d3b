#pragma once

// The event coder: from a parsed sentence and its actor mentions to CAMEO/PLOVER events with
// evidence. It matches the event patterns of a lexicon::DictionarySet (dict/verbs, see
// docs/DICTIONARIES.md "Verb patterns") on the dependency tree, takes source and target from
// syntax (voice, control, coordination, appositions, possessives, prepositions, relative
// clauses, event nouns), and reads clause semantics (negation, modality, reported speech).
//
// Usage:
//   EventCoder coder(dictionaries, &codebook, options);  // once; immutable, shared by threads
//   CoderWorkspace ws;                                   // one per thread
//   coder.CodeSentence(input, &ws, &events);

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "parley/coding/event.h"
#include "parley/lexicon/codebook.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/text/document.h"

namespace parley::coding {

// An actor mention as the coder sees it: the dictionary's mention plus its exact bytes. A
// hyphenated compound ("US-Russia") yields one mention per named part, all on one token.
struct ActorMention {
  lexicon::Mention mention;
  text::Span span;
  // For a bare adjective coordinated with a composed mention ("Russian and Chinese
  // warships"): the index of that mention, whose agent it shares; -1 otherwise. Wherever
  // the coder finds that mention it finds this one too.
  int32_t shares_head_of = -1;
  // A mention that refers back to an actor named earlier in the document (a pronoun, "the
  // Russian leader", "his counterpart", a short name; coding/coreference.h): the earlier
  // mention's span. `mention` then carries that actor's code.
  bool resolved = false;
  text::Span resolved_from;
};

struct CoderOptions {
  // Emit events whose clause is negated ("did not meet") with negated=true instead of
  // dropping them.
  bool keep_negated = false;
  // Emit events with a source or a target only (the missing side empty). Off by default: an
  // event needs a source, a target and a matched pattern (docs/DICTIONARIES.md, "What counts
  // as an event").
  bool keep_one_sided = false;
  // At most this many events from one sentence (coordination can multiply pairs).
  uint32_t max_events_per_sentence = 64;
};

// One sentence to code, with the document fields an event carries.
struct SentenceInput {
  const text::Document* doc = nullptr;
  const text::Sentence* sentence = nullptr;  // tagged, lemmatized and parsed
  uint32_t sentence_index = 0;
  std::string_view zone = "text";
  std::string_view date;  // the event date, YYYY-MM-DD or empty
  std::span<const ActorMention> actors;
};

// Per-thread scratch for CodeSentence: tree and match buffers reused across sentences.
struct CoderWorkspace {
  std::vector<uint32_t> child_begin;
  std::vector<uint32_t> children;
  std::vector<uint32_t> fill;
  std::vector<int32_t> actor_at;            // per token: first actor mention on it, or -1
  std::vector<std::string> lemmas;          // lower-case lemma per token
  std::vector<Event> pending;               // events of the sentence before suppression
  std::vector<uint32_t> pending_predicate;  // per pending event: its predicate token
  std::vector<int32_t> pending_reporter;    // per pending event: the reporting verb, or -1
};

class EventCoder {
 public:
  // Checks every pattern's code against `codebook` and that the dictionaries carry clause
  // semantics (dict/verbs/clauses.txt). Throws parley::Error naming file:line of the first
  // problems. `codebook` must outlive the coder.
  EventCoder(std::shared_ptr<const lexicon::DictionarySet> dictionaries,
             const lexicon::Codebook* codebook, CoderOptions options);

  // True when the sentence could yield an event: CouldPair(actors) and a word whose lemma or
  // form is a pattern predicate. Needs only tags and lemmas (no parse), so the caller
  // can skip parsing sentences that cannot yield an event without losing any.
  [[nodiscard]] bool MayYieldEvent(const text::Sentence& sentence,
                                   std::span<const ActorMention> actors) const;
  // True when two of `actors` could be the source and target of one event: both with a
  // country or organisation, different codes, and not a country and its own bare name.
  // Needs no syntax at all (the pipeline asks it before tagging).
  [[nodiscard]] bool CouldPair(std::span<const ActorMention> actors) const;

  // Codes one sentence and appends its events to *out (in predicate order). Never throws;
  // allocation-free per token once `ws` has warmed up, apart from the events themselves.
  void CodeSentence(const SentenceInput& input, CoderWorkspace* ws, std::vector<Event>* out) const;

  [[nodiscard]] const lexicon::DictionarySet& dictionaries() const { return *dictionaries_; }
  [[nodiscard]] const lexicon::Codebook& codebook() const { return *codebook_; }
  [[nodiscard]] const CoderOptions& options() const { return options_; }
  // "dict/verbs/04_consult.txt:12" for a pattern of the shipped dictionaries, else the path
  // as loaded plus the line: the evidence.pattern of an event.
  [[nodiscard]] std::string PatternName(const lexicon::SourceRef& where) const;

 private:
  std::shared_ptr<const lexicon::DictionarySet> dictionaries_;
  const lexicon::Codebook* codebook_;
  CoderOptions options_;
  std::vector<std::string> file_names_;  // per dictionary file, as PatternName shows it
};

}  // namespace parley::coding
