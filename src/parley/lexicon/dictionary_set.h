#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/lexicon/date.h"
#include "parley/lexicon/entry.h"
#include "parley/lexicon/event_patterns.h"
#include "parley/lexicon/name_trie.h"
#include "parley/lexicon/normalize.h"
#include "parley/lexicon/verb_dictionary.h"

namespace parley::lexicon {

// A line a loader could not interpret (severity kError), or a legacy oddity it interpreted in
// a documented way and wants a reviewer to see (kNote).
struct LoadProblem {
  enum class Severity : uint8_t { kError, kNote };
  Severity severity = Severity::kError;
  std::string file;
  uint32_t line = 0;
  std::string message;
  [[nodiscard]] std::string ToString() const;  // "file:line: error: message"
};

// A PETRARCH discard phrase: a sentence (or with `story`, the whole story) containing it is not
// coded. `stem` phrases match any word starting with the last word.
struct Discard {
  std::vector<std::string> words;  // normalized
  bool story = false;
  bool stem = true;
  SourceRef where;
};

// A PETRARCH issue phrase with its code; exclusion phrases ("~", "~~") have exclude 1 or 2.
struct Issue {
  std::string category;
  std::string code;
  std::vector<std::string> words;  // normalized
  int exclude = 0;
  SourceRef where;
};

// Priority of a name when several entries share a key (lower wins): people and organisations
// first, then metonyms and country names, capitals, adjectives, cities, and agent terms and
// context words last.
[[nodiscard]] int RolePriority(const NameRecord& name, const Entry& entry);

// How a mention's code was obtained (printed by `parley dict lookup`).
enum class MatchRule : uint8_t {
  kDirect,            // a name of the entry, its code resolved by date
  kCapitalAsGovernment,  // a capital city standing for its government
  kPlace,             // a city: the country's code, marked as a place
  kMetonym,           // a metonym with its own code
  kCountryAgent,      // country / adjective / capital + agent: country code + sector
  kAgentOfCountry,    // agent + "of" + country ("President of Russia")
  kBareAgent,         // an agent with no country: the sector code alone
  kTitledPerson,      // [country] [agent] + person or actor: the person's own code wins
  kActorAgent,        // organisation + agent ("Hamas leader"): the organisation's code
};

[[nodiscard]] std::string_view MatchRuleName(MatchRule rule);

// One actor found in a token sequence.
struct Mention {
  uint32_t token_begin = 0;  // [token_begin, token_end) into the tokens given to Lookup
  uint32_t token_end = 0;
  std::string code;     // e.g. "RUSMIL"
  std::string country;  // e.g. "RUS"; for IGOs the organisation code ("IGOUNO")
  std::string sector;   // e.g. "MIL"; empty when none
  uint32_t name = 0;    // the NameRecord that decided the code (the person, or the country)
  int32_t agent_name = -1;     // the agent NameRecord composed in, or -1
  int32_t modifier_name = -1;  // the country-ish NameRecord in front, or -1
  int32_t range = -1;          // index into the entry's codes that applied; -1: composed/none
  MatchRule rule = MatchRule::kDirect;
  bool place = false;  // the matched words name a place (capital or city)
  bool stale = false;  // the document date is after the country's `verified:` date
};

// Scratch buffers for Lookup; one per thread, reused across calls so that matching does not
// allocate per token.
class LookupWorkspace {
 public:
  LookupWorkspace() = default;

 private:
  friend class DictionarySet;
  struct Word {
    uint32_t id;
    uint32_t lemma_id;
    uint32_t token;
    bool upper;
    bool token_start;
    bool token_end;
    bool possessive;
  };
  struct Raw {
    uint32_t token_begin;
    uint32_t token_end;
    uint32_t name;
  };
  std::string buffer_;
  std::vector<WordSpan> spans_;
  std::vector<Word> words_;
  std::vector<Raw> raw_;
  std::vector<std::pair<uint32_t, uint32_t>> stack_;  // (trie node, word index) to explore
};

// Counts of entries by what they describe, for `parley dict check`.
struct DictionaryCounts {
  size_t countries = 0;
  size_t persons = 0;
  size_t igos = 0;
  size_t groups = 0;
  size_t agents = 0;
  size_t names = 0;
  size_t event_patterns = 0;  // Parley verb patterns (dict/verbs)
  size_t verb_blocks = 0;
  size_t verb_forms = 0;
  size_t verb_patterns = 0;
  size_t synsets = 0;
  size_t discards = 0;
  size_t issues = 0;
};

// All dictionaries Parley uses: actors (countries, people, organisations), agents, PETRARCH
// verb patterns, discards and issues, from Parley's own format and from PETRARCH/TABARI files
// alike. Build with Load(); the result is immutable and safe to share between threads.
class DictionarySet {
 public:
  struct LoadOptions {
    // Throw parley::Error listing the first problems (file:line) when any line could not be
    // interpreted. `parley dict check` turns this off to report every problem.
    bool throw_on_error = true;
  };

  // Loads `spec`: a directory with a manifest.txt (Parley format, see docs/DICTIONARIES.md),
  // "petrarch:DIR" (every PETRARCH dictionary in DIR, recognised by file name) or
  // "petrarch:FILE". Several specs may be joined with ','. Throws parley::Error when a file
  // cannot be read, and (by default) when any line cannot be interpreted.
  [[nodiscard]] static std::shared_ptr<const DictionarySet> Load(std::string_view spec,
                                                                 const LoadOptions& options);
  [[nodiscard]] static std::shared_ptr<const DictionarySet> Load(std::string_view spec) {
    return Load(spec, LoadOptions{});
  }

  // Finds the actors in one sentence. `forms` are its tokens in order; `lemmas` is empty or
  // parallel to `forms` (a lemma is tried where the form does not continue a name). `date`
  // (kUnknownDate if unknown) picks date-bounded codes. Replaces *out; never throws; does not
  // allocate per token once `ws` has warmed up.
  void Lookup(std::span<const std::string_view> forms, std::span<const std::string_view> lemmas,
              Date date, LookupWorkspace* ws, std::vector<Mention>* out) const;

  // A multi-line human description of a mention: the entries and the rule that produced it.
  [[nodiscard]] std::string Explain(const Mention& mention, Date date) const;

  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
  [[nodiscard]] const std::vector<NameRecord>& names() const { return names_; }
  [[nodiscard]] const std::vector<std::string>& files() const { return files_; }
  [[nodiscard]] const VerbDictionary& verbs() const { return verbs_; }
  // The event patterns the coder matches (Parley's dict/verbs files).
  [[nodiscard]] const PatternDictionary& patterns() const { return patterns_; }
  [[nodiscard]] const std::vector<Discard>& discards() const { return discards_; }
  [[nodiscard]] const std::vector<Issue>& issues() const { return issues_; }
  [[nodiscard]] const std::vector<LoadProblem>& problems() const { return problems_; }
  [[nodiscard]] const NameTrie& trie() const { return trie_; }
  [[nodiscard]] DictionaryCounts Counts() const;
  [[nodiscard]] std::string Where(const SourceRef& ref) const;  // "file:line"

  // What an entry describes, for counts: countries, people, IGOs, other groups, agents.
  // PETRARCH records are classified from their codes.
  enum class Category : uint8_t { kCountry, kPerson, kIgo, kGroup, kAgent };
  [[nodiscard]] Category Classify(const Entry& entry) const;

  // The `verified:` date of country `iso` ("USA"), or kUnknownDate.
  [[nodiscard]] Date VerifiedDate(std::string_view iso) const;

  // ----- building (used by the file readers; not part of the read-only API) -----
  uint32_t AddFile(const std::string& path);
  uint32_t AddEntry(Entry entry);
  // Adds a name of entry `record.entry` to the matcher. `acronym_rule`: Parley format marks
  // 2-3 letter all-capital words as case-sensitive; PETRARCH (all capitals) marks one-word
  // names of up to 3 letters.
  void AddName(NameRecord record, bool petrarch_rules);
  void AddProblem(LoadProblem::Severity severity, uint32_t file, uint32_t line,
                  std::string message);
  VerbDictionary& mutable_verbs() { return verbs_; }
  PatternDictionary& mutable_patterns() { return patterns_; }
  std::vector<Discard>& mutable_discards() { return discards_; }
  std::vector<Issue>& mutable_issues() { return issues_; }
  std::vector<Entry>& mutable_entries() { return entries_; }
  // Builds the matcher; call once after all files are read.
  void Freeze();

 private:
  void Compose(std::span<const std::string_view> forms, Date date, LookupWorkspace* ws,
               std::vector<Mention>* out) const;
  bool FillFromName(uint32_t name, Date date, Mention* m) const;
  void SplitCode(Mention* m) const;
  const std::string& CountryOf(const NameRecord& name) const;

  std::vector<std::string> files_;
  std::vector<Entry> entries_;
  std::vector<NameRecord> names_;
  NameTrie trie_;
  VerbDictionary verbs_;
  PatternDictionary patterns_;
  std::vector<Discard> discards_;
  std::vector<Issue> issues_;
  std::vector<LoadProblem> problems_;
  std::unordered_map<std::string, Date> verified_;
  std::vector<std::string> entry_country_;  // per entry: its country / organisation prefix
  std::vector<uint8_t> entry_countryish_;    // per entry: a country (or PETRARCH country record)
};

}  // namespace parley::lexicon
