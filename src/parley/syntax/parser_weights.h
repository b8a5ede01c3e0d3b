#pragma once

// The parser's immutable weight table: hashed feature -> sparse row of (class, weight).
//
// The shared Perceptron stores a dense row of num_classes weights per feature. The parser has
// 1 + 2 x labels (about 100) classes and millions of features, of which a typical one was
// updated for only a few classes, so dense rows would need gigabytes; rows here hold only the
// classes with a non-zero weight. Lookup is open addressing on the (already well-mixed)
// feature hash.
//
// Thread-safety: immutable after construction; Score() may run on many threads at once.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::syntax {

class SectionReader;
class SectionWriter;

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
  size_t num_features() const { return num_features_; }
  size_t num_entries() const { return entries_.size(); }
  // Bytes of memory held by the table.
  size_t memory_bytes() const {
    return slots_.size() * sizeof(Slot) + entries_.size() * sizeof(Entry);
  }

  // Adds the rows of the n features into scores[0..num_classes); unknown features add nothing.
  // No allocation.
  void Score(const uint64_t* features, size_t n, float* scores) const;

  void Save(SectionWriter* out) const;
  // Reads what Save() wrote; throws parley::Error on truncated or inconsistent data.
  static ParserWeights Load(SectionReader* in);

  // Maps a feature hash to the key stored in the table (0 marks an empty slot).
  static uint64_t Key(uint64_t feature) { return feature == 0 ? 1 : feature; }

 private:
  // One open-addressing slot: the key (0 = empty) and its row's entry range, together so that
  // a lookup touches one cache line before the entries themselves.
  struct Slot {
    uint64_t key;
    uint32_t begin;
    uint32_t end;
  };
  // Builds slots_ from rows; returns false when a key is zero or occurs twice.
  bool BuildIndex(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& row_start);

  int num_classes_ = 0;
  size_t num_features_ = 0;
  std::vector<Entry> entries_;
  uint64_t mask_ = 0;
  std::vector<Slot> slots_;
};

}  // namespace parley::syntax
