#pragma once

// Pseudo-projective transformation (Nivre & Nilsson 2005, "head" label encoding). The
// arc-hybrid parser can only build projective trees, so non-projective training trees are made
// projective by lifting arcs towards the root; each lifted arc records in its label the label of
// the word it really depends on, and Deprojectivize() uses that to move it back after parsing.
//
// Trees are given as parallel vectors indexed by node 0..n: heads[d] is the head of word d
// (0 = root; heads[0] is ignored) and labels[d] its relation. A lifted arc's label is
// "<own label>|<label of its true head>", e.g. "obl|obj".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::syntax {

// The separator between the two parts of an encoded label.
inline constexpr char kLiftSeparator = '|';

// True when every arc h -> d is projective (every word between h and d descends from h).
// `heads` must describe a tree (no cycles); heads[0] is ignored.
[[nodiscard]] bool IsProjective(const std::vector<int32_t>& heads);

// True when heads[1..n] describe a tree rooted at 0: every head in [0, n], no cycles.
[[nodiscard]] bool IsTree(const std::vector<int32_t>& heads);

// Makes a tree projective by repeatedly lifting the shortest non-projective arc to the head's
// head, encoding lifted labels as above. Returns the number of words whose arc was lifted
// (0 when the tree was already projective). The tree must satisfy IsTree().
int Projectivize(std::vector<int32_t>* heads, std::vector<std::string>* labels);

// Undoes Projectivize() on a parsed tree: each word with an encoded label "x|y" is re-attached
// to the first word labelled y found breadth-first (left to right) below its current head,
// outside its own subtree, and labelled x; when there is none it keeps its head and takes label
// x. Words are processed top-down so that re-attached heads are final.
void Deprojectivize(std::vector<int32_t>* heads, std::vector<std::string>* labels);

// Splits an encoded label into (own label, head label); a plain label gives (label, "").
std::pair<std::string_view, std::string_view> SplitLiftedLabel(std::string_view label);

// The same decoding as Deprojectivize() on integer label ids, with no allocation. `lifted_own`
// and `lifted_head` map each label id to the ids of its two parts, -1 for plain labels (and for
// lifted_head parts that name no known label). `heads` and `labels` are node-indexed (0..n);
// `queue` and `order` are scratch buffers of at least n + 1 entries.
void DeprojectivizeIds(int32_t n, int32_t* heads, int32_t* labels, const int32_t* lifted_own,
                       const int32_t* lifted_head, int32_t* queue, int32_t* order);

}  // namespace parley::syntax
