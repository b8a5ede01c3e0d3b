#include "parley/lexicon/dictionary_check.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace parley::lexicon {

namespace {

using Severity = Finding::Severity;

// What a name stands for, to tell a harmless duplicate from a conflict.
std::string Signature(const DictionarySet& set, const NameRecord& n) {
  const Entry& e = set.entries()[n.entry];
  if (n.role == NameRole::kMetonym) return n.code;
  if (e.kind == EntryKind::kCountry) {
    return n.role == NameRole::kCapital ? e.head + "GOV" : e.head;
  }
  std::string out = e.agent_prefix ? "~" : "";
  for (const DatedCode& c : e.codes) {
    out += c.code;
    if (!c.is_default) {
      out += ' ';
      out += FormatRange(c.from, c.to);
    }
    out += "|";
  }
  return out;
}

}  // namespace

std::string Finding::ToString() const {
  std::string out = where.empty() ? std::string("dictionaries") : where;
  switch (severity) {
    case Severity::kError: out += ": error: "; break;
    case Severity::kWarning: out += ": warning: "; break;
    case Severity::kNote: out += ": note: "; break;
  }
  return out + message;
}

CheckReport CheckDictionaries(const DictionarySet& set, const lexicon::Codebook* codebook) {
  CheckReport report;
  auto add = [&](Severity s, std::string where, std::string message) {
    report.findings.push_back({s, std::move(where), std::move(message)});
  };
  for (const LoadProblem& p : set.problems()) {
    std::string where = p.file;
    if (p.line > 0) {
      where += ':';
      where += std::to_string(p.line);
    }
    add(p.severity == LoadProblem::Severity::kError ? Severity::kError : Severity::kNote, where,
        p.message);
  }
  const auto& entries = set.entries();
  const auto& names = set.names();
  const NameTrie& trie = set.trie();
  auto legacy = [&](uint32_t entry) { return entries[entry].petrarch; };

  // Names shared by several entries, and which entries can win a match at all.
  std::vector<uint8_t> reachable(entries.size(), 0);
  for (uint32_t node = 0; node < trie.node_count(); ++node) {
    const uint32_t* begin = trie.PayloadBegin(node);
    const uint32_t* end = trie.PayloadEnd(node);
    if (begin == end) continue;
    int64_t winner = -1;
    int best = 100;
    for (const uint32_t* p = begin; p != end; ++p) {
      const NameRecord& n = names[*p];
      if (n.ambiguous) {
        reachable[n.entry] = 1;  // resolved by context, see the ambiguity policy
        continue;
      }
      int priority = RolePriority(n, entries[n.entry]);
      if (priority < best) {
        best = priority;
        winner = *p;
      }
    }
    if (winner < 0) continue;
    const NameRecord& w = names[static_cast<size_t>(winner)];
    reachable[w.entry] = 1;
    // Agents are looked up alongside actors but only compose; context words code nothing.
    std::string wsig = Signature(set, w);
    for (const uint32_t* p = begin; p != end; ++p) {
      const NameRecord& n = names[*p];
      if (*p == winner || n.entry == w.entry || n.ambiguous || n.role == NameRole::kContext ||
          w.role == NameRole::kContext) {
        continue;
      }
      bool agent_pair = (entries[n.entry].kind == EntryKind::kAgent) !=
                        (entries[w.entry].kind == EntryKind::kAgent);
      if (agent_pair) continue;  // an agent term and an actor name: the actor wins by design
      std::string sig = Signature(set, n);
      bool same = sig == wsig;
      bool lenient = legacy(n.entry) || legacy(w.entry);
      std::string message = "name \"" + n.text + "\" is also a name of " +
                            (entries[w.entry].kind == EntryKind::kCountry ? "country " : "") +
                            entries[w.entry].head + " (" + set.Where(w.where) + ")";
      if (same) {
        add(Severity::kWarning, set.Where(n.where), "duplicate: " + message + " with the same code");
      } else {
        add(lenient ? Severity::kWarning : Severity::kError, set.Where(n.where),
            "conflicting codes: " + message + "; the first loaded wins");
      }
    }
  }
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (!reachable[i] && e.kind != EntryKind::kAgent) {
      add(legacy(i) ? Severity::kWarning : Severity::kError, set.Where(e.where),
          "unreachable: every name of '" + e.head + "' is taken by an earlier entry");
    }
    // Overlapping ranges: PETRARCH takes the first listed, Parley's format forbids them.
    std::vector<const DatedCode*> ranges;
    for (const DatedCode& c : e.codes) {
      if (!c.is_default) ranges.push_back(&c);
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const DatedCode* a, const DatedCode* b) { return a->from < b->from; });
    for (size_t k = 1; k < ranges.size(); ++k) {
      if (ranges[k]->from <= ranges[k - 1]->to && ranges[k]->from <= ranges[k]->to &&
          ranges[k - 1]->from <= ranges[k - 1]->to) {
        add(legacy(i) ? Severity::kWarning : Severity::kError, set.Where(ranges[k]->where),
            "overlapping date ranges for '" + e.head + "': " + ranges[k - 1]->code + " " +
                FormatRange(ranges[k - 1]->from, ranges[k - 1]->to) + " and " + ranges[k]->code +
                " " + FormatRange(ranges[k]->from, ranges[k]->to));
      }
    }
  }
  // Country-level checks for Parley's own format.
  std::unordered_set<std::string> countries;
  for (const Entry& e : entries) {
    if (e.kind == EntryKind::kCountry) countries.insert(e.head);
  }
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (e.petrarch) continue;
    if (e.kind == EntryKind::kCountry && e.verified == kUnknownDate) {
      add(Severity::kWarning, set.Where(e.where), "country " + e.head + " has no verified: date");
    }
    if (e.kind == EntryKind::kPerson && !countries.empty()) {
      for (const DatedCode& c : e.codes) {
        std::string prefix = c.code.substr(0, 3);
        if (c.code == "---" || prefix == "IGO" || prefix == "NGO" || countries.count(prefix)) continue;
        add(Severity::kWarning, set.Where(c.where),
            "code " + c.code + " of '" + e.head + "' starts with " + prefix +
                ", which no loaded country has");
      }
    }
  }
  if (codebook != nullptr) {
    const VerbDictionary& verbs = set.verbs();
    auto check = [&](const VerbCode& code, const SourceRef& where) {
      for (const std::string* c : {&code.primary, &code.secondary}) {
        if (c->empty() || *c == "---" || codebook->Contains(*c)) continue;
        add(Severity::kError, set.Where(where), "unknown event code " + *c + " (not in the CAMEO codebook)");
      }
    };
    for (const VerbBlock& b : verbs.blocks) check(b.code, b.where);
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (const VerbForm& f : verbs.forms) {
      if (f.own_code && seen.insert({f.where.file, f.where.line}).second) check(f.code, f.where);
    }
    for (const VerbPattern& p : verbs.patterns) check(p.code, p.where);
    const PatternDictionary& patterns = set.patterns();
    for (const EventPattern& p : patterns.patterns()) {
      if (p.IsNull() || codebook->Contains(p.code)) continue;
      add(Severity::kError, set.Where(p.where),
          "unknown event code " + p.code + " (not in the CAMEO codebook)");
    }
    for (const auto& [prefix, code] : patterns.clauses().intent_codes) {
      if (codebook->Contains(code)) continue;
      add(Severity::kError, set.Where(patterns.clauses().where),
          "intent code " + code + " for " + prefix + " is not in the CAMEO codebook");
    }
  }
  for (const Finding& f : report.findings) {
    switch (f.severity) {
      case Severity::kError: ++report.errors; break;
      case Severity::kWarning: ++report.warnings; break;
      case Severity::kNote: ++report.notes; break;
    }
  }
  report.counts = set.Counts();
  return report;
}

}  // namespace parley::lexicon
