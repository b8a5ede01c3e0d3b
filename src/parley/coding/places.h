#pragma once

// Where things happen: place phrases in a sentence ("in Geneva, Switzerland", "near Kharkiv",
// "in the Red Sea", "in eastern Ukraine", a dateline "KYIV, Ukraine (AP) -") resolved with the
// gazetteer (lexicon/gazetteer.h). Needs only the tokens' forms and the sentence's actor
// mentions, so the pipeline can use it before parsing. The policy for ambiguous names is in
// docs/FORMATS.md ("Event locations").

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parley/coding/event_coder.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/lexicon/gazetteer.h"
#include "parley/text/document.h"

namespace parley::coding {

// A place phrase and what it resolved to.
struct PlaceMention {
  uint32_t token_begin = 0;  // the name's tokens, qualifier included ("Geneva , Switzerland")
  uint32_t token_end = 0;
  uint32_t head = 0;      // the token a tree hangs the phrase from (the name's first word)
  bool dateline = false;  // the story's dateline: where it was filed, not an event's place
  std::string text;       // the words as written ("eastern Ukraine", "Geneva")
  std::string name;       // the gazetteer's name of the place ("Ukraine", "Geneva")
  std::string country;    // ISO alpha-3, "" for international waters
  float lat = 0;
  float lon = 0;
  uint32_t geonames_id = 0;  // towns and cities; 0 for countries, regions and divisions
};

// Appends the sentence's place phrases to *out. `actors` are the sentence's actor mentions
// (lexicon::DictionarySet::Lookup): a country or city the actor dictionary knows guides the
// choice among places of one name ("Washington" is the US capital), and a name that is part of
// an organisation's or person's name is no place. `first_in_document`: look for a dateline.
void FindPlaces(const text::Sentence& sentence, std::span<const ActorMention> actors,
                const lexicon::DictionarySet& dictionaries, const lexicon::Gazetteer& gazetteer,
                bool first_in_document, std::vector<PlaceMention>* out);

}  // namespace parley::coding
