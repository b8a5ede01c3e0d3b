#include "parley/text/segment_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

ConlluSentence MakeSentence(const std::string& text, const std::vector<std::string>& words) {
  ConlluSentence s;
  s.text = text;
  for (const std::string& w : words) {
    ConlluWord word;
    word.form = w;
    s.words.push_back(word);
  }
  return s;
}

TEST(SegmentEval, RebuildsTextAndGoldSpans) {
  ConlluSentence a = MakeSentence("I don't know.", {"I", "do", "n't", "know", "."});
  a.newdoc_id = "d1";
  a.newpar = true;
  a.multiwords.push_back({2, 3, "don't", true});
  ConlluSentence b = MakeSentence("Fine.", {"Fine", "."});
  ConlluSentence c = MakeSentence("New para.", {"New", "para", "."});
  c.newpar = true;
  const std::vector<GoldDocument> docs = BuildGoldDocuments({a, b, c});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "I don't know. Fine.\n\nNew para.");
  ASSERT_EQ(docs[0].tokens.size(), 10u);
  EXPECT_EQ(docs[0].tokens[1], (Span{2, 4}));  // "do"
  EXPECT_EQ(docs[0].tokens[2], (Span{4, 7}));  // "n't"
  EXPECT_EQ(docs[0].sentences, (std::vector<Span>{{0, 13}, {14, 19}, {21, 30}}));
}

TEST(SegmentEval, MultiwordTokensThatDoNotSpellTheirWordsCountAsSurface) {
  ConlluSentence a = MakeSentence("vámonos ya", {"vamos", "nos", "ya"});
  a.multiwords.push_back({1, 2, "vámonos", true});
  const std::vector<GoldDocument> docs = BuildGoldDocuments({a});
  ASSERT_EQ(docs[0].tokens.size(), 2u);
  EXPECT_EQ(docs[0].tokens[0], (Span{0, 8}));
}

TEST(SegmentEval, ScoresExactSpanMatches) {
  const Segmenter segmenter(kRules);
  const ConlluSentence a = MakeSentence("He left.", {"He", "left", "."});
  const ConlluSentence b = MakeSentence("She stayed.", {"She", "stayed", "."});
  const SegmentEvaluation perfect = EvaluateSegmentation(BuildGoldDocuments({a, b}), segmenter);
  EXPECT_EQ(perfect.tokens.correct, 6u);
  EXPECT_DOUBLE_EQ(perfect.tokens.F1(), 1.0);
  EXPECT_DOUBLE_EQ(perfect.sentences.F1(), 1.0);

  // A gold split the segmenter cannot see (no punctuation) costs one sentence each way.
  ConlluSentence c = MakeSentence("hello there", {"hello", "there"});
  ConlluSentence d = MakeSentence("bye now", {"bye", "now"});
  const SegmentEvaluation missed = EvaluateSegmentation(BuildGoldDocuments({c, d}), segmenter);
  EXPECT_EQ(missed.sentences.gold, 2u);
  EXPECT_EQ(missed.sentences.system, 1u);
  EXPECT_EQ(missed.sentences.correct, 0u);
  EXPECT_DOUBLE_EQ(missed.tokens.F1(), 1.0);
}

}  // namespace
}  // namespace parley::text
