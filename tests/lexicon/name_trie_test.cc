#include "parley/lexicon/name_trie.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace parley::lexicon {
namespace {

TEST(NameTrie, FindsInsertedSequencesAndRespectsAcronyms) {
  NameTrie trie;
  trie.Insert({"united", "states"}, {false, false}, 7);
  trie.Insert({"us"}, {true}, 8);
  trie.Insert({"us", "president"}, {false, false}, 9);
  trie.Freeze();
  uint32_t node = trie.Step(NameTrie::kRoot, trie.FindWord("united"), false);
  ASSERT_NE(node, NameTrie::kNoNode);
  EXPECT_FALSE(trie.HasPayload(node));
  node = trie.Step(node, trie.FindWord("states"), false);
  ASSERT_NE(node, NameTrie::kNoNode);
  ASSERT_TRUE(trie.HasPayload(node));
  EXPECT_EQ(*trie.PayloadBegin(node), 7u);
  // "us" in any case only leads on to "president"; the acronym "US" alone needs capitals.
  uint32_t any_case = trie.Step(NameTrie::kRoot, trie.FindWord("us"), false);
  ASSERT_NE(any_case, NameTrie::kNoNode);
  EXPECT_FALSE(trie.HasPayload(any_case));
  uint32_t capitals = trie.Step(NameTrie::kRoot, trie.FindWord("us"), true);
  ASSERT_NE(capitals, NameTrie::kNoNode);
  ASSERT_TRUE(trie.HasPayload(capitals));
  EXPECT_EQ(*trie.PayloadBegin(capitals), 8u);
  uint32_t president = trie.Step(any_case, trie.FindWord("president"), false);
  ASSERT_NE(president, NameTrie::kNoNode);
  EXPECT_EQ(*trie.PayloadBegin(president), 9u);
  EXPECT_EQ(trie.FindWord("nowhere"), NameTrie::kNoWord);
}

// The trie against a reference (a std::map from word sequence to payloads) on random data,
// so that growth of the edge table and shared prefixes are exercised.
TEST(NameTrie, AgreesWithAReferenceMap) {
  std::mt19937 rng(42);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 300; ++i) {
    std::string word = "w";
    word += std::to_string(i);
    vocabulary.push_back(word);
  }
  std::map<std::vector<std::string>, std::vector<uint32_t>> reference;
  NameTrie trie;
  for (uint32_t id = 0; id < 5000; ++id) {
    std::vector<std::string> words(1 + rng() % 4);
    for (auto& w : words) w = vocabulary[rng() % vocabulary.size()];
    trie.Insert(words, {}, id);
    reference[words].push_back(id);
  }
  trie.Freeze();
  for (const auto& [words, payloads] : reference) {
    uint32_t node = NameTrie::kRoot;
    for (const std::string& w : words) node = trie.Step(node, trie.FindWord(w), false);
    ASSERT_NE(node, NameTrie::kNoNode);
    std::vector<uint32_t> got(trie.PayloadBegin(node), trie.PayloadEnd(node));
    EXPECT_EQ(got, payloads);
  }
  // Sequences never inserted end nowhere or at a node without payload.
  for (int i = 0; i < 2000; ++i) {
    std::vector<std::string> words(1 + rng() % 4);
    for (auto& w : words) w = vocabulary[rng() % vocabulary.size()];
    uint32_t node = NameTrie::kRoot;
    for (const std::string& w : words) {
      if (node != NameTrie::kNoNode) node = trie.Step(node, trie.FindWord(w), false);
    }
    bool has = node != NameTrie::kNoNode && trie.HasPayload(node);
    EXPECT_EQ(has, reference.count(words) != 0);
  }
}

}  // namespace
}  // namespace parley::lexicon
