#include "parley/syntax/projectivize.h"

#include <cstdlib>
#include <unordered_map>

namespace parley::syntax {

namespace {

// True when `node` lies in the subtree of `ancestor` (a node is in its own subtree).
bool Descends(const int32_t* heads, int32_t node, int32_t ancestor) {
  // Bounded walk: a malformed (cyclic) input must not hang the caller.
  for (int32_t steps = 0; node > 0 && steps < 1 << 20; ++steps) {
    if (node == ancestor) return true;
    node = heads[node];
  }
  return node == ancestor;
}

bool ArcIsProjective(const int32_t* heads, int32_t dep) {
  const int32_t head = heads[dep];
  const int32_t lo = head < dep ? head : dep;
  const int32_t hi = head < dep ? dep : head;
  for (int32_t k = lo + 1; k < hi; ++k) {
    if (!Descends(heads, k, head)) return false;
  }
  return true;
}

}  // namespace

bool IsTree(const std::vector<int32_t>& heads) {
  const int32_t n = static_cast<int32_t>(heads.size()) - 1;
  for (int32_t d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
  }
  // Every walk up from a word must reach the root within n steps.
  for (int32_t d = 1; d <= n; ++d) {
    int32_t node = d;
    int32_t steps = 0;
    while (node != 0 && steps <= n) {
      node = heads[node];
      ++steps;
    }
    if (node != 0) return false;
  }
  return true;
}

bool IsProjective(const std::vector<int32_t>& heads) {
  const int32_t n = static_cast<int32_t>(heads.size()) - 1;
  for (int32_t d = 1; d <= n; ++d) {
    if (!ArcIsProjective(heads.data(), d)) return false;
  }
  return true;
}

std::pair<std::string_view, std::string_view> SplitLiftedLabel(std::string_view label) {
  const size_t bar = label.find(kLiftSeparator);
  if (bar == std::string_view::npos) return {label, {}};
  return {label.substr(0, bar), label.substr(bar + 1)};
}

int Projectivize(std::vector<int32_t>* heads, std::vector<std::string>* labels) {
  std::vector<int32_t>& h = *heads;
  std::vector<std::string>& lab = *labels;
  const int32_t n = static_cast<int32_t>(h.size()) - 1;
  std::vector<bool> lifted(h.size(), false);
  int num_lifted = 0;
  while (true) {
    // Lift the shortest non-projective arc first (leftmost on ties): lifting a short arc can
    // make longer ones projective, which keeps the number of lifts small.
    int32_t best = -1;
    int32_t best_len = 0;
    for (int32_t d = 1; d <= n; ++d) {
      if (h[d] == 0 || ArcIsProjective(h.data(), d)) continue;
      const int32_t len = std::abs(h[d] - d);
      if (best < 0 || len < best_len) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) break;
    if (!lifted[best]) {
      lifted[best] = true;
      ++num_lifted;
      const std::string head_label(SplitLiftedLabel(lab[h[best]]).first);
      lab[best] += kLiftSeparator;
      lab[best] += head_label;
    }
    h[best] = h[h[best]];
  }
  return num_lifted;
}

void DeprojectivizeIds(int32_t n, int32_t* heads, int32_t* labels, const int32_t* lifted_own,
                       const int32_t* lifted_head, int32_t* queue, int32_t* order) {
  bool any = false;
  for (int32_t d = 1; d <= n; ++d) {
    if (labels[d] >= 0 && lifted_own[labels[d]] >= 0) any = true;
  }
  if (!any) return;

  // Top-down order of the parsed tree (breadth-first from the root, children left to right).
  int32_t count = 0;
  order[count++] = 0;
  for (int32_t i = 0; i < count; ++i) {
    for (int32_t d = 1; d <= n; ++d) {
      if (heads[d] == order[i]) order[count++] = d;
    }
  }

  auto base_label = [&](int32_t node) {
    const int32_t l = labels[node];
    if (l < 0) return l;
    return lifted_own[l] >= 0 ? lifted_own[l] : l;
  };

  for (int32_t i = 1; i < count; ++i) {
    const int32_t d = order[i];
    const int32_t l = labels[d];
    if (l < 0 || lifted_own[l] < 0) continue;
    const int32_t wanted = lifted_head[l];
    labels[d] = lifted_own[l];
    if (wanted < 0) continue;
    // Breadth-first search below the current head, skipping d's own subtree.
    int32_t q_begin = 0;
    int32_t q_end = 0;
    queue[q_end++] = heads[d];
    int32_t found = -1;
    while (q_begin < q_end && found < 0) {
      const int32_t x = queue[q_begin++];
      for (int32_t c = 1; c <= n && found < 0; ++c) {
        if (heads[c] != x || c == d) continue;
        if (base_label(c) == wanted) {
          found = c;
        } else if (q_end <= n) {
          queue[q_end++] = c;
        }
      }
    }
    if (found >= 0 && !Descends(heads, found, d)) heads[d] = found;
  }
}

void Deprojectivize(std::vector<int32_t>* heads, std::vector<std::string>* labels) {
  const int32_t n = static_cast<int32_t>(heads->size()) - 1;
  // Give every distinct label (and label part) an id, then reuse the id-based decoder.
  std::unordered_map<std::string, int32_t> ids;
  std::vector<std::string> names;
  auto id_of = [&](std::string_view name) {
    auto [it, inserted] = ids.emplace(std::string(name), static_cast<int32_t>(names.size()));
    if (inserted) names.emplace_back(name);
    return it->second;
  };
  std::vector<int32_t> label_ids(heads->size(), -1);
  for (int32_t d = 1; d <= n; ++d) label_ids[d] = id_of((*labels)[d]);
  // Parts are registered after the full labels, so the tables cover every id.
  const size_t full = names.size();
  std::vector<std::pair<int32_t, int32_t>> parts(full, {-1, -1});
  for (size_t i = 0; i < full; ++i) {
    const std::string name = names[i];
    auto [own, head] = SplitLiftedLabel(name);
    if (!head.empty()) parts[i] = {id_of(own), id_of(head)};
  }
  std::vector<int32_t> lifted_own(names.size(), -1), lifted_head(names.size(), -1);
  for (size_t i = 0; i < full; ++i) {
    lifted_own[i] = parts[i].first;
    lifted_head[i] = parts[i].second;
  }
  std::vector<int32_t> queue(heads->size()), order(heads->size());
  DeprojectivizeIds(n, heads->data(), label_ids.data(), lifted_own.data(), lifted_head.data(),
                    queue.data(), order.data());
  for (int32_t d = 1; d <= n; ++d) (*labels)[d] = names[label_ids[d]];
}

}  // namespace parley::syntax
