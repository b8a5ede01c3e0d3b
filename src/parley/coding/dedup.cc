#include "parley/coding/dedup.h"

#include <xxhash.h>

#include <algorithm>

namespace parley::coding {

namespace {

// A 64-bit mixer (the finalizer of SplitMix64): spreads one shingle hash into the kHashes
// independent-looking hashes MinHash needs, at a multiply and two shifts each.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

bool Alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

void ComputeSignature(std::string_view text, DocumentSignature* out) {
  out->min.fill(UINT64_MAX);
  out->valid = false;
  constexpr size_t kShingle = 5;
  std::array<uint64_t, kShingle> window{};
  size_t words = 0;
  size_t shingles = 0;
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !Alnum(static_cast<unsigned char>(text[i]))) ++i;
    word.clear();
    while (i < text.size() && Alnum(static_cast<unsigned char>(text[i]))) {
      const char c = text[i++];
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    if (word.empty()) break;
    window[words % kShingle] = XXH3_64bits(word.data(), word.size());
    ++words;
    if (words < kShingle) continue;
    // the shingle: its five word hashes in order
    uint64_t h = 0;
    for (size_t k = 0; k < kShingle; ++k) {
      h = Mix(h ^ window[(words - kShingle + k) % kShingle]);
    }
    ++shingles;
    for (size_t k = 0; k < DocumentSignature::kHashes; ++k) {
      const uint64_t v = Mix(h + 0x9e3779b97f4a7c15ULL * (k + 1));
      if (v < out->min[k]) out->min[k] = v;
    }
  }
  out->valid = shingles >= DocumentSignature::kMinShingles;
}

double EstimatedSimilarity(const DocumentSignature& a, const DocumentSignature& b) {
  if (!a.valid || !b.valid) return 0;
  size_t same = 0;
  for (size_t k = 0; k < DocumentSignature::kHashes; ++k) same += a.min[k] == b.min[k] ? 1 : 0;
  return static_cast<double>(same) / DocumentSignature::kHashes;
}

void Deduplicator::Apply(const std::string& doc_id, const DocumentSignature& signature,
                         std::vector<Event>* events, DedupCounts* counts) {
  if (options_.near_duplicates && signature.valid) {
    std::array<uint64_t, kBands> keys;
    for (size_t b = 0; b < kBands; ++b) {
      keys[b] = XXH3_64bits_withSeed(&signature.min[b * kRows], kRows * sizeof(uint64_t), b);
    }
    const Stored* best = nullptr;
    double best_similarity = 0;
    for (size_t b = 0; b < kBands && !stored_.empty(); ++b) {
      auto it = bands_.find(keys[b]);
      if (it == bands_.end() || it->second < stored_.front().ordinal) continue;
      const Stored& candidate = stored_[it->second - stored_.front().ordinal];
      const double similarity = EstimatedSimilarity(signature, candidate.signature);
      if (similarity >= options_.similarity && similarity > best_similarity) {
        best = &candidate;
        best_similarity = similarity;
      }
    }
    std::string original = doc_id;
    if (best != nullptr && best->id != doc_id) {
      original = best->id;
      ++counts->duplicate_documents;
      for (Event& e : *events) {
        e.duplicate_of = original;
        ++counts->linked_events;
      }
    }
    // remember it (a copy under its original's id, so later copies link to the first)
    if (stored_.size() >= options_.max_documents && !stored_.empty()) {
      const Stored& old = stored_.front();
      for (size_t b = 0; b < kBands; ++b) {
        const uint64_t key =
            XXH3_64bits_withSeed(&old.signature.min[b * kRows], kRows * sizeof(uint64_t), b);
        auto it = bands_.find(key);
        if (it != bands_.end() && it->second == old.ordinal) bands_.erase(it);
      }
      stored_.pop_front();
    }
    stored_.push_back(Stored{std::move(original), signature, next_ordinal_});
    for (size_t b = 0; b < kBands; ++b) bands_[keys[b]] = next_ordinal_;
    ++next_ordinal_;
  }

  if (options_.events == EventDedup::kOneADay) {
    std::vector<Event> kept;
    kept.reserve(events->size());
    for (Event& e : *events) {
      std::string key = e.source.code;
      key += '\t';
      key += e.target.code;
      key += '\t';
      key += e.cameo;
      const uint64_t h = XXH3_64bits(key.data(), key.size());
      if (!seen_[e.date].insert(h).second) {
        ++counts->dropped_events;
        continue;
      }
      ++seen_keys_;
      kept.push_back(std::move(e));
    }
    *events = std::move(kept);
    // forget the oldest dates first when over the cap
    while (seen_keys_ > options_.max_event_keys && seen_.size() > 1) {
      seen_keys_ -= seen_.begin()->second.size();
      seen_.erase(seen_.begin());
    }
  }
}

}  // namespace parley::coding
