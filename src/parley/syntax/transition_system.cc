#include "parley/syntax/transition_system.h"

namespace parley::syntax {

void ParseState::Init(int32_t num_words) {
  n = num_words;
  b0 = 1;
  const size_t nodes = static_cast<size_t>(num_words) + 1;
  stack.resize(nodes);
  stack[0] = 0;
  stack_size = 1;
  head.assign(nodes, -1);
  label.assign(nodes, -1);
  left1.assign(nodes, -1);
  left2.assign(nodes, -1);
  right1.assign(nodes, -1);
  right2.assign(nodes, -1);
  num_left.assign(nodes, 0);
  num_right.assign(nodes, 0);
  left_labels.assign(nodes, 0);
  right_labels.assign(nodes, 0);
}

ArcHybridSystem::ArcHybridSystem(int num_labels, int root_label)
    : num_labels_(num_labels), root_label_(root_label) {}

bool ArcHybridSystem::Legal(const ParseState& s, int cls) const {
  const Move move = MoveOf(cls, num_labels_);
  const int lab = LabelOf(cls, num_labels_);
  switch (move) {
    case Move::kShift: return CanShift(s);
    case Move::kLeft: return CanLeft(s) && lab != root_label_;
    case Move::kRight:
      if (!CanRight(s)) return false;
      return (s.S(1) == 0) == (lab == root_label_);
  }
  return false;
}

int ArcHybridSystem::BestLegal(const ParseState& s, const float* scores) const {
  int best = -1;
  float best_score = 0;
  auto consider = [&](int cls) {
    if (best < 0 || scores[cls] > best_score) {
      best = cls;
      best_score = scores[cls];
    }
  };
  if (CanShift(s)) consider(0);
  if (CanLeft(s)) {
    for (int l = 0; l < num_labels_; ++l) {
      if (l != root_label_) consider(1 + l);
    }
  }
  if (CanRight(s)) {
    if (s.S(1) == 0) {
      consider(1 + num_labels_ + root_label_);
    } else {
      for (int l = 0; l < num_labels_; ++l) {
        if (l != root_label_) consider(1 + num_labels_ + l);
      }
    }
  }
  return best;
}

namespace {

// Records the arc head -> dep with label `lab` and keeps the dependent bookkeeping current.
void AddArc(ParseState* s, int32_t head, int32_t dep, int32_t lab) {
  s->head[dep] = head;
  s->label[dep] = lab;
  const uint64_t bit = uint64_t{1} << (static_cast<uint32_t>(lab) & 63u);
  if (dep < head) {
    // Arc-hybrid attaches left dependents from the nearest outwards, but keep the two
    // extremes by position so the bookkeeping does not depend on that order.
    if (s->left1[head] < 0 || dep < s->left1[head]) {
      s->left2[head] = s->left1[head];
      s->left1[head] = dep;
    } else if (s->left2[head] < 0 || dep < s->left2[head]) {
      s->left2[head] = dep;
    }
    ++s->num_left[head];
    s->left_labels[head] |= bit;
  } else {
    if (s->right1[head] < 0 || dep > s->right1[head]) {
      s->right2[head] = s->right1[head];
      s->right1[head] = dep;
    } else if (s->right2[head] < 0 || dep > s->right2[head]) {
      s->right2[head] = dep;
    }
    ++s->num_right[head];
    s->right_labels[head] |= bit;
  }
}

}  // namespace

void ArcHybridSystem::Apply(ParseState* s, int cls) const {
  const Move move = MoveOf(cls, num_labels_);
  const int lab = LabelOf(cls, num_labels_);
  switch (move) {
    case Move::kShift:
      s->stack[s->stack_size++] = s->b0++;
      break;
    case Move::kLeft:
      AddArc(s, s->b0, s->S(0), lab);
      --s->stack_size;
      break;
    case Move::kRight:
      AddArc(s, s->S(1), s->S(0), lab);
      --s->stack_size;
      break;
  }
}

int ArcHybridSystem::MoveCost(const ParseState& s, Move move, const int32_t* gold_head) {
  const int32_t s0 = s.S(0);
  const int32_t b0 = s.b0;
  int cost = 0;
  switch (move) {
    case Move::kShift: {
      // b0 goes onto the stack: it can no longer take a head that sits below s0, nor take any
      // stack item (all of them lie below it from now on) as a dependent.
      const int32_t h = gold_head[b0];
      for (int32_t i = 0; i < s.stack_size; ++i) {
        const int32_t k = s.stack[i];
        if (k == h && k != s0) ++cost;
        if (k != 0 && gold_head[k] == b0) ++cost;
      }
      break;
    }
    case Move::kLeft:
    case Move::kRight: {
      // s0 is popped with a head: it loses every dependent still in the buffer, and its gold
      // head unless that is the head chosen here or already out of reach (only s1 and the
      // buffer can still give s0 a head).
      const int32_t chosen = move == Move::kLeft ? b0 : s.S(1);
      const int32_t h = gold_head[s0];
      if (h != chosen && (h >= b0 || (move == Move::kLeft && h == s.S(1)))) ++cost;
      for (int32_t k = b0; k <= s.n; ++k) {
        if (gold_head[k] == s0) ++cost;
      }
      break;
    }
  }
  return cost;
}

int ArcHybridSystem::ZeroCostClasses(const ParseState& s, const int32_t* gold_head,
                                     const int32_t* gold_label, uint8_t* zero_cost) const {
  const int classes = num_classes();
  for (int c = 0; c < classes; ++c) zero_cost[c] = 0;
  int count = 0;
  if (CanShift(s) && MoveCost(s, Move::kShift, gold_head) == 0) {
    zero_cost[0] = 1;
    ++count;
  }
  const int32_t s0 = s.S(0);
  auto mark_arc_classes = [&](Move move, int32_t head) {
    if (MoveCost(s, move, gold_head) != 0) return;
    if (gold_head[s0] == head) {
      const int c = ClassOf(move, gold_label[s0], num_labels_);
      if (Legal(s, c)) {
        zero_cost[c] = 1;
        ++count;
      }
      return;
    }
    for (int lab = 0; lab < num_labels_; ++lab) {
      const int c = ClassOf(move, lab, num_labels_);
      if (Legal(s, c)) {
        zero_cost[c] = 1;
        ++count;
      }
    }
  };
  if (CanLeft(s)) mark_arc_classes(Move::kLeft, s.b0);
  if (CanRight(s)) mark_arc_classes(Move::kRight, s.S(1));
  return count;
}

}  // namespace parley::syntax
