#include "parley/syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "parley/error.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {

namespace {

// Fibonacci hashing spreads the (already hashed) keys over the table's low bits.
inline uint64_t SlotOf(uint64_t key, uint64_t mask) {
  return (key * 0x9e3779b97f4a7c15ULL >> 17) & mask;
}

constexpr size_t kInitialCapacity = 1024;

}  // namespace

Perceptron::Perceptron(int num_classes) : num_classes_(num_classes) {
  if (num_classes < 1) throw Error("Perceptron needs at least one class");
  keys_.assign(kInitialCapacity, 0);
  slot_row_.assign(kInitialCapacity, kEmpty);
  mask_ = kInitialCapacity - 1;
}

uint32_t Perceptron::Find(uint64_t key) const {
  for (uint64_t slot = SlotOf(key, mask_);; slot = (slot + 1) & mask_) {
    uint64_t k = keys_[slot];
    if (k == key) return slot_row_[slot];
    if (k == 0) return kEmpty;
  }
}

void Perceptron::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_rows = std::move(slot_row_);
  size_t capacity = old_keys.size() * 2;
  keys_.assign(capacity, 0);
  slot_row_.assign(capacity, kEmpty);
  mask_ = capacity - 1;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    uint64_t slot = SlotOf(old_keys[i], mask_);
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = old_keys[i];
    slot_row_[slot] = old_rows[i];
  }
}

uint32_t Perceptron::FindOrInsert(uint64_t key) {
  // Load factor at most 1/2 keeps linear probing short.
  if ((num_rows_ + 1) * 2 > keys_.size()) Grow();
  uint64_t slot = SlotOf(key, mask_);
  for (;; slot = (slot + 1) & mask_) {
    if (keys_[slot] == key) return slot_row_[slot];
    if (keys_[slot] == 0) break;
  }
  uint32_t row = static_cast<uint32_t>(num_rows_++);
  keys_[slot] = key;
  slot_row_[slot] = row;
  weights_.resize(num_rows_ * num_classes_, 0.0f);
  if (!averaged_) {
    totals_.resize(num_rows_ * num_classes_, 0.0);
    stamps_.push_back(clock_);
  }
  return row;
}

void Perceptron::Score(const uint64_t* features, size_t n, float* scores) const {
  const size_t classes = static_cast<size_t>(num_classes_);
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = Find(Key(features[i]));
    if (row == kEmpty) continue;
    const float* w = weights_.data() + row * classes;
    for (size_t c = 0; c < classes; ++c) scores[c] += w[c];
  }
}

int Perceptron::Best(const float* scores) const {
  int best = 0;
  for (int c = 1; c < num_classes_; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

void Perceptron::Refresh(uint32_t row) {
  const size_t classes = static_cast<size_t>(num_classes_);
  uint64_t elapsed = clock_ - stamps_[row];
  if (elapsed == 0) return;
  const float* w = weights_.data() + row * classes;
  double* t = totals_.data() + row * classes;
  for (size_t c = 0; c < classes; ++c) t[c] += static_cast<double>(w[c]) * elapsed;
  stamps_[row] = clock_;
}

void Perceptron::AddWeight(const uint64_t* features, size_t n, int cls, float delta) {
  if (averaged_) throw Error("Perceptron::AddWeight after Average()");
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = FindOrInsert(Key(features[i]));
    Refresh(row);
    weights_[row * num_classes_ + cls] += delta;
  }
}

void Perceptron::Update(const uint64_t* features, size_t n, int truth, int guess) {
  if (truth != guess) {
    AddWeight(features, n, truth, 1.0f);
    AddWeight(features, n, guess, -1.0f);
  }
  ++clock_;
}

void Perceptron::Average() {
  if (averaged_) return;
  const size_t classes = static_cast<size_t>(num_classes_);
  // The clock counts finished decisions; an update made during a decision is in force from
  // the end of that decision on. A model trained on zero decisions keeps its weights.
  const double total_time = static_cast<double>(clock_);
  for (size_t row = 0; row < num_rows_ && clock_ > 0; ++row) {
    Refresh(static_cast<uint32_t>(row));
    for (size_t c = 0; c < classes; ++c) {
      weights_[row * classes + c] = static_cast<float>(totals_[row * classes + c] / total_time);
    }
  }
  totals_ = {};
  stamps_ = {};
  averaged_ = true;
}

void Perceptron::Save(SectionWriter* out, float prune_below) const {
  const size_t classes = static_cast<size_t>(num_classes_);
  std::vector<uint64_t> kept_keys;
  std::vector<uint32_t> kept_rows;
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == 0) continue;
    const float* w = weights_.data() + slot_row_[slot] * classes;
    float largest = 0.0f;
    for (size_t c = 0; c < classes; ++c) largest = std::max(largest, std::fabs(w[c]));
    if (largest == 0.0f || largest < prune_below) continue;
    kept_keys.push_back(keys_[slot]);
    kept_rows.push_back(slot_row_[slot]);
  }
  // Sort by key so that the file does not depend on table layout history.
  std::vector<size_t> order(kept_keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return kept_keys[a] < kept_keys[b]; });

  out->U32(static_cast<uint32_t>(num_classes_));
  out->U64(kept_keys.size());
  // Per row: key, number of non-zero classes, then (u8/u16 class, f32 weight) pairs. Rows are
  // mostly sparse, which keeps the file small; memory holds them dense for fast scoring.
  for (size_t i : order) {
    const float* w = weights_.data() + kept_rows[i] * classes;
    out->U64(kept_keys[i]);
    uint32_t nonzero = 0;
    for (size_t c = 0; c < classes; ++c) nonzero += (w[c] != 0.0f);
    out->U32(nonzero);
    for (size_t c = 0; c < classes; ++c) {
      if (w[c] == 0.0f) continue;
      out->U32(static_cast<uint32_t>(c));
      out->F32(w[c]);
    }
  }
}

Perceptron Perceptron::Load(SectionReader* in) {
  uint32_t classes = in->U32();
  if (classes == 0 || classes > 65536) in->Fail("bad perceptron class count");
  uint64_t rows = in->U64();
  // Each row takes at least 12 bytes: refuse counts the section cannot hold before allocating.
  if (rows > in->remaining() / 12) in->Fail("truncated perceptron (row count too large)");
  Perceptron model(static_cast<int>(classes));
  model.averaged_ = true;
  size_t capacity = kInitialCapacity;
  while (capacity < rows * 2 + 2) capacity *= 2;
  model.keys_.assign(capacity, 0);
  model.slot_row_.assign(capacity, kEmpty);
  model.mask_ = capacity - 1;
  model.weights_.reserve(rows * classes);
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t key = in->U64();
    if (key == 0) in->Fail("bad perceptron feature key 0");
    if (model.Find(key) != kEmpty) in->Fail("duplicate perceptron feature");
    uint32_t row = model.FindOrInsert(key);
    uint32_t nonzero = in->U32();
    if (nonzero > classes) in->Fail("bad perceptron row");
    for (uint32_t j = 0; j < nonzero; ++j) {
      uint32_t c = in->U32();
      float w = in->F32();
      if (c >= classes || !std::isfinite(w)) in->Fail("bad perceptron weight");
      model.weights_[static_cast<size_t>(row) * classes + c] = w;
    }
  }
  return model;
}

}  // namespace parley::syntax
