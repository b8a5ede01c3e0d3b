#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {

// Reads one file in Parley's dictionary format (docs/DICTIONARIES.md: blocks of `key: value`
// lines starting with country:, person:, actor: or agent:) into *set. `path` names the file
// in messages; `text` is its content. Every line that cannot be interpreted becomes a
// LoadProblem with file:line; the rest of the file is still read. Never throws.
void ReadParleyDictionary(const std::string& path, std::string_view text, DictionarySet* set);

// Reads a manifest (dict/manifest.txt) and every file it lists, in order. Throws
// parley::Error when the manifest or a listed file cannot be opened.
void ReadManifest(const std::string& manifest_path, DictionarySet* set);

// Writes the actor and agent entries of `set` in Parley's format: people to people.txt,
// countries to countries.txt, other actors to actors.txt, agents to agents.txt, plus a
// manifest.txt; PETRARCH verb, discard and issue files listed in `verbatim_files` are copied
// to <dir>/petrarch/ and listed in the manifest with the petrarch: prefix. Throws
// parley::Error when a file cannot be written.
void WriteParleyDictionaries(const DictionarySet& set, const std::string& dir,
                             const std::vector<std::string>& verbatim_files);

}  // namespace parley::lexicon
