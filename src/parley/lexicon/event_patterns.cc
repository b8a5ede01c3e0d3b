#include "parley/lexicon/event_patterns.h"

#include <algorithm>
#include <map>
#include <set>

#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {

namespace {

using Severity = LoadProblem::Severity;

const std::vector<uint32_t>& NoPatterns() {
  static const std::vector<uint32_t> kEmpty;
  return kEmpty;
}

// 'text' in quotes, built by appending (GCC 12 warns falsely on "'" + std::string(...)).
std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('\'');
  out.append(text);
  out.push_back('\'');
  return out;
}

bool IsCodeText(std::string_view code) {
  if (code == "---") return true;
  if (code.size() < 2 || code.size() > 4) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A word list "a|b|&SET" before sets are resolved: plain words and set names.
struct PendingWords {
  std::vector<std::string> words;
  std::vector<std::string> sets;
};

// One file's reading state: sets are local to the file and may be used before they are
// defined, so slots that name sets are resolved when the file ends.
struct FileReader {
  DictionarySet* set;
  uint32_t file;
  std::map<std::string, std::pair<std::vector<std::string>, uint32_t>> sets;  // name -> words
  struct Pending {
    size_t pattern;  // index into the dictionary's patterns
    size_t slot;     // index into its slots, or SIZE_MAX for a clause word list
    PendingWords words;
    uint32_t line;
    WordSet* target = nullptr;  // clause lists
  };
  std::vector<Pending> pending;

  void Problem(uint32_t line, std::string message) {
    set->AddProblem(Severity::kError, file, line, std::move(message));
  }

  // Parses "a|b|&SET"; false (with a problem) on an empty item or a malformed word.
  bool ParseWords(std::string_view text, uint32_t line, PendingWords* out) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t bar = text.find('|', start);
      std::string_view item = text.substr(start, bar == text.npos ? text.npos : bar - start);
      start = bar == text.npos ? text.size() + 1 : bar + 1;
      if (item.empty()) {
        Problem(line, "empty word in list " + Quoted(text));
        return false;
      }
      if (item[0] == '&') {
        out->sets.emplace_back(item);
      } else {
        std::string w = base::AsciiLowerCopy(item);
        std::replace(w.begin(), w.end(), '_', ' ');
        out->words.push_back(std::move(w));
      }
    }
    return true;
  }

  bool ParseSlot(std::string_view text, uint32_t line, PatternSlot* slot, PendingWords* words) {
    if (text == "ccomp") {
      slot->kind = SlotKind::kCcomp;
      return true;
    }
    if (text == "neg") {
      slot->kind = SlotKind::kNegation;
      return true;
    }
    size_t colon = text.find(':');
    if (colon == text.npos || colon == 0 || colon + 1 == text.size()) {
      Problem(line,
              "slot '" + std::string(text) + "' is not NAME:WORDS, NAME:+, NAME:$, ccomp or neg");
      return false;
    }
    std::string_view name = text.substr(0, colon);
    std::string_view value = text.substr(colon + 1);
    if (name == "subj") {
      slot->kind = SlotKind::kSubject;
    } else if (name == "obj") {
      slot->kind = SlotKind::kObject;
    } else if (name == "iobj") {
      slot->kind = SlotKind::kIndirectObject;
    } else if (name == "poss") {
      slot->kind = SlotKind::kPossessor;
    } else if (name == "xcomp") {
      slot->kind = SlotKind::kXcomp;
    } else if (name == "mod") {
      slot->kind = SlotKind::kModifier;
    } else {
      for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) {
          Problem(line,
                  "slot name '" + std::string(name) +
                      "' is not subj, obj, iobj, poss, xcomp, mod or a lower-case preposition");
          return false;
        }
      }
      slot->kind = SlotKind::kPrep;
      slot->prep = std::string(name);
      std::replace(slot->prep.begin(), slot->prep.end(), '_', ' ');
    }
    if (value == "+" || value == "$") {
      if (slot->kind == SlotKind::kXcomp || slot->kind == SlotKind::kModifier) {
        Problem(line, "xcomp and mod name words, not actors: use xcomp:WORDS or mod:WORDS");
        return false;
      }
      slot->role = value == "+" ? SlotRole::kTarget : SlotRole::kSource;
      return true;
    }
    return ParseWords(value, line, words);
  }

  void ReadPattern(const std::vector<std::string_view>& fields, uint32_t line) {
    EventPattern p;
    p.where = SourceRef{file, line};
    if (!IsCodeText(fields[0])) {
      Problem(line, Quoted(fields[0]) + " is not an event code (2-4 digits or ---)");
      return;
    }
    p.code = std::string(fields[0]);
    std::string_view pred = fields[1];
    if (pred.substr(0, 2) == "n:") {
      p.kind = PredicateKind::kNoun;
      pred.remove_prefix(2);
    }
    if (pred.empty()) {
      Problem(line, "empty predicate");
      return;
    }
    for (char c : pred) {
      if (c == ' ' || c == ':' || c == '|' || c == '&' || c == '+' || c == '$') {
        Problem(line, "predicate " + Quoted(fields[1]) + " is not a lemma");
        return;
      }
    }
    size_t underscore = pred.find('_');
    if (underscore != pred.npos) {
      if (p.kind == PredicateKind::kNoun) {
        Problem(line, "a noun predicate is one lemma (" + Quoted(fields[1]) + ")");
        return;
      }
      p.particle = base::AsciiLowerCopy(pred.substr(underscore + 1));
      pred = pred.substr(0, underscore);
      if (p.particle.empty() || pred.empty()) {
        Problem(line, "phrasal verb " + Quoted(fields[1]) + " is not verb_particle");
        return;
      }
    }
    p.lemma = base::AsciiLowerCopy(pred);
    std::vector<PendingWords> slot_words;
    for (size_t i = 2; i < fields.size(); ++i) {
      PatternSlot slot;
      PendingWords words;
      if (!ParseSlot(fields[i], line, &slot, &words)) return;
      p.slots.push_back(std::move(slot));
      slot_words.push_back(std::move(words));
    }
    size_t index = set->mutable_patterns().patterns().size();
    for (size_t i = 0; i < slot_words.size(); ++i) {
      if (slot_words[i].words.empty() && slot_words[i].sets.empty()) continue;
      pending.push_back(Pending{index, i, std::move(slot_words[i]), line});
    }
    set->mutable_patterns().Add(std::move(p));
  }

  // "clause NAME = words", "intent PREFIX = CODE"
  void ReadClause(const std::vector<std::string_view>& fields, uint32_t line) {
    ClauseLexicon* c = set->mutable_patterns().mutable_clauses();
    if (c->where.line == 0) c->where = SourceRef{file, line};
    if (fields[0] == "reciprocal") {
      if (fields.size() < 2) {
        Problem(line, "expected 'reciprocal CODE-PREFIX ...'");
        return;
      }
      for (size_t i = 1; i < fields.size(); ++i) {
        if (!IsCodeText(fields[i]) || fields[i] == "---") {
          Problem(line, Quoted(fields[i]) + " is not a code prefix");
          return;
        }
        c->reciprocal_codes.emplace_back(fields[i]);
      }
      return;
    }
    if (fields[0] == "intent") {
      if (fields.size() != 4 || fields[2] != "=" || !IsCodeText(fields[1]) ||
          !IsCodeText(fields[3]) || fields[3] == "---") {
        Problem(line, "expected 'intent CODE-PREFIX = CODE'");
        return;
      }
      c->intent_codes.emplace_back(std::string(fields[1]), std::string(fields[3]));
      return;
    }
    if (fields.size() < 4 || fields[2] != "=") {
      Problem(line, "expected 'clause NAME = word word ...'");
      return;
    }
    WordSet* target = nullptr;
    if (fields[1] == "intent-verbs") target = &c->intent_verbs;
    if (fields[1] == "intent-modals") target = &c->intent_modals;
    if (fields[1] == "intent-modifiers") target = &c->intent_modifiers;
    if (fields[1] == "possible-modals") target = &c->possible_modals;
    if (fields[1] == "report-verbs") target = &c->report_verbs;
    if (fields[1] == "negators") target = &c->negators;
    if (fields[1] == "negating-verbs") target = &c->negating_verbs;
    if (fields[1] == "light-verbs") target = &c->light_verbs;
    if (fields[1] == "request-verbs") target = &c->request_verbs;
    if (fields[1] == "alleging-verbs") target = &c->alleging_verbs;
    if (fields[1] == "measure-nouns") target = &c->measure_nouns;
    if (target == nullptr) {
      Problem(line, "unknown clause list '" + std::string(fields[1]) +
                        "' (intent-verbs, intent-modals, intent-modifiers, "
                        "possible-modals, report-verbs, negators, negating-verbs, light-verbs, "
                        "request-verbs, alleging-verbs, measure-nouns)");
      return;
    }
    PendingWords words;
    for (size_t i = 3; i < fields.size(); ++i) {
      if (!ParseWords(fields[i], line, &words)) return;
    }
    pending.push_back(Pending{0, SIZE_MAX, std::move(words), line, target});
  }

  void ReadSet(const std::vector<std::string_view>& fields, uint32_t line) {
    if (fields.size() < 4 || fields[2] != "=" || fields[1].size() < 2 || fields[1][0] != '&') {
      Problem(line, "expected 'set &NAME = word word ...'");
      return;
    }
    std::string name(fields[1]);
    if (sets.count(name) != 0) {
      Problem(line, "set " + name + " is defined twice in this file (first at line " +
                        std::to_string(sets[name].second) + ")");
      return;
    }
    std::vector<std::string> words;
    for (size_t i = 3; i < fields.size(); ++i) {
      if (fields[i][0] == '&') {
        Problem(line, "a set lists words, not other sets (" + Quoted(fields[i]) + ")");
        return;
      }
      std::string w = base::AsciiLowerCopy(fields[i]);
      std::replace(w.begin(), w.end(), '_', ' ');
      words.push_back(std::move(w));
    }
    sets[name] = {std::move(words), line};
  }

  // Resolves the set names of every slot and clause list read from this file.
  void Finish() {
    for (Pending& p : pending) {
      std::vector<std::string> all = std::move(p.words.words);
      bool ok = true;
      for (const std::string& s : p.words.sets) {
        auto it = sets.find(s);
        if (it == sets.end()) {
          Problem(p.line, "set " + s + " is not defined in this file");
          ok = false;
          continue;
        }
        all.insert(all.end(), it->second.first.begin(), it->second.first.end());
      }
      if (!ok) continue;
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      WordSet* target = p.target;
      if (target == nullptr) {
        target = &set->mutable_patterns().mutable_pattern(p.pattern).slots[p.slot].words;
      }
      std::vector<std::string> merged = std::move(target->words);
      merged.insert(merged.end(), all.begin(), all.end());
      std::sort(merged.begin(), merged.end());
      merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
      target->words = std::move(merged);
    }
  }
};

}  // namespace

bool WordSet::Contains(std::string_view lemma) const {
  return std::binary_search(words.begin(), words.end(), lemma);
}

int EventPattern::Specificity() const {
  return static_cast<int>(slots.size()) + (particle.empty() ? 0 : 1);
}

const std::vector<uint32_t>& PatternDictionary::ForPredicate(PredicateKind kind,
                                                             std::string_view lemma) const {
  const auto& map = kind == PredicateKind::kVerb ? verbs_ : nouns_;
  auto it = map.find(lemma);
  return it == map.end() ? NoPatterns() : it->second;
}

bool PatternDictionary::IsPredicateLemma(std::string_view lemma) const {
  return verbs_.find(lemma) != verbs_.end() || nouns_.find(lemma) != nouns_.end() ||
         verb_forms_.find(lemma) != verb_forms_.end() ||
         noun_forms_.find(lemma) != noun_forms_.end();
}

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a verb lemma: -s, -ed, -ing, with e-drop, y -> ie, and the
// doubled final consonant of short stressed stems ("shell" has none to double; "ban" ->
// "banned"). Over-generation is harmless: a form only maps back to its lemma.
// Regular English inflections of a verb lemma: -s, -ed, -ing, with e-drop ("agree" keeps its
// e: "agreeing"), y -> ie, and the doubled final consonant of short stressed stems ("ban" ->
// "banned"). Each form carries a rank: 0 for the one regular spelling, 1 for the doubled
// variant, so that "hoped" belongs to "hope" and not to "hop" whatever the file order.
std::vector<std::pair<std::string, int>> VerbForms(const std::string& v) {
  std::vector<std::pair<std::string, int>> out;
  if (v.size() < 2) return out;
  const char last = v.back();
  const char before = v[v.size() - 2];
  if (last == 's' || last == 'x' || last == 'z' || v.ends_with("ch") || v.ends_with("sh")) {
    out.emplace_back(v + "es", 0);
  } else if (last == 'y' && !IsVowel(before)) {
    out.emplace_back(v.substr(0, v.size() - 1) + "ies", 0);
  } else {
    out.emplace_back(v + "s", 0);
  }
  if (last == 'e') {
    out.emplace_back(v + "d", 0);
    const bool keep_e = before == 'e' || before == 'y' || before == 'o';  // agreeing, dyeing
    out.emplace_back((keep_e ? v : v.substr(0, v.size() - 1)) + "ing", 0);
  } else if (last == 'y' && !IsVowel(before)) {
    out.emplace_back(v.substr(0, v.size() - 1) + "ied", 0);
    out.emplace_back(v + "ing", 0);
  } else {
    const bool cvc = !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
                     IsVowel(before) && (v.size() < 3 || !IsVowel(v[v.size() - 3]));
    out.emplace_back(v + "ed", cvc ? 1 : 0);
    out.emplace_back(v + "ing", cvc ? 1 : 0);
    if (cvc) {
      out.emplace_back(v + last + "ed", 1);
      out.emplace_back(v + last + "ing", 1);
    }
  }
  return out;
}

std::vector<std::string> NounForms(const std::string& n) {
  std::vector<std::string> out;
  if (n.size() < 2) return out;
  const char last = n.back();
  if (last == 's' || last == 'x' || last == 'z' || n.ends_with("ch") || n.ends_with("sh")) {
    out.push_back(n + "es");
  } else if (last == 'y' && !IsVowel(n[n.size() - 2])) {
    out.push_back(n.substr(0, n.size() - 1) + "ies");
  } else {
    out.push_back(n + "s");
  }
  return out;
}

}  // namespace

std::string_view PatternDictionary::LemmaOfForm(PredicateKind kind, std::string_view form) const {
  const auto& map = kind == PredicateKind::kVerb ? verb_forms_ : noun_forms_;
  auto it = map.find(form);
  return it == map.end() ? std::string_view() : std::string_view(it->second);
}

void PatternDictionary::Freeze() {
  verbs_.clear();
  nouns_.clear();
  verb_forms_.clear();
  noun_forms_.clear();
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    auto& map = patterns_[i].kind == PredicateKind::kVerb ? verbs_ : nouns_;
    map[patterns_[i].lemma].push_back(i);
  }
  // a form that is itself a lemma of the same kind keeps its own patterns
  std::unordered_map<std::string, int> rank;
  for (const auto& [lemma, list] : verbs_) {
    for (auto& [form, r] : VerbForms(lemma)) {
      if (verbs_.find(form) != verbs_.end()) continue;
      auto it = rank.find(form);
      // the lower rank wins; on equal ranks the alphabetically first lemma, so the result
      // never depends on the order of the files
      if (it != rank.end() && (it->second < r || (it->second == r && verb_forms_[form] < lemma))) {
        continue;
      }
      rank[form] = r;
      verb_forms_[form] = lemma;
    }
  }
  for (const auto& [lemma, list] : nouns_) {
    for (std::string& f : NounForms(lemma)) {
      if (nouns_.find(f) == nouns_.end()) noun_forms_.emplace(std::move(f), lemma);
    }
  }
  std::sort(clauses_.intent_codes.begin(), clauses_.intent_codes.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

void ReadPatternFile(const std::string& path, std::string_view text, DictionarySet* set) {
  FileReader reader{set, set->AddFile(path), {}, {}};
  uint32_t line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == text.npos ? text.npos : nl - pos);
    pos = nl == text.npos ? text.size() : nl + 1;
    ++line;
    std::string_view body = raw.substr(0, raw.find('#'));
    std::vector<std::string_view> fields = base::SplitWhitespace(body);
    if (fields.empty()) continue;
    if (fields[0] == "set") {
      reader.ReadSet(fields, line);
    } else if (fields[0] == "clause" || fields[0] == "intent" || fields[0] == "reciprocal") {
      reader.ReadClause(fields, line);
    } else if (fields.size() < 2) {
      reader.Problem(line, "a pattern needs a code and a predicate");
    } else {
      reader.ReadPattern(fields, line);
    }
  }
  reader.Finish();
}

}  // namespace parley::lexicon
