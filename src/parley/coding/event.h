#pragma once

// The coded event: who did what to whom, with the evidence that produced it. This is the typed
// form of the JSONL event record of DESIGN §4 (docs/FORMATS.md); every writer in parley::io
// renders it, none re-derives it.

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/text/document.h"

namespace parley::coding {

// One side of an event: an actor mention in the sentence.
struct EventActor {
  std::string code;     // "USAGOV", "IGOUNO", "RUS"
  std::string country;  // ISO alpha-3 or organisation code ("IGOUNO")
  std::string sector;   // "GOV", "MIL", ... ; empty when unknown
  std::string text;     // the words of the mention as they appear in the body
  text::Span span;      // byte span of the mention in Document::body
  // Set when the mention is a pronoun or description resolved to an earlier actor: the
  // antecedent's span (`resolved_from` in the record); empty span otherwise.
  text::Span resolved_from;
  bool resolved = false;
};

// How the clause presents the event.
enum class Modality : uint8_t {
  kAsserted,  // it happened / is happening ("met", "meets")
  kIntent,    // announced, planned, expected ("will meet", "plans to", "vowed to", "is about to")
  kPossible,  // may / might / could
};

[[nodiscard]] std::string_view ModalityName(Modality modality);  // "asserted", "intent", ...

// One coded event. Strings are owned so that an Event outlives the Document it came from.
struct Event {
  std::string doc_id;
  uint32_t sentence_index = 0;  // index into Document::sentences
  // The event date: "YYYY-MM-DD" (precision day or week: a week's Monday), "YYYY-MM"
  // (month) or "YYYY" (year), from a time expression of the event's clause ("in June"), else
  // the story date; empty when neither is known.
  std::string date;
  std::string date_precision;  // "day", "week", "month", "year"; empty with an empty date
  std::string story_date;      // the document's date (or the run's default); may be empty
  std::string zone;             // "text" or "title"
  EventActor source;
  EventActor target;
  std::string cameo;  // "036"
  std::string root;   // "03"
  int quad_class = 0;
  double goldstein = 0;
  std::string plover_event;
  std::string plover_mode;
  std::string plover_context;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  // The speaker of a reported event ("X said Y attacked Z": X), or empty.
  EventActor attributed_to;
  bool attributed = false;
  // Evidence: the sentence text, the predicate's words and the pattern's file:line.
  std::string sentence_text;
  text::Span sentence_span;
  std::string verb_text;
  text::Span verb_span;
  std::string pattern;  // "dict/verbs/04_consult.txt:12"
  // Where it happened (a place phrase of its clause), when known.
  struct Location {
    std::string name;     // the gazetteer's name ("Geneva", "Ukraine", "Red Sea")
    std::string text;     // the words in the sentence ("Geneva, Switzerland")
    std::string country;  // ISO alpha-3; empty for international waters
    double lat = 0;
    double lon = 0;
    uint32_t geonames_id = 0;  // 0 when not a GeoNames town
  };
  Location location;
  bool located = false;
  // Set by near-duplicate detection: the id of the earlier document this one repeats.
  std::string duplicate_of;
  // Pass-through document fields (for outputs that carry them).
  std::string source_name;  // Document::source (publisher)
  std::string url;
};

}  // namespace parley::coding
