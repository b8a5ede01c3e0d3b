#include "parley/lexicon/name_trie.h"

namespace parley::lexicon {

namespace {

constexpr uint64_t kEmptyKey = ~uint64_t{0};

inline size_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key);
}

}  // namespace

NameTrie::NameTrie() : edge_keys_(1024, kEmptyKey), edge_values_(1024, 0) {
  node_payloads_.emplace_back();
}

uint32_t NameTrie::InternWord(const std::string& word) {
  auto it = words_.find(std::string_view(word));
  if (it != words_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace(word, id);
  return id;
}

uint32_t NameTrie::FindWord(std::string_view word) const {
  auto it = words_.find(word);
  return it == words_.end() ? kNoWord : it->second;
}

uint32_t* NameTrie::Slot(uint64_t key) {
  if ((edge_count_ + 1) * 2 > edge_keys_.size()) Grow();
  size_t mask = edge_keys_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (edge_keys_[i] == key) return &edge_values_[i];
    if (edge_keys_[i] == kEmptyKey) {
      edge_keys_[i] = key;
      ++edge_count_;
      edge_values_[i] = kNoNode;
      return &edge_values_[i];
    }
  }
}

const uint32_t* NameTrie::FindSlot(uint64_t key) const {
  size_t mask = edge_keys_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (edge_keys_[i] == key) return &edge_values_[i];
    if (edge_keys_[i] == kEmptyKey) return nullptr;
  }
}

void NameTrie::Grow() {
  std::vector<uint64_t> keys(edge_keys_.size() * 2, kEmptyKey);
  std::vector<uint32_t> values(keys.size(), 0);
  size_t mask = keys.size() - 1;
  for (size_t j = 0; j < edge_keys_.size(); ++j) {
    if (edge_keys_[j] == kEmptyKey) continue;
    size_t i = Mix(edge_keys_[j]) & mask;
    while (keys[i] != kEmptyKey) i = (i + 1) & mask;
    keys[i] = edge_keys_[j];
    values[i] = edge_values_[j];
  }
  edge_keys_.swap(keys);
  edge_values_.swap(values);
}

void NameTrie::Insert(const std::vector<std::string>& words, const std::vector<bool>& acronym,
                      uint32_t payload) {
  uint32_t node = kRoot;
  for (size_t i = 0; i < words.size(); ++i) {
    uint32_t word = InternWord(words[i]);
    bool needs_upper = i < acronym.size() && acronym[i];
    uint64_t key = (uint64_t{node} << 32) | word | (needs_upper ? kAcronymBit : 0);
    uint32_t* slot = Slot(key);
    if (*slot == kNoNode) {
      *slot = static_cast<uint32_t>(node_payloads_.size());
      node_payloads_.emplace_back();
    }
    node = *slot;
  }
  node_payloads_[node].push_back(payload);
}

void NameTrie::Freeze() {
  payload_offsets_.assign(node_payloads_.size() + 1, 0);
  payloads_.clear();
  for (size_t n = 0; n < node_payloads_.size(); ++n) {
    payload_offsets_[n] = static_cast<uint32_t>(payloads_.size());
    payloads_.insert(payloads_.end(), node_payloads_[n].begin(), node_payloads_[n].end());
  }
  payload_offsets_[node_payloads_.size()] = static_cast<uint32_t>(payloads_.size());
}

uint32_t NameTrie::Step(uint32_t node, uint32_t word, bool acronym) const {
  if (word == kNoWord) return kNoNode;
  const uint32_t* slot = FindSlot((uint64_t{node} << 32) | word | (acronym ? kAcronymBit : 0));
  return slot == nullptr ? kNoNode : *slot;
}

const uint32_t* NameTrie::PayloadBegin(uint32_t node) const {
  return payloads_.data() + payload_offsets_[node];
}

const uint32_t* NameTrie::PayloadEnd(uint32_t node) const {
  return payloads_.data() + payload_offsets_[node + 1];
}

}  // namespace parley::lexicon
