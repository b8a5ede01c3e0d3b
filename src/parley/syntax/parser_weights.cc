#include "parley/syntax/parser_weights.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
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
// Dense rows are added 32 floats at a time (four 8-float vectors kept in registers).
constexpr int kBlock = 32;

// A row is stored densely from this many non-zero classes on: adding a padded dense row with
// SIMD costs about as much as this many scattered scalar additions.
int DenseThreshold(int num_classes) { return std::max(12, num_classes / 8); }

using Vec8 = float __attribute__((vector_size(32)));

// scores[0..stride) += each of the `count` rows (stride a multiple of kBlock). The AVX2 clone is
// picked at load time on CPUs that have it; the default one works everywhere.
__attribute__((target_clones("avx2", "default")))
void AddDenseRows(float* scores, const float* const* rows, size_t count, int stride) {
  for (int base = 0; base < stride; base += kBlock) {
    Vec8 a0, a1, a2, a3;
    std::memcpy(&a0, scores + base, sizeof(Vec8));
    std::memcpy(&a1, scores + base + 8, sizeof(Vec8));
    std::memcpy(&a2, scores + base + 16, sizeof(Vec8));
    std::memcpy(&a3, scores + base + 24, sizeof(Vec8));
    for (size_t r = 0; r < count; ++r) {
      const float* row = rows[r] + base;
      Vec8 b0, b1, b2, b3;
      std::memcpy(&b0, row, sizeof(Vec8));
      std::memcpy(&b1, row + 8, sizeof(Vec8));
      std::memcpy(&b2, row + 16, sizeof(Vec8));
      std::memcpy(&b3, row + 24, sizeof(Vec8));
      a0 += b0;
      a1 += b1;
      a2 += b2;
      a3 += b3;
    }
    std::memcpy(scores + base, &a0, sizeof(Vec8));
    std::memcpy(scores + base + 8, &a1, sizeof(Vec8));
    std::memcpy(scores + base + 16, &a2, sizeof(Vec8));
    std::memcpy(scores + base + 24, &a3, sizeof(Vec8));
  }
}

constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

void* AllocateMaybeHuge(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  // Only a hint: without transparent huge pages the memory works the same, just slower.
  (void)madvise(p, rounded, MADV_HUGEPAGE);
  return p;
}

void FreeMaybeHuge(void* p, size_t bytes) {
  if (bytes < kHugePage) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

template <class EntryAt>
bool ParserWeights::Build(const std::vector<uint64_t>& keys,
                          const std::vector<uint32_t>& row_start, EntryAt entry_at) {
  stride_ = (num_classes_ + kBlock - 1) / kBlock * kBlock;
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity <<= 1;
  mask_ = capacity - 1;
  slots_.assign(capacity, Slot{0, 0, 0});
  entries_.clear();
  dense_.clear();
  num_features_ = keys.size();
  num_entries_ = row_start.empty() ? 0 : row_start.back();
  const uint32_t threshold = static_cast<uint32_t>(DenseThreshold(num_classes_));
  size_t dense_rows = 0, sparse_entries = 0;
  for (size_t r = 0; r < keys.size(); ++r) {
    if (row_start[r] > row_start[r + 1]) return false;
    const uint32_t len = row_start[r + 1] - row_start[r];
    if (len >= threshold) {
      ++dense_rows;
    } else {
      sparse_entries += len;
    }
  }
  entries_.reserve(sparse_entries);
  dense_.reserve(dense_rows * static_cast<size_t>(stride_));
  for (size_t r = 0; r < keys.size(); ++r) {
    const uint64_t key = keys[r];
    if (key == 0) return false;
    uint64_t slot = key & mask_;
    while (slots_[slot].key != 0) {
      if (slots_[slot].key == key) return false;
      slot = (slot + 1) & mask_;
    }
    const uint32_t len = row_start[r + 1] - row_start[r];
    if (len >= threshold) {
      const size_t base = dense_.size();
      dense_.resize(base + static_cast<size_t>(stride_), 0.0f);
      for (uint32_t e = row_start[r]; e < row_start[r + 1]; ++e) {
        const Entry entry = entry_at(e);
        if (entry.cls >= static_cast<uint32_t>(num_classes_)) return false;
        dense_[base + entry.cls] += entry.weight;
      }
      slots_[slot] = Slot{key, static_cast<uint32_t>(base / static_cast<size_t>(stride_)), kDense};
    } else {
      const uint32_t begin = static_cast<uint32_t>(entries_.size());
      for (uint32_t e = row_start[r]; e < row_start[r + 1]; ++e) {
        const Entry entry = entry_at(e);
        if (entry.cls >= static_cast<uint32_t>(num_classes_)) return false;
        entries_.push_back(entry);
      }
      slots_[slot] = Slot{key, begin, static_cast<uint32_t>(entries_.size())};
    }
  }
  return true;
}

ParserWeights::ParserWeights(int num_classes, std::vector<uint64_t> keys,
                             std::vector<uint32_t> row_start, std::vector<Entry> entries)
    : num_classes_(num_classes) {
  if (row_start.size() != keys.size() + 1 || row_start.back() != entries.size() ||
      !Build(keys, row_start, [&entries](size_t e) { return entries[e]; })) {
    throw Error("parser weights: inconsistent rows or duplicate feature keys");
  }
}

void ParserWeights::Score(const uint64_t* features, size_t n, float* scores) const {
  if (num_features_ == 0) return;
  const Slot* slots = slots_.data();
  const Entry* entries = entries_.data();
  uint64_t keys[kBatch];
  const Slot* sparse[kBatch];
  const float* dense[kBatch];
  for (size_t base = 0; base < n; base += kBatch) {
    const size_t m = n - base < kBatch ? n - base : kBatch;
    for (size_t i = 0; i < m; ++i) {
      keys[i] = Key(features[base + i]);
      __builtin_prefetch(&slots[keys[i] & mask_]);
    }
    size_t num_sparse = 0, num_dense = 0;
    for (size_t i = 0; i < m; ++i) {
      uint64_t slot = keys[i] & mask_;
      while (true) {
        const Slot& s = slots[slot];
        if (s.key == keys[i]) {
          if (s.end == kDense) {
            dense[num_dense++] = dense_.data() + static_cast<size_t>(s.begin) * stride_;
          } else {
            __builtin_prefetch(&entries[s.begin]);
            sparse[num_sparse++] = &s;
          }
          break;
        }
        if (s.key == 0) break;
        slot = (slot + 1) & mask_;
      }
    }
    for (size_t h = 0; h < num_sparse; ++h) {
      const uint32_t end = sparse[h]->end;
      for (uint32_t e = sparse[h]->begin; e < end; ++e) scores[entries[e].cls] += entries[e].weight;
    }
    if (num_dense > 0) AddDenseRows(scores, dense, num_dense, stride_);
  }
}

void ParserWeights::Save(SectionWriter* out) const {
  out->U32(kWeightsFormat);
  out->U32(static_cast<uint32_t>(num_classes_));
  // Rows are written in slot order, which depends only on the keys, so the same model always
  // serializes to the same bytes. Dense rows are written as their non-zero entries.
  std::vector<uint64_t> keys;
  std::vector<uint64_t> lengths((num_features_ + 3) / 4, 0);
  std::vector<uint64_t> classes((num_entries_ + 3) / 4, 0);
  std::vector<float> weights;
  keys.reserve(num_features_);
  weights.reserve(num_entries_);
  auto put = [&](uint32_t cls, float weight) {
    // Classes fit in 16 bits (num_classes < 65536); pack four to a u64.
    const size_t k = weights.size();
    classes[k / 4] |= uint64_t{cls} << (16 * (k % 4));
    weights.push_back(weight);
  };
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    const size_t r = keys.size();
    keys.push_back(s.key);
    const size_t before = weights.size();
    if (s.end == kDense) {
      const float* row = dense_.data() + static_cast<size_t>(s.begin) * stride_;
      for (int c = 0; c < num_classes_; ++c) {
        if (row[c] != 0.0f) put(static_cast<uint32_t>(c), row[c]);
      }
    } else {
      for (uint32_t e = s.begin; e < s.end; ++e) put(entries_[e].cls, entries_[e].weight);
    }
    lengths[r / 4] |= uint64_t{weights.size() - before} << (16 * (r % 4));
  }
  classes.resize((weights.size() + 3) / 4);
  out->U64(keys.size());
  out->U64(weights.size());
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
  const auto entry_at = [&packed, &weights](size_t e) {
    return Entry{static_cast<uint32_t>((packed[e / 4] >> (16 * (e % 4))) & 0xffff), weights[e]};
  };
  if (!w.Build(keys, row_start, entry_at)) {
    in->Fail("parser weight table has a zero or duplicate feature key, or a class out of range");
  }
  return w;
}

}  // namespace parley::syntax
