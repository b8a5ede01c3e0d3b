#pragma once

// Scoring the document context (coreference, event dates, places) against team-written
// documents (tests/golden/context/*.txt; format in tests/golden/context/README.md), as
// `parley eval context` prints it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/coding/pipeline.h"

namespace parley::coding {

struct GoldContextDocument {
  std::string file;
  uint32_t line = 0;  // of its `doc:` line
  std::string id;
  std::string date;
  std::string text;
  struct Item {
    enum class Kind : uint8_t { kResolve, kTime, kPlace, kNoPlace, kEvent };
    Kind kind = Kind::kResolve;
    uint32_t line = 0;
    std::string mention;                   // the quoted text (resolve, time, place, noplace)
    int occurrence = 1;                    // its #N
    std::vector<std::string> codes;        // resolve: one or two codes; event: source, target
    std::vector<std::string> antecedents;  // resolve
    std::string value;       // time: the date; place: the country; event: the CAMEO prefix
    std::string precision;   // time
    std::string name;        // place: the canonical name (may be empty); event: place=
    std::string event_date;  // event: date=
  };
  std::vector<Item> items;
};

// Reads one gold file. Throws parley::Error with file:line on a malformed line, and when a
// quoted text does not occur (as often as its #N says) in its document.
[[nodiscard]] std::vector<GoldContextDocument> ReadGoldContext(const std::string& path,
                                                               std::string_view text);

struct ContextScore {
  struct Count {
    uint64_t total = 0;
    uint64_t correct = 0;
    [[nodiscard]] double Accuracy() const {
      return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total);
    }
  };
  Count resolve;        // the mention resolved to the right actor (code and antecedent)
  Count resolve_found;  // ... resolved to something at all
  Count time;           // the expression found and resolved to the gold value and precision
  Count place;          // end to end: found, right country (and name when given)
  Count place_found;    // the place mention found at all
  Count place_given;    // of those found: the right country (and name when given)
  Count noplace;        // nothing found where no place is
  Count event;          // the event found (source, target, code prefix)
  Count event_date;     // ... of the events found with date=: the right date
  Count event_place;    // ... of the events found with place=: the right place
  uint64_t documents = 0;
  std::vector<std::string> mistakes;  // "file:line: ..." lines
};

// Annotates and codes every gold document on its date and scores what the pipeline found.
[[nodiscard]] ContextScore ScoreContext(const Pipeline& pipeline,
                                        const std::vector<GoldContextDocument>& gold);

}  // namespace parley::coding
