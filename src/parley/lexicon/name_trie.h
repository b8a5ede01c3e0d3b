#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::lexicon {

// A trie over normalized words (see normalize.h) mapping word sequences to payload lists
// (indices of name records). Words are interned to ids once, so matching running text is one
// string hash per token and integer probes after that. Built once, then read-only: concurrent
// Find/Step/Payloads calls are safe.
class NameTrie {
 public:
  static constexpr uint32_t kNoWord = 0xFFFFFFFFu;
  static constexpr uint32_t kNoNode = 0xFFFFFFFFu;
  static constexpr uint32_t kRoot = 0;

  NameTrie();

  // Adds the word sequence `words` (already normalized, non-empty) with `payload` at its end.
  // When `acronym[i]` is true, word i matches only a text word written all in capitals (so the
  // name "US" does not match the pronoun "us"). Build time only.
  void Insert(const std::vector<std::string>& words, const std::vector<bool>& acronym,
              uint32_t payload);

  // The id of a normalized word, or kNoWord when no name contains it.
  [[nodiscard]] uint32_t FindWord(std::string_view word) const;

  // The child of `node` along word id `word`: along the edge that accepts any case when
  // `acronym` is false, along the edge that accepts only capitals when it is true (a node may
  // have both: "US" the acronym and "us" inside a longer PETRARCH name). kNoNode when absent.
  [[nodiscard]] uint32_t Step(uint32_t node, uint32_t word, bool acronym) const;

  // The payloads of names ending at `node` (empty for inner nodes), in insertion order.
  [[nodiscard]] const uint32_t* PayloadBegin(uint32_t node) const;
  [[nodiscard]] const uint32_t* PayloadEnd(uint32_t node) const;
  [[nodiscard]] bool HasPayload(uint32_t node) const { return PayloadBegin(node) != PayloadEnd(node); }

  // Payloads are stored per node in lists built at insertion; Freeze packs them into one
  // flat array. Must be called once after the last Insert and before matching.
  void Freeze();

  [[nodiscard]] size_t node_count() const { return node_payloads_.size(); }
  [[nodiscard]] size_t word_count() const { return words_.size(); }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  static constexpr uint64_t kAcronymBit = 0x80000000u;  // in the word half of an edge key

  uint32_t InternWord(const std::string& word);
  uint32_t* Slot(uint64_t key);
  const uint32_t* FindSlot(uint64_t key) const;
  void Grow();

  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> words_;
  // Open-addressing edge table: key (node << 32 | word | acronym bit) -> child.
  std::vector<uint64_t> edge_keys_;
  std::vector<uint32_t> edge_values_;
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> node_payloads_;  // build time
  std::vector<uint32_t> payload_offsets_;             // after Freeze: node -> [begin, end)
  std::vector<uint32_t> payloads_;
};

}  // namespace parley::lexicon
