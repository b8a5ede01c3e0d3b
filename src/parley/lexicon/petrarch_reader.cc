#include "parley/lexicon/petrarch_reader.h"

#include <algorithm>
#include <map>

#include "parley/lexicon/normalize.h"

namespace parley::lexicon {

namespace {

using Severity = LoadProblem::Severity;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The logical lines of a PETRARCH file, as PETRARCH reads them: "<!-- ... -->" comments (also
// over several lines) and everything after '#' removed, blank lines dropped.
struct SourceLine {
  uint32_t number;
  std::string text;  // trimmed, comment-free, non-empty
  std::string raw;   // as in the file (without the newline)
};

std::vector<SourceLine> LogicalLines(std::string_view text) {
  std::vector<SourceLine> out;
  uint32_t number = 0;
  size_t start = 0;
  bool in_comment = false;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view raw = text.substr(start, nl == text.npos ? text.npos : nl - start);
    start = nl == text.npos ? text.size() : nl + 1;
    ++number;
    std::string line(raw);
    std::string kept;
    size_t pos = 0;
    while (pos < line.size()) {
      if (in_comment) {
        size_t end = line.find("-->", pos);
        if (end == std::string::npos) {
          pos = line.size();
        } else {
          in_comment = false;
          pos = end + 3;
        }
        continue;
      }
      size_t open = line.find("<!", pos);
      if (open == std::string::npos) {
        kept += line.substr(pos);
        break;
      }
      kept += line.substr(pos, open - pos);
      size_t end = line.find('>', open);
      // "<!-- ... -->" (and TABARI's looser "<! -- ... -->"): a comment, possibly multi-line.
      size_t close = line.find("-->", open);
      if (close != std::string::npos) {
        pos = close + 3;
      } else if (end != std::string::npos && line.find("--", open) == std::string::npos) {
        pos = end + 1;
      } else {
        in_comment = true;
        pos = line.size();
      }
    }
    size_t hash = kept.find('#');
    if (hash != std::string::npos) kept.erase(hash);
    std::string_view trimmed = Trim(kept);
    if (trimmed.empty()) continue;
    out.push_back(SourceLine{number, std::string(trimmed), std::string(raw)});
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// A PETRARCH phrase string: words joined by '_' or blanks; a trailing '_' (TABARI's "whole
// word, no stem") is dropped since Parley always matches whole words.
std::string PhraseText(std::string_view phrase) {
  std::string out;
  for (char c : phrase) out += (c == '_' || c == '\t') ? ' ' : c;
  std::string collapsed;
  bool space = false;
  for (char c : Trim(out)) {
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  return collapsed;
}

class Reader {
 public:
  Reader(DictionarySet* set, const std::string& path) : set_(set), file_(set->AddFile(path)) {}

  void Error(uint32_t line, std::string message) {
    set_->AddProblem(Severity::kError, file_, line, std::move(message));
  }
  void Note(uint32_t line, std::string message) {
    set_->AddProblem(Severity::kNote, file_, line, std::move(message));
  }

  // ----- actors -----

  struct PendingActor {
    bool open = false;
    Entry entry;
    std::vector<std::pair<std::string, uint32_t>> names;
    bool has_default = false;
  };

  // A PETRARCH date read the way PETRARCH reads it: up to 7 characters are YYMMDD (the first
  // six), longer ones YYYYMMDD (the first eight); anything irregular gets a note showing the
  // reading.
  bool LenientDate(std::string_view text, uint32_t line, Date* out) {
    if (ParsePetrarchDate(text, out)) return true;
    bool digits = AllDigits(text);
    std::string_view head = text.size() <= 7 ? text.substr(0, 6) : text.substr(0, 8);
    if (digits && text.size() >= 6 && ParsePetrarchDate(head, out)) {
      Note(line, "irregular date '" + std::string(text) + "' read as " + FormatDate(*out) +
                     " (PETRARCH reads only its first " + std::to_string(head.size()) + " digits)");
      return true;
    }
    Error(line, "'" + std::string(text) + "' is not a date (YYMMDD or YYYYMMDD)");
    return false;
  }

  // Parses the "[...]" groups in `rest` into codes of *actor. Returns false on a malformed one.
  bool ParseRestrictions(std::string_view rest, uint32_t line, PendingActor* actor) {
    while (true) {
      rest = Trim(rest);
      if (rest.empty()) return true;
      if (rest.front() != '[') {
        // Spreadsheet residue after the code ("[MNCMED]<tab>Newspapers<tab>$137,000,000").
        Note(line, "text '" + std::string(rest) + "' after the code is ignored");
        return true;
      }
      size_t close = rest.find(']');
      if (close == rest.npos) {
        Error(line, "'[' without ']'");
        return false;
      }
      std::string_view body = Trim(rest.substr(1, close - 1));
      rest.remove_prefix(close + 1);
      size_t space = body.find_first_of(" \t");
      std::string_view code = body.substr(0, space);
      std::string restriction;
      if (space != body.npos) {
        for (char c : body.substr(space)) {
          if (c != ' ' && c != '\t') restriction += c;
        }
      }
      if (code.empty()) {
        Error(line, "empty code '[]'");
        return false;
      }
      for (char c : code) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '/' || c == '-' || c == '+';
        if (!ok) {
          Error(line, "'" + std::string(code) + "' is not an actor code");
          return false;
        }
      }
      DatedCode dc;
      dc.code = Upper(code);
      dc.where = {file_, line};
      if (dc.code != code) Note(line, "lower-case code '" + std::string(code) + "' read as " + dc.code);
      if (restriction.empty()) {
        dc.is_default = true;
        if (actor->has_default) {
          Note(line, "second code without a date (" + dc.code +
                         "); the first default is used, as listed first");
        }
        actor->has_default = true;
      } else if (restriction[0] == '<' || restriction[0] == '>') {
        Date d;
        if (!LenientDate(std::string_view(restriction).substr(1), line, &d)) return false;
        (restriction[0] == '<' ? dc.to : dc.from) = d;
      } else if (restriction.find('-') == std::string::npos) {
        // A bare date: PETRARCH's coder treats it like ">DATE".
        Date d;
        if (!LenientDate(restriction, line, &d)) return false;
        Note(line, "date restriction '" + restriction + "' without < or > read as >" + restriction);
        dc.from = d;
      } else {
        size_t dash = restriction.find('-');
        Date from, to;
        if (!LenientDate(std::string_view(restriction).substr(0, dash), line, &from) ||
            !LenientDate(std::string_view(restriction).substr(dash + 1), line, &to)) {
          return false;
        }
        dc.from = from;
        dc.to = to;
        if (from > to) Note(line, "date range " + restriction + " ends before it starts; never applies");
      }
      actor->entry.codes.push_back(std::move(dc));
    }
  }

  void FlushActor(PendingActor* actor) {
    if (!actor->open) return;
    actor->open = false;
    if (actor->entry.codes.empty()) {
      Note(actor->entry.where.line,
           "'" + actor->entry.head + "' has no code: PETRARCH's null code (it matches, codes nothing)");
    }
    uint32_t id = set_->AddEntry(std::move(actor->entry));
    bool first = true;
    for (auto& [name, line] : actor->names) {
      NameRecord n;
      n.entry = id;
      n.role = first ? NameRole::kName : NameRole::kAlias;
      first = false;
      n.text = name;
      n.where = {file_, line};
      set_->AddName(std::move(n), true);
    }
    *actor = PendingActor{};
  }

  void ReadActors(std::string_view text) {
    PendingActor actor;
    for (const SourceLine& l : LogicalLines(text)) {
      std::string_view s = l.text;
      if (size_t semi = s.find(';'); semi != s.npos) {
        // TABARI's ';' comment ("JAMES_BYRNES_  ; CountryInfo.txt").
        Note(l.number, "';' starts a TABARI comment; the rest of the line is ignored");
        s = Trim(s.substr(0, semi));
        if (s.empty()) continue;
      }
      if (s.front() == '[') {
        if (!actor.open) {
          Error(l.number, "a date restriction before any actor");
          continue;
        }
        ParseRestrictions(s, l.number, &actor);
        continue;
      }
      bool synonym = s.front() == '+';
      if (synonym) s.remove_prefix(1);
      size_t bracket = s.find('[');
      std::string name = PhraseText(s.substr(0, bracket));
      if (name.empty() || NormalizedKey(name).empty()) {
        Error(l.number, "actor line without a name");
        continue;
      }
      if (synonym) {
        if (!actor.open) {
          Error(l.number, "a '+' synonym before any actor");
          continue;
        }
      } else {
        FlushActor(&actor);
        actor.open = true;
        actor.entry.kind = EntryKind::kActor;
        actor.entry.petrarch = true;
        actor.entry.head = name;
        actor.entry.where = {file_, l.number};
      }
      actor.names.emplace_back(name, l.number);
      if (bracket != s.npos) ParseRestrictions(s.substr(bracket), l.number, &actor);
    }
    FlushActor(&actor);
  }

  // ----- agents -----

  static std::string RegularPlural(const std::string& phrase) {
    if (phrase.empty()) return phrase;
    char last = phrase.back();
    if (last == 'Y' || last == 'y') return phrase.substr(0, phrase.size() - 1) + "IES";
    if (last == 'S' || last == 's') return phrase + "ES";
    return phrase + "S";
  }

  void ReadAgents(std::string_view text) {
    std::map<std::string, std::vector<std::string>> markers;
    for (const SourceLine& l : LogicalLines(text)) {
      std::string_view s = l.text;
      if (s.find('!') != s.npos && s.find('=') != s.npos) {
        size_t a = s.find('!');
        size_t b = s.find('!', a + 1);
        size_t eq = s.find('=');
        if (b == s.npos || eq < b) {
          Error(l.number, "substitution set must be '!NAME! = A, B, C'");
          continue;
        }
        std::string marker(s.substr(a + 1, b - a - 1));
        std::vector<std::string> items;
        std::string_view list = s.substr(eq + 1);
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = list.find(',', start);
          std::string_view item = Trim(list.substr(start, comma == list.npos ? list.npos : comma - start));
          if (!item.empty()) items.emplace_back(item);
          start = comma == list.npos ? list.size() + 1 : comma + 1;
        }
        if (items.empty()) {
          Error(l.number, "substitution set !" + marker + "! lists nothing");
          continue;
        }
        markers[marker] = std::move(items);
        continue;
      }
      size_t open = s.find('[');
      if (open == s.npos) {
        Note(l.number, "agent '" + std::string(s) + "' has no code; PETRARCH skips it");
        continue;
      }
      size_t close = s.find(']', open);
      if (close == s.npos && s.back() == '}' && s.find('{', open) == s.npos) {
        Note(l.number, "code closed with '}' read as if closed with ']'");
        close = s.size() - 1;
      }
      if (close == s.npos || !Trim(s.substr(close + 1)).empty()) {
        Error(l.number, "agent line must end with [~CODE] or [CODE~]");
        continue;
      }
      std::string code(Trim(s.substr(open + 1, close - open - 1)));
      Entry e;
      e.kind = EntryKind::kAgent;
      e.petrarch = true;
      e.where = {file_, l.number};
      if (!code.empty() && code.front() == '~') {
        code.erase(0, 1);
      } else if (!code.empty() && code.back() == '~') {
        code.pop_back();
        e.agent_prefix = true;
      } else {
        Note(l.number, "agent code '" + code + "' has no '~'; read as ~" + code);
      }
      code = Upper(code);
      if (code.empty() || !std::all_of(code.begin(), code.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
          })) {
        Error(l.number, "'" + code + "' is not an agent code");
        continue;
      }
      e.head = code;
      e.codes.push_back(DatedCode{code, kOpenStart, kOpenEnd, true, {file_, l.number}});
      std::string_view phrase = Trim(s.substr(0, open));
      std::vector<std::string> terms;
      if (phrase.find('!') != phrase.npos) {
        size_t a = phrase.find('!');
        size_t b = phrase.find('!', a + 1);
        if (b == phrase.npos) {
          Error(l.number, "substitution marker without its closing '!'");
          continue;
        }
        std::string marker(phrase.substr(a + 1, b - a - 1));
        auto it = markers.find(marker);
        if (it == markers.end()) {
          Error(l.number, "substitution set !" + marker + "! is not defined before this line");
          continue;
        }
        for (const std::string& item : it->second) {
          terms.push_back(PhraseText(std::string(phrase.substr(0, a)) + item +
                                     std::string(phrase.substr(b + 1))));
        }
      } else if (phrase.find('{') != phrase.npos) {
        size_t a = phrase.find('{');
        size_t b = phrase.find('}', a);
        if (b == phrase.npos) {
          Error(l.number, "'{' without '}'");
          continue;
        }
        terms.push_back(PhraseText(phrase.substr(0, a)));
        std::string plural = PhraseText(phrase.substr(a + 1, b - a - 1));
        if (!plural.empty()) terms.push_back(plural);
      } else {
        std::string singular = PhraseText(phrase);
        terms.push_back(singular);
        terms.push_back(RegularPlural(singular));
      }
      if (terms.empty() || NormalizedKey(terms[0]).empty()) {
        Error(l.number, "agent line without a phrase");
        continue;
      }
      uint32_t id = set_->AddEntry(std::move(e));
      for (const std::string& t : terms) {
        if (NormalizedKey(t).empty()) continue;
        NameRecord n;
        n.entry = id;
        n.role = NameRole::kAgentTerm;
        n.text = t;
        n.where = {file_, l.number};
        set_->AddName(std::move(n), true);
      }
    }
  }

  // ----- discards -----

  void ReadDiscards(std::string_view text) {
    for (const SourceLine& l : LogicalLines(text)) {
      std::string_view s = l.text;
      Discard d;
      d.where = {file_, l.number};
      if (s.front() == '+') {
        d.story = true;
        s.remove_prefix(1);
      }
      s = Trim(s);
      if (!s.empty() && s.back() == '_') d.stem = false;
      d.words = NormalizedWords(PhraseText(s));
      if (d.words.empty()) {
        Error(l.number, "discard line without a word");
        continue;
      }
      set_->mutable_discards().push_back(std::move(d));
    }
  }

  // ----- issues -----

  void ReadIssues(std::string_view text) {
    std::string category;
    for (const SourceLine& l : LogicalLines(text)) {
      std::string_view s = l.text;
      if (s.substr(0, 6) == "<ISSUE") {
        size_t a = s.find("CATEGORY=\"");
        size_t b = a == s.npos ? s.npos : s.find('"', a + 10);
        if (b == s.npos || s.back() != '>') {
          Error(l.number, "issue section must be <ISSUE CATEGORY=\"...\" ...>");
          continue;
        }
        category = std::string(s.substr(a + 10, b - a - 10));
        continue;
      }
      if (s == "</ISSUE>") {
        category.clear();
        continue;
      }
      // "PHRASE [CODE]" pairs; PETRARCH skips a line with no code. A few Phoenix lines hold
      // two pairs (a lost newline) or junk after the code; both are read with a note.
      std::vector<std::pair<std::string, std::string>> pairs;  // phrase, code (code "" = exclusion)
      int exclude = 0;
      if (s.substr(0, 2) == "~~") {
        exclude = 2;
        pairs.emplace_back(std::string(s.substr(2)), "");
      } else if (s.front() == '~') {
        exclude = 1;
        pairs.emplace_back(std::string(s.substr(1)), "");
      } else {
        std::string_view rest = s;
        while (!Trim(rest).empty()) {
          size_t open = rest.find('[');
          size_t close = open == rest.npos ? rest.npos : rest.find(']', open);
          if (close == rest.npos) {
            std::string_view tail = Trim(rest);
            bool letters = std::any_of(tail.begin(), tail.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            });
            if (pairs.empty()) {
              Note(l.number, "issue phrase '" + std::string(tail) + "' has no [CODE]; PETRARCH skips it");
            } else if (letters) {
              Note(l.number, "text '" + std::string(tail) + "' without a code is skipped");
            } else {
              Note(l.number, "junk '" + std::string(tail) + "' after the code is ignored");
            }
            break;
          }
          std::string phrase(Trim(rest.substr(0, open)));
          std::string code(Trim(rest.substr(open + 1, close - open - 1)));
          rest = rest.substr(close + 1);
          if (code.empty()) {
            Error(l.number, "empty issue code");
            break;
          }
          if (phrase.empty()) {
            Note(l.number, "repeated code [" + code + "] ignored");
            continue;
          }
          if (!pairs.empty()) Note(l.number, "second 'PHRASE [CODE]' on one line read as its own entry");
          pairs.emplace_back(phrase, code);
        }
      }
      for (const auto& [phrase, code] : pairs) AddIssue(phrase, code, exclude, category, l.number);
    }
  }

  // Expands an issue phrase: "n:word" singular and plural, "v:word" regular verb forms,
  // "a+b" both "a b" and "a-b" (the same words once normalized).
  void AddIssue(const std::string& phrase, const std::string& code, int exclude,
                const std::string& category, uint32_t line) {
    std::string spaced;
    for (char c : phrase) spaced += c == '+' ? ' ' : c;
    std::vector<std::string> variants = {""};
    std::string_view rest = Trim(spaced);
    while (!rest.empty()) {
      size_t sp = rest.find_first_of(" \t");
      std::string word(rest.substr(0, sp));
      rest = sp == rest.npos ? std::string_view() : Trim(rest.substr(sp));
      std::vector<std::string> forms;
      std::string lower = Lower(word);
      if (lower.size() > 2 && lower.compare(0, 2, "n:") == 0) {
        std::string root = Upper(word.substr(2));
        forms = {root, RegularPlural(root)};
      } else if (lower.size() > 2 && lower.compare(0, 2, "v:") == 0) {
        std::string root = Upper(word.substr(2));
        forms = {root, root + "S"};
        if (root.back() == 'E') {
          forms.push_back(root + "D");
          forms.push_back(root.substr(0, root.size() - 1) + "ING");
        } else {
          forms.push_back(root + "ED");
          forms.push_back(root + "ING");
        }
      } else {
        if (word.size() > 2 && word[1] == ':') {
          Note(line, "'" + word + "' is no expansion (n:, v:, +); PETRARCH reads it literally");
        }
        forms = {word};
      }
      std::vector<std::string> next;
      for (const std::string& v : variants) {
        for (const std::string& f : forms) next.push_back(v.empty() ? f : v + " " + f);
      }
      variants.swap(next);
    }
    for (const std::string& v : variants) {
      Issue issue;
      issue.category = category;
      issue.code = code;
      issue.exclude = exclude;
      issue.where = {file_, line};
      issue.words = NormalizedWords(v);
      if (issue.words.empty()) {
        Error(line, "issue line without a phrase");
        return;
      }
      set_->mutable_issues().push_back(std::move(issue));
    }
  }

  // ----- verbs -----

  bool ParseVerbCode(std::string_view body, uint32_t line, VerbCode* code) {
    body = Trim(body);
    if (!body.empty() && body.back() == '!') {
      code->flagged = true;
      body.remove_suffix(1);
    }
    size_t colon = body.find(':');
    std::string_view primary = Trim(body.substr(0, colon));
    std::string_view secondary = colon == body.npos ? std::string_view() : Trim(body.substr(colon + 1));
    // PETRARCH keeps whatever is between the brackets; only blanks make it unreadable.
    auto valid = [](std::string_view c) { return c.find_first_of(" \t[]") == c.npos; };
    if (!valid(primary) || !valid(secondary) || (primary.empty() && secondary.empty())) {
      Error(line, "'[" + std::string(body) + "]' is not an event code (CODE, CODE:CODE or ---)");
      return false;
    }
    code->primary = std::string(primary);
    code->secondary = std::string(secondary);
    return true;
  }

  void AddVerbForm(const std::string& written, uint32_t block, const VerbCode& code,
                   bool generated, uint32_t line) {
    VerbForm f;
    f.own_code = own_code_;
    std::vector<std::string> words;
    std::string current;
    uint32_t verb_word = 0;
    for (char c : written) {
      if (c == '_' || c == ' ') {
        if (!current.empty()) words.push_back(current);
        current.clear();
      } else if (c == '+') {
        verb_word = static_cast<uint32_t>(words.size());
      } else {
        current += c;
      }
    }
    if (!current.empty()) words.push_back(current);
    if (words.empty()) {
      Error(line, "empty verb form");
      return;
    }
    f.text = JoinWords(words);
    f.verb_word = std::min<uint32_t>(verb_word, static_cast<uint32_t>(words.size() - 1));
    f.block = block;
    f.code = code;
    f.generated = generated;
    f.where = {file_, line};
    set_->mutable_verbs().forms.push_back(std::move(f));
  }

  // Regular forms as PETRARCH makes them: +S (+ES after S, X, Z), +ED (+D after E), +ING
  // (dropping a final E after a consonant).
  static std::vector<std::string> RegularVerbForms(const std::string& stem) {
    std::vector<std::string> out;
    char last = stem.back();
    out.push_back(last == 'S' || last == 'X' || last == 'Z' ? stem + "ES" : stem + "S");
    out.push_back(last == 'E' ? stem + "D" : stem + "ED");
    bool drop_e = last == 'E' && stem.size() >= 2 &&
                  std::string_view("AEIOU").find(stem[stem.size() - 2]) == std::string_view::npos;
    out.push_back(drop_e ? stem.substr(0, stem.size() - 1) + "ING" : stem + "ING");
    return out;
  }

  void ReadVerbLine(const SourceLine& l, uint32_t block) {
    std::string_view s = l.text;
    if (size_t semi = s.find(';'); semi != s.npos) {
      // TABARI's ';' comment ("SCRAP {...};shan 8/30/93").
      Note(l.number, "';' starts a TABARI comment; the rest of the line is ignored");
      s = Trim(s.substr(0, semi));
    }
    std::string respaced;
    VerbCode code = set_->mutable_verbs().blocks[block].code;
    size_t bracket = s.find('[');
    own_code_ = bracket != s.npos;
    if (bracket != s.npos) {
      size_t close = s.find(']', bracket);
      if (close == s.npos || !Trim(s.substr(close + 1)).empty()) {
        Error(l.number, "verb line must end with its [CODE]");
        return;
      }
      if (!ParseVerbCode(s.substr(bracket + 1, close - bracket - 1), l.number, &code)) return;
      s = Trim(s.substr(0, bracket));
    }
    std::string_view forms;
    size_t brace = s.find('{');
    if (brace != s.npos) {
      size_t close = s.find('}', brace);
      if (close == s.npos || !Trim(s.substr(close + 1)).empty()) {
        Error(l.number, "'{' without '}' in a verb line");
        return;
      }
      forms = s.substr(brace + 1, close - brace - 1);
      s = Trim(s.substr(0, brace));
    }
    if (s.empty()) {
      Error(l.number, "verb line without a verb");
      return;
    }
    if (s.find_first_of(" \t") != s.npos) {
      // "LASH OUT": a multi-word verb written with a blank; read as "+LASH_OUT".
      for (char c : s) respaced += (c == ' ' || c == '\t') ? '_' : c;
      if (respaced.find('+') == std::string::npos) respaced.insert(0, "+");
      Note(l.number, "verb '" + std::string(s) + "' read as the multi-word verb " + respaced);
      s = respaced;
    }
    std::string main = Upper(s);
    AddVerbForm(main, block, code, false, l.number);
    if (brace != std::string_view::npos) {
      std::string_view rest = Trim(forms);
      while (!rest.empty()) {
        size_t sp = rest.find_first_of(" \t");
        AddVerbForm(Upper(rest.substr(0, sp)), block, code, false, l.number);
        rest = sp == rest.npos ? std::string_view() : Trim(rest.substr(sp));
      }
      return;
    }
    // Regular forms of the word marked '+' (or the only word).
    std::vector<std::string> parts;
    size_t verb_index = 0;
    std::string current;
    for (char c : main) {
      if (c == '_') {
        parts.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
    parts.push_back(current);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!parts[i].empty() && parts[i][0] == '+') verb_index = i;
    }
    std::string stem = parts[verb_index];
    bool plus = !stem.empty() && stem[0] == '+';
    if (plus) stem.erase(0, 1);
    if (stem.empty()) {
      Error(l.number, "empty verb");
      return;
    }
    for (const std::string& form : RegularVerbForms(stem)) {
      std::string written;
      for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) written += '_';
        written += i == verb_index ? (plus ? "+" : "") + form : parts[i];
      }
      AddVerbForm(written, block, code, true, l.number);
    }
  }

  // Classifies one piece of a pattern token (no blanks, no '_', no brackets).
  bool PatternPiece(std::string_view piece, uint32_t line, bool joined, VerbPattern* p,
                    int* stars) {
    PatternToken t;
    t.joined = joined;
    if (piece == "*") {
      t.kind = PatternTokenKind::kVerb;
      ++*stars;
    } else if (piece == "$") {
      t.kind = PatternTokenKind::kSource;
    } else if (piece == "+") {
      t.kind = PatternTokenKind::kTarget;
    } else if (piece == "%") {
      t.kind = PatternTokenKind::kCompound;
    } else if (piece == "^") {
      t.kind = PatternTokenKind::kSkip;
    } else if (piece.front() == '&') {
      t.kind = PatternTokenKind::kSynset;
      t.text = Upper(piece);
    } else if (piece.size() > 1 && piece.front() == '*') {
      // "*SCEPTICAL": the verb marker glued to the next word.
      Note(line, "'" + std::string(piece) + "' read as '* " + std::string(piece.substr(1)) + "'");
      return PatternPiece("*", line, joined, p, stars) &&
             PatternPiece(piece.substr(1), line, false, p, stars);
    } else {
      bool ok = std::all_of(piece.begin(), piece.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '\'' || c == '.' || c == ',' || c == '/' || c == '"' ||
               c == '`' || static_cast<unsigned char>(c) >= 0x80;
      });
      if (!ok) {
        Error(line, "pattern token '" + std::string(piece) +
                        "' is not a word, &SYNSET, * $ + % ^ or a bracket");
        return false;
      }
      t.kind = PatternTokenKind::kWord;
      t.text = Upper(piece);
    }
    p->tokens.push_back(std::move(t));
    return true;
  }

  void ReadPattern(const SourceLine& l, uint32_t block) {
    std::string_view s = Trim(std::string_view(l.text).substr(1));
    size_t open = s.rfind('[');
    size_t close = open == s.npos ? s.npos : s.find(']', open);
    VerbPattern p;
    if (open != s.npos && close == s.npos && Trim(s.substr(open + 1)).empty() &&
        l.raw.find("[#") != std::string::npos) {
      // "[###]": the '#' comment swallows the code, as in PETRARCH, leaving no code.
      Note(l.number, "the code is cut off by a '#' comment; the pattern has no code");
      p.code.primary = "---";
    } else if (close == s.npos) {
      Error(l.number, "pattern must end with its [CODE]");
      return;
    } else {
      if (!Trim(s.substr(close + 1)).empty()) {
        Error(l.number, "text after the pattern's [CODE]");
        return;
      }
      if (!ParseVerbCode(s.substr(open + 1, close - open - 1), l.number, &p.code)) return;
    }
    std::string_view body = Trim(s.substr(0, open));
    if (!body.empty() && body.back() != ' ' && body.back() != '\t' && open > 0 &&
        s[open - 1] != ' ' && s[open - 1] != '\t') {
      // "VISIT)[042:043]": a stray copy of the pattern's last word glued to the code.
      size_t sp = body.find_last_of(" \t");
      std::string_view glued = body.substr(sp == body.npos ? 0 : sp + 1);
      Note(l.number, "text '" + std::string(glued) + "' glued to the code is ignored");
      body = Trim(body.substr(0, sp == body.npos ? 0 : sp));
    }
    p.text = std::string(body);
    p.block = block;
    p.where = {file_, l.number};
    int noun_depth = 0, prep_depth = 0, stars = 0;
    std::string_view rest = body;
    while (!rest.empty()) {
      size_t sp = rest.find_first_of(" \t");
      std::string_view tok = rest.substr(0, sp);
      rest = sp == rest.npos ? std::string_view() : Trim(rest.substr(sp));
      while (!tok.empty() && (tok.front() == '{' || tok.front() == '(')) {
        bool noun = tok.front() == '{';
        p.tokens.push_back({noun ? PatternTokenKind::kOpenNoun : PatternTokenKind::kOpenPrep, "", false});
        (noun ? noun_depth : prep_depth)++;
        tok.remove_prefix(1);
      }
      std::vector<PatternTokenKind> closers;
      while (!tok.empty() && (tok.back() == '}' || tok.back() == ')')) {
        closers.insert(closers.begin(),
                       tok.back() == '}' ? PatternTokenKind::kCloseNoun : PatternTokenKind::kClosePrep);
        tok.remove_suffix(1);
      }
      // '_' joins pieces that must be consecutive ("FOR_ASYLUM", "IN_*", "WOULD_*_TALKS").
      bool first = true;
      while (!tok.empty()) {
        size_t us = tok.find('_');
        std::string_view piece = tok.substr(0, us);
        tok = us == tok.npos ? std::string_view() : tok.substr(us + 1);
        if (piece.empty()) continue;
        if (!PatternPiece(piece, l.number, !first, &p, &stars)) return;
        if (p.tokens.back().kind == PatternTokenKind::kSynset) {
          pending_synsets_.emplace_back(p.tokens.back().text, l.number);
        }
        first = false;
      }
      for (PatternTokenKind k : closers) {
        p.tokens.push_back({k, "", false});
        (k == PatternTokenKind::kCloseNoun ? noun_depth : prep_depth)--;
        if (noun_depth < 0 || prep_depth < 0) break;
      }
      if (noun_depth < 0 || prep_depth < 0) break;
    }
    if (noun_depth != 0 || prep_depth != 0) {
      Error(l.number, "unbalanced { } or ( ) in pattern");
      return;
    }
    if (stars != 1) {
      Error(l.number, "a pattern has exactly one '*' (the verb), this one has " +
                          std::to_string(stars));
      return;
    }
    pending_patterns_.push_back(set_->mutable_verbs().patterns.size());
    set_->mutable_verbs().patterns.push_back(std::move(p));
  }

  void ReadVerbs(std::string_view text) {
    VerbDictionary& verbs = set_->mutable_verbs();
    int64_t block = -1;
    int64_t synset = -1;
    std::map<std::string, size_t> synset_index;
    for (const Synset& s : verbs.synsets) synset_index[s.name] = &s - verbs.synsets.data();
    for (const SourceLine& l : LogicalLines(text)) {
      std::string_view s = l.text;
      if (s.front() == '+' && synset >= 0) {
        Synset& syn = verbs.synsets[static_cast<size_t>(synset)];
        std::string phrase = Upper(Trim(s.substr(1)));
        bool no_plural = syn.no_plural || (!phrase.empty() && phrase.back() == '_');
        phrase = PhraseText(phrase);
        if (phrase.empty()) {
          Error(l.number, "empty synset phrase");
          continue;
        }
        syn.phrases.push_back(phrase);
        if (!no_plural) syn.phrases.push_back(RegularPlural(phrase));
        continue;
      }
      synset = -1;
      if (s.front() == '&') {
        Synset syn;
        syn.name = Upper(Trim(s));
        if (syn.name.find_first_of(" \t") != std::string::npos || syn.name.size() < 2) {
          Error(l.number, "synset name '" + std::string(s) + "' must be one &WORD");
          continue;
        }
        if (syn.name.back() == '_') {
          syn.no_plural = true;
          syn.name.pop_back();
        }
        syn.where = {file_, l.number};
        if (synset_index.count(syn.name) != 0) {
          Note(l.number, "synset " + syn.name + " defined again; the phrases are added to it");
          synset = static_cast<int64_t>(synset_index[syn.name]);
          continue;
        }
        synset_index[syn.name] = verbs.synsets.size();
        synset = static_cast<int64_t>(verbs.synsets.size());
        verbs.synsets.push_back(std::move(syn));
        continue;
      }
      if (s.substr(0, 3) == "---") {
        std::string_view inner = Trim(s.substr(3));
        if (inner.size() >= 3 && inner.substr(inner.size() - 3) == "---") {
          inner = Trim(inner.substr(0, inner.size() - 3));
        }
        VerbBlock b;
        b.where = {file_, l.number};
        b.code.primary = "---";
        size_t open = inner.find('[');
        if (open != inner.npos) {
          size_t close = inner.find(']', open);
          if (close == inner.npos) {
            Error(l.number, "verb block header must be '--- NAME [CODE] ---'");
            continue;
          }
          std::string_view after = inner.substr(close + 1);
          while (!after.empty() && (after.back() == '-' || after.back() == ' ' || after.back() == '\t')) {
            after.remove_suffix(1);
          }
          after = Trim(after);
          if (!after.empty()) {
            // "--- DELAY [120]  [031:031] ---": PETRARCH takes the first code.
            if (after.front() == '[' && after.back() == ']') {
              Note(l.number, "second block code " + std::string(after) + " ignored; the first is used");
            } else {
              Error(l.number, "verb block header must be '--- NAME [CODE] ---'");
              continue;
            }
          }
          if (!ParseVerbCode(inner.substr(open + 1, close - open - 1), l.number, &b.code)) continue;
          inner = Trim(inner.substr(0, open));
        }
        b.name = std::string(inner);
        if (b.name.empty()) {
          Error(l.number, "verb block without a name");
          continue;
        }
        block = static_cast<int64_t>(verbs.blocks.size());
        verbs.blocks.push_back(std::move(b));
        continue;
      }
      if (s.front() == '~') {
        if (s.find('=') == s.npos) {
          Error(l.number, "transformation must be '~ PATTERN = RESULT'");
          continue;
        }
        verbs.transformations.push_back({std::string(s), {file_, l.number}});
        continue;
      }
      if (block < 0) {
        Error(l.number, "verb or pattern before the first '--- NAME [CODE] ---' block");
        continue;
      }
      if (s.front() == '-') {
        ReadPattern(l, static_cast<uint32_t>(block));
      } else {
        ReadVerbLine(l, static_cast<uint32_t>(block));
      }
    }
    // PETRARCH ignores a pattern that uses an undefined synset; so does Parley, saying so.
    std::vector<VerbPattern>& patterns = verbs.patterns;
    std::vector<uint8_t> drop(patterns.size(), 0);
    for (size_t index : pending_patterns_) {
      for (const PatternToken& t : patterns[index].tokens) {
        if (t.kind == PatternTokenKind::kSynset && synset_index.count(t.text) == 0) {
          Note(patterns[index].where.line,
               "synset " + t.text + " is not defined; the pattern is ignored, as PETRARCH does");
          drop[index] = 1;
          break;
        }
      }
    }
    size_t w = 0;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (!drop[i]) {
        if (w != i) patterns[w] = std::move(patterns[i]);
        ++w;
      }
    }
    patterns.resize(w);
  }

 private:
  DictionarySet* set_;
  uint32_t file_;
  std::vector<std::pair<std::string, uint32_t>> pending_synsets_;
  std::vector<size_t> pending_patterns_;
  bool own_code_ = false;
};

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

std::string VerbCode::ToString() const {
  std::string out = primary;
  if (!secondary.empty()) out += ":" + secondary;
  if (flagged) out += "!";
  return out;
}

const Synset* VerbDictionary::FindSynset(std::string_view name) const {
  auto it = synset_index_.find(std::string(name));
  return it == synset_index_.end() ? nullptr : &synsets[it->second];
}

void VerbDictionary::IndexSynsets() {
  synset_index_.clear();
  for (uint32_t i = 0; i < synsets.size(); ++i) synset_index_.emplace(synsets[i].name, i);
}

bool ParsePetrarchKind(std::string_view name, PetrarchKind* kind) {
  if (name == "actors") *kind = PetrarchKind::kActors;
  else if (name == "agents") *kind = PetrarchKind::kAgents;
  else if (name == "discards") *kind = PetrarchKind::kDiscards;
  else if (name == "issues") *kind = PetrarchKind::kIssues;
  else if (name == "verbs") *kind = PetrarchKind::kVerbs;
  else return false;
  return true;
}

bool GuessPetrarchKind(std::string_view file_name, PetrarchKind* kind) {
  std::string lower = Lower(file_name);
  if (Contains(lower, "actors")) *kind = PetrarchKind::kActors;
  else if (Contains(lower, "agents")) *kind = PetrarchKind::kAgents;
  else if (Contains(lower, "discard")) *kind = PetrarchKind::kDiscards;
  else if (Contains(lower, "issue")) *kind = PetrarchKind::kIssues;
  else if (Contains(lower, "verbs") || lower.rfind("cameo", 0) == 0) *kind = PetrarchKind::kVerbs;
  else return false;
  return true;
}

void ReadPetrarchFile(PetrarchKind kind, const std::string& path, std::string_view text,
                      DictionarySet* set) {
  Reader reader(set, path);
  switch (kind) {
    case PetrarchKind::kActors: reader.ReadActors(text); break;
    case PetrarchKind::kAgents: reader.ReadAgents(text); break;
    case PetrarchKind::kDiscards: reader.ReadDiscards(text); break;
    case PetrarchKind::kIssues: reader.ReadIssues(text); break;
    case PetrarchKind::kVerbs: reader.ReadVerbs(text); break;
  }
}

}  // namespace parley::lexicon
