#include "parley/syntax/transition_system.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "parley/syntax/projectivize.h"

namespace parley::syntax {
namespace {

// Labels used by the unlabelled checks: 0 = root, 1 = any other relation.
constexpr int kRoot = 0;
constexpr int kDep = 1;

// A random projective, single-rooted tree over n words (node-indexed heads, [0] = -1): the
// root word's two sides are split into consecutive segments, each headed by one word attached
// to the parent, recursively. Every projective tree can come out of this.
void GrowSegment(int32_t a, int32_t b, int32_t parent, std::mt19937* rng,
                 std::vector<int32_t>* heads) {
  while (a <= b) {
    const int32_t m = std::uniform_int_distribution<int32_t>(a, b)(*rng);
    const int32_t h = std::uniform_int_distribution<int32_t>(a, m)(*rng);
    (*heads)[h] = parent;
    GrowSegment(a, h - 1, h, rng, heads);
    GrowSegment(h + 1, m, h, rng, heads);
    a = m + 1;
  }
}

std::vector<int32_t> RandomProjectiveTree(int32_t n, std::mt19937* rng) {
  std::vector<int32_t> heads(n + 1, -1);
  const int32_t root = std::uniform_int_distribution<int32_t>(1, n)(*rng);
  heads[root] = 0;
  GrowSegment(1, root - 1, root, rng, &heads);
  GrowSegment(root + 1, n, root, rng, &heads);
  return heads;
}

std::vector<int32_t> UnlabelledGold(const std::vector<int32_t>& heads) {
  std::vector<int32_t> labels(heads.size(), -1);
  for (size_t d = 1; d < heads.size(); ++d) labels[d] = heads[d] == 0 ? kRoot : kDep;
  return labels;
}

// Reference implementation: the least number of wrong heads that the words still unattached
// in (stack, b0) can end up with, by exhaustive search with memoization. Written from the
// transition definitions only, independently of ArcHybridSystem::MoveCost.
class BruteForceLoss {
 public:
  explicit BruteForceLoss(const std::vector<int32_t>& gold) : gold_(gold) {}

  int Future(const std::vector<int32_t>& stack, int32_t b0) {
    const int32_t n = static_cast<int32_t>(gold_.size()) - 1;
    if (b0 > n && stack.size() <= 1) return 0;
    std::vector<int32_t> key = stack;
    key.push_back(-b0);
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    int best = 1 << 20;
    for (Move move : {Move::kShift, Move::kLeft, Move::kRight}) {
      std::vector<int32_t> next = stack;
      int32_t next_b0 = b0;
      int step = 0;
      if (!Step(move, &next, &next_b0, &step)) continue;
      best = std::min(best, step + Future(next, next_b0));
    }
    memo_[key] = best;
    return best;
  }

  // Applies an unlabelled move; false when it is not allowed. *loss is 1 for a wrong head.
  bool Step(Move move, std::vector<int32_t>* stack, int32_t* b0, int* loss) const {
    const int32_t n = static_cast<int32_t>(gold_.size()) - 1;
    const size_t size = stack->size();
    switch (move) {
      case Move::kShift:
        if (*b0 > n) return false;
        stack->push_back((*b0)++);
        *loss = 0;
        return true;
      case Move::kLeft:
        if (*b0 > n || size < 2) return false;
        *loss = gold_[stack->back()] != *b0;
        stack->pop_back();
        return true;
      case Move::kRight: {
        if (size < 2) return false;
        const int32_t s1 = (*stack)[size - 2];
        if (s1 == 0 && !(*b0 > n && size == 2)) return false;
        *loss = gold_[stack->back()] != s1;
        stack->pop_back();
        return true;
      }
    }
    return false;
  }

 private:
  std::vector<int32_t> gold_;
  std::map<std::vector<int32_t>, int> memo_;
};

int UnlabelledClass(const ParseState& s, Move move) {
  if (move == Move::kShift) return 0;
  if (move == Move::kLeft) return ClassOf(Move::kLeft, kDep, 2);
  return ClassOf(Move::kRight, s.S(1) == 0 ? kRoot : kDep, 2);
}

bool Allowed(const ArcHybridSystem& system, const ParseState& s, Move move) {
  switch (move) {
    case Move::kShift: return system.CanShift(s);
    case Move::kLeft: return system.CanLeft(s);
    case Move::kRight: return system.CanRight(s);
  }
  return false;
}

TEST(ArcHybridSystem, DynamicOracleCostMatchesBruteForceSearch) {
  std::mt19937 rng(7);
  const ArcHybridSystem system(2, kRoot);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const int32_t n = std::uniform_int_distribution<int32_t>(1, 7)(rng);
    const std::vector<int32_t> gold = RandomProjectiveTree(n, &rng);
    ASSERT_TRUE(IsProjective(gold));
    BruteForceLoss brute(gold);
    ParseState s;
    s.Init(n);
    // A random walk through legal moves (often wrong ones), checking every move's cost.
    while (!s.Terminal()) {
      std::vector<int32_t> stack(s.stack.begin(), s.stack.begin() + s.stack_size);
      const int before = brute.Future(stack, s.b0);
      std::vector<Move> legal;
      for (Move move : {Move::kShift, Move::kLeft, Move::kRight}) {
        if (!Allowed(system, s, move)) continue;
        legal.push_back(move);
        std::vector<int32_t> next = stack;
        int32_t next_b0 = s.b0;
        int step = 0;
        ASSERT_TRUE(brute.Step(move, &next, &next_b0, &step));
        const int expected = step + brute.Future(next, next_b0) - before;
        EXPECT_EQ(ArcHybridSystem::MoveCost(s, move, gold.data()), expected)
            << "n=" << n << " move=" << static_cast<int>(move) << " b0=" << s.b0;
        ++checked;
      }
      ASSERT_FALSE(legal.empty());
      const Move pick = legal[std::uniform_int_distribution<size_t>(0, legal.size() - 1)(rng)];
      system.Apply(&s, UnlabelledClass(s, pick));
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(ArcHybridSystem, DynamicOracleCostsOnAHandWorkedCase) {
  // "a b c": b heads a and c, b is the root word. Gold heads: a->b, b->0, c->b.
  const std::vector<int32_t> gold = {-1, 2, 0, 2};
  ParseState s;
  s.Init(3);
  const ArcHybridSystem system(2, kRoot);
  // Stack [root], buffer a b c: only SHIFT is possible and it costs nothing.
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kShift, gold.data()), 0);
  system.Apply(&s, 0);  // stack [root a], buffer b c
  // LEFT attaches a to b (gold). SHIFT puts b on top of a: a loses its head b, and b can no
  // longer reach the root, since a (which can only leave after b) stays between them.
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kLeft, gold.data()), 0);
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kShift, gold.data()), 2);
  system.Apply(&s, 0);  // stack [root a b], buffer c
  // b's root attachment is already lost (a sits below it and can never leave first), so it
  // is not charged again: RIGHT a->b and LEFT b<-c each lose only b's dependent c.
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kRight, gold.data()), 1);
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kLeft, gold.data()), 1);
  EXPECT_EQ(ArcHybridSystem::MoveCost(s, Move::kShift, gold.data()), 0);
}

TEST(ArcHybridSystem, FollowingZeroCostTransitionsReproducesGoldTrees) {
  std::mt19937 rng(11);
  const ArcHybridSystem system(2, kRoot);
  std::vector<uint8_t> zero(system.num_classes());
  for (int trial = 0; trial < 300; ++trial) {
    const int32_t n = std::uniform_int_distribution<int32_t>(1, 30)(rng);
    const std::vector<int32_t> gold = RandomProjectiveTree(n, &rng);
    const std::vector<int32_t> labels = UnlabelledGold(gold);
    ParseState s;
    s.Init(n);
    while (!s.Terminal()) {
      ASSERT_GT(system.ZeroCostClasses(s, gold.data(), labels.data(), zero.data()), 0);
      // Take a random zero-cost class: any of them must keep the gold tree reachable.
      std::vector<int> options;
      for (int c = 0; c < system.num_classes(); ++c) {
        if (zero[c]) options.push_back(c);
      }
      system.Apply(&s, options[std::uniform_int_distribution<size_t>(0, options.size() - 1)(rng)]);
    }
    for (int32_t d = 1; d <= n; ++d) {
      EXPECT_EQ(s.head[d], gold[d]);
      EXPECT_EQ(s.label[d], labels[d]);
    }
  }
}

TEST(ArcHybridSystem, EveryLegalSequenceEndsInASingleRootedTree) {
  std::mt19937 rng(3);
  const int num_labels = 5;
  const ArcHybridSystem system(num_labels, 2);
  for (int trial = 0; trial < 300; ++trial) {
    const int32_t n = std::uniform_int_distribution<int32_t>(1, 25)(rng);
    ParseState s;
    s.Init(n);
    int steps = 0;
    while (!s.Terminal()) {
      std::vector<int> legal;
      for (int c = 0; c < system.num_classes(); ++c) {
        if (system.Legal(s, c)) legal.push_back(c);
      }
      ASSERT_FALSE(legal.empty());
      system.Apply(&s, legal[std::uniform_int_distribution<size_t>(0, legal.size() - 1)(rng)]);
      ++steps;
    }
    EXPECT_EQ(steps, 2 * n);
    std::vector<int32_t> heads(s.head.begin(), s.head.end());
    EXPECT_TRUE(IsTree(heads));
    int roots = 0;
    for (int32_t d = 1; d <= n; ++d) {
      if (s.head[d] == 0) {
        ++roots;
        EXPECT_EQ(s.label[d], 2);
      } else {
        EXPECT_NE(s.label[d], 2);
      }
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(ArcHybridSystem, BestLegalSkipsIllegalClasses) {
  const int num_labels = 3;
  const ArcHybridSystem system(num_labels, 0);
  ParseState s;
  s.Init(2);
  std::vector<float> scores(system.num_classes(), 0.0f);
  // Only SHIFT is legal at the start, however high the other scores are.
  for (int c = 1; c < system.num_classes(); ++c) scores[c] = 10.0f;
  EXPECT_EQ(system.BestLegal(s, scores.data()), 0);
  system.Apply(&s, 0);
  system.Apply(&s, 0);  // stack [root 1 2], buffer empty: only RIGHT with a non-root label.
  scores.assign(system.num_classes(), 0.0f);
  scores[ClassOf(Move::kRight, 0, num_labels)] = 5.0f;
  scores[ClassOf(Move::kRight, 2, num_labels)] = 1.0f;
  EXPECT_EQ(system.BestLegal(s, scores.data()), ClassOf(Move::kRight, 2, num_labels));
  system.Apply(&s, ClassOf(Move::kRight, 2, num_labels));
  // Stack [root 1]: the final root arc.
  EXPECT_EQ(system.BestLegal(s, scores.data()), ClassOf(Move::kRight, 0, num_labels));
  system.Apply(&s, ClassOf(Move::kRight, 0, num_labels));
  EXPECT_TRUE(s.Terminal());
  EXPECT_EQ(system.BestLegal(s, scores.data()), -1);
}

TEST(ArcHybridSystem, TracksNearestDependentsAndValency) {
  // Words 1..4; build 1<-3, 2<-3, 3->4, root->3 and check the bookkeeping.
  const int num_labels = 4;
  const ArcHybridSystem system(num_labels, 0);
  ParseState s;
  s.Init(4);
  system.Apply(&s, 0);                                   // [r 1]
  system.Apply(&s, 0);                                   // [r 1 2]
  system.Apply(&s, ClassOf(Move::kLeft, 1, num_labels));  // 2 <- 3
  system.Apply(&s, ClassOf(Move::kLeft, 2, num_labels));  // 1 <- 3
  system.Apply(&s, 0);                                   // [r 3]
  system.Apply(&s, 0);                                   // [r 3 4]
  system.Apply(&s, ClassOf(Move::kRight, 3, num_labels));  // 3 -> 4
  EXPECT_EQ(s.left1[3], 1);
  EXPECT_EQ(s.left2[3], 2);
  EXPECT_EQ(s.right1[3], 4);
  EXPECT_EQ(s.right2[3], -1);
  EXPECT_EQ(s.num_left[3], 2);
  EXPECT_EQ(s.num_right[3], 1);
  EXPECT_EQ(s.left_labels[3], (uint64_t{1} << 1) | (uint64_t{1} << 2));
  EXPECT_EQ(s.right_labels[3], uint64_t{1} << 3);
}

}  // namespace
}  // namespace parley::syntax
