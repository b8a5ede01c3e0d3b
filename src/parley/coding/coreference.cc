#include "parley/coding/coreference.h"

#include <algorithm>

#include "parley/base/strings.h"

namespace parley::coding {

namespace {

// Case-insensitive comparison of an ASCII word with a lower-case literal.
bool Is(std::string_view form, std::string_view lower) {
  if (form.size() != lower.size()) return false;
  for (size_t i = 0; i < form.size(); ++i) {
    if (base::AsciiLower(form[i]) != lower[i]) return false;
  }
  return true;
}

bool IsAny(std::string_view form, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (Is(form, w)) return true;
  }
  return false;
}

bool IsUpper(std::string_view form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

std::string_view LastWord(std::string_view s) {
  const size_t space = s.find_last_of(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

bool IsPronounForm(std::string_view w) {
  return IsAny(w, {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"});
}

bool IsPreposition(std::string_view w) {
  return IsAny(w, {"in", "from", "to", "with", "of", "at", "on", "by", "for", "against", "into",
                   "over", "near", "toward", "towards", "across", "about", "between", "among"});
}

// Role words that name one person ("the president", "his Russian counterpart").
bool PersonTerm(std::string_view term) {
  return IsAny(
      LastWord(term),
      {"president",   "leader",       "minister",  "counterpart", "chancellor", "premier",
       "king",        "queen",        "emir",      "sultan",      "monarch",    "spokesman",
       "spokeswoman", "spokesperson", "envoy",     "ambassador",  "diplomat",   "governor",
       "mayor",       "commander",    "general",   "secretary",   "prince",     "negotiator",
       "prosecutor",  "judge",        "senator",   "lawmaker",    "chief",      "president-elect",
       "admiral",     "colonel",      "ayatollah", "pope",        "dictator",   "strongman",
       "head",        "official",     "adviser",   "advisor"});
}

// Role words in the plural ("protesters", "troops", "police").
bool PluralTerm(std::string_view term) {
  const std::string_view last = LastWord(term);
  if (IsAny(last, {"police", "people", "personnel", "military", "authorities", "forces", "troops",
                   "media", "clergy", "staff", "youth"})) {
    return !Is(last, "military");
  }
  return last.size() > 3 && (last.back() == 's' || last.back() == 'S') &&
         last[last.size() - 2] != 's' && !IsAny(last, {"press", "congress", "mps", "status"});
}

}  // namespace

void DocumentContext::Reset(const lexicon::DictionarySet* dictionaries, lexicon::Date date) {
  dict_ = dictionaries;
  date_ = date;
  entities_.clear();
  resolutions_.clear();
  pair_.clear();
  pair_sentence_ = 0;
  sentence_ = 0;
}

std::string DocumentContext::Titles(const lexicon::Entry& entry) const {
  std::string out;
  for (const std::string& role : entry.roles) {
    // "Prime Minister 2010-05-11..2016-07-13", "President 2025-01-20..", "MP ..2024-05-30"
    const size_t dots = role.find("..");
    if (dots == std::string::npos) continue;
    size_t start = role.rfind(' ', dots);
    start = start == std::string::npos ? 0 : start + 1;
    size_t end = role.find(' ', dots);
    if (end == std::string::npos) end = role.size();
    lexicon::Date from = lexicon::kOpenStart;
    lexicon::Date to = lexicon::kOpenEnd;
    const std::string_view a = std::string_view(role).substr(start, dots - start);
    const std::string_view b = std::string_view(role).substr(dots + 2, end - dots - 2);
    if ((!a.empty() && !lexicon::ParseIsoDate(a, &from)) ||
        (!b.empty() && !lexicon::ParseIsoDate(b, &to))) {
      continue;
    }
    if (date_ == lexicon::kUnknownDate || date_ < from || date_ > to) continue;
    if (!out.empty()) out += '|';
    out += base::AsciiLowerCopy(base::Trim(std::string_view(role).substr(0, start)));
  }
  return out;
}

int DocumentContext::TitleFits(std::string_view term, const Entity& e) {
  const std::string t = base::AsciiLowerCopy(term);
  auto has = [&](std::string_view part) { return e.titles.find(part) != std::string::npos; };
  // a head of state or government: president (not vice), prime minister, monarch, ...
  auto head = [&] {
    size_t pos = 0;
    while ((pos = e.titles.find("president", pos)) != std::string::npos) {
      const bool vice = (pos >= 5 && e.titles.compare(pos - 5, 5, "vice ") == 0) ||
                        (pos >= 5 && e.titles.compare(pos - 5, 5, "vice-") == 0);
      if (!vice) return true;
      ++pos;
    }
    return has("prime minister") || has("chancellor") || has("king") || has("queen") ||
           has("emir") || has("sultan") || has("supreme leader") || has("premier") ||
           has("head of state") || has("chairman of the") || has("general secretary");
  };
  if (e.titles.empty()) return -1;
  if (t.find("leader") != std::string::npos || t.find("head") != std::string::npos ||
      t == "presidents") {
    return head() ? 1 : 0;
  }
  if (t.find("president") != std::string::npos) return head() && has("president") ? 1 : 0;
  if (t.find("prime minister") != std::string::npos || t == "premier") {
    return has("prime minister") || has("premier") ? 1 : 0;
  }
  if (t.find("chancellor") != std::string::npos) return has("chancellor") ? 1 : 0;
  if (t.find("foreign") != std::string::npos || t.find("diplomat") != std::string::npos) {
    return has("foreign") || has("secretary of state") || has("external affairs") ? 1 : 0;
  }
  if (t.find("defen") != std::string::npos) return has("defen") ? 1 : 0;
  if (t == "king" || t == "queen" || t == "monarch") return has("king") || has("queen") ? 1 : 0;
  return -1;
}

std::string_view DocumentContext::AgentTerm(const lexicon::Mention& m) const {
  if (m.agent_name < 0) return {};
  return dict_->names()[static_cast<size_t>(m.agent_name)].text;
}

bool DocumentContext::IsPerson(const lexicon::Mention& m) const {
  const lexicon::NameRecord& name = dict_->names()[m.name];
  if (dict_->entries()[name.entry].kind == lexicon::EntryKind::kPerson) return true;
  const std::string_view term = AgentTerm(m);
  return !term.empty() && PersonTerm(term) && !PluralTerm(term);
}

bool DocumentContext::BareAdjective(const lexicon::Mention& m) const {
  // "Israeli strikes", "the American proposal": a demonym alone modifies a thing, not an actor
  return m.sector.empty() && m.agent_name < 0 &&
         dict_->names()[m.name].role == lexicon::NameRole::kAdjective;
}

bool DocumentContext::IsGroup(const lexicon::Mention& m) const {
  const std::string_view term = AgentTerm(m);
  return !term.empty() && PluralTerm(term);
}

bool DocumentContext::Agrees(const Entity& e, Want want) const {
  switch (want) {
    case Want::kMale:
      return e.person && e.gender != lexicon::Gender::kFemale;
    case Want::kFemale:
      return e.person && e.gender != lexicon::Gender::kMale;
    case Want::kPerson:
      return e.person;
    case Want::kThing:
      return !e.person && !e.group && !e.mention.place;
    case Want::kGroup:
      return e.group;
  }
  return false;
}

bool DocumentContext::MentionAgrees(const lexicon::Mention& m, Want want) const {
  if (m.country.empty() || m.place) return false;
  const bool person = IsPerson(m);
  const bool group = IsGroup(m);
  const lexicon::Gender gender = dict_->entries()[dict_->names()[m.name].entry].gender;
  switch (want) {
    case Want::kMale:
      return person && gender != lexicon::Gender::kFemale;
    case Want::kFemale:
      return person && gender != lexicon::Gender::kMale;
    case Want::kPerson:
      return person;
    case Want::kThing:
      return !person && !group;
    case Want::kGroup:
      return group;
  }
  return false;
}

template <typename Pred>
int DocumentContext::Best(Pred ok) const {
  int best = -1;
  const size_t total = entities_.size() + locals_.size();
  for (size_t i = 0; i < total; ++i) {
    const bool local = i >= entities_.size();
    const Entity& e = At(static_cast<int>(i));
    if (local && e.token_end > limit_) continue;
    if (e.sentence + kWindow < sentence_ || !ok(e)) continue;
    if (best < 0) {
      best = static_cast<int>(i);
      continue;
    }
    const Entity& b = At(best);
    if (e.sentence > b.sentence || (e.sentence == b.sentence && e.order < b.order)) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

template <typename Pred>
int DocumentContext::BestFitting(std::string_view term, Pred ok) const {
  const int fits = Best([&](const Entity& e) { return ok(e) && TitleFits(term, e) == 1; });
  if (fits >= 0) return fits;
  return Best([&](const Entity& e) { return ok(e) && TitleFits(term, e) != 0; });
}

void DocumentContext::Describe(const ActorMention& a, Entity* e) const {
  const lexicon::Mention& m = a.mention;
  const lexicon::NameRecord& name = dict_->names()[m.name];
  const lexicon::Entry& entry = dict_->entries()[name.entry];
  e->mention = m;
  e->span = a.span;
  e->token_end = m.token_end;
  e->person = IsPerson(m);
  e->group = IsGroup(m);
  e->organisation = entry.kind == lexicon::EntryKind::kActor && m.agent_name < 0;
  e->country = entry.kind == lexicon::EntryKind::kCountry && m.sector.empty();
  e->person_entry = UINT32_MAX;
  e->surname.clear();
  e->given.clear();
  e->titles.clear();
  if (entry.kind == lexicon::EntryKind::kPerson) {
    e->person = true;
    e->person_entry = name.entry;
    e->gender = entry.gender;
    e->surname = base::AsciiLowerCopy(LastWord(entry.head));
    // family name first ("Xi Jinping", "Yoon Suk Yeol", "Lee Jae-myung")
    const std::string_view head = entry.head;
    e->given = base::AsciiLowerCopy(head.substr(0, head.find(' ')));
    if (e->given == e->surname) e->given.clear();
    e->titles = Titles(entry);
  }
}

ActorMention DocumentContext::FromEntity(const Entity& e, uint32_t begin, uint32_t end,
                                         text::Span span) const {
  ActorMention a;
  a.mention = e.mention;
  a.mention.token_begin = begin;
  a.mention.token_end = end;
  a.mention.stale = false;
  a.span = span;
  a.resolved = true;
  a.resolved_from = e.span;
  return a;
}

void DocumentContext::Resolve(const text::Sentence& sentence,
                              std::vector<ActorMention>* actors) const {
  if (entities_.empty() && actors->empty()) return;
  const auto& tokens = sentence.tokens;
  const auto n = static_cast<uint32_t>(tokens.size());
  // the sentence's own named actors are candidates for the words after them
  locals_.clear();
  for (const ActorMention& a : *actors) {
    if (a.resolved || (a.mention.country.empty() && !IsGroup(a.mention)) ||
        BareAdjective(a.mention)) {
      continue;
    }
    locals_.emplace_back();
    Describe(a, &locals_.back());
    locals_.back().sentence = sentence_;
    locals_.back().order = static_cast<uint32_t>(locals_.size() - 1);
  }
  limit_ = 0;
  std::vector<uint8_t> covered(n, 0);
  for (const ActorMention& a : *actors) {
    for (uint32_t t = a.mention.token_begin; t < a.mention.token_end && t < n; ++t) covered[t] = 1;
  }
  auto word = [&](uint32_t t) { return t < n ? tokens[t].form : std::string_view(); };
  std::vector<ActorMention> added;
  std::vector<size_t> removed;  // indices into *actors replaced by a pair

  // "the two leaders", "both sides": the two latest actors of different countries
  for (uint32_t t = 0; t + 1 < n; ++t) {
    uint32_t k = 0;
    if (Is(word(t), "both")) {
      k = t + 1;
    } else if (Is(word(t), "the") && Is(word(t + 1), "two")) {
      k = t + 2;
    } else {
      continue;
    }
    const std::initializer_list<std::string_view> kPeople = {
        "leaders", "presidents", "men", "women", "ministers", "heads", "premiers", "chancellors"};
    const std::initializer_list<std::string_view> kSides = {
        "sides",  "countries",   "nations", "governments", "neighbours", "neighbors", "rivals",
        "allies", "delegations", "states",  "powers",      "capitals",   "armies",    "parties"};
    if (!IsAny(word(k), kPeople) && !IsAny(word(k), kSides) && k + 1 < n &&
        (IsAny(word(k + 1), kPeople) || IsAny(word(k + 1), kSides))) {
      ++k;
    }
    const bool people = IsAny(word(k), kPeople);
    if (!people && !IsAny(word(k), kSides)) continue;
    limit_ = t;
    const Want want = people ? Want::kPerson : Want::kThing;
    const std::string_view noun = word(k);
    const int first = BestFitting(noun, [&](const Entity& e) {
      return Agrees(e, want) && (people || !e.organisation || !e.mention.sector.empty());
    });
    if (first < 0) continue;
    const Entity& e1 = At(first);
    const int second = BestFitting(noun, [&](const Entity& e) {
      return &e != &e1 && Agrees(e, want) && e.mention.country != e1.mention.country;
    });
    if (second < 0) continue;
    const Entity& e2 = At(second);
    const text::Span span{tokens[t].span.begin, tokens[k].span.end};
    for (size_t a = 0; a < actors->size(); ++a) {
      const lexicon::Mention& m = (*actors)[a].mention;
      if (m.token_begin >= t && m.token_end <= k + 1) removed.push_back(a);
    }
    // the earlier-named first, so that "the two leaders" lists them in story order
    const Entity& a1 =
        e1.sentence < e2.sentence || (e1.sentence == e2.sentence && e1.order <= e2.order) ? e1 : e2;
    const Entity& a2 = &a1 == &e1 ? e2 : e1;
    added.push_back(FromEntity(a1, k, k + 1, span));
    added.push_back(FromEntity(a2, k, k + 1, span));
    for (uint32_t c = t; c <= k; ++c) covered[c] = 1;
    t = k;
  }

  // descriptions: "the president", "the Russian leader", "his counterpart", "the ministry"
  for (size_t a = 0; a < actors->size(); ++a) {
    if (std::find(removed.begin(), removed.end(), a) != removed.end()) continue;
    ActorMention& am = (*actors)[a];
    lexicon::Mention& m = am.mention;
    if (am.resolved || m.sector.empty() || m.agent_name < 0 || m.token_begin == 0) continue;
    // "his Russian counterpart Vladimir Putin" names its person
    const lexicon::NameRecord& own = dict_->names()[m.name];
    if (dict_->entries()[own.entry].kind == lexicon::EntryKind::kPerson) continue;
    const std::string_view det = word(m.token_begin - 1);
    if (!IsAny(det, {"the", "his", "her", "its", "their"})) continue;
    limit_ = m.token_begin - 1;
    const std::string_view term = AgentTerm(m);
    const bool plural = PluralTerm(term);
    const bool personal = PersonTerm(term) && !plural;
    int found = -1;
    std::string code;
    if (!m.country.empty()) {
      // "the Russian leader", "his Russian counterpart": a person of that country named before
      if (!personal) continue;
      found = BestFitting(term, [&](const Entity& e) {
        return e.person && e.person_entry != UINT32_MAX && e.mention.country == m.country &&
               e.mention.sector == m.sector;
      });
    } else if (!Is(det, "the") && !IsAny(LastWord(term), {"counterpart", "counterparts"})) {
      // "her government", "its army": the possessor's; the pronoun itself is resolved below
      const Want owner_want = Is(det, "his")   ? Want::kMale
                              : Is(det, "her") ? Want::kFemale
                              : Is(det, "its") ? Want::kThing
                                               : Want::kGroup;
      const ActorMention* local = nullptr;
      for (const ActorMention& b : *actors) {
        if (b.mention.token_end >= m.token_begin) break;
        if (!b.resolved && MentionAgrees(b.mention, owner_want)) local = &b;
      }
      std::string owner_country;
      text::Span owner_span;
      if (local != nullptr) {
        owner_country = local->mention.country;
        owner_span = local->span;
      } else {
        const int owner = Best([&](const Entity& e) { return Agrees(e, owner_want); });
        if (owner < 0) continue;
        owner_country = At(owner).mention.country;
        owner_span = At(owner).span;
      }
      if (owner_country.size() != 3) continue;
      m.country = owner_country;
      m.code = owner_country + m.sector;
      am.resolved = true;
      am.resolved_from = owner_span;
      continue;
    } else if (IsAny(LastWord(term), {"counterpart", "counterparts"})) {
      // "his counterpart": the latest person of another country than his
      const Want owner_want = Is(det, "her") ? Want::kFemale : Want::kMale;
      const int owner = Best([&](const Entity& e) { return Agrees(e, owner_want); });
      if (owner < 0) continue;
      const std::string& owner_country = At(owner).mention.country;
      found = Best([&](const Entity& e) {
        return e.person && !e.mention.country.empty() && e.mention.country != owner_country;
      });
    } else if (personal) {
      found = BestFitting(term, [&](const Entity& e) {
        return e.person && e.mention.sector == m.sector && !e.mention.country.empty();
      });
    } else if (plural) {
      found = Best([&](const Entity& e) {
        return !e.person && e.mention.sector == m.sector && !e.mention.country.empty();
      });
    } else {
      // an institution: the latest of its sector, else the latest country ("the ministry")
      found = Best([&](const Entity& e) {
        return !e.person && !e.group && e.mention.sector == m.sector && !e.mention.country.empty();
      });
      if (found < 0) {
        found = Best([&](const Entity& e) {
          return !e.person && !e.group && e.mention.sector.empty() && !e.mention.place &&
                 e.mention.country.size() == 3 && e.mention.code == e.mention.country;
        });
        if (found >= 0) code = At(found).mention.country + m.sector;
      }
    }
    if (found < 0) continue;
    const Entity& e = At(found);
    if (code.empty()) {
      m.code = e.mention.code;
      m.sector = e.mention.sector;
    } else {
      m.code = code;
    }
    m.country = e.mention.country;
    am.resolved = true;
    am.resolved_from = e.span;
    // "the" belongs to the phrase ("his" is a mention of its own)
    if (Is(det, "the")) am.span.begin = tokens[m.token_begin - 1].span.begin;
  }

  // a person named again by fewer words ("Blinken" after "Antony Blinken") refers back to
  // the full mention
  for (ActorMention& am : *actors) {
    if (am.resolved) continue;
    const lexicon::NameRecord& name = dict_->names()[am.mention.name];
    if (dict_->entries()[name.entry].kind != lexicon::EntryKind::kPerson) continue;
    limit_ = am.mention.token_begin;
    const int found = Best([&](const Entity& e) { return e.person_entry == name.entry; });
    if (found < 0) continue;
    const Entity& e = At(found);
    if (e.span.size() <= am.span.size()) continue;
    am.resolved = true;
    am.resolved_from = e.span;
  }

  for (uint32_t t = 0; t < n; ++t) {
    if (covered[t] != 0) continue;
    const std::string_view w = word(t);
    limit_ = t;
    // "the country", "the group": the latest country, the latest named organisation
    if (t > 0 && Is(word(t - 1), "the") &&
        IsAny(w, {"country", "nation", "group", "organisation", "organization", "movement",
                  "alliance", "bloc"})) {
      const bool country = IsAny(w, {"country", "nation"});
      const int found = Best(
          [&](const Entity& e) { return country ? e.country : (e.organisation && !e.person); });
      if (found >= 0) {
        added.push_back(
            FromEntity(At(found), t, t + 1, {tokens[t - 1].span.begin, tokens[t].span.end}));
      }
      continue;
    }
    // short names: "Blinken" after "Antony Blinken"
    if (IsUpper(w) && w.size() >= 3 && !(t + 1 < n && IsUpper(word(t + 1)))) {
      const int found = Best([&](const Entity& e) {
        return e.person_entry != UINT32_MAX && !e.surname.empty() &&
               (Is(w, e.surname) || (!e.given.empty() && Is(w, e.given)));
      });
      if (found >= 0) {
        added.push_back(FromEntity(At(found), t, t + 1, tokens[t].span));
        continue;
      }
    }
    Want want;
    if (IsAny(w, {"he", "him", "his"})) {
      want = Want::kMale;
    } else if (IsAny(w, {"she", "her"})) {
      want = Want::kFemale;
    } else if (IsAny(w, {"it", "its"})) {
      // "it is unclear", "it seems": no actor
      if (IsAny(word(t + 1), {"is", "was", "'s", "seems", "seemed", "appears", "appeared",
                              "remains", "remained", "took", "takes"})) {
        continue;
      }
      want = Want::kThing;
    } else if (IsAny(w, {"they", "them", "their"})) {
      want = Want::kGroup;
    } else {
      continue;
    }
    // An antecedent earlier in the sentence: the first that agrees (usually the subject:
    // "Blinken returned from Europe, where he met ..."). An object pronoun never takes the
    // subject of its own clause ("Putin told him"), so "him" and "them" look only back. The
    // coder re-reads the in-sentence case with the parse and prefers its own reading.
    if (!IsAny(w, {"him", "them"})) {
      // a subject pronoun takes the first (the subject's), a possessive the nearest ("judge
      // the Kremlin by its actions")
      const bool possessive = IsAny(w, {"his", "its", "their"}) ||
                              (Is(w, "her") && t + 1 < n && !IsUpper(word(t + 1)) &&
                               word(t + 1).size() > 1 && word(t + 1)[0] >= 'a');
      // (a possessive skips actors inside a prepositional phrase: "bring its ambassador home
      // from Niger and pull its troops": its = France)
      const ActorMention* local = nullptr;
      for (const ActorMention& a : *actors) {
        if (a.mention.token_end > t) break;
        const bool pronoun = a.resolved && a.mention.token_end - a.mention.token_begin == 1 &&
                             IsPronounForm(word(a.mention.token_begin));
        if (pronoun || !MentionAgrees(a.mention, want)) continue;
        if (possessive && local != nullptr) {
          uint32_t before = a.mention.token_begin;
          if (before > 0 && Is(word(before - 1), "the")) --before;
          if (before > 0 && IsPreposition(word(before - 1))) continue;
        }
        local = &a;
        if (!possessive) break;
      }
      if (local != nullptr) {
        ActorMention copy = *local;
        copy.mention.token_begin = t;
        copy.mention.token_end = t + 1;
        copy.shares_head_of = -1;
        copy.span = tokens[t].span;
        copy.resolved = true;
        copy.resolved_from = local->resolved ? local->resolved_from : local->span;
        added.push_back(std::move(copy));
        continue;
      }
    }
    if (want == Want::kGroup && pair_sentence_ + 1 >= sentence_ && pair_.size() == 2) {
      // "Biden and Putin met. They agreed ...": both
      const int group = Best([&](const Entity& e) { return e.group; });
      if (group < 0 || At(group).sentence < pair_sentence_) {
        added.push_back(FromEntity(pair_[0], t, t + 1, tokens[t].span));
        added.push_back(FromEntity(pair_[1], t, t + 1, tokens[t].span));
        continue;
      }
    }
    // "him" and "them" never take an actor of their own sentence here (its subject)
    if (IsAny(w, {"him", "them"})) limit_ = 0;
    const int found = Best([&](const Entity& e) { return Agrees(e, want); });
    if (found < 0) continue;
    added.push_back(FromEntity(At(found), t, t + 1, tokens[t].span));
  }

  if (added.empty() && removed.empty()) return;
  // merge in token order, keeping shares_head_of pointing at the same mentions
  std::vector<ActorMention> merged;
  merged.reserve(actors->size() + added.size());
  std::vector<int32_t> new_index(actors->size(), -1);
  size_t next_added = 0;
  std::stable_sort(added.begin(), added.end(), [](const ActorMention& x, const ActorMention& y) {
    return x.mention.token_begin < y.mention.token_begin;
  });
  for (size_t a = 0; a <= actors->size(); ++a) {
    const uint32_t begin = a < actors->size() ? (*actors)[a].mention.token_begin : UINT32_MAX;
    while (next_added < added.size() && added[next_added].mention.token_begin < begin) {
      merged.push_back(std::move(added[next_added++]));
    }
    if (a == actors->size()) break;
    if (std::find(removed.begin(), removed.end(), a) != removed.end()) continue;
    new_index[a] = static_cast<int32_t>(merged.size());
    merged.push_back(std::move((*actors)[a]));
  }
  for (ActorMention& a : merged) {
    if (a.shares_head_of >= 0 && !a.resolved) {
      a.shares_head_of = new_index[static_cast<size_t>(a.shares_head_of)];
    }
  }
  *actors = std::move(merged);
}

void DocumentContext::Observe(const text::Sentence& sentence, std::span<const ActorMention> actors,
                              bool keep) {
  uint32_t order = 0;
  const ActorMention* previous = nullptr;
  for (const ActorMention& a : actors) {
    const lexicon::Mention& m = a.mention;
    // bare roles are remembered as groups ("protesters ... them"), not as placed actors
    if (m.country.empty() && (m.sector.empty() || !IsGroup(m))) continue;
    if (BareAdjective(m)) continue;
    if (a.resolved && keep && resolutions_.size() < kMaxResolutions) {
      resolutions_.push_back(Resolution{sentence_, a.span, a.resolved_from, m.code});
    }
    const lexicon::NameRecord& name = dict_->names()[m.name];
    const lexicon::Entry& entry = dict_->entries()[name.entry];
    const bool person_entry = entry.kind == lexicon::EntryKind::kPerson;
    Entity* e = nullptr;
    for (Entity& x : entities_) {
      if (a.resolved ? (x.span.begin == a.resolved_from.begin && x.span.end == a.resolved_from.end)
                     : (person_entry ? x.person_entry == name.entry
                                     : (x.person_entry == UINT32_MAX && x.mention.code == m.code &&
                                        x.group == IsGroup(m)))) {
        e = &x;
        break;
      }
    }
    if (e == nullptr) {
      if (a.resolved) continue;
      if (entities_.size() >= kMaxEntities) {
        // forget the least recent
        auto oldest = std::min_element(
            entities_.begin(), entities_.end(), [](const Entity& x, const Entity& y) {
              return x.sentence < y.sentence || (x.sentence == y.sentence && x.order > y.order);
            });
        entities_.erase(oldest);
      }
      entities_.emplace_back();
      e = &entities_.back();
    }
    if (!a.resolved) Describe(a, e);
    e->sentence = sentence_;
    e->order = order++;
    // "Biden and Putin": a pair that "they" may take up
    if (previous != nullptr && !a.resolved && !previous->resolved &&
        previous->mention.token_end + 1 == m.token_begin &&
        m.token_begin < sentence.tokens.size() &&
        Is(sentence.tokens[previous->mention.token_end].form, "and")) {
      pair_.clear();
      for (const ActorMention* p : {previous, &a}) {
        for (const Entity& x : entities_) {
          if (x.span.begin == p->span.begin && x.span.end == p->span.end) pair_.push_back(x);
        }
      }
      pair_sentence_ = sentence_;
      if (pair_.size() != 2) pair_.clear();
    }
    previous = &a;
  }
  ++sentence_;
}

}  // namespace parley::coding
