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
  if (averaged_) {
    for (size_t i = 0; i < n; ++i) {
      const uint64_t key = Key(features[i]);
      for (uint64_t slot = SlotOf(key, packed_mask_);; slot = (slot + 1) & packed_mask_) {
        const PackedSlot& s = slots_[slot];
        if (s.key == key) {
          const Entry* e = entries_.data() + s.begin;
          for (uint32_t j = 0; j < s.count; ++j) scores[e[j].cls] += e[j].weight;
          break;
        }
        if (s.key == 0) break;
      }
    }
    return;
  }
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
  Pack();
}

void Perceptron::AppendPacked(uint64_t key, const float* dense) {
  uint64_t slot = SlotOf(key, packed_mask_);
  while (slots_[slot].key != 0) slot = (slot + 1) & packed_mask_;
  PackedSlot& s = slots_[slot];
  s.key = key;
  s.begin = static_cast<uint32_t>(entries_.size());
  for (int c = 0; c < num_classes_; ++c) {
    if (dense[c] != 0.0f) entries_.push_back({static_cast<uint32_t>(c), dense[c]});
  }
  s.count = static_cast<uint32_t>(entries_.size() - s.begin);
}

void Perceptron::Pack() {
  size_t capacity = kInitialCapacity;
  while (capacity < num_rows_ * 2 + 2) capacity *= 2;
  slots_.assign(capacity, PackedSlot{0, 0, 0});
  packed_mask_ = capacity - 1;
  entries_.clear();
  const size_t classes = static_cast<size_t>(num_classes_);
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == 0) continue;
    AppendPacked(keys_[slot], weights_.data() + slot_row_[slot] * classes);
  }
  entries_.shrink_to_fit();
  weights_ = {};
  keys_ = {};
  slot_row_ = {};
  averaged_ = true;
}

size_t Perceptron::MemoryBytes() const {
  return slots_.size() * sizeof(PackedSlot) + entries_.size() * sizeof(Entry) +
         keys_.size() * (sizeof(uint64_t) + sizeof(uint32_t)) + weights_.size() * sizeof(float) +
         totals_.size() * sizeof(double) + stamps_.size() * sizeof(uint64_t);
}

void Perceptron::Save(SectionWriter* out, float prune_below) const {
  // Gather (key, non-zero entries) from whichever form the model is in.
  struct Row {
    uint64_t key;
    std::vector<Entry> entries;
  };
  std::vector<Row> rows;
  auto add = [&](uint64_t key, const Entry* e, size_t count) {
    float largest = 0.0f;
    for (size_t j = 0; j < count; ++j) largest = std::max(largest, std::fabs(e[j].weight));
    if (largest == 0.0f || largest < prune_below) return;
    rows.push_back({key, std::vector<Entry>(e, e + count)});
  };
  if (averaged_) {
    for (const PackedSlot& s : slots_) {
      if (s.key != 0) add(s.key, entries_.data() + s.begin, s.count);
    }
  } else {
    std::vector<Entry> dense;
    for (size_t slot = 0; slot < keys_.size(); ++slot) {
      if (keys_[slot] == 0) continue;
      dense.clear();
      const float* w = weights_.data() + slot_row_[slot] * static_cast<size_t>(num_classes_);
      for (int c = 0; c < num_classes_; ++c) {
        if (w[c] != 0.0f) dense.push_back({static_cast<uint32_t>(c), w[c]});
      }
      add(keys_[slot], dense.data(), dense.size());
    }
  }
  // Sorted by key so that the file does not depend on table layout history.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  out->U32(static_cast<uint32_t>(num_classes_));
  out->U64(rows.size());
  for (const Row& row : rows) {
    out->U64(row.key);
    out->U32(static_cast<uint32_t>(row.entries.size()));
    for (const Entry& e : row.entries) {
      out->U32(e.cls);
      out->F32(e.weight);
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
  model.keys_ = {};
  model.slot_row_ = {};
  model.averaged_ = true;
  model.num_rows_ = rows;
  size_t capacity = kInitialCapacity;
  while (capacity < rows * 2 + 2) capacity *= 2;
  model.slots_.assign(capacity, PackedSlot{0, 0, 0});
  model.packed_mask_ = capacity - 1;
  uint64_t previous_key = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t key = in->U64();
    // Keys are written sorted, which also rules out duplicates and the empty key 0.
    if (key <= previous_key) in->Fail("perceptron feature keys out of order");
    previous_key = key;
    uint32_t count = in->U32();
    if (count > classes || count > in->remaining() / 8) in->Fail("bad perceptron row");
    uint64_t slot = SlotOf(key, model.packed_mask_);
    while (model.slots_[slot].key != 0) slot = (slot + 1) & model.packed_mask_;
    PackedSlot& s = model.slots_[slot];
    s.key = key;
    s.begin = static_cast<uint32_t>(model.entries_.size());
    s.count = count;
    uint32_t previous_class = 0;
    for (uint32_t j = 0; j < count; ++j) {
      uint32_t c = in->U32();
      float w = in->F32();
      if (c >= classes || (j > 0 && c <= previous_class) || !std::isfinite(w)) {
        in->Fail("bad perceptron weight");
      }
      previous_class = c;
      model.entries_.push_back({c, w});
    }
  }
  return model;
}

}  // namespace parley::syntax
