#include "parley/syntax/parser_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

namespace parley::syntax {
namespace {

struct Word {
  std::string_view form, upos, xpos;
};

std::vector<uint64_t> Features(const std::vector<Word>& words, int shifts) {
  SentenceAtoms atoms;
  atoms.Init(static_cast<int32_t>(words.size()));
  for (size_t i = 0; i < words.size(); ++i) {
    atoms.Set(static_cast<int32_t>(i + 1), words[i].form, words[i].upos, words[i].xpos);
  }
  ParseState s;
  s.Init(static_cast<int32_t>(words.size()));
  const ArcHybridSystem system(3, 0);
  for (int i = 0; i < shifts; ++i) system.Apply(&s, 0);
  std::vector<uint64_t> out(kMaxParserFeatures);
  out.resize(ExtractParserFeatures(s, atoms, out.data()));
  return out;
}

const std::vector<Word> kSentence = {
    {"Troops", "NOUN", "NNS"}, {"left", "VERB", "VBD"}, {"in", "ADP", "IN"}, {"2014", "NUM", "CD"}};

TEST(ParserFeatures, DeterministicAndBounded) {
  for (int shifts = 0; shifts <= 4; ++shifts) {
    const std::vector<uint64_t> a = Features(kSentence, shifts);
    EXPECT_EQ(a, Features(kSentence, shifts));
    EXPECT_LE(a.size(), kMaxParserFeatures);
    EXPECT_GT(a.size(), 50u);
    // Templates are hashed with their own ids: features of one configuration rarely collide.
    EXPECT_GT(std::set<uint64_t>(a.begin(), a.end()).size(), a.size() * 9 / 10);
  }
}

TEST(ParserFeatures, EveryConfigurationHasTheSameTemplateCount) {
  const size_t count = Features(kSentence, 0).size();
  for (int shifts = 1; shifts <= 4; ++shifts) EXPECT_EQ(Features(kSentence, shifts).size(), count);
}

TEST(ParserFeatures, FoldsCaseAndDigits) {
  std::vector<Word> other = kSentence;
  other[0].form = "TROOPS";
  other[3].form = "1990";
  for (int shifts = 0; shifts <= 4; ++shifts) {
    EXPECT_EQ(Features(kSentence, shifts), Features(other, shifts));
  }
}

TEST(ParserFeatures, WordsAndTagsChangeFeatures) {
  std::vector<Word> other_word = kSentence;
  other_word[1].form = "arrived";
  std::vector<Word> other_tag = kSentence;
  other_tag[1].xpos = "VBN";
  const std::vector<uint64_t> base = Features(kSentence, 1);
  // With s0 = Troops, b0 = left: changing b0's word or tag must change several features.
  auto differing = [&](const std::vector<uint64_t>& other) {
    size_t d = 0;
    for (size_t i = 0; i < base.size(); ++i) d += base[i] != other[i];
    return d;
  };
  EXPECT_GT(differing(Features(other_word, 1)), 10u);
  EXPECT_GT(differing(Features(other_tag, 1)), 10u);
}

TEST(ParserFeatures, EmptyXposFallsBackToUpos) {
  SentenceAtoms a, b;
  a.Init(1);
  b.Init(1);
  a.Set(1, "x", "NOUN", "");
  b.Set(1, "x", "NOUN", "NOUN");
  EXPECT_EQ(a.tag[1], b.tag[1]);
  EXPECT_NE(a.tag[1], a.tag[0]);
}

}  // namespace
}  // namespace parley::syntax
