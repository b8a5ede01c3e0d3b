#pragma once

// An averaged multi-class perceptron over hashed sparse features, shared by the tagger and the
// dependency parser. A feature is a 64-bit hash (see FeatureHash); each feature that ever took
// part in an update owns one row of class weights, found through an open-addressing hash table.
// Scoring adds the rows of the active features. While training, rows are dense (num_classes
// floats); after Average() or Load() they are packed as (class, weight) pairs for the non-zero
// classes only, next to the key in one table, so that a rare feature costs one cache line.
//
// Training: call Update() once per training decision (it advances the averaging clock), or
// Tick() plus AddWeight() for custom updates; then Average() once. Averaging is lazy: each row
// remembers when it was last brought up to date, so an update costs O(features x classes)
// instead of touching the whole model.
//
// Thread-safety: after training, Score() is const and safe from many threads at once.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <xxhash.h>

namespace parley::syntax {

class SectionReader;
class SectionWriter;

// Hash of a string feature under a template id (different templates never collide by design,
// only by chance). Uses XXH3.
inline uint64_t FeatureHash(uint32_t template_id, std::string_view value) {
  return XXH3_64bits_withSeed(value.data(), value.size(), template_id);
}

// Combines a feature hash with another value (a second string's hash, a tag id...). Cheap and
// well mixed; order matters.
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 29;
  return x;
}

class Perceptron {
 public:
  // An empty model with `num_classes` >= 1 classes and no features.
  explicit Perceptron(int num_classes);

  int num_classes() const { return num_classes_; }
  // Number of feature rows stored.
  size_t num_features() const { return num_rows_; }
  // Bytes of weight storage (for reporting memory).
  size_t MemoryBytes() const;

  // Adds the weight rows of the n features into scores[0..num_classes); unknown features add
  // nothing. Does not clear `scores` first. No allocation.
  void Score(const uint64_t* features, size_t n, float* scores) const;

  // Index of the highest of scores[0..num_classes), the lowest index on ties.
  int Best(const float* scores) const;

  // One training decision: if guess != truth, adds 1 to class `truth` and subtracts 1 from
  // class `guess` for every feature; then advances the averaging clock.
  void Update(const uint64_t* features, size_t n, int truth, int guess);
  // Ends one training decision (use after AddWeight calls for custom updates).
  void Tick() { ++clock_; }
  // Adds `delta` to class `cls` of every feature, at the current clock.
  void AddWeight(const uint64_t* features, size_t n, int cls, float delta);

  // Replaces every weight by its average over all decisions seen and drops training state.
  // Call once, after training; Update/AddWeight are not allowed afterwards.
  void Average();

  // Writes the model; features whose weights all have magnitude below `prune_below` are left
  // out (0 keeps every non-zero row). Classes with zero weight are stored sparsely.
  void Save(SectionWriter* out, float prune_below = 0.0f) const;
  // Reads what Save wrote. Throws parley::Error (via the reader) on truncated or bad data.
  static Perceptron Load(SectionReader* in);

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;

  // One non-zero weight of a packed row.
  struct Entry {
    uint32_t cls;
    float weight;
  };
  // One slot of the packed (post-training) table: key 0 = empty.
  struct PackedSlot {
    uint64_t key;
    uint32_t begin;  // into entries_
    uint32_t count;
  };

  // Builds slots_/entries_ from the dense rows and frees them.
  void Pack();
  // Appends the packed form of a row given as dense weights.
  void AppendPacked(uint64_t key, const float* dense);

  // Row index of `key`, or kEmpty.
  uint32_t Find(uint64_t key) const;
  // Row index of `key`, creating a zero row when absent.
  uint32_t FindOrInsert(uint64_t key);
  void Grow();
  // Brings the running totals of `row` up to the current clock.
  void Refresh(uint32_t row);
  static uint64_t Key(uint64_t feature) { return feature == 0 ? 1 : feature; }

  int num_classes_;
  size_t num_rows_ = 0;
  uint64_t mask_ = 0;               // capacity - 1 (capacity a power of two)
  std::vector<uint64_t> keys_;      // 0 = empty slot
  std::vector<uint32_t> slot_row_;  // row index per slot
  std::vector<float> weights_;      // num_rows_ x num_classes_
  // Packed form, used after Average() / Load().
  std::vector<PackedSlot> slots_;
  uint64_t packed_mask_ = 0;
  std::vector<Entry> entries_;
  // Training state (empty after Average()).
  std::vector<double> totals_;      // summed weight x time per (row, class)
  std::vector<uint64_t> stamps_;    // clock at which a row's totals were last refreshed
  uint64_t clock_ = 0;
  bool averaged_ = false;
};

}  // namespace parley::syntax
