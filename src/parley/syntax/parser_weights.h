#pragma once

// The parser's immutable weight table: hashed feature -> sparse row of (class, weight).
//
// The shared Perceptron stores a dense row of num_classes weights per feature. The parser has
// 1 + 2 x labels (over 100) classes and over a million features, most of which were updated
// for only a few classes, so dense rows everywhere would need gigabytes. Rows with few non-zero
// classes are stored sparsely as (class, weight) pairs; the rows of frequent features, which
// have weights for many classes and are the ones met at almost every step, are stored densely
// and added with SIMD. Lookup is open addressing on the (already well-mixed) feature hash.
//
// Thread-safety: immutable after construction; Score() may run on many threads at once.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::syntax {

class SectionReader;
class SectionWriter;

// Allocator for the weight table's big arrays: blocks of 2 MB and more are 2 MB-aligned and
// marked for transparent huge pages, because scoring makes random accesses all over a table of
// about 100 MB and would otherwise miss the TLB on nearly every lookup. Smaller blocks come
// from the default allocator.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t n);
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

// Raw allocation behind HugePageAllocator (parser_weights.cc).
void* AllocateMaybeHuge(size_t bytes);
void FreeMaybeHuge(void* p, size_t bytes);

template <class T>
T* HugePageAllocator<T>::allocate(size_t n) {
  return static_cast<T*>(AllocateMaybeHuge(n * sizeof(T)));
}
template <class T>
void HugePageAllocator<T>::deallocate(T* p, size_t n) {
  FreeMaybeHuge(p, n * sizeof(T));
}

class ParserWeights {
 public:
  struct Entry {
    uint32_t cls;
    float weight;
  };

  // An empty table (every feature scores zero).
  ParserWeights() = default;
  // Builds a table from rows: row r has feature key keys[r] and the entries
  // entries[row_start[r] .. row_start[r + 1]). Keys must be distinct; row_start has
  // keys.size() + 1 items. Classes must be < num_classes.
  ParserWeights(int num_classes, std::vector<uint64_t> keys, std::vector<uint32_t> row_start,
                std::vector<Entry> entries);

  int num_classes() const { return num_classes_; }
  // Size the scores buffer passed to Score() must have: num_classes() rounded up for SIMD.
  int score_size() const { return stride_; }
  size_t num_features() const { return num_features_; }
  // Number of non-zero weights.
  size_t num_entries() const { return num_entries_; }
  size_t num_dense_rows() const { return dense_.size() / static_cast<size_t>(stride_ ? stride_ : 1); }
  // Bytes of memory held by the table.
  size_t memory_bytes() const {
    return slots_.size() * sizeof(Slot) + entries_.size() * sizeof(Entry) +
           dense_.size() * sizeof(float);
  }

  // Adds the rows of the n features into scores[0..score_size()); unknown features add
  // nothing, and the entries past num_classes() stay meaningless padding. No allocation.
  void Score(const uint64_t* features, size_t n, float* scores) const;

  void Save(SectionWriter* out) const;
  // Reads what Save() wrote; throws parley::Error on truncated or inconsistent data.
  static ParserWeights Load(SectionReader* in);

  // Maps a feature hash to the key stored in the table (0 marks an empty slot).
  static uint64_t Key(uint64_t feature) { return feature == 0 ? 1 : feature; }

 private:
  // One open-addressing slot: the key (0 = empty) and its row, together so that a lookup
  // touches one cache line before the weights themselves. A sparse row is entries_[begin, end);
  // a dense row (end == kDense) is dense_[begin * stride_, (begin + 1) * stride_).
  struct Slot {
    uint64_t key;
    uint32_t begin;
    uint32_t end;
  };
  static constexpr uint32_t kDense = 0xffffffffu;

  // Builds slots_, entries_ and dense_ from rows given as (key, entries[row_start[r] ..
  // row_start[r + 1])); returns false when a key is zero or occurs twice.
  // entry_at(e) returns entry e; taking it as a function lets Load() build straight from the
  // file's packed arrays without an intermediate copy of every entry.
  template <class EntryAt>
  bool Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& row_start,
             EntryAt entry_at);

  int num_classes_ = 0;
  int stride_ = 0;  // num_classes_ rounded up to the SIMD block
  size_t num_features_ = 0;
  size_t num_entries_ = 0;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::vector<float, HugePageAllocator<float>> dense_;
  uint64_t mask_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
};

}  // namespace parley::syntax
