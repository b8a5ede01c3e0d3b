#include "parley/syntax/parser_weights.h"

#include <string>
#include <utility>

#include "parley/error.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {

namespace {
constexpr uint32_t kWeightsFormat = 1;
// Features are looked up in batches: all slots of a batch are prefetched before any is read,
// so the cache misses of a batch overlap instead of queueing one after another.
constexpr size_t kBatch = 32;
}  // namespace

ParserWeights::ParserWeights(int num_classes, std::vector<uint64_t> keys,
                             std::vector<uint32_t> row_start, std::vector<Entry> entries)
    : num_classes_(num_classes), entries_(std::move(entries)) {
  if (row_start.size() != keys.size() + 1 || row_start.back() != entries_.size() ||
      !BuildIndex(keys, row_start)) {
    throw Error("parser weights: inconsistent rows or duplicate feature keys");
  }
}

bool ParserWeights::BuildIndex(const std::vector<uint64_t>& keys,
                               const std::vector<uint32_t>& row_start) {
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity <<= 1;
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{0, 0, 0});
  num_features_ = keys.size();
  for (size_t r = 0; r < keys.size(); ++r) {
    const uint64_t key = keys[r];
    if (key == 0 || row_start[r] > row_start[r + 1]) return false;
    uint64_t slot = key & mask_;
    while (slots_[slot].key != 0) {
      if (slots_[slot].key == key) return false;
      slot = (slot + 1) & mask_;
    }
    slots_[slot] = Slot{key, row_start[r], row_start[r + 1]};
  }
  return true;
}

void ParserWeights::Score(const uint64_t* features, size_t n, float* scores) const {
  if (num_features_ == 0) return;
  const Slot* slots = slots_.data();
  const Entry* entries = entries_.data();
  uint64_t keys[kBatch];
  const Slot* found[kBatch];
  for (size_t base = 0; base < n; base += kBatch) {
    const size_t m = n - base < kBatch ? n - base : kBatch;
    for (size_t i = 0; i < m; ++i) {
      keys[i] = Key(features[base + i]);
      __builtin_prefetch(&slots[keys[i] & mask_]);
    }
    size_t hits = 0;
    for (size_t i = 0; i < m; ++i) {
      uint64_t slot = keys[i] & mask_;
      while (true) {
        const Slot& s = slots[slot];
        if (s.key == keys[i]) {
          __builtin_prefetch(&entries[s.begin]);
          found[hits++] = &s;
          break;
        }
        if (s.key == 0) break;
        slot = (slot + 1) & mask_;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      const uint32_t end = found[h]->end;
      for (uint32_t e = found[h]->begin; e < end; ++e) scores[entries[e].cls] += entries[e].weight;
    }
  }
}

void ParserWeights::Save(SectionWriter* out) const {
  out->U32(kWeightsFormat);
  out->U32(static_cast<uint32_t>(num_classes_));
  out->U64(num_features_);
  out->U64(entries_.size());
  // Rows are written in slot order, which depends only on the keys, so the same model always
  // serializes to the same bytes.
  std::vector<uint64_t> keys;
  std::vector<uint64_t> lengths((num_features_ + 3) / 4, 0);
  std::vector<uint64_t> classes((entries_.size() + 3) / 4, 0);
  std::vector<float> weights;
  keys.reserve(num_features_);
  weights.reserve(entries_.size());
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    const size_t r = keys.size();
    keys.push_back(s.key);
    // Row lengths and classes fit in 16 bits (num_classes < 65536); pack four to a u64.
    lengths[r / 4] |= uint64_t{s.end - s.begin} << (16 * (r % 4));
    for (uint32_t e = s.begin; e < s.end; ++e) {
      const size_t k = weights.size();
      classes[k / 4] |= uint64_t{entries_[e].cls} << (16 * (k % 4));
      weights.push_back(entries_[e].weight);
    }
  }
  out->U64Array(keys.data(), keys.size());
  out->U64Array(lengths.data(), lengths.size());
  out->U64Array(classes.data(), classes.size());
  out->F32Array(weights.data(), weights.size());
}

ParserWeights ParserWeights::Load(SectionReader* in) {
  const uint32_t format = in->U32();
  if (format != kWeightsFormat) {
    in->Fail("parser weights format " + std::to_string(format) + " is not supported");
  }
  ParserWeights w;
  w.num_classes_ = static_cast<int>(in->U32());
  if (w.num_classes_ <= 0 || w.num_classes_ > 65535) in->Fail("bad parser class count");
  const uint64_t rows = in->U64();
  const uint64_t entries = in->U64();
  // Each row and entry takes several bytes, so sizes beyond the section are corrupt; checking
  // first avoids a huge allocation on a damaged file.
  if (rows > in->remaining() / 8 || entries > in->remaining() / 4) {
    in->Fail("parser weight table sizes exceed the section");
  }
  std::vector<uint64_t> keys(rows);
  in->U64Array(keys.data(), rows);
  std::vector<uint64_t> packed((rows + 3) / 4);
  in->U64Array(packed.data(), packed.size());
  std::vector<uint32_t> row_start(rows + 1);
  uint64_t total = 0;
  for (size_t r = 0; r < rows; ++r) {
    row_start[r] = static_cast<uint32_t>(total);
    total += (packed[r / 4] >> (16 * (r % 4))) & 0xffff;
  }
  if (total != entries) in->Fail("parser weight rows do not add up to the entry count");
  row_start[rows] = static_cast<uint32_t>(total);
  packed.assign((entries + 3) / 4, 0);
  in->U64Array(packed.data(), packed.size());
  std::vector<float> weights(entries);
  in->F32Array(weights.data(), entries);
  w.entries_.resize(entries);
  for (size_t e = 0; e < entries; ++e) {
    const uint32_t cls = static_cast<uint32_t>((packed[e / 4] >> (16 * (e % 4))) & 0xffff);
    if (cls >= static_cast<uint32_t>(w.num_classes_)) in->Fail("parser weight class out of range");
    w.entries_[e] = {cls, weights[e]};
  }
  if (!w.BuildIndex(keys, row_start)) {
    in->Fail("parser weight table has a zero or duplicate feature key");
  }
  return w;
}

}  // namespace parley::syntax
