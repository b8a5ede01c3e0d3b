#pragma once

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with labelled
// arcs, the root node at the bottom of the stack, and a single-root constraint; plus its
// dynamic oracle (Goldberg & Nivre 2013), which is exact for projective gold trees.
//
// Nodes are numbered 0..n: 0 is the artificial root, 1..n the words. The buffer is always a
// contiguous suffix b0..n of the sentence. Transitions:
//   SHIFT      push b0 onto the stack.
//   LEFT(l)    s0 <-l- b0: s0 becomes a left dependent of b0 and is popped.
//   RIGHT(l)   s1 -l-> s0: s0 becomes a right dependent of s1 and is popped.
// The root takes exactly one dependent, with label `root_label`, and only as the very last
// transition (RIGHT with s1 = root, buffer empty, stack = [root, x]). Every other arc uses a
// non-root label. Every parse therefore ends in a single-rooted tree over all words.
//
// A transition is encoded as one class index: 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l)
// for L labels.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::syntax {

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

// The class index of a transition, for a system with `num_labels` labels.
inline int ClassOf(Move move, int label, int num_labels) {
  switch (move) {
    case Move::kShift: return 0;
    case Move::kLeft: return 1 + label;
    case Move::kRight: return 1 + num_labels + label;
  }
  return 0;
}
// The move of a class index.
inline Move MoveOf(int cls, int num_labels) {
  return cls == 0 ? Move::kShift : (cls <= num_labels ? Move::kLeft : Move::kRight);
}
// The label of a LEFT/RIGHT class index (-1 for SHIFT).
inline int LabelOf(int cls, int num_labels) {
  return cls == 0 ? -1 : (cls <= num_labels ? cls - 1 : cls - 1 - num_labels);
}
// Number of classes of a system with `num_labels` labels.
inline int NumClasses(int num_labels) { return 1 + 2 * num_labels; }

// A parser configuration plus the per-node bookkeeping the features read (nearest and second
// dependents, valencies, label sets). Vectors keep their capacity across Init() calls, so a
// state reused for many sentences stops allocating once it has seen the longest one.
struct ParseState {
  int32_t n = 0;       // number of words
  int32_t b0 = 1;      // front of the buffer; the buffer is b0..n, empty when b0 > n
  int32_t stack_size = 0;
  std::vector<int32_t> stack;  // stack[0] is the root node 0 while it is on the stack
  // Per node 0..n; -1 when absent.
  std::vector<int32_t> head, label;
  std::vector<int32_t> left1, left2;    // leftmost and second-leftmost dependents
  std::vector<int32_t> right1, right2;  // rightmost and second-rightmost dependents
  std::vector<uint16_t> num_left, num_right;
  std::vector<uint64_t> left_labels, right_labels;  // bit (label % 64) per attached label

  // Resets to the initial configuration for n words: stack [root], buffer 1..n.
  void Init(int32_t num_words);
  // The i-th stack item from the top (0 = s0), or -1.
  int32_t S(int32_t i) const { return i < stack_size ? stack[stack_size - 1 - i] : -1; }
  // The i-th buffer item (0 = b0), or -1.
  int32_t B(int32_t i) const { return b0 + i <= n ? b0 + i : -1; }
  bool BufferEmpty() const { return b0 > n; }
  // True when no transition is left: buffer empty and only the root on the stack.
  bool Terminal() const { return b0 > n && stack_size <= 1; }
};

// The transition rules for a label set; immutable, shared by all threads.
class ArcHybridSystem {
 public:
  // `num_labels` >= 1; `root_label` in [0, num_labels) is the only label of root arcs.
  ArcHybridSystem(int num_labels, int root_label);

  int num_labels() const { return num_labels_; }
  int root_label() const { return root_label_; }
  int num_classes() const { return NumClasses(num_labels_); }

  bool CanShift(const ParseState& s) const { return !s.BufferEmpty(); }
  bool CanLeft(const ParseState& s) const { return !s.BufferEmpty() && s.stack_size >= 2; }
  bool CanRight(const ParseState& s) const {
    if (s.stack_size < 2) return false;
    return s.S(1) != 0 || (s.BufferEmpty() && s.stack_size == 2);
  }
  // True when class `cls` may be applied in `s` (label rules included).
  bool Legal(const ParseState& s, int cls) const;
  // The highest-scoring legal class given scores[0..num_classes) (the lowest class on ties), or
  // -1 when `s` is terminal.
  int BestLegal(const ParseState& s, const float* scores) const;
  // Applies class `cls`, which must be Legal.
  void Apply(ParseState* s, int cls) const;

  // Dynamic-oracle cost of a move: the number of gold heads (gold_head[d] for node d, 1..n)
  // that are still reachable from `s` but no longer after the move. The move must be legal.
  // Exact when the gold tree is projective and single-rooted.
  static int MoveCost(const ParseState& s, Move move, const int32_t* gold_head);
  // Marks zero_cost[c] for every legal class c of zero cost, labels included: an arc that is
  // gold must carry the gold label (gold_label[d]); a non-gold arc may carry any legal label.
  // Returns the number of zero-cost classes (>= 1 whenever `s` is not terminal).
  int ZeroCostClasses(const ParseState& s, const int32_t* gold_head, const int32_t* gold_label,
                      uint8_t* zero_cost) const;

 private:
  int num_labels_;
  int root_label_;
};

}  // namespace parley::syntax
