#pragma once

// Duplicate stories and repeated events (docs/FORMATS.md, "Duplicates"):
// - near-duplicate documents (wire copies of one story, republished with a new headline or a
//   trimmed ending) are found with MinHash signatures of word 5-shingles and banded
//   locality-sensitive hashing; their events are kept and carry `duplicate_of`, the id of the
//   earlier document, so that they are linked rather than counted twice;
// - optionally, one event a day: later events with the same date, source, target and CAMEO
//   code as an earlier one are dropped (the Phoenix/ICEWS "one-a-day" filter).
// Signatures are computed per document on any thread (Pipeline::Code); a Deduplicator sees the
// documents in input order (OrderedRunner), so its decisions do not depend on the number of
// threads. Memory is bounded by the options' caps.

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parley/coding/event.h"

namespace parley::coding {

// A MinHash signature of a text's word 5-shingles (words: letters and digits, ASCII case
// folded). Empty (`valid` false) for texts of fewer than kMinShingles shingles: too short to
// call two of them copies of one story.
struct DocumentSignature {
  static constexpr size_t kHashes = 64;
  static constexpr size_t kMinShingles = 20;
  std::array<uint64_t, kHashes> min{};
  bool valid = false;
};

void ComputeSignature(std::string_view text, DocumentSignature* out);

// The share of equal minima: an estimate of the two texts' shingle Jaccard similarity.
[[nodiscard]] double EstimatedSimilarity(const DocumentSignature& a, const DocumentSignature& b);

enum class EventDedup : uint8_t { kNone, kOneADay };

struct DedupOptions {
  bool near_duplicates = true;
  double similarity = 0.8;       // estimated Jaccard at or above which a story is a copy
  size_t max_documents = 50000;  // signatures remembered (the most recent)
  EventDedup events = EventDedup::kNone;
  size_t max_event_keys = 2000000;  // one-a-day keys remembered (oldest dates forgotten first)
};

struct DedupCounts {
  uint64_t duplicate_documents = 0;  // documents found to copy an earlier one
  uint64_t linked_events = 0;        // their events (marked duplicate_of)
  uint64_t dropped_events = 0;       // events removed by one-a-day
  void Add(const DedupCounts& o) {
    duplicate_documents += o.duplicate_documents;
    linked_events += o.linked_events;
    dropped_events += o.dropped_events;
  }
};

class Deduplicator {
 public:
  explicit Deduplicator(DedupOptions options) : options_(options) {}

  // Call once per document, in input order: links the document to an earlier copy (setting
  // duplicate_of on its events) and applies one-a-day to *events.
  void Apply(const std::string& doc_id, const DocumentSignature& signature,
             std::vector<Event>* events, DedupCounts* counts);

  [[nodiscard]] const DedupOptions& options() const { return options_; }

 private:
  struct Stored {
    std::string id;
    DocumentSignature signature;
    uint64_t ordinal = 0;
  };
  static constexpr size_t kBands = 16;
  static constexpr size_t kRows = DocumentSignature::kHashes / kBands;

  DedupOptions options_;
  uint64_t next_ordinal_ = 0;
  std::deque<Stored> stored_;                     // oldest first
  std::unordered_map<uint64_t, uint64_t> bands_;  // band hash -> ordinal of the latest holder
  // one-a-day: keys (date, source, target, code hashed) by date, oldest date dropped first
  std::map<std::string, std::unordered_set<uint64_t>> seen_;
  size_t seen_keys_ = 0;
};

}  // namespace parley::coding
