#include "parley/syntax/projectivize.h"

#include <gtest/gtest.h>

#include <cstdio>

#include <random>
#include <string>
#include <vector>

namespace parley::syntax {
namespace {

struct ProjectivityCase {
  const char* name;
  std::vector<int32_t> heads;  // node-indexed, [0] ignored
  bool projective;
};

TEST(Projectivize, IsProjectiveTable) {
  const std::vector<ProjectivityCase> cases = {
      {"single word", {-1, 0}, true},
      {"chain", {-1, 2, 3, 0}, true},
      {"flat", {-1, 0, 1, 1, 1}, true},
      // "A meeting was held yesterday about the crisis": crisis(8) -> meeting(2) crosses held.
      {"extraposed modifier", {-1, 2, 4, 4, 0, 4, 8, 8, 2, 4}, false},
      // "Who did the minister say he met": who(1) -> met(7) crosses did(2) -> say(5).
      {"wh-movement", {-1, 7, 5, 4, 5, 0, 7, 5, 5}, false},
      {"crossing pair", {-1, 3, 4, 0, 3}, false},
  };
  for (const ProjectivityCase& c : cases) {
    EXPECT_EQ(IsProjective(c.heads), c.projective) << c.name;
    EXPECT_TRUE(IsTree(c.heads)) << c.name;
  }
}

TEST(Projectivize, IsTreeRejectsCyclesAndBadHeads) {
  EXPECT_FALSE(IsTree({-1, 2, 1}));        // 1 <-> 2, no root
  EXPECT_FALSE(IsTree({-1, 0, 3, 2}));     // cycle below a root
  EXPECT_FALSE(IsTree({-1, 0, 5}));        // head out of range
  EXPECT_FALSE(IsTree({-1, 1}));           // self-loop
  EXPECT_TRUE(IsTree({-1, 0, 1, 2, 3}));
}

TEST(Projectivize, LiftsWithHeadLabelAndRoundTrips) {
  struct Case {
    const char* name;
    std::vector<int32_t> heads;
    std::vector<std::string> labels;
    int expected_lifts;
    std::vector<int32_t> lifted_heads;
    std::vector<std::string> lifted_labels;
  };
  const std::vector<Case> cases = {
      {"extraposed modifier",
       {-1, 2, 4, 4, 0, 4, 8, 8, 2, 4},
       {"", "det", "nsubj:pass", "aux:pass", "root", "obl:tmod", "case", "det", "nmod", "punct"},
       1,
       {-1, 2, 4, 4, 0, 4, 8, 8, 4, 4},
       {"", "det", "nsubj:pass", "aux:pass", "root", "obl:tmod", "case", "det", "nmod|nsubj:pass",
        "punct"}},
      {"wh-movement",
       {-1, 7, 5, 4, 5, 0, 7, 5, 5},
       {"", "obj", "aux", "det", "nsubj", "root", "nsubj", "ccomp", "punct"},
       1,
       {-1, 5, 5, 4, 5, 0, 7, 5, 5},
       {"", "obj|ccomp", "aux", "det", "nsubj", "root", "nsubj", "ccomp", "punct"}},
      {"already projective",
       {-1, 2, 0, 2},
       {"", "nsubj", "root", "obj"},
       0,
       {-1, 2, 0, 2},
       {"", "nsubj", "root", "obj"}},
  };
  for (const Case& c : cases) {
    std::vector<int32_t> heads = c.heads;
    std::vector<std::string> labels = c.labels;
    EXPECT_EQ(Projectivize(&heads, &labels), c.expected_lifts) << c.name;
    EXPECT_TRUE(IsProjective(heads)) << c.name;
    EXPECT_EQ(heads, c.lifted_heads) << c.name;
    EXPECT_EQ(labels, c.lifted_labels) << c.name;
    Deprojectivize(&heads, &labels);
    EXPECT_EQ(heads, c.heads) << c.name;
    EXPECT_EQ(labels, c.labels) << c.name;
  }
}

TEST(Projectivize, DeprojectivizeKeepsHeadWhenNoMatchingLabel) {
  // The parser may produce a lifted label whose head label is nowhere below: keep the head,
  // drop the encoding.
  std::vector<int32_t> heads = {-1, 2, 0, 2};
  std::vector<std::string> labels = {"", "nsubj", "root", "obj|xcomp"};
  Deprojectivize(&heads, &labels);
  EXPECT_EQ(heads, (std::vector<int32_t>{-1, 2, 0, 2}));
  EXPECT_EQ(labels, (std::vector<std::string>{"", "nsubj", "root", "obj"}));
}

TEST(Projectivize, SplitLiftedLabel) {
  EXPECT_EQ(SplitLiftedLabel("nmod|obj").first, "nmod");
  EXPECT_EQ(SplitLiftedLabel("nmod|obj").second, "obj");
  EXPECT_EQ(SplitLiftedLabel("acl:relcl").first, "acl:relcl");
  EXPECT_TRUE(SplitLiftedLabel("acl:relcl").second.empty());
}

// Random single-rooted trees (mostly non-projective) with a distinct label per word, so that the
// head-label search is unambiguous.
TEST(Projectivize, RandomTreesBecomeProjectiveAndMostlyRoundTrip) {
  std::mt19937 rng(5);
  int lifted_trees = 0, restored = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const int32_t n = std::uniform_int_distribution<int32_t>(2, 12)(rng);
    // Random recursive tree: word order shuffled against attachment order.
    std::vector<int32_t> order(n);
    for (int32_t i = 0; i < n; ++i) order[i] = i + 1;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<int32_t> heads(n + 1, -1);
    heads[order[0]] = 0;
    for (int32_t i = 1; i < n; ++i) {
      heads[order[i]] = order[std::uniform_int_distribution<int32_t>(0, i - 1)(rng)];
    }
    std::vector<std::string> labels(n + 1);
    for (int32_t d = 1; d <= n; ++d) {
      char label[16];
      std::snprintf(label, sizeof(label), "l%d", static_cast<int>(d));
      labels[d] = label;
    }
    ASSERT_TRUE(IsTree(heads));
    std::vector<int32_t> h = heads;
    std::vector<std::string> l = labels;
    const int lifts = Projectivize(&h, &l);
    EXPECT_TRUE(IsProjective(h));
    EXPECT_TRUE(IsTree(h));
    EXPECT_EQ(lifts > 0, !IsProjective(heads));
    if (lifts == 0) {
      EXPECT_EQ(h, heads);
      continue;
    }
    ++lifted_trees;
    Deprojectivize(&h, &l);
    EXPECT_TRUE(IsTree(h));
    EXPECT_EQ(l, labels);  // labels always decode
    if (h == heads) ++restored;
  }
  ASSERT_GT(lifted_trees, 100);
  // The head encoding is not always invertible (a word lifted past its head's own lifted
  // position), but with unambiguous labels nearly every tree comes back.
  EXPECT_GT(restored, lifted_trees * 9 / 10) << restored << " of " << lifted_trees;
}

TEST(Projectivize, DeprojectivizeIdsMatchesStringVersion) {
  // Labels: 0 root, 1 obj, 2 ccomp, 3 obj|ccomp, 4 aux, 5 nsubj, 6 punct, 7 det.
  const int32_t lifted_own[] = {-1, -1, -1, 1, -1, -1, -1, -1};
  const int32_t lifted_head[] = {-1, -1, -1, 2, -1, -1, -1, -1};
  int32_t heads[] = {-1, 5, 5, 4, 5, 0, 7, 5, 5};
  int32_t labels[] = {-1, 3, 4, 7, 5, 0, 5, 2, 6};
  int32_t queue[9], order[9];
  DeprojectivizeIds(8, heads, labels, lifted_own, lifted_head, queue, order);
  EXPECT_EQ(heads[1], 7);
  EXPECT_EQ(labels[1], 1);
}

}  // namespace
}  // namespace parley::syntax
