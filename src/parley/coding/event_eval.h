#pragma once

// Scoring the event coder against hand-coded sentences (tests/golden/events/*.txt, format in
// docs/ACCURACY.md): precision and recall per CAMEO root, as `parley eval events` prints them.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/coding/pipeline.h"

namespace parley::coding {

struct GoldEvent {
  std::string source;  // actor code, "USAGOV"
  std::string target;
  std::string code;  // CAMEO code, "036"
};

struct GoldSentence {
  std::string file;
  uint32_t line = 0;
  std::string date;  // YYYY-MM-DD
  std::string text;
  std::vector<GoldEvent> events;  // empty: the sentence must yield nothing
};

// Reads one gold file: `date: YYYY-MM-DD` lines, `> sentence` lines each followed by one or
// more `= SOURCE TARGET CODE` lines or `= none`; `#` comments. Throws parley::Error with
// file:line on anything else.
[[nodiscard]] std::vector<GoldSentence> ReadGoldEvents(const std::string& path,
                                                       std::string_view text);

// Counts for one CAMEO root (or all): a coded event is a true positive when a gold event of
// the sentence has the same root, source and target (actor keys: the country or IGO part of
// the code, "USA" of "USAGOV", "IGOUNO" of "IGOUNOGOV"); `exact` counts those whose full
// codes (actors and CAMEO code) agree too.
struct RootScore {
  uint64_t tp = 0;
  uint64_t fp = 0;
  uint64_t fn = 0;
  uint64_t exact = 0;
  [[nodiscard]] double Precision() const;
  [[nodiscard]] double Recall() const;
  [[nodiscard]] double F1() const;
};

struct EventScore {
  std::array<RootScore, 21> roots;  // [1..20]; [0] unused
  RootScore total;
  uint64_t sentences = 0;
  uint64_t empty_sentences = 0;       // gold says: no event
  uint64_t empty_with_events = 0;     // ... but the coder produced some
  std::vector<std::string> mistakes;  // "file:line: missed/extra ..." lines
};

// The actor key used for matching ("USA" for "USAGOV", "IGOUNO" for "IGOUNO...").
[[nodiscard]] std::string_view ActorKey(std::string_view code);

// Codes every gold sentence (as a one-sentence document on its date) and scores the events.
[[nodiscard]] EventScore ScoreEvents(const Pipeline& pipeline,
                                     const std::vector<GoldSentence>& gold);

}  // namespace parley::coding
