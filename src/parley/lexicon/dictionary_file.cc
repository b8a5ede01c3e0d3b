#include "parley/lexicon/dictionary_file.h"

#include "parley/lexicon/event_patterns.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "parley/error.h"
#include "parley/lexicon/event_patterns.h"
#include "parley/lexicon/petrarch_reader.h"

namespace parley::lexicon {

namespace {

namespace fs = std::filesystem;
using Severity = LoadProblem::Severity;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = value.find('|', start);
    std::string_view item = Trim(value.substr(start, bar == value.npos ? value.npos : bar - start));
    if (!item.empty()) out.emplace_back(item);
    if (bar == value.npos) break;
    start = bar + 1;
  }
  return out;
}

bool IsCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// An actor code: "---" (no actor), or upper-case letters and digits, at least two, with '/'
// joining alternatives as TABARI does ("ELR/GAL").
bool ValidActorCode(std::string_view code) {
  if (code == "---") return true;
  size_t run = 0;
  for (char c : code) {
    if (c == '/') {
      if (run < 2) return false;
      run = 0;
    } else if (IsCodeChar(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return run >= 2;
}

struct Line {
  uint32_t number = 0;
  std::string key;
  std::string value;
};

class BlockReader {
 public:
  BlockReader(DictionarySet* set, uint32_t file) : set_(set), file_(file) {}

  void Read(const std::vector<Line>& block) {
    const Line& head = block[0];
    static const std::map<std::string, std::set<std::string>> kKeys = {
        {"country", {"names", "adjectives", "capital", "cities", "metonyms", "ambiguous",
                     "context", "verified", "note"}},
        {"person", {"aliases", "codes", "roles", "gender", "note"}},
        {"actor", {"aliases", "codes", "roles", "note"}},
        {"agent", {"terms", "note"}},
    };
    auto kind_it = kKeys.find(head.key);
    if (kind_it == kKeys.end()) {
      Problem(head.number, "a block starts with country:, person:, actor: or agent:, not '" +
                               head.key + ":'");
      return;
    }
    std::map<std::string, const Line*> fields;
    bool bad = false;
    for (size_t i = 1; i < block.size(); ++i) {
      const Line& l = block[i];
      if (kind_it->second.count(l.key) == 0) {
        Problem(l.number, "unknown key '" + l.key + ":' in a " + head.key + " block");
        bad = true;
        continue;
      }
      if (!fields.emplace(l.key, &l).second) {
        Problem(l.number, "key '" + l.key + ":' appears twice in one block");
        bad = true;
      }
    }
    if (bad) return;
    if (head.value.empty()) {
      Problem(head.number, head.key + ": needs a value");
      return;
    }
    if (head.key == "country") {
      ReadCountry(head, fields);
    } else if (head.key == "agent") {
      ReadAgent(head, fields);
    } else {
      // One-line form: "person: Name = CODES" is "person: Name" plus "codes: CODES", so that a
      // new office holder can be added in one line.
      Line named = head;
      Line inline_codes;
      if (size_t eq = head.value.find(" = "); eq != std::string::npos) {
        if (fields.count("codes") != 0) {
          Problem(head.number, "codes given both after '=' and in a codes: line");
          return;
        }
        named.value = std::string(Trim(std::string_view(head.value).substr(0, eq)));
        inline_codes = {head.number, "codes",
                        std::string(Trim(std::string_view(head.value).substr(eq + 3)))};
        fields["codes"] = &inline_codes;
      }
      ReadNamed(named, fields, head.key == "person" ? EntryKind::kPerson : EntryKind::kActor);
    }
  }

 private:
  void Problem(uint32_t line, std::string message) {
    set_->AddProblem(Severity::kError, file_, line, std::move(message));
  }

  // Parses "CODE", "CODE FROM..TO", "CODE FROM..", "CODE ..TO".
  bool ParseCode(std::string_view item, uint32_t line, DatedCode* out) {
    size_t space = item.find(' ');
    std::string_view code = item.substr(0, space);
    if (!ValidActorCode(code)) {
      Problem(line, "'" + std::string(code) + "' is not an actor code (capital letters and "
                                              "digits, or --- for no actor)");
      return false;
    }
    out->code = std::string(code);
    out->where = {file_, line};
    if (space == item.npos) {
      out->is_default = true;
      return true;
    }
    std::string_view range = Trim(item.substr(space + 1));
    size_t dots = range.find("..");
    if (dots == range.npos) {
      Problem(line, "date range '" + std::string(range) + "' is not FROM..TO (YYYY-MM-DD)");
      return false;
    }
    std::string_view from = Trim(range.substr(0, dots));
    std::string_view to = Trim(range.substr(dots + 2));
    if (from.empty() && to.empty()) {
      Problem(line, "date range '..' has no date; leave the range out for a default code");
      return false;
    }
    if (!from.empty() && !ParseIsoDate(from, &out->from)) {
      Problem(line, "'" + std::string(from) + "' is not a date (YYYY-MM-DD)");
      return false;
    }
    if (!to.empty() && !ParseIsoDate(to, &out->to)) {
      Problem(line, "'" + std::string(to) + "' is not a date (YYYY-MM-DD)");
      return false;
    }
    if (out->from > out->to) {
      Problem(line, "date range " + std::string(range) + " ends before it starts");
      return false;
    }
    return true;
  }

  bool ParseCodes(const Line& line, std::vector<DatedCode>* codes) {
    bool ok = true;
    bool has_default = false;
    for (const std::string& item : SplitList(line.value)) {
      DatedCode c;
      if (!ParseCode(item, line.number, &c)) {
        ok = false;
        continue;
      }
      if (c.is_default) {
        if (has_default) {
          Problem(line.number, "two codes without a date range; only one default is allowed");
          ok = false;
          continue;
        }
        has_default = true;
      }
      codes->push_back(std::move(c));
    }
    if (codes->empty() && ok) {
      Problem(line.number, "codes: lists no code");
      ok = false;
    }
    return ok;
  }

  void AddNames(uint32_t entry, const std::vector<std::string>& texts, NameRole role,
                uint32_t line, const std::set<std::string>& ambiguous,
                const std::set<std::string>& ambiguous_default) {
    for (const std::string& text : texts) {
      NameRecord n;
      n.entry = entry;
      n.role = role;
      n.text = text;
      n.where = {file_, line};
      std::string key = NormalizedKey(text);
      n.ambiguous = ambiguous.count(key) != 0;
      n.ambiguous_default = ambiguous_default.count(key) != 0;
      set_->AddName(std::move(n), false);
    }
  }

  void ReadCountry(const Line& head, const std::map<std::string, const Line*>& f) {
    Entry e;
    e.kind = EntryKind::kCountry;
    e.head = head.value;
    e.where = {file_, head.number};
    if (e.head.size() != 3 || !std::all_of(e.head.begin(), e.head.end(),
                                           [](char c) { return c >= 'A' && c <= 'Z'; })) {
      Problem(head.number, "country: '" + e.head + "' is not an ISO 3166-1 alpha-3 code");
      return;
    }
    auto names_it = f.find("names");
    if (names_it == f.end() || SplitList(names_it->second->value).empty()) {
      Problem(head.number, "country " + e.head + " has no names:");
      return;
    }
    if (auto it = f.find("verified"); it != f.end()) {
      if (!ParseIsoDate(Trim(it->second->value), &e.verified)) {
        Problem(it->second->number, "verified: '" + it->second->value + "' is not a date");
        return;
      }
    }
    std::vector<std::pair<std::string, std::string>> metonyms;
    uint32_t metonym_line = 0;
    if (auto it = f.find("metonyms"); it != f.end()) {
      metonym_line = it->second->number;
      for (const std::string& item : SplitList(it->second->value)) {
        size_t eq = item.find('=');
        std::string name(Trim(std::string_view(item).substr(0, eq)));
        std::string code(eq == std::string::npos ? "" : Trim(std::string_view(item).substr(eq + 1)));
        if (eq == std::string::npos || name.empty() || !ValidActorCode(code)) {
          Problem(metonym_line, "metonym '" + item + "' is not 'Name = CODE'");
          return;
        }
        metonyms.emplace_back(name, code);
      }
    }
    std::set<std::string> ambiguous, ambiguous_default;
    std::vector<std::string> ambiguous_only;
    uint32_t ambiguous_line = 0;
    if (auto it = f.find("ambiguous"); it != f.end()) {
      ambiguous_line = it->second->number;
      for (const std::string& item : SplitList(it->second->value)) {
        size_t eq = item.find('=');
        std::string name(Trim(std::string_view(item).substr(0, eq)));
        if (eq != std::string::npos) {
          std::string_view what = Trim(std::string_view(item).substr(eq + 1));
          if (what != "default") {
            Problem(ambiguous_line, "ambiguous: '" + item + "' must be 'Name' or 'Name = default'");
            return;
          }
          ambiguous_default.insert(NormalizedKey(name));
        }
        if (NormalizedKey(name).empty()) {
          Problem(ambiguous_line, "ambiguous: '" + item + "' has no letters");
          return;
        }
        ambiguous.insert(NormalizedKey(name));
        ambiguous_only.push_back(name);
      }
    }
    e.codes.push_back(DatedCode{e.head, kOpenStart, kOpenEnd, true, {file_, head.number}});
    uint32_t id = set_->AddEntry(std::move(e));
    std::set<std::string> seen;
    auto add = [&](const char* key, NameRole role) {
      auto it = f.find(key);
      if (it == f.end()) return;
      std::vector<std::string> items = SplitList(it->second->value);
      for (const std::string& s : items) seen.insert(NormalizedKey(s));
      AddNames(id, items, role, it->second->number, ambiguous, ambiguous_default);
    };
    add("names", NameRole::kName);
    add("adjectives", NameRole::kAdjective);
    add("capital", NameRole::kCapital);
    add("cities", NameRole::kCity);
    add("context", NameRole::kContext);
    for (const auto& [name, code] : metonyms) {
      NameRecord n;
      n.entry = id;
      n.role = NameRole::kMetonym;
      n.text = name;
      n.code = code;
      n.where = {file_, metonym_line};
      seen.insert(NormalizedKey(name));
      set_->AddName(std::move(n), false);
    }
    // An ambiguous name listed nowhere else is an extra (ambiguous) name of the country.
    for (const std::string& name : ambiguous_only) {
      if (seen.count(NormalizedKey(name)) != 0) continue;
      AddNames(id, {name}, NameRole::kName, ambiguous_line, ambiguous, ambiguous_default);
    }
  }

  void ReadNamed(const Line& head, const std::map<std::string, const Line*>& f, EntryKind kind) {
    Entry e;
    e.kind = kind;
    e.head = head.value;
    e.where = {file_, head.number};
    auto codes_it = f.find("codes");
    if (codes_it == f.end()) {
      Problem(head.number, head.key + " '" + e.head + "' has no codes:");
      return;
    }
    if (!ParseCodes(*codes_it->second, &e.codes)) return;
    if (auto it = f.find("roles"); it != f.end()) e.roles = SplitList(it->second->value);
    if (auto it = f.find("gender"); it != f.end()) {
      const std::string& g = it->second->value;
      if (g == "male") {
        e.gender = Gender::kMale;
      } else if (g == "female") {
        e.gender = Gender::kFemale;
      } else {
        Problem(it->second->number, "gender: is 'male' or 'female', not '" + g + "'");
        return;
      }
    }
    uint32_t id = set_->AddEntry(std::move(e));
    AddNames(id, {head.value}, NameRole::kName, head.number, {}, {});
    if (auto it = f.find("aliases"); it != f.end()) {
      AddNames(id, SplitList(it->second->value), NameRole::kAlias, it->second->number, {}, {});
    }
  }

  void ReadAgent(const Line& head, const std::map<std::string, const Line*>& f) {
    Entry e;
    e.kind = EntryKind::kAgent;
    std::string code = head.value;
    if (!code.empty() && code.back() == '~') {
      e.agent_prefix = true;
      code.pop_back();
    } else if (!code.empty() && code.front() == '~') {
      code.erase(0, 1);
    }
    if (code.size() < 3 || !std::all_of(code.begin(), code.end(), IsCodeChar)) {
      Problem(head.number, "agent: '" + head.value + "' is not a sector code such as MIL");
      return;
    }
    e.head = code;
    e.where = {file_, head.number};
    e.codes.push_back(DatedCode{code, kOpenStart, kOpenEnd, true, {file_, head.number}});
    auto terms = f.find("terms");
    if (terms == f.end() || SplitList(terms->second->value).empty()) {
      Problem(head.number, "agent " + head.value + " has no terms:");
      return;
    }
    uint32_t id = set_->AddEntry(std::move(e));
    AddNames(id, SplitList(terms->second->value), NameRole::kAgentTerm, terms->second->number, {},
             {});
  }

  DictionarySet* set_;
  uint32_t file_;
};

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot open dictionary file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

void ReadParleyDictionary(const std::string& path, std::string_view text, DictionarySet* set) {
  uint32_t file = set->AddFile(path);
  BlockReader reader(set, file);
  std::vector<Line> block;
  uint32_t number = 0;
  size_t start = 0;
  auto flush = [&] {
    if (!block.empty()) reader.Read(block);
    block.clear();
  };
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view raw = text.substr(start, nl == text.npos ? text.npos : nl - start);
    start = nl == text.npos ? text.size() : nl + 1;
    ++number;
    if (raw.find('\0') != raw.npos) {
      set->AddProblem(Severity::kError, file, number, "NUL byte in a dictionary line");
      continue;
    }
    bool comment_only = !Trim(raw).empty() && Trim(raw).front() == '#';
    size_t hash = raw.find('#');
    std::string_view line = Trim(raw.substr(0, hash));
    if (line.empty()) {
      // A comment line does not end a block; a blank line does.
      if (!comment_only) flush();
      continue;
    }
    size_t colon = line.find(':');
    std::string_view key = colon == line.npos ? std::string_view() : Trim(line.substr(0, colon));
    bool key_ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '-';
    });
    if (!key_ok) {
      set->AddProblem(Severity::kError, file, number,
                      "expected 'key: value' (lower-case key), got '" + std::string(line) + "'");
      continue;
    }
    block.push_back(Line{number, std::string(key), std::string(Trim(line.substr(colon + 1)))});
  }
  flush();
}

void ReadManifest(const std::string& manifest_path, DictionarySet* set) {
  std::string text = ReadFileText(manifest_path);
  fs::path base = fs::path(manifest_path).parent_path();
  uint32_t manifest_file = set->AddFile(manifest_path);
  std::set<std::string> loaded;
  std::istringstream in(text);
  std::string raw;
  uint32_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    std::string_view line = Trim(std::string_view(raw).substr(0, raw.find('#')));
    if (line.empty()) continue;
    bool petrarch = false;
    bool patterns = false;
    PetrarchKind kind = PetrarchKind::kActors;
    bool kind_given = false;
    if (line.substr(0, 9) == "patterns:") {
      patterns = true;
      line = Trim(line.substr(9));
    } else if (line.substr(0, 8) == "petrarch") {
      size_t colon = line.find(':');
      if (colon == line.npos) {
        set->AddProblem(Severity::kError, manifest_file, number,
                        "expected 'petrarch:PATH' or 'petrarch-KIND:PATH'");
        continue;
      }
      std::string_view prefix = line.substr(0, colon);
      petrarch = true;
      if (prefix.size() > 9 && prefix[8] == '-') {
        if (!ParsePetrarchKind(prefix.substr(9), &kind)) {
          set->AddProblem(Severity::kError, manifest_file, number,
                          "unknown PETRARCH dictionary type '" + std::string(prefix.substr(9)) +
                              "' (actors, agents, discards, issues, verbs)");
          continue;
        }
        kind_given = true;
      } else if (prefix != "petrarch") {
        set->AddProblem(Severity::kError, manifest_file, number,
                        "unknown prefix '" + std::string(prefix) + ":'");
        continue;
      }
      line = Trim(line.substr(colon + 1));
    }
    std::string pattern = (base / std::string(line)).string();
    std::vector<std::string> paths;
    if (line.find_first_of("*?[") != line.npos) {
      glob_t g{};
      int rc = glob(pattern.c_str(), 0, nullptr, &g);
      if (rc == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i) paths.emplace_back(g.gl_pathv[i]);
      }
      globfree(&g);
      if (paths.empty()) {
        set->AddProblem(Severity::kNote, manifest_file, number,
                        "'" + std::string(line) + "' matches no file");
      }
    } else {
      std::error_code ec;
      if (!fs::is_regular_file(pattern, ec)) {
        throw Error(manifest_path, number, "listed file " + pattern + " does not exist");
      }
      paths.push_back(pattern);
    }
    for (const std::string& p : paths) {
      std::string normal = fs::path(p).lexically_normal().string();
      if (!loaded.insert(normal).second) continue;
      if (petrarch) {
        PetrarchKind k = kind;
        if (!kind_given && !GuessPetrarchKind(fs::path(p).filename().string(), &k)) {
          set->AddProblem(Severity::kError, manifest_file, number,
                          "cannot tell the PETRARCH type of " + p + "; write petrarch-KIND:");
          continue;
        }
        ReadPetrarchFile(k, normal, ReadFileText(p), set);
      } else if (patterns) {
        ReadPatternFile(normal, ReadFileText(p), set);
      } else {
        ReadParleyDictionary(normal, ReadFileText(p), set);
      }
    }
  }
}

namespace {

// PETRARCH names are all capitals; written back in title case so that Parley's acronym rule
// (2-3 capital letters must match capitals) applies only to what PETRARCH treats as acronyms.
std::string ConvertName(const std::string& name) {
  std::string clean;
  for (char c : name) clean += (c == '|' || c == '#' || c == '\t') ? ' ' : c;
  std::vector<std::string> words = NormalizedWords(clean);
  bool acronym = words.size() == 1 && words[0].size() <= 3;
  if (acronym) {
    for (char& c : clean) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return std::string(Trim(clean));
  }
  bool start = true;
  for (char& c : clean) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) {
      if (start) {
        if (c >= 'a') c = static_cast<char>(c - 'a' + 'A');
      } else if (c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    start = !(letter || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80 ||
              c == '\'');
  }
  return std::string(Trim(clean));
}

std::string FormatCodes(const Entry& e) {
  std::string out;
  for (const DatedCode& c : e.codes) {
    if (!out.empty()) out += " | ";
    out += c.code;
    if (!c.is_default) {
      out += ' ';
      out += FormatRange(c.from, c.to);
    }
  }
  return out.empty() ? "---" : out;
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(path.string(), 0, "cannot write");
  out << text;
  if (!out) throw Error(path.string(), 0, "write failed");
}

}  // namespace

void WriteParleyDictionaries(const DictionarySet& set, const std::string& dir,
                             const std::vector<std::string>& verbatim_files) {
  fs::create_directories(dir);
  std::vector<std::vector<uint32_t>> names_of(set.entries().size());
  for (uint32_t i = 0; i < set.names().size(); ++i) names_of[set.names()[i].entry].push_back(i);
  std::string people, actors;
  std::map<std::string, std::vector<std::string>> agent_terms;  // head (with ~) -> terms
  for (uint32_t i = 0; i < set.entries().size(); ++i) {
    const Entry& e = set.entries()[i];
    std::vector<std::string> names;
    std::set<std::string> keys;
    for (uint32_t n : names_of[i]) {
      std::string converted = ConvertName(set.names()[n].text);
      std::string key = NormalizedKey(converted);
      if (key.empty() || !keys.insert(key).second) continue;
      names.push_back(converted);
    }
    if (e.kind == EntryKind::kAgent) {
      std::string head = e.agent_prefix ? e.head + "~" : e.head;
      for (const std::string& n : names) agent_terms[head].push_back(n);
      continue;
    }
    if (names.empty()) continue;
    std::string block;
    bool dated = std::any_of(e.codes.begin(), e.codes.end(),
                             [](const DatedCode& c) { return !c.is_default; });
    bool person = e.kind == EntryKind::kPerson || dated;
    block += (person ? "person: " : "actor: ") + names[0] + "\n";
    if (names.size() > 1) {
      block += "aliases: ";
      for (size_t k = 1; k < names.size(); ++k) block += (k > 1 ? " | " : "") + names[k];
      block += "\n";
    }
    block += "codes: " + FormatCodes(e) + "\n";
    block += "note: converted from " + set.Where(e.where) + "\n\n";
    (person ? people : actors) += block;
  }
  std::string agents;
  for (const auto& [head, terms] : agent_terms) {
    agents += "agent: " + head + "\nterms: ";
    for (size_t k = 0; k < terms.size(); ++k) agents += (k > 0 ? " | " : "") + terms[k];
    agents += "\n\n";
  }
  std::string manifest =
      "# Converted from PETRARCH dictionaries by `parley dict convert`.\n"
      "actors.txt\npeople.txt\nagents.txt\n";
  WriteText(fs::path(dir) / "actors.txt", actors);
  WriteText(fs::path(dir) / "people.txt", people);
  WriteText(fs::path(dir) / "agents.txt", agents);
  if (!verbatim_files.empty()) fs::create_directories(fs::path(dir) / "petrarch");
  for (const std::string& f : verbatim_files) {
    fs::path target = fs::path(dir) / "petrarch" / fs::path(f).filename();
    fs::copy_file(f, target, fs::copy_options::overwrite_existing);
    manifest += "petrarch:petrarch/" + fs::path(f).filename().string() + "\n";
  }
  WriteText(fs::path(dir) / "manifest.txt", manifest);
}

}  // namespace parley::lexicon
