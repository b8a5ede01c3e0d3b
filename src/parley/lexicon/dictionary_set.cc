#include "parley/lexicon/dictionary_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parley/error.h"
#include "parley/lexicon/dictionary_file.h"
#include "parley/lexicon/petrarch_reader.h"

namespace parley::lexicon {

namespace {

namespace fs = std::filesystem;

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot open dictionary file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Tokens that may sit between two parts of one actor phrase: the possessive ("Russia's
// troops"), whether the tokenizer split it off or not.
bool IsPossessive(std::string_view token) {
  return token == "'s" || token == "'" || token == "\xE2\x80\x99s" || token == "\xE2\x80\x99" ||
         token == "s";
}

// Three-letter agent (sector) codes used by CAMEO/Phoenix: after a country or IGO code they
// are the sector, not part of the organisation's own code.
bool IsSectorCode(std::string_view s) {
  static constexpr std::string_view kSectors[] = {
      "GOV", "MIL", "COP", "JUD", "LEG", "ELI", "OPP", "REB", "INS", "CVL", "MED", "BUS",
      "EDU", "HLH", "REF", "NGO", "IGO", "SPY", "LAB", "AGR", "CRM", "REL", "UAF", "PTY",
      "HRI", "DEV", "ENV", "MOD", "RAD", "SEP", "IMG", "NGM", "MNC", "SPY", "PRO", "AMN"};
  for (std::string_view k : kSectors) {
    if (k == s) return true;
  }
  return false;
}

}  // namespace

int RolePriority(const NameRecord& n, const Entry& e) {
  if (e.kind == EntryKind::kPerson || e.kind == EntryKind::kActor) return 0;
  switch (n.role) {
    case NameRole::kMetonym: return 1;
    case NameRole::kName: return 2;
    case NameRole::kAlias: return 2;
    case NameRole::kCapital: return 3;
    case NameRole::kAdjective: return 4;
    case NameRole::kCity: return 5;
    case NameRole::kAgentTerm: return 6;
    case NameRole::kContext: return 7;
  }
  return 8;
}

std::string LoadProblem::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += severity == Severity::kError ? ": error: " : ": note: ";
  out += message;
  return out;
}

std::string_view MatchRuleName(MatchRule rule) {
  switch (rule) {
    case MatchRule::kDirect: return "name";
    case MatchRule::kCapitalAsGovernment: return "capital-as-government";
    case MatchRule::kPlace: return "city-as-country";
    case MatchRule::kMetonym: return "metonym";
    case MatchRule::kCountryAgent: return "country+agent";
    case MatchRule::kAgentOfCountry: return "agent-of-country";
    case MatchRule::kBareAgent: return "agent-without-country";
    case MatchRule::kTitledPerson: return "titled-person";
    case MatchRule::kActorAgent: return "organisation+agent";
  }
  return "?";
}

uint32_t DictionarySet::AddFile(const std::string& path) {
  files_.push_back(path);
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t DictionarySet::AddEntry(Entry entry) {
  if (entry.kind == EntryKind::kCountry && entry.verified != kUnknownDate) {
    verified_.emplace(entry.head, entry.verified);
  }
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

void DictionarySet::AddName(NameRecord record, bool petrarch_rules) {
  // Acronyms written in capitals must be capitals in the text too, or "US" would match the
  // pronoun "us" and "IS" the verb. PETRARCH files are all capitals, so there only one-word
  // names of up to three letters are treated as acronyms.
  std::string buffer;
  std::vector<WordSpan> spans;
  NormalizeWords(record.text, &buffer, &spans);
  if (spans.empty()) {
    AddProblem(LoadProblem::Severity::kError, record.where.file, record.where.line,
               "name '" + record.text + "' has no letters or digits");
    return;
  }
  std::vector<std::string> words;
  std::vector<bool> acronym;
  for (const WordSpan& s : spans) {
    words.emplace_back(buffer.substr(s.begin, s.end - s.begin));
    if (petrarch_rules) {
      acronym.push_back(spans.size() == 1 && s.letters >= 1 && s.end - s.begin <= 3);
    } else {
      acronym.push_back(s.upper && s.letters >= 2 && s.letters <= 3);
    }
  }
  uint32_t id = static_cast<uint32_t>(names_.size());
  names_.push_back(std::move(record));
  trie_.Insert(words, acronym, id);
}

void DictionarySet::AddProblem(LoadProblem::Severity severity, uint32_t file, uint32_t line,
                               std::string message) {
  LoadProblem p;
  p.severity = severity;
  p.file = file < files_.size() ? files_[file] : std::string("?");
  p.line = line;
  p.message = std::move(message);
  problems_.push_back(std::move(p));
}

void DictionarySet::Freeze() {
  trie_.Freeze();
  patterns_.Freeze();
  verbs_.IndexSynsets();
  entry_country_.clear();
  entry_country_.reserve(entries_.size());
  entry_countryish_.clear();
  for (const Entry& e : entries_) {
    entry_countryish_.push_back(Classify(e) == Category::kCountry);
    if (e.kind == EntryKind::kCountry) {
      entry_country_.push_back(e.head);
      continue;
    }
    if (e.kind == EntryKind::kAgent || e.codes.empty()) {
      entry_country_.emplace_back();
      continue;
    }
    const DatedCode* c = e.Resolve(kUnknownDate);
    if (c == nullptr) c = &e.codes.back();
    Mention m;
    m.code = c->code;
    SplitCode(&m);
    entry_country_.push_back(m.country);
  }
}

std::string DictionarySet::Where(const SourceRef& ref) const {
  std::string out = ref.file < files_.size() ? files_[ref.file] : std::string("?");
  if (ref.line > 0) {
    out += ':';
    out += std::to_string(ref.line);
  }
  return out;
}

Date DictionarySet::VerifiedDate(std::string_view iso) const {
  auto it = verified_.find(std::string(iso));
  return it == verified_.end() ? kUnknownDate : it->second;
}

DictionarySet::Category DictionarySet::Classify(const Entry& e) const {
  switch (e.kind) {
    case EntryKind::kCountry: return Category::kCountry;
    case EntryKind::kPerson: return Category::kPerson;
    case EntryKind::kAgent: return Category::kAgent;
    case EntryKind::kActor: break;
  }
  // A record whose current codes (the default and open-ended ranges) are all bare country
  // codes ("AFG", PETRARCH's "UKR >911221" after "USRUKR <910824") is a country; other dated
  // records are people (offices change with time); the rest are organisations, IGOs when
  // their code says so.
  auto country_code = [](std::string_view code) {
    return code.size() == 3 && !IsSectorCode(code) &&
           std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  };
  bool dated = false;
  bool all_country = !e.codes.empty();
  bool any_current = false;
  for (const DatedCode& c : e.codes) {
    dated = dated || !c.is_default;
    if (c.code == "---" || !(c.is_default || c.to == kOpenEnd)) continue;
    any_current = true;
    all_country = all_country && country_code(c.code);
  }
  all_country = all_country && any_current;
  const DatedCode* c = e.Resolve(kUnknownDate);
  std::string_view code = c != nullptr ? std::string_view(c->code)
                                       : (e.codes.empty() ? std::string_view() : e.codes[0].code);
  if (all_country && (e.petrarch || !dated)) return Category::kCountry;
  if (e.petrarch && dated) return Category::kPerson;
  if (code.substr(0, 3) == "IGO") return Category::kIgo;
  return Category::kGroup;
}

DictionaryCounts DictionarySet::Counts() const {
  DictionaryCounts c;
  for (const Entry& e : entries_) {
    switch (Classify(e)) {
      case Category::kCountry: ++c.countries; break;
      case Category::kPerson: ++c.persons; break;
      case Category::kIgo: ++c.igos; break;
      case Category::kGroup: ++c.groups; break;
      case Category::kAgent: ++c.agents; break;
    }
  }
  c.names = names_.size();
  c.verb_blocks = verbs_.blocks.size();
  c.verb_forms = verbs_.forms.size();
  c.verb_patterns = verbs_.patterns.size();
  c.synsets = verbs_.synsets.size();
  c.discards = discards_.size();
  c.issues = issues_.size();
  c.event_patterns = patterns_.patterns().size();
  return c;
}

std::shared_ptr<const DictionarySet> DictionarySet::Load(std::string_view spec,
                                                         const LoadOptions& options) {
  auto set = std::make_shared<DictionarySet>();
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    std::string_view part = spec.substr(start, comma == std::string_view::npos ? spec.npos
                                                                               : comma - start);
    start = comma == std::string_view::npos ? spec.size() + 1 : comma + 1;
    if (part.empty()) continue;
    if (part.substr(0, 9) == "petrarch:") {
      std::string path(part.substr(9));
      std::error_code ec;
      if (fs::is_directory(path, ec)) {
        std::vector<fs::path> files;
        for (const auto& item : fs::directory_iterator(path)) {
          if (item.is_regular_file() && item.path().extension() == ".txt") {
            files.push_back(item.path());
          }
        }
        std::sort(files.begin(), files.end());
        size_t read = 0;
        for (const fs::path& f : files) {
          PetrarchKind kind;
          if (!GuessPetrarchKind(f.filename().string(), &kind)) continue;
          ReadPetrarchFile(kind, f.string(), ReadWholeFile(f.string()), set.get());
          ++read;
        }
        if (read == 0) throw Error(path, 0, "no PETRARCH dictionary (*actors*, *agents*, "
                                            "*verbs*, *discard*, *issue* .txt) in this directory");
      } else {
        PetrarchKind kind;
        if (!GuessPetrarchKind(fs::path(path).filename().string(), &kind)) {
          throw Error(path, 0, "cannot tell the PETRARCH dictionary type from the file name");
        }
        ReadPetrarchFile(kind, path, ReadWholeFile(path), set.get());
      }
      continue;
    }
    std::string path(part);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      fs::path manifest = fs::path(path) / "manifest.txt";
      if (!fs::exists(manifest, ec)) throw Error(path, 0, "no manifest.txt in this directory");
      ReadManifest(manifest.string(), set.get());
    } else if (fs::path(path).filename() == "manifest.txt") {
      ReadManifest(path, set.get());
    } else {
      ReadParleyDictionary(path, ReadWholeFile(path), set.get());
    }
  }
  set->Freeze();
  if (options.throw_on_error) {
    std::string message;
    size_t errors = 0;
    for (const LoadProblem& p : set->problems_) {
      if (p.severity != LoadProblem::Severity::kError) continue;
      if (++errors <= 5) message += (message.empty() ? "" : "\n  ") + p.ToString();
    }
    if (errors > 0) {
      if (errors > 5) message += "\n  ... and " + std::to_string(errors - 5) + " more";
      throw Error(std::to_string(errors) + " dictionary line(s) could not be read:\n  " + message);
    }
  }
  return set;
}

// ----------------------------------------------------------------------------------------
// Matching

const std::string& DictionarySet::CountryOf(const NameRecord& name) const {
  return entry_country_[name.entry];
}

void DictionarySet::SplitCode(Mention* m) const {
  const std::string& code = m->code;
  m->country.clear();
  m->sector.clear();
  if (code.size() < 3) {
    m->country = code;
    return;
  }
  if (code.compare(0, 3, "IGO") == 0) {
    // IGO codes name the organisation in 3-letter steps (IGOUNO, IGOWSTNAT); trailing
    // sector codes are not part of it.
    size_t end = std::min<size_t>(code.size(), 6);
    while (end + 3 <= code.size() && !IsSectorCode(std::string_view(code).substr(end, 3))) {
      end += 3;
    }
    m->country = code.substr(0, end);
    if (end + 3 <= code.size()) m->sector = code.substr(end, 3);
    return;
  }
  m->country = code.substr(0, 3);
  if (code.size() >= 6) m->sector = code.substr(3, 3);
}

bool DictionarySet::FillFromName(uint32_t name_index, Date date, Mention* m) const {
  const NameRecord& n = names_[name_index];
  const Entry& e = entries_[n.entry];
  m->name = name_index;
  m->range = -1;
  m->place = false;
  switch (n.role) {
    case NameRole::kMetonym:
      m->code = n.code;
      m->rule = MatchRule::kMetonym;
      break;
    case NameRole::kCapital:
      if (e.kind == EntryKind::kCountry) {
        m->code = e.head + "GOV";
        m->rule = MatchRule::kCapitalAsGovernment;
        m->place = true;
        break;
      }
      [[fallthrough]];
    case NameRole::kCity:
      if (e.kind == EntryKind::kCountry) {
        m->code = e.head;
        m->rule = MatchRule::kPlace;
        m->place = true;
        break;
      }
      [[fallthrough]];
    default:
      if (e.kind == EntryKind::kCountry) {
        m->code = e.head;
        m->rule = MatchRule::kDirect;
      } else if (e.kind == EntryKind::kAgent) {
        m->code = e.codes.empty() ? std::string() : e.codes[0].code;
        m->rule = MatchRule::kBareAgent;
      } else {
        int range = -1;
        const DatedCode* c = e.Resolve(date, &range);
        if (c == nullptr) return false;
        m->code = c->code;
        m->range = range;
        m->rule = MatchRule::kDirect;
      }
  }
  if (m->code.empty() || m->code == "---") return false;
  SplitCode(m);
  return true;
}

void DictionarySet::Lookup(std::span<const std::string_view> forms,
                           std::span<const std::string_view> lemmas, Date date,
                           LookupWorkspace* ws, std::vector<Mention>* out) const {
  out->clear();
  ws->buffer_.clear();
  ws->words_.clear();
  ws->raw_.clear();
  bool use_lemmas = lemmas.size() == forms.size();
  for (uint32_t t = 0; t < forms.size(); ++t) {
    ws->spans_.clear();
    ws->buffer_.clear();
    NormalizeWords(forms[t], &ws->buffer_, &ws->spans_);
    uint32_t lemma_id = NameTrie::kNoWord;
    if (use_lemmas && ws->spans_.size() == 1 && !lemmas[t].empty() && lemmas[t] != forms[t]) {
      size_t mark = ws->buffer_.size();
      size_t span_mark = ws->spans_.size();
      NormalizeWords(lemmas[t], &ws->buffer_, &ws->spans_);
      if (ws->spans_.size() == span_mark + 1) {
        const WordSpan& s = ws->spans_.back();
        lemma_id = trie_.FindWord(std::string_view(ws->buffer_).substr(s.begin, s.end - s.begin));
      }
      ws->spans_.resize(span_mark);
      ws->buffer_.resize(mark);
    }
    for (size_t k = 0; k < ws->spans_.size(); ++k) {
      const WordSpan& s = ws->spans_[k];
      LookupWorkspace::Word w;
      w.id = trie_.FindWord(std::string_view(ws->buffer_).substr(s.begin, s.end - s.begin));
      w.lemma_id = lemma_id;
      w.token = t;
      w.upper = s.upper;
      w.token_start = k == 0;
      w.token_end = k + 1 == ws->spans_.size();
      w.possessive = s.possessive;
      ws->words_.push_back(w);
    }
  }
  // Longest match, left to right, on token boundaries.
  const auto& words = ws->words_;
  size_t i = 0;
  while (i < words.size()) {
    if (!words[i].token_start || (words[i].id == NameTrie::kNoWord &&
                                  words[i].lemma_id == NameTrie::kNoWord)) {
      ++i;
      continue;
    }
    // Depth-first over the trie: a word can continue a name along its any-case edge, its
    // capitals-only edge (when written in capitals) or its lemma's edge.
    size_t best_end = SIZE_MAX;
    uint32_t best_node = 0;
    auto& stack = ws->stack_;
    stack.clear();
    stack.push_back({NameTrie::kRoot, static_cast<uint32_t>(i)});
    while (!stack.empty()) {
      auto [node, j] = stack.back();
      stack.pop_back();
      if (j >= words.size()) continue;
      const LookupWorkspace::Word& w = words[j];
      uint32_t next[4] = {trie_.Step(node, w.id, false),
                          w.upper ? trie_.Step(node, w.id, true) : NameTrie::kNoNode,
                          trie_.Step(node, w.lemma_id, false), NameTrie::kNoNode};
      // A name may end before a possessive "s" of the same token ("Russia's").
      bool ends_token = w.token_end || (j + 1 < words.size() && words[j + 1].possessive &&
                                        words[j + 1].token_end && words[j + 1].token == w.token);
      for (uint32_t child : next) {
        if (child == NameTrie::kNoNode) continue;
        if (ends_token && trie_.HasPayload(child) && (best_end == SIZE_MAX || j > best_end)) {
          best_end = j;
          best_node = child;
        }
        stack.push_back({child, j + 1});
      }
    }
    if (best_end == SIZE_MAX) {
      ++i;
      continue;
    }
    ws->raw_.push_back({words[i].token, words[best_end].token + 1, best_node});
    i = best_end + 1;
  }
  Compose(forms, date, ws, out);
}

void DictionarySet::Compose(std::span<const std::string_view> forms, Date date,
                            LookupWorkspace* ws, std::vector<Mention>* out) const {
  auto& raw = ws->raw_;
  // Pick one name per match: the best non-ambiguous candidate, else an ambiguous one that
  // qualifies (its country's default, an agent right after it, or another name or context
  // word of the same country in the sentence). Unqualified ambiguous names code nothing.
  auto best_of = [&](uint32_t node, bool ambiguous_ok) -> int64_t {
    int64_t best = -1;
    int best_priority = 100;
    for (const uint32_t* p = trie_.PayloadBegin(node); p != trie_.PayloadEnd(node); ++p) {
      const NameRecord& n = names_[*p];
      if (n.ambiguous != ambiguous_ok) continue;
      int priority = RolePriority(n, entries_[n.entry]);
      if (priority < best_priority) {
        best = *p;
        best_priority = priority;
      }
    }
    return best;
  };
  auto adjacent = [&](uint32_t end, uint32_t begin) {
    if (begin < end) return false;
    for (uint32_t t = end; t < begin; ++t) {
      if (!IsPossessive(forms[t])) return false;
    }
    return true;
  };
  // raw[k].name becomes the chosen NameRecord index (or UINT32_MAX when dropped).
  std::vector<LookupWorkspace::Raw>& r = raw;
  for (auto& m : r) {
    int64_t plain = best_of(m.name, false);
    if (plain >= 0) {
      m.name = static_cast<uint32_t>(plain);
      continue;
    }
    int64_t amb = best_of(m.name, true);
    m.name = amb >= 0 ? static_cast<uint32_t>(amb) | 0x80000000u : UINT32_MAX;
  }
  for (size_t k = 0; k < r.size(); ++k) {
    if (r[k].name == UINT32_MAX || (r[k].name & 0x80000000u) == 0) continue;
    uint32_t index = r[k].name & 0x7FFFFFFFu;
    const NameRecord& n = names_[index];
    bool ok = n.ambiguous_default;
    if (!ok && k + 1 < r.size() && r[k + 1].name != UINT32_MAX &&
        (r[k + 1].name & 0x80000000u) == 0 &&
        names_[r[k + 1].name].role == NameRole::kAgentTerm &&
        adjacent(r[k].token_end, r[k + 1].token_begin)) {
      ok = true;
    }
    const std::string& country = CountryOf(n);
    for (size_t o = 0; !ok && o < r.size(); ++o) {
      if (o == k || r[o].name == UINT32_MAX || (r[o].name & 0x80000000u) != 0) continue;
      ok = !country.empty() && CountryOf(names_[r[o].name]) == country;
    }
    r[k].name = ok ? index : UINT32_MAX;
  }
  auto role = [&](size_t k) { return names_[r[k].name].role; };
  auto kind = [&](size_t k) { return entries_[names_[r[k].name].entry].kind; };
  auto is_countryish = [&](size_t k) {
    if (!entry_countryish_[names_[r[k].name].entry]) return false;
    NameRole x = role(k);
    return x == NameRole::kName || x == NameRole::kAlias || x == NameRole::kAdjective ||
           x == NameRole::kCapital || x == NameRole::kCity;
  };
  auto is_agent = [&](size_t k) { return role(k) == NameRole::kAgentTerm; };
  auto is_person = [&](size_t k) {
    return (kind(k) == EntryKind::kPerson || kind(k) == EntryKind::kActor) &&
           !entry_countryish_[names_[r[k].name].entry];
  };
  // Drop unresolved matches and context words; what remains is composed left to right.
  size_t w = 0;
  for (size_t k = 0; k < r.size(); ++k) {
    if (r[k].name == UINT32_MAX || names_[r[k].name].role == NameRole::kContext) continue;
    r[w++] = r[k];
  }
  r.resize(w);
  size_t k = 0;
  while (k < r.size()) {
    size_t idx = k;
    int32_t modifier = -1, agent = -1, person = -1;
    if (is_countryish(k) && k + 1 < r.size() && adjacent(r[k].token_end, r[k + 1].token_begin) &&
        (is_agent(k + 1) || is_person(k + 1))) {
      modifier = static_cast<int32_t>(k);
      ++idx;
    }
    while (idx < r.size() && is_agent(idx) &&
           (idx == k || adjacent(r[idx - 1].token_end, r[idx].token_begin))) {
      if (agent < 0) agent = static_cast<int32_t>(idx);
      ++idx;
    }
    if (idx < r.size() && idx > k && is_person(idx) &&
        adjacent(r[idx - 1].token_end, r[idx].token_begin)) {
      person = static_cast<int32_t>(idx);
      ++idx;
    }
    bool actor_agent = false;
    if (idx == k && is_person(k) && kind(k) == EntryKind::kActor) {
      // "Hamas leader", "UN officials": the organisation's own code covers its people.
      while (idx + 1 < r.size() && is_agent(idx + 1) &&
             adjacent(r[idx].token_end, r[idx + 1].token_begin)) {
        if (agent < 0) agent = static_cast<int32_t>(idx + 1);
        ++idx;
        actor_agent = true;
      }
      if (actor_agent) {
        person = static_cast<int32_t>(k);
        agent = -1;
        ++idx;
      }
    }
    if (idx == k && is_person(k) && k + 1 < r.size() &&
        adjacent(r[k].token_end, r[k + 1].token_begin) && is_person(k + 1) &&
        Classify(entries_[names_[r[k + 1].name].entry]) == Category::kPerson) {
      // A title recorded as an organisation ("US President" in Phoenix) before a person's
      // name: the person's own code wins, as after an agent.
      modifier = static_cast<int32_t>(k);
      person = static_cast<int32_t>(k + 1);
      idx = k + 2;
    }
    if (idx == k) idx = k + 1;
    Mention m;
    m.token_begin = r[k].token_begin;
    bool ok = true;
    if (person >= 0) {
      ok = FillFromName(r[person].name, date, &m);
      m.rule = actor_agent ? MatchRule::kActorAgent : MatchRule::kTitledPerson;
      if (actor_agent) m.agent_name = static_cast<int32_t>(r[k + 1].name);
    } else if (agent >= 0) {
      const Entry& a = entries_[names_[r[agent].name].entry];
      const std::string& sector = a.codes.empty() ? a.head : a.codes[0].code;
      int32_t country_at = modifier;
      MatchRule rule = MatchRule::kCountryAgent;
      if (country_at < 0 && idx < r.size() && is_countryish(idx)) {
        // "President of Russia", "the army of Sudan"
        uint32_t t = r[idx - 1].token_end;
        uint32_t end = r[idx].token_begin;
        bool of_seen = false;
        bool ok_gap = end > t;
        for (; ok_gap && t < end; ++t) {
          if (EqualsIgnoreCase(forms[t], "of") && !of_seen) {
            of_seen = true;
          } else if (!(of_seen && EqualsIgnoreCase(forms[t], "the"))) {
            ok_gap = false;
          }
        }
        if (ok_gap && of_seen && role(idx) != NameRole::kCity) {
          country_at = static_cast<int32_t>(idx);
          rule = MatchRule::kAgentOfCountry;
          ++idx;
        }
      }
      m.name = r[agent].name;
      m.agent_name = static_cast<int32_t>(r[agent].name);
      if (country_at >= 0) {
        const std::string& country = CountryOf(names_[r[country_at].name]);
        m.code = a.agent_prefix ? sector + country : country + sector;
        m.country = country;
        m.sector = sector.substr(0, 3);
        m.rule = rule;
        m.name = r[country_at].name;
        m.modifier_name = static_cast<int32_t>(r[country_at].name);
      } else {
        m.code = sector;
        m.sector = sector.substr(0, 3);
        m.rule = MatchRule::kBareAgent;
      }
    } else {
      ok = FillFromName(r[k].name, date, &m);
    }
    if (person >= 0) {
      if (agent >= 0) m.agent_name = static_cast<int32_t>(r[agent].name);
      if (modifier >= 0) m.modifier_name = static_cast<int32_t>(r[modifier].name);
    }
    m.token_end = r[idx - 1].token_end;
    if (ok) {
      if (date != kUnknownDate && !m.country.empty()) {
        auto it = verified_.find(m.country);
        m.stale = it != verified_.end() && date > it->second;
      }
      out->push_back(std::move(m));
    }
    k = idx;
  }
}

std::string DictionarySet::Explain(const Mention& m, Date date) const {
  auto describe = [&](uint32_t index) {
    const NameRecord& n = names_[index];
    const Entry& e = entries_[n.entry];
    std::string kind;
    switch (e.kind) {
      case EntryKind::kCountry: kind = "country " + e.head; break;
      case EntryKind::kPerson: kind = "person \"" + e.head + "\""; break;
      case EntryKind::kActor: kind = "actor \"" + e.head + "\""; break;
      case EntryKind::kAgent: kind = "agent " + e.head; break;
    }
    static constexpr std::string_view kRoles[] = {"name",   "alias",  "adjective",
                                                  "capital", "city", "metonym",
                                                  "term",   "context word"};
    std::string out = kind + ", " + std::string(kRoles[static_cast<int>(n.role)]) + " \"" +
                      n.text + "\" (" + Where(n.where) + ")";
    if (n.ambiguous) out += n.ambiguous_default ? " [ambiguous, default sense]" : " [ambiguous]";
    return out;
  };
  std::string out;
  if (m.modifier_name >= 0) out += "  modifier: " + describe(static_cast<uint32_t>(m.modifier_name)) + "\n";
  if (m.agent_name >= 0) out += "  agent: " + describe(static_cast<uint32_t>(m.agent_name)) + "\n";
  if (m.rule != MatchRule::kCountryAgent && m.rule != MatchRule::kAgentOfCountry &&
      m.rule != MatchRule::kBareAgent) {
    out += "  entry: " + describe(m.name) + "\n";
    const Entry& e = entries_[names_[m.name].entry];
    if (m.range >= 0 && static_cast<size_t>(m.range) < e.codes.size()) {
      const DatedCode& c = e.codes[static_cast<size_t>(m.range)];
      out += "  code: " + c.code +
             (c.is_default ? std::string(" (default: no range covers ") +
                                 (date == kUnknownDate ? std::string("an unknown date")
                                                       : FormatDate(date)) + ")"
                           : " " + FormatRange(c.from, c.to)) +
             " (" + Where(c.where) + ")\n";
    }
  }
  out += "  rule: " + std::string(MatchRuleName(m.rule));
  if (m.place) out += " (the words name a place)";
  if (m.stale) {
    out += "\n  stale: " + m.country + " was last verified " + FormatDate(VerifiedDate(m.country)) +
           ", before the document date";
  }
  return out + "\n";
}

}  // namespace parley::lexicon
