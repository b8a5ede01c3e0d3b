#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parley/lexicon/date.h"

namespace parley::lexicon {

// Where a dictionary item was read: an index into DictionarySet::files() and a 1-based line.
struct SourceRef {
  uint32_t file = 0;
  uint32_t line = 0;
};

// One actor code, optionally limited to an inclusive date range. A code whose range is open at
// both ends and `is_default` set applies on dates no range covers and when the date is unknown.
struct DatedCode {
  std::string code;  // "USAGOV", "IGOUNO"; "---" is PETRARCH's null code (matches, codes nothing)
  Date from = kOpenStart;
  Date to = kOpenEnd;
  bool is_default = false;
  SourceRef where;

  [[nodiscard]] bool Covers(Date date) const { return date >= from && date <= to; }
};

enum class EntryKind : uint8_t {
  kCountry,  // a `country:` block (or a PETRARCH country record, see Classify)
  kPerson,   // a `person:` block
  kActor,    // an `actor:` block: organisation, IGO, armed group (or a PETRARCH actor record)
  kAgent,    // an `agent:` block: a role word combined with a country ("troops" -> MIL)
};

// A person's grammatical gender as the news refers to them (he / she); kUnknown agrees with
// either pronoun. Used by document coreference (coding/coreference.h).
enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// How a name of an entry is used when it matches.
enum class NameRole : uint8_t {
  kName,       // a country's name or a person's / actor's canonical name
  kAlias,      // another name of a person or actor
  kAdjective,  // a country adjective or demonym ("Russian"): combines with a following agent
  kCapital,    // a capital: the country's government (capital-as-government rule)
  kCity,       // another city: the country, marked as a place
  kMetonym,    // "White House" -> its own code (NameRecord::code)
  kAgentTerm,  // a term of an agent entry
  kContext,    // a context word that lets an ambiguous name of its country resolve; never coded
};

// A dictionary entry. For countries `head` is the ISO 3166-1 alpha-3 code; for people and
// actors the canonical name; for agents the sector code ("MIL", PETRARCH "GOVPRS").
struct Entry {
  EntryKind kind = EntryKind::kActor;
  std::string head;
  std::vector<DatedCode> codes;  // in file order; the first range covering a date wins
  Date verified = kUnknownDate;  // countries: when their data (and their people) was checked
  bool petrarch = false;         // read from a PETRARCH/TABARI file (legacy rules apply)
  bool agent_prefix = false;     // agents: the code goes before the country (PETRARCH "NGO~")
  std::vector<std::string> roles;  // documentation only
  Gender gender = Gender::kUnknown;  // people: `gender:`
  SourceRef where;

  // The code that applies on `date` (kUnknownDate: the default), or nullptr when none does.
  // `range_index`, when given, receives the index into `codes` (-1 when nullptr is returned).
  [[nodiscard]] const DatedCode* Resolve(Date date, int* range_index = nullptr) const;
};

// One name (surface string) of an entry, as inserted into the matching trie.
struct NameRecord {
  uint32_t entry = 0;
  NameRole role = NameRole::kName;
  std::string text;  // as written in the dictionary
  std::string code;  // metonyms: the code they stand for; empty otherwise
  bool ambiguous = false;          // needs a qualifying context (see docs/DICTIONARIES.md)
  bool ambiguous_default = false;  // ambiguous, but the country sense is the default
  SourceRef where;
};

inline const DatedCode* Entry::Resolve(Date date, int* range_index) const {
  const DatedCode* fallback = nullptr;
  int fallback_index = -1;
  for (size_t i = 0; i < codes.size(); ++i) {
    const DatedCode& c = codes[i];
    if (c.is_default) {
      if (fallback == nullptr) {
        fallback = &c;
        fallback_index = static_cast<int>(i);
      }
      continue;
    }
    if (date != kUnknownDate && c.Covers(date)) {
      if (range_index != nullptr) *range_index = static_cast<int>(i);
      return &c;
    }
  }
  if (range_index != nullptr) *range_index = fallback_index;
  return fallback;
}

}  // namespace parley::lexicon
