#include "parley/coding/event_coder.h"

#include <algorithm>

#include "parley/base/strings.h"
#include "parley/error.h"
#include "parley/paths.h"

namespace parley::coding {

namespace {

using lexicon::EventPattern;
using lexicon::PatternSlot;
using lexicon::PredicateKind;
using lexicon::SlotKind;
using lexicon::SlotRole;

// `rel` is `base` or a subtype of it ("obl:agent" is an "obl").
bool RelIs(std::string_view rel, std::string_view base) {
  return rel.size() >= base.size() && rel.compare(0, base.size(), base) == 0 &&
         (rel.size() == base.size() || rel[base.size()] == ':');
}

bool IsPersonalPronoun(std::string_view lemma) {
  return lemma == "he" || lemma == "she" || lemma == "they" || lemma == "it" || lemma == "his" ||
         lemma == "her" || lemma == "their" || lemma == "its" || lemma == "him" || lemma == "them";
}

bool IsPersonPronoun(std::string_view lemma) {
  return lemma == "he" || lemma == "she" || lemma == "his" || lemma == "her" || lemma == "him";
}

// Whether two actors can be the two sides of an event: both placed (a country or an
// organisation; a bare role such as "reporters" is not), different codes, and not an actor
// and its own bare country ("Putin has ruled Russia": a place, not a dyad).
bool Pairable(const lexicon::Mention& a, const lexicon::Mention& b) {
  if (a.country.empty() || b.country.empty() || a.code == b.code) return false;
  return !(a.country == b.country && (a.sector.empty() || b.sector.empty()));
}

// An actor found at a place in the tree: an index into the sentence's actors, and for a
// pronoun resolved to an earlier actor, the pronoun's token.
struct Found {
  uint32_t actor = 0;
  int32_t pronoun = -1;
};

// The matching state for one sentence.
class SentenceMatcher {
 public:
  SentenceMatcher(const EventCoder& coder, const SentenceInput& in, CoderWorkspace* ws)
      : coder_(coder),
        dict_(coder.dictionaries()),
        clauses_(coder.dictionaries().patterns().clauses()),
        in_(in),
        tokens_(in.sentence->tokens),
        ws_(*ws) {
    BuildTree();
  }

  void Run(std::vector<Event>* out);

 private:
  int Parent(int i) const {
    int h = tokens_[i].head;
    return h > 0 && h <= static_cast<int>(tokens_.size()) ? h - 1 : -1;
  }
  std::span<const uint32_t> Children(int i) const {
    return std::span<const uint32_t>(ws_.children.data() + ws_.child_begin[i],
                                     ws_.child_begin[i + 1] - ws_.child_begin[i]);
  }
  std::string_view Rel(int i) const { return tokens_[i].deprel; }
  std::string_view Lemma(int i) const { return ws_.lemmas[i]; }
  int Child(int i, std::string_view rel) const {
    for (uint32_t c : Children(i)) {
      if (Rel(c) == rel) return static_cast<int>(c);
    }
    return -1;
  }

  void BuildTree();
  bool IsPassive(int i) const;
  bool HasPreposition(int dep, std::string_view prep) const;
  int PrepDependent(int pred, const PatternSlot& slot) const;
  int ObjectToken(int pred) const;
  int SubjectToken(int pred) const;
  bool Negated(int pred, int depth = 0) const;
  Modality ModalityOf(int pred) const;
  int Reporter(int pred) const;
  int LightVerbOf(int noun) const;
  bool IsComplement(int node) const;
  int MeasuredNoun(int token) const;
  bool Asserted(int pred) const;
  bool WordMatches(const lexicon::WordSet& words, int token) const;

  void ActorsAt(int t, std::vector<Found>* out, int depth = 0) const;
  void ActorsOnToken(int t, std::vector<Found>* out) const;
  void Resolve(int pronoun, std::vector<Found>* out) const;
  void SourceActors(int pred, std::vector<Found>* out, int depth = 0) const;
  void TargetActors(int pred, std::vector<Found>* out) const;
  void NounSourceActors(int noun, std::vector<Found>* out) const;

  int Matches(const EventPattern& p, int pred, std::vector<std::pair<SlotRole, int>>* roles,
              int* absent) const;
  void CodePredicate(int pred, PredicateKind kind);
  void Emit(int pred, const EventPattern& p, const std::vector<Found>& sources,
            const std::vector<Found>& targets, bool negated, Modality modality, int reporter);
  void FillActor(const Found& f, EventActor* a) const;

  const EventCoder& coder_;
  const lexicon::DictionarySet& dict_;
  const lexicon::ClauseLexicon& clauses_;
  const SentenceInput& in_;
  const std::vector<text::Token>& tokens_;
  CoderWorkspace& ws_;
  // scratch for word matching (lower-cased form, de-inflected stem), reused across calls
  mutable std::string form_;
  mutable std::string stem_;
};

void SentenceMatcher::BuildTree() {
  const size_t n = tokens_.size();
  ws_.child_begin.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    int p = Parent(static_cast<int>(i));
    if (p >= 0) ++ws_.child_begin[p + 1];
  }
  for (size_t i = 0; i < n; ++i) ws_.child_begin[i + 1] += ws_.child_begin[i];
  ws_.children.assign(ws_.child_begin[n], 0);
  std::vector<uint32_t>& fill = ws_.fill;
  fill.assign(ws_.child_begin.begin(), ws_.child_begin.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    int p = Parent(static_cast<int>(i));
    if (p >= 0) ws_.children[fill[p]++] = static_cast<uint32_t>(i);
  }
  if (ws_.lemmas.size() < n) ws_.lemmas.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view lemma = tokens_[i].lemma;
    if (lemma.empty()) lemma = tokens_[i].form;
    base::AsciiLowerInto(lemma, &ws_.lemmas[i]);
  }
  ws_.actor_at.assign(n, -1);
  for (size_t a = 0; a < in_.actors.size(); ++a) {
    const lexicon::Mention& m = in_.actors[a].mention;
    for (uint32_t t = m.token_begin; t < m.token_end && t < n; ++t) {
      if (ws_.actor_at[t] < 0) ws_.actor_at[t] = static_cast<int32_t>(a);
    }
  }
}

bool SentenceMatcher::IsPassive(int i) const {
  for (uint32_t c : Children(i)) {
    if (Rel(c) == "aux:pass" || Rel(c) == "nsubj:pass") return true;
  }
  // A reduced relative or participle ("the convoy attacked by rebels"); with a direct object
  // it is active whatever the tag ("troops attacked Ukraine", a past tense the tagger took
  // for a participle and the parser for a modifier).
  return RelIs(Rel(i), "acl") && Rel(i) != "acl:relcl" && tokens_[i].xpos == "VBN" &&
         Child(i, "obj") < 0;
}

// True when token's lemma is in `words`, or (where the lemmatizer did not know the word) the
// form itself or the form without a regular ending ("troops", "embargoes", "boycotted").
bool SentenceMatcher::WordMatches(const lexicon::WordSet& words, int token) const {
  if (words.Contains(Lemma(token))) return true;
  std::string& form = form_;  // reused: no allocation per call once warm
  base::AsciiLowerInto(tokens_[token].form, &form);
  if (words.Contains(form)) return true;
  auto try_stem = [&](std::string_view suffix, std::string_view replacement) {
    if (form.size() <= suffix.size() + 2 || !form.ends_with(suffix)) return false;
    stem_.assign(form, 0, form.size() - suffix.size());
    stem_.append(replacement);
    return words.Contains(stem_);
  };
  return try_stem("ies", "y") || try_stem("es", "") || try_stem("s", "") || try_stem("ied", "y") ||
         try_stem("ed", "") || try_stem("ed", "e") || try_stem("d", "") || try_stem("ing", "") ||
         try_stem("ing", "e");
}

// True when dependent `dep` is introduced by preposition `prep` (one or more words: the case
// word, then its `fixed` continuation).
bool SentenceMatcher::HasPreposition(int dep, std::string_view prep) const {
  for (uint32_t c : Children(dep)) {
    if (Rel(c) != "case" && Rel(c) != "mark") continue;
    std::string_view first = prep.substr(0, prep.find(' '));
    if (Lemma(c) != first) continue;
    if (first.size() == prep.size()) return true;
    // multi-word preposition: the rest as `fixed` children of the case word, in order
    std::string_view rest = prep.substr(first.size() + 1);
    for (uint32_t f : Children(c)) {
      if (Rel(f) != "fixed") continue;
      std::string_view word = rest.substr(0, rest.find(' '));
      if (Lemma(f) != word) break;
      if (word.size() == rest.size()) return true;
      rest = rest.substr(word.size() + 1);
    }
  }
  return false;
}

// The dependent of `pred` introduced by the slot's preposition (and with its words), or -1.
// For a verb, a prepositional phrase the parser attached to the verb's object counts too
// ("imposed sanctions on Iran" parses either way).
int SentenceMatcher::PrepDependent(int pred, const PatternSlot& slot) const {
  auto scan = [&](int head) -> int {
    for (uint32_t c : Children(head)) {
      std::string_view rel = Rel(c);
      if (!RelIs(rel, "obl") && !RelIs(rel, "nmod") && !RelIs(rel, "advcl") && !RelIs(rel, "acl")) {
        continue;
      }
      if (rel == "nmod:poss" || rel == "acl:relcl") continue;
      if (!HasPreposition(static_cast<int>(c), slot.prep)) continue;
      if (!slot.words.empty() && !WordMatches(slot.words, static_cast<int>(c))) continue;
      return static_cast<int>(c);
    }
    return -1;
  };
  int d = scan(pred);
  if (d >= 0) return d;
  if (tokens_[pred].upos == "VERB") {
    // a particle the parser left as an adverb keeps the phrase ("handed Mladic over to ...")
    for (uint32_t c : Children(pred)) {
      if ((Rel(c) == "compound:prt" || RelIs(Rel(c), "advmod")) &&
          (d = scan(static_cast<int>(c))) >= 0) {
        return d;
      }
    }
    int obj = ObjectToken(pred);
    if (obj >= 0) {
      d = scan(obj);
      if (d >= 0) return d;
      // "donated medicine and food to Turkey": the phrase hangs on the last conjunct
      for (uint32_t c : Children(obj)) {
        if (Rel(c) == "conj" && (d = scan(static_cast<int>(c))) >= 0) return d;
      }
      // an actor phrase attached too low ("discussed the war in Gaza with Jordan's king"):
      // one level further down the object's own modifiers, for role slots only
      if (slot.words.empty() && slot.role != SlotRole::kNone) {
        for (uint32_t c : Children(obj)) {
          if (RelIs(Rel(c), "nmod") && Rel(c) != "nmod:poss" &&
              (d = scan(static_cast<int>(c))) >= 0) {
            return d;
          }
        }
      }
    }
    // the same under an oblique of the verb ("rallied for a tenth week against X")
    if (slot.words.empty() && slot.role != SlotRole::kNone) {
      for (uint32_t o : Children(pred)) {
        if (!RelIs(Rel(o), "obl")) continue;
        for (uint32_t c : Children(o)) {
          if (RelIs(Rel(c), "nmod") && Rel(c) != "nmod:poss" && HasPreposition(c, slot.prep)) {
            return static_cast<int>(c);
          }
        }
      }
    }
  } else if (LightVerbOf(pred) >= 0) {
    // an event noun's phrase the parser gave to its light verb ("held talks ... on trade")
    return scan(Parent(pred));
  }
  return -1;
}

int SentenceMatcher::ObjectToken(int pred) const {
  if (IsPassive(pred)) {
    int s = Child(pred, "nsubj:pass");
    if (s >= 0) return s;
    if (RelIs(Rel(pred), "acl") && Rel(pred) != "acl:relcl") return Parent(pred);
    return -1;
  }
  return Child(pred, "obj");
}

int SentenceMatcher::SubjectToken(int pred) const {
  int s = Child(pred, "nsubj");
  if (s < 0) s = Child(pred, "nsubj:pass");
  return s;
}

// For an amount ("$15 billion in aid", "600,000 doses of vaccine", "tons of food"), the noun
// it measures; -1 when `token` is not an amount or measures nothing.
int SentenceMatcher::MeasuredNoun(int token) const {
  if (tokens_[token].upos != "NUM" && !clauses_.measure_nouns.Contains(Lemma(token))) return -1;
  for (uint32_t c : Children(token)) {
    if (RelIs(Rel(c), "nmod") &&
        (HasPreposition(static_cast<int>(c), "in") || HasPreposition(static_cast<int>(c), "of"))) {
      return static_cast<int>(c);
    }
  }
  return -1;
}

// An open complement: xcomp, or a "to" clause the parser made an advcl ("agreed on Tuesday to
// resume talks").
bool SentenceMatcher::IsComplement(int node) const {
  if (Rel(node) == "xcomp") return true;
  if (Rel(node) != "advcl") return false;
  for (uint32_t c : Children(node)) {
    if (Rel(c) == "mark" && Lemma(c) == "to") return true;
  }
  return false;
}

// The light verb carrying event noun `noun` ("held talks", "talks were held"), or -1.
int SentenceMatcher::LightVerbOf(int noun) const {
  int p = Parent(noun);
  if (p < 0 || tokens_[noun].upos == "VERB") return -1;
  // "went on hunger strike", "embarked on a tour": an "on" oblique of a light verb
  const bool on_phrase = RelIs(Rel(noun), "obl") && HasPreposition(noun, "on");
  if (Rel(noun) != "obj" && Rel(noun) != "nsubj:pass" && !on_phrase) return -1;
  return clauses_.light_verbs.Contains(Lemma(p)) ? p : -1;
}

bool SentenceMatcher::Negated(int pred, int depth) const {
  if (depth > 6) return false;
  for (uint32_t c : Children(pred)) {
    std::string_view rel = Rel(c);
    if ((RelIs(rel, "advmod") || rel == "neg" || rel == "det" || rel == "cc:preconj") &&
        clauses_.negators.Contains(Lemma(c))) {
      // "no" as a determiner negates a noun predicate ("no talks were held") only
      if (rel == "det" && tokens_[pred].upos == "VERB") continue;
      return true;
    }
  }
  int p = Parent(pred);
  if (p < 0) return false;
  if (IsComplement(pred)) {
    if (clauses_.negating_verbs.Contains(Lemma(p))) return true;
    return Negated(p, depth + 1);
  }
  // an event noun is negated with its light verb ("did not hold talks")
  if (LightVerbOf(pred) >= 0) return Negated(p, depth + 1);
  return false;
}

Modality SentenceMatcher::ModalityOf(int pred) const {
  int node = pred;
  // "the upcoming summit", "a planned visit"
  if (tokens_[pred].upos != "VERB") {
    for (uint32_t c : Children(pred)) {
      if (Rel(c) == "amod" && clauses_.intent_modifiers.Contains(Lemma(c))) {
        return Modality::kIntent;
      }
    }
  }
  // an event noun takes its light verb's modality ("will hold talks")
  if (LightVerbOf(node) >= 0) node = Parent(node);
  Modality found = Modality::kAsserted;
  for (int steps = 0; steps < 8 && node >= 0; ++steps) {
    for (uint32_t c : Children(node)) {
      if (!RelIs(Rel(c), "aux")) continue;
      if (clauses_.intent_modals.Contains(Lemma(c))) return Modality::kIntent;
      if (clauses_.possible_modals.Contains(Lemma(c))) return Modality::kPossible;
    }
    // a headline infinitive: "Biden to propose new talks"
    if (Rel(node) == "root" && tokens_[node].upos == "VERB" && Child(node, "mark") >= 0 &&
        Lemma(Child(node, "mark")) == "to" && SubjectToken(node) >= 0) {
      return Modality::kIntent;
    }
    int p = Parent(node);
    if (p < 0) break;
    if (IsComplement(node)) {
      if (clauses_.intent_verbs.Contains(Lemma(p))) found = Modality::kIntent;
      node = p;
      continue;
    }
    // "Russia's plans to annex", "a pledge to withdraw": the complement of an intent noun
    if (Rel(node) == "acl" && tokens_[p].upos == "NOUN" &&
        clauses_.intent_verbs.Contains(Lemma(p))) {
      return Modality::kIntent;
    }
    if (Rel(node) == "conj") {
      node = p;
      continue;
    }
    break;
  }
  return found;
}

// The reporting verb whose complement holds `pred` ("X said [Y attacked Z]"), or -1.
int SentenceMatcher::Reporter(int pred) const {
  int node = pred;
  for (int steps = 0; steps < 8 && node >= 0; ++steps) {
    // "Y attacked Z, X said": the reporting verb hangs off the event's clause
    for (uint32_t c : Children(node)) {
      if (Rel(c) == "parataxis" && clauses_.report_verbs.Contains(Lemma(c)) &&
          tokens_[c].upos == "VERB") {
        return static_cast<int>(c);
      }
    }
    int p = Parent(node);
    if (p < 0) return -1;
    std::string_view rel = Rel(node);
    if ((rel == "ccomp" || rel == "parataxis") && clauses_.report_verbs.Contains(Lemma(p)) &&
        tokens_[p].upos == "VERB") {
      return p;
    }
    if (rel == "xcomp" || rel == "conj" || rel == "obj" || rel == "nsubj:pass" ||
        (rel == "nsubj" && tokens_[node].upos != "VERB")) {
      node = p;  // an event noun reported as the subject of its clause climbs to that clause
      continue;
    }
    return -1;
  }
  return -1;
}

void SentenceMatcher::ActorsOnToken(int t, std::vector<Found>* out) const {
  for (size_t a = static_cast<size_t>(ws_.actor_at[t]); a < in_.actors.size(); ++a) {
    const lexicon::Mention& m = in_.actors[a].mention;
    if (m.token_begin > static_cast<uint32_t>(t)) break;
    if (static_cast<uint32_t>(t) >= m.token_end) continue;
    bool dup = std::any_of(out->begin(), out->end(),
                           [&](const Found& f) { return f.actor == a && f.pronoun < 0; });
    if (!dup) out->push_back(Found{static_cast<uint32_t>(a), -1});
    // "Russian and Chinese warships": the coordinated adjective shares this head
    for (size_t b = 0; b < in_.actors.size(); ++b) {
      if (in_.actors[b].shares_head_of == static_cast<int32_t>(a)) {
        out->push_back(Found{static_cast<uint32_t>(b), -1});
      }
    }
  }
}

// Resolves a personal pronoun to the nearest earlier actor of the sentence that agrees with
// it, preferring actors that are subjects ("Blinken returned from Europe, where he met ...").
void SentenceMatcher::Resolve(int pronoun, std::vector<Found>* out) const {
  // a subject pronoun looks for an earlier subject, any other for an earlier non-subject
  // ("cut ties with Qatar, accusing it of ...": it = Qatar, not the subject)
  const bool want_subject = RelIs(Rel(pronoun), "nsubj") || Rel(pronoun) == "nmod:poss";
  const bool person = IsPersonPronoun(Lemma(pronoun));
  const bool neuter = Lemma(pronoun) == "it" || Lemma(pronoun) == "its";
  int best = -1;
  bool best_subject = false;
  // an object pronoun never names the subject of its own verb ("Putin told him")
  const bool object = RelIs(Rel(pronoun), "obj") || RelIs(Rel(pronoun), "iobj") ||
                      RelIs(Rel(pronoun), "obl");
  for (size_t a = 0; a < in_.actors.size(); ++a) {
    const lexicon::Mention& m = in_.actors[a].mention;
    if (m.token_end > static_cast<uint32_t>(pronoun)) break;
    if (in_.actors[a].resolved && m.token_begin == static_cast<uint32_t>(pronoun)) continue;
    const lexicon::NameRecord& name = dict_.names()[m.name];
    const lexicon::Entry& entry = dict_.entries()[name.entry];
    const bool is_person = entry.kind == lexicon::EntryKind::kPerson || m.agent_name >= 0;
    if (person && !is_person) continue;
    if (neuter && is_person) continue;
    if (m.place) continue;
    bool subject = false;
    bool head_is_clause_subject = false;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      int p = Parent(static_cast<int>(t));
      if (p < static_cast<int>(m.token_begin) || p >= static_cast<int>(m.token_end)) {
        const int head = static_cast<int>(t);
        if (object && RelIs(Rel(head), "nsubj") && Parent(head) == Parent(pronoun)) {
          subject = false;
          head_is_clause_subject = true;
          break;
        }
        subject = RelIs(Rel(head), "nsubj") == want_subject;
        // a place phrase is no antecedent for an object pronoun ("filed a case against Israel
        // at the International Court of Justice, accusing it of ...": it = Israel)
        if (subject && !want_subject &&
            (RelIs(Rel(head), "obl") || RelIs(Rel(head), "nmod")) &&
            (HasPreposition(head, "at") || HasPreposition(head, "in") ||
             HasPreposition(head, "near") || HasPreposition(head, "inside"))) {
          subject = false;
        }
        break;
      }
    }
    if (head_is_clause_subject) continue;
    if (best < 0 || subject || !best_subject) {
      if (subject || !best_subject) {
        best = static_cast<int>(a);
        best_subject = subject;
      }
    }
  }
  if (best < 0) return;
  const std::string_view lemma = Lemma(pronoun);
  if (lemma == "they" || lemma == "their" || lemma == "them") {
    // a plural pronoun takes the whole coordination ("India and Pakistan agreed to resume
    // their talks": their = India and Pakistan)
    const lexicon::Mention& m = in_.actors[best].mention;
    int head = static_cast<int>(m.token_begin);
    while (Parent(head) >= static_cast<int>(m.token_begin) &&
           Parent(head) < static_cast<int>(m.token_end)) {
      head = Parent(head);
    }
    int first = head;  // the first conjunct heads the coordination
    while (Rel(first) == "conj" && Parent(first) >= 0 && Parent(first) < pronoun) {
      first = Parent(first);
    }
    std::vector<Found> group;
    ActorsAt(first, &group, 1);
    if (group.size() > 1) {
      for (const Found& f : group) {
        if (f.pronoun < 0) out->push_back(Found{f.actor, pronoun});
      }
      return;
    }
  }
  out->push_back(Found{static_cast<uint32_t>(best), pronoun});
}

// The actors a phrase headed by `t` names: the mention on it, or the actors modifying it
// ("US accusations", "his Russian counterpart Vladimir Putin", "the government of Iran"),
// plus coordinated phrases ("India and Pakistan").
void SentenceMatcher::ActorsAt(int t, std::vector<Found>* out, int depth) const {
  if (t < 0 || depth > 3) return;
  const bool pronoun = tokens_[t].upos == "PRON" && IsPersonalPronoun(Lemma(t));
  if (pronoun) {
    // an antecedent in the sentence first (the parse knows it best), else the actor the
    // document context resolved the pronoun to (a mention on the pronoun itself)
    const size_t before = out->size();
    Resolve(t, out);
    if (out->size() == before && ws_.actor_at[t] >= 0) ActorsOnToken(t, out);
  } else if (ws_.actor_at[t] >= 0) {
    ActorsOnToken(t, out);
  } else if (depth < 3) {
    static constexpr std::string_view kModifiers[] = {"appos",     "flat", "compound",
                                                      "nmod:poss", "amod", "nmod"};
    for (std::string_view rel : kModifiers) {
      size_t before = out->size();
      for (uint32_t c : Children(t)) {
        if (Rel(c) != rel && !(rel == "flat" && RelIs(Rel(c), "flat"))) continue;
        if (rel == "nmod" && !HasPreposition(static_cast<int>(c), "of") &&
            !HasPreposition(static_cast<int>(c), "from")) {
          continue;
        }
        ActorsAt(static_cast<int>(c), out, depth + 1);
      }
      if (out->size() > before) break;
    }
  }
  for (uint32_t c : Children(t)) {
    if (Rel(c) == "conj") ActorsAt(static_cast<int>(c), out, depth + 1);
  }
}

void SentenceMatcher::SourceActors(int pred, std::vector<Found>* out, int depth) const {
  if (pred < 0 || depth > 6) return;
  if (tokens_[pred].upos != "VERB" && tokens_[pred].upos != "AUX" && depth == 0) {
    NounSourceActors(pred, out);
    return;
  }
  if (IsPassive(pred)) {
    for (uint32_t c : Children(pred)) {
      if (Rel(c) == "obl:agent" || (RelIs(Rel(c), "obl") && HasPreposition(c, "by"))) {
        ActorsAt(static_cast<int>(c), out);
        return;
      }
    }
    if (Child(pred, "nsubj:pass") >= 0) return;  // "Ukraine was attacked": no source
  }
  int s = Child(pred, "nsubj");
  std::string_view rel = Rel(pred);
  int p = Parent(pred);
  if (s >= 0) {
    if (rel == "acl:relcl" && p >= 0 &&
        (Lemma(s) == "who" || Lemma(s) == "which" || Lemma(s) == "that")) {
      ActorsAt(p, out);
    } else {
      ActorsAt(s, out);
    }
    return;
  }
  if (p < 0) return;
  if (rel == "xcomp") {
    // object control ("urged Iran to stop"), then subject control and raising ("agreed to
    // meet", "is expected to speak")
    int obj = Child(p, "obj");
    if (obj >= 0) {
      ActorsAt(obj, out);
      return;
    }
    int subj = SubjectToken(p);
    if (subj >= 0) {
      ActorsAt(subj, out);
      return;
    }
    SourceActors(p, out, depth + 1);
    return;
  }
  if (rel == "advcl" || RelIs(rel, "acl")) {
    // "accused Qatar of supporting terrorism", "praised Japan for sending aid": the object
    // of the governing verb does the act of an "of"/"for" gerund
    for (uint32_t c : Children(pred)) {
      if ((Rel(c) == "mark" || Rel(c) == "case") && (Lemma(c) == "of" || Lemma(c) == "for")) {
        int obj = Child(p, "obj");
        if (obj >= 0) {
          ActorsAt(obj, out);
          return;
        }
      }
    }
  }
  if (rel == "conj" || rel == "advcl") {
    int subj = SubjectToken(p);
    if (subj >= 0 && !(rel == "conj" && IsPassive(p) != IsPassive(pred))) {
      ActorsAt(subj, out);
      return;
    }
    SourceActors(p, out, depth + 1);
    return;
  }
  // a relative clause, or an active participle ("troops shelling Kharkiv"): the noun it
  // modifies acts
  if (rel == "acl:relcl" || (RelIs(rel, "acl") && !IsPassive(pred))) {
    ActorsAt(p, out);
  }
}

void SentenceMatcher::TargetActors(int pred, std::vector<Found>* out) const {
  int obj = ObjectToken(pred);
  if (obj < 0 && IsPassive(pred) && Rel(pred) == "acl:relcl") obj = Parent(pred);
  if (obj >= 0) ActorsAt(obj, out);
  if (out->empty()) {
    int iobj = Child(pred, "iobj");
    if (iobj >= 0) ActorsAt(iobj, out);
  }
  // a demand is addressed to whoever must act: "demanded that Armenia withdraw" -> Armenia
  if (out->empty() && obj < 0 && clauses_.request_verbs.Contains(Lemma(pred))) {
    int comp = Child(pred, "ccomp");
    if (comp >= 0) {
      int subj = SubjectToken(comp);
      if (subj >= 0) ActorsAt(subj, out);
    }
  }
}

void SentenceMatcher::NounSourceActors(int noun, std::vector<Found>* out) const {
  for (uint32_t c : Children(noun)) {
    if (RelIs(Rel(c), "nmod") && HasPreposition(static_cast<int>(c), "by")) {
      ActorsAt(static_cast<int>(c), out);
      if (!out->empty()) return;
    }
  }
  int poss = Child(noun, "nmod:poss");
  if (poss >= 0) {
    ActorsAt(poss, out);
    if (!out->empty()) return;
  }
  for (uint32_t c : Children(noun)) {
    if ((Rel(c) == "amod" || Rel(c) == "compound") && ws_.actor_at[c] >= 0) {
      ActorsOnToken(static_cast<int>(c), out);
    }
  }
  if (!out->empty()) return;
  int light = LightVerbOf(noun);
  if (light >= 0) SourceActors(light, out, 1);
}

// Checks the constraint slots of `pattern` at `pred`; records where the role slots point.
// Role-only slots (`with:+`, `obj:+`) are optional: they say where an actor comes from when
// the dependent is there. Returns the match's score (constraints plus role slots present),
// or -1 when a constraint fails; *absent counts the role slots not found.
int SentenceMatcher::Matches(const EventPattern& pattern, int pred,
                             std::vector<std::pair<SlotRole, int>>* roles, int* absent) const {
  roles->clear();
  if (absent != nullptr) *absent = 0;
  int score = pattern.particle.empty() ? 0 : 1;
  for (const PatternSlot& slot : pattern.slots) {
    int dep = -1;
    switch (slot.kind) {
      case SlotKind::kSubject:
        dep = SubjectToken(pred);
        break;
      case SlotKind::kObject:
        dep = ObjectToken(pred);
        break;
      case SlotKind::kIndirectObject:
        dep = Child(pred, "iobj");
        break;
      case SlotKind::kPossessor:
        dep = Child(pred, "nmod:poss");
        break;
      case SlotKind::kXcomp:
        // an open or a finite complement: "agreed to withdraw", "demanded that X withdraw"
        dep = Child(pred, "xcomp");
        if (dep < 0 || (!slot.words.empty() && !WordMatches(slot.words, dep))) {
          int ccomp = Child(pred, "ccomp");
          if (ccomp >= 0) dep = ccomp;
        }
        break;
      case SlotKind::kPrep:
        dep = PrepDependent(pred, slot);
        break;
      case SlotKind::kCcomp:
        if (Child(pred, "ccomp") < 0) return -1;
        ++score;
        continue;
      case SlotKind::kNegation:
        if (!Negated(pred)) return -1;
        ++score;
        continue;
      case SlotKind::kModifier: {
        // a modifier of the event noun, or of the verb's object ("cut military aid")
        const int head = tokens_[pred].upos == "VERB" ? ObjectToken(pred) : pred;
        if (head < 0) return -1;
        bool found = false;
        for (uint32_t c : Children(head)) {
          if ((Rel(c) == "amod" || Rel(c) == "compound") &&
              WordMatches(slot.words, static_cast<int>(c))) {
            found = true;
          }
        }
        if (!found) return -1;
        ++score;
        continue;
      }
    }
    const bool constraint = !slot.words.empty() || slot.role == SlotRole::kNone;
    if (dep < 0) {
      if (constraint) return -1;
      if (absent != nullptr) ++*absent;
      continue;
    }
    if (!slot.words.empty() && !WordMatches(slot.words, dep)) {
      // an amount stands for what it measures: "provided $15 billion in security assistance",
      // "delivered 600,000 doses of vaccine"
      const int measured = slot.kind == SlotKind::kObject ? MeasuredNoun(dep) : -1;
      if (measured < 0 || !WordMatches(slot.words, measured)) return -1;
    }
    ++score;
    if (slot.role != SlotRole::kNone) roles->emplace_back(slot.role, dep);
  }
  return score;
}

void SentenceMatcher::FillActor(const Found& f, EventActor* a) const {
  const ActorMention& m = in_.actors[f.actor];
  a->code = m.mention.code;
  a->country = m.mention.country;
  a->sector = m.mention.sector;
  const std::string& body = in_.doc->body;
  if (f.pronoun >= 0) {
    a->span = tokens_[f.pronoun].span;
    a->resolved = true;
    a->resolved_from = m.resolved ? m.resolved_from : m.span;
  } else {
    a->span = m.span;
    a->resolved = m.resolved;
    a->resolved_from = m.resolved_from;
  }
  if (a->span.end <= body.size() && a->span.begin <= a->span.end) {
    a->text.assign(body, a->span.begin, a->span.size());
  }
}

void SentenceMatcher::Emit(int pred, const EventPattern& p, const std::vector<Found>& sources,
                           const std::vector<Found>& targets, bool negated, Modality modality,
                           int reporter) {
  std::string code = p.code;
  if (modality != Modality::kAsserted) {
    for (const auto& [prefix, intent] : clauses_.intent_codes) {
      if (code.compare(0, prefix.size(), prefix) == 0) {
        code = intent;
        break;
      }
    }
  }
  const lexicon::CameoCode* cameo = coder_.codebook().Find(code);
  if (cameo == nullptr) return;  // checked at construction; intent codes too
  std::vector<Found> reporters;
  if (reporter >= 0) SourceActors(reporter, &reporters);

  auto emit_one = [&](const Found* s, const Found* t) {
    if (ws_.pending.size() >= coder_.options().max_events_per_sentence) return;
    if (s != nullptr && t != nullptr) {
      if (s->actor == t->actor ||
          !Pairable(in_.actors[s->actor].mention, in_.actors[t->actor].mention)) {
        return;
      }
    }
    // one-sided events (--keep-one-sided) still need a placed actor
    if ((s != nullptr && in_.actors[s->actor].mention.country.empty()) ||
        (t != nullptr && in_.actors[t->actor].mention.country.empty())) {
      return;
    }
    Event e;
    e.doc_id = in_.doc->id;
    e.sentence_index = in_.sentence_index;
    e.date = std::string(in_.date);
    e.zone = std::string(in_.zone);
    if (s != nullptr) FillActor(*s, &e.source);
    if (t != nullptr) FillActor(*t, &e.target);
    e.cameo = cameo->code;
    e.root = cameo->root;
    e.quad_class = cameo->quad_class;
    e.goldstein = cameo->goldstein;
    e.plover_event = cameo->plover_event;
    e.plover_mode = cameo->plover_mode;
    e.plover_context = cameo->plover_context;
    e.negated = negated;
    e.modality = modality;
    if (!reporters.empty()) {
      FillActor(reporters[0], &e.attributed_to);
      e.attributed = true;
    }
    const text::Sentence& sentence = *in_.sentence;
    const std::string& body = in_.doc->body;
    e.sentence_span = sentence.span;
    if (sentence.span.end <= body.size()) {
      e.sentence_text.assign(body, sentence.span.begin, sentence.span.size());
    }
    e.verb_span = tokens_[pred].span;
    e.verb_text = std::string(tokens_[pred].form);
    e.pattern = coder_.PatternName(p.where);
    e.source_name = in_.doc->source;
    e.url = in_.doc->url;
    // the same pair and code from another predicate of the sentence is one event
    for (const Event& o : ws_.pending) {
      if (o.cameo == e.cameo && o.source.span == e.source.span && o.target.span == e.target.span &&
          o.source.code == e.source.code && o.target.code == e.target.code) {
        return;
      }
    }
    ws_.pending.push_back(std::move(e));
    ws_.pending_predicate.push_back(static_cast<uint32_t>(pred));
    ws_.pending_reporter.push_back(reporter);
  };

  if (!sources.empty() && !targets.empty()) {
    for (const Found& s : sources) {
      for (const Found& t : targets) emit_one(&s, &t);
    }
    return;
  }
  bool reciprocal = false;
  for (const std::string& prefix : clauses_.reciprocal_codes) {
    if (p.code.compare(0, prefix.size(), prefix) == 0) reciprocal = true;
  }
  if (reciprocal && sources.size() >= 2 && targets.empty()) {
    for (const Found& s : sources) {
      for (const Found& t : sources) {
        if (s.actor != t.actor) emit_one(&s, &t);
      }
    }
    return;
  }
  if (!coder_.options().keep_one_sided) return;
  for (const Found& s : sources) emit_one(&s, nullptr);
  for (const Found& t : targets) emit_one(nullptr, &t);
}

// False for a predicate whose event the sentence does not assert: the requested act of a
// demand or appeal ("urged Germany to send tanks", "demanded that Britain release"), a
// question or condition ("whether China would invade", "if Tehran returns"), and an event
// noun that is the object of a verb other than a light verb ("lifted sanctions", "suspended
// its mediation": the verb's own pattern codes what happened).
bool SentenceMatcher::Asserted(int pred) const {
  int node = pred;
  if (tokens_[pred].upos != "VERB") {
    std::string_view rel = Rel(pred);
    if ((rel == "obj" || rel == "nsubj:pass") && Parent(pred) >= 0 && LightVerbOf(pred) < 0) {
      return false;
    }
    if (LightVerbOf(pred) >= 0) node = Parent(pred);
  }
  for (int steps = 0; steps < 8 && node >= 0; ++steps) {
    for (uint32_t c : Children(node)) {
      if (Rel(c) == "mark" && (Lemma(c) == "whether" || Lemma(c) == "if")) return false;
    }
    int p = Parent(node);
    if (p < 0) return true;
    std::string_view rel = Rel(node);
    if (rel == "ccomp" || rel == "xcomp" || rel == "advcl" || RelIs(rel, "acl")) {
      // requested acts, and the acts of an accusation or a denial ("accused Azerbaijan of
      // launching an attack": the accusation is the event, the attack only alleged)
      if (clauses_.request_verbs.Contains(Lemma(p)) || clauses_.alleging_verbs.Contains(Lemma(p))) {
        return false;
      }
      if (RelIs(rel, "acl")) return true;
      node = p;
      continue;
    }
    if (rel == "conj") {
      node = p;
      continue;
    }
    return true;
  }
  return true;
}

void SentenceMatcher::CodePredicate(int pred, PredicateKind kind) {
  const lexicon::PatternDictionary& patterns = dict_.patterns();
  const std::vector<uint32_t>* list = &patterns.ForPredicate(kind, Lemma(pred));
  if (list->empty()) {
    // the lemmatizer may not know the word ("shelled" -> "shel"): its regular forms do
    base::AsciiLowerInto(tokens_[pred].form, &form_);
    std::string_view lemma = patterns.LemmaOfForm(kind, form_);
    if (lemma.empty()) return;
    list = &patterns.ForPredicate(kind, lemma);
  }
  const std::vector<uint32_t>& candidates = *list;
  if (candidates.empty()) return;
  std::string_view particle;
  if (kind == PredicateKind::kVerb) {
    int prt = Child(pred, "compound:prt");
    if (prt >= 0) particle = Lemma(prt);
  }
  const EventPattern* best = nullptr;
  std::vector<std::pair<SlotRole, int>> roles;
  std::vector<std::pair<SlotRole, int>> best_roles;
  int best_score = -1;
  int best_absent = 0;
  for (uint32_t index : candidates) {
    const EventPattern& p = patterns.patterns()[index];
    if (!p.particle.empty()) {
      // a phrasal verb's particle: compound:prt, or an adverb the parser left as advmod
      bool has = particle == p.particle;
      if (!has) {
        for (uint32_t c : Children(pred)) {
          if (RelIs(Rel(c), "advmod") && Lemma(c) == p.particle &&
              c > static_cast<uint32_t>(pred)) {
            has = true;
          }
        }
      }
      if (!has) continue;
    } else if (!particle.empty()) {
      continue;  // "pull out" is not "pull"
    }
    // the best score wins, then the fewest role slots missing from the sentence ("meet"
    // over "meet with:+" for "met Lavrov"), then the pattern written first
    if (p.Specificity() < best_score) continue;
    int absent = 0;
    int score = Matches(p, pred, &roles, &absent);
    if (score < best_score || (score == best_score && absent >= best_absent)) continue;
    best = &p;
    best_score = score;
    best_absent = absent;
    best_roles = roles;
  }
  if (best == nullptr || best->IsNull()) return;
  if (!Asserted(pred)) return;

  std::vector<Found> sources;
  std::vector<Found> targets;
  for (const auto& [role, dep] : best_roles) {
    std::vector<Found>& list = role == SlotRole::kSource ? sources : targets;
    if (list.empty()) ActorsAt(dep, &list);
  }
  if (sources.empty()) SourceActors(pred, &sources);
  // a pattern that says where its target is ("discuss with:+") does not fall back to the
  // object: "discussed grain exports" names a topic, not a target
  bool names_target = false;
  for (const PatternSlot& slot : best->slots) names_target |= slot.role == SlotRole::kTarget;
  if (targets.empty() && !names_target && kind == PredicateKind::kVerb) {
    TargetActors(pred, &targets);
  }

  bool negated = Negated(pred);
  for (const PatternSlot& s : best->slots) {
    if (s.kind == SlotKind::kNegation) negated = false;  // the pattern is about the negation
  }
  if (negated && !coder_.options().keep_negated) return;
  Emit(pred, *best, sources, targets, negated, ModalityOf(pred), Reporter(pred));
}

void SentenceMatcher::Run(std::vector<Event>* out) {
  ws_.pending.clear();
  ws_.pending_predicate.clear();
  ws_.pending_reporter.clear();
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& upos = tokens_[i].upos;
    if (upos == "VERB") {
      // a participle used as an adjective describes a state ("the detained leader", "occupied
      // regions"), not an event of this sentence
      if (Rel(static_cast<int>(i)) == "amod") continue;
      CodePredicate(static_cast<int>(i), PredicateKind::kVerb);
    } else if (upos == "NOUN" || upos == "PROPN") {
      CodePredicate(static_cast<int>(i), PredicateKind::kNoun);
    }
  }
  // A statement whose complement yielded an event is not coded itself: "X said Y attacked Z"
  // is Y -> Z attributed to X, not also X -> Y "make statement".
  for (size_t i = 0; i < ws_.pending.size(); ++i) {
    bool reported = false;
    for (size_t j = 0; j < ws_.pending.size(); ++j) {
      if (j != i && ws_.pending_reporter[j] == static_cast<int32_t>(ws_.pending_predicate[i])) {
        reported = true;
        break;
      }
    }
    if (!reported) out->push_back(std::move(ws_.pending[i]));
  }
}

}  // namespace

EventCoder::EventCoder(std::shared_ptr<const lexicon::DictionarySet> dictionaries,
                       const lexicon::Codebook* codebook, CoderOptions options)
    : dictionaries_(std::move(dictionaries)), codebook_(codebook), options_(options) {
  const lexicon::PatternDictionary& patterns = dictionaries_->patterns();
  std::string problems;
  size_t count = 0;
  auto problem = [&](const lexicon::SourceRef& where, const std::string& message) {
    if (++count <= 5) problems += "\n  " + dictionaries_->Where(where) + ": " + message;
  };
  for (const EventPattern& p : patterns.patterns()) {
    if (!p.IsNull() && !codebook_->Contains(p.code)) {
      problem(p.where, "unknown event code " + p.code + " (not in the CAMEO codebook)");
    }
  }
  for (const auto& [prefix, code] : patterns.clauses().intent_codes) {
    if (!codebook_->Contains(code)) {
      problem(patterns.clauses().where, "intent code " + code + " is not in the codebook");
    }
  }
  std::string data_dir;
  try {
    data_dir = DataDir() + "/";
  } catch (const Error&) {
    // no shipped data directory: patterns are named by the paths they were loaded from
  }
  for (const std::string& file : dictionaries_->files()) {
    if (!data_dir.empty() && file.compare(0, data_dir.size(), data_dir) == 0) {
      file_names_.push_back("dict/" + file.substr(data_dir.size()));
    } else {
      file_names_.push_back(file);
    }
  }
  if (count > 0) {
    throw Error("event patterns: " + std::to_string(count) + " problem(s):" + problems);
  }
  if (!patterns.patterns().empty() && !patterns.has_clauses()) {
    throw Error(
        "event patterns: the dictionaries have patterns but no clause lexicon "
        "(clause/intent lines, dict/verbs/clauses.txt)");
  }
}

std::string EventCoder::PatternName(const lexicon::SourceRef& where) const {
  std::string out = where.file < file_names_.size() ? file_names_[where.file] : "?";
  return out + ":" + std::to_string(where.line);
}

bool EventCoder::CouldPair(std::span<const ActorMention> actors) const {
  if (options_.keep_one_sided) {
    // a one-sided event needs only one placed actor
    for (const ActorMention& a : actors) {
      if (!a.mention.country.empty()) return true;
    }
    return false;
  }
  for (size_t i = 0; i < actors.size(); ++i) {
    for (size_t j = i + 1; j < actors.size(); ++j) {
      if (Pairable(actors[i].mention, actors[j].mention)) return true;
    }
  }
  return false;
}

bool EventCoder::MayYieldEvent(const text::Sentence& sentence,
                               std::span<const ActorMention> actors) const {
  if (!CouldPair(actors)) return false;
  const lexicon::PatternDictionary& patterns = dictionaries_->patterns();
  std::string lower;
  for (const text::Token& t : sentence.tokens) {
    if (t.upos != "VERB" && t.upos != "NOUN" && t.upos != "PROPN") continue;
    base::AsciiLowerInto(t.lemma.empty() ? std::string_view(t.form) : t.lemma, &lower);
    if (patterns.IsPredicateLemma(lower)) return true;
    base::AsciiLowerInto(t.form, &lower);
    if (patterns.IsPredicateLemma(lower)) return true;
  }
  return false;
}

void EventCoder::CodeSentence(const SentenceInput& input, CoderWorkspace* ws,
                              std::vector<Event>* out) const {
  if (input.sentence == nullptr || input.doc == nullptr || input.sentence->tokens.empty()) {
    return;
  }
  SentenceMatcher matcher(*this, input, ws);
  matcher.Run(out);
}

}  // namespace parley::coding
