#pragma once

// Feature extraction for the arc-hybrid parser: templates in the style of Zhang & Nivre (2011),
// adapted to arc-hybrid, where no stack or buffer item has a head yet (s1 and s2 play the part
// of the head and grandhead candidates of s0). Templates cover unigrams of s0..s2 and b0..b2,
// word/tag pairs of (s0, b0) and (s1, s0), tag trigrams, arc distances, left/right valencies,
// nearest and second-nearest dependents (third order), and the label sets of dependents.
//
// A feature is a 64-bit hash of (template id, atom values). Any change to the templates or the
// atoms changes kParserFeatureVersion, which the model file records and checks on load.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/syntax/transition_system.h"

namespace parley::syntax {

// Bump whenever a template or an atom's definition changes.
inline constexpr uint32_t kParserFeatureVersion = 1;
// Upper bound on the number of features ExtractParserFeatures writes.
inline constexpr size_t kMaxParserFeatures = 160;

// Hashed per-node atoms of one sentence: node 0 is the root, 1..n the words. Vectors keep
// their capacity across sentences.
struct SentenceAtoms {
  std::vector<uint64_t> word;  // lower-cased form, digits folded to 0
  std::vector<uint64_t> tag;   // fine tag (XPOS), UPOS when XPOS is empty
  std::vector<uint64_t> upos;  // universal tag

  // Sizes for n words and sets the root node's atoms.
  void Init(int32_t num_words);
  // Sets word `node` (1..n) from its form and tags. No allocation.
  void Set(int32_t node, std::string_view form, std::string_view upos_tag,
           std::string_view xpos_tag);
};

// Writes the features of configuration `s` into out[0..kMaxParserFeatures) and returns how many
// were written. No allocation.
size_t ExtractParserFeatures(const ParseState& s, const SentenceAtoms& atoms, uint64_t* out);

}  // namespace parley::syntax
