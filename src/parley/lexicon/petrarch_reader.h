#pragma once

#include <string>
#include <string_view>

#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {

// The PETRARCH/TABARI dictionary file types (docs: petrarch2/dictionaries.rst).
enum class PetrarchKind : uint8_t { kActors, kAgents, kDiscards, kIssues, kVerbs };

// Guesses the type of a PETRARCH dictionary from its file name, case-insensitively:
// "*actors*" -> actors, "*agents*" -> agents, "*discard*" -> discards, "*issue*" -> issues,
// "*verbs*" or "CAMEO*" -> verbs. Returns false when the name fits none.
[[nodiscard]] bool GuessPetrarchKind(std::string_view file_name, PetrarchKind* kind);

// Parses "actors", "agents", "discards", "issues", "verbs".
[[nodiscard]] bool ParsePetrarchKind(std::string_view name, PetrarchKind* kind);

// Reads one PETRARCH file of type `kind` into *set, into the same structures as Parley's own
// format. Lines that cannot be interpreted become LoadProblems (errors) with file:line; legacy
// oddities interpreted in a documented way become notes. Never throws.
void ReadPetrarchFile(PetrarchKind kind, const std::string& path, std::string_view text,
                      DictionarySet* set);

}  // namespace parley::lexicon
