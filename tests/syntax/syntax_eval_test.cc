#include "parley/syntax/syntax_eval.h"

#include <gtest/gtest.h>

#include <sstream>

namespace parley::syntax {
namespace {

EvalWord W(uint32_t begin, uint32_t end, const std::string& upos, int64_t head,
           const std::string& deprel) {
  EvalWord w;
  w.begin = begin;
  w.end = end;
  w.upos = upos;
  w.xpos = upos;
  w.lemma = upos;
  w.head = head;
  w.deprel = deprel;
  return w;
}

TEST(SyntaxEval, IdenticalWordsScorePerfect) {
  std::vector<EvalWord> gold = {W(0, 3, "NOUN", 1, "nsubj"), W(4, 8, "VERB", -1, "root")};
  SyntaxScores s = ScoreWords(gold, gold);
  EXPECT_EQ(s.aligned, 2u);
  EXPECT_DOUBLE_EQ(s.F1(s.upos), 100.0);
  EXPECT_DOUBLE_EQ(s.F1(s.las), 100.0);
  EXPECT_EQ(s.Summary(), "UPOS=100.00 XPOS=100.00 LEMMA=100.00 UAS=100.00 LAS=100.00");
}

TEST(SyntaxEval, TokenizationMismatchLowersBothPrecisionAndRecall) {
  // Gold: "New York" as two words; system: one token spanning both.
  std::vector<EvalWord> gold = {W(0, 3, "PROPN", 1, "compound"), W(4, 8, "PROPN", 2, "nsubj"),
                                W(9, 13, "VERB", -1, "root")};
  std::vector<EvalWord> system = {W(0, 8, "PROPN", 1, "nsubj"), W(9, 13, "VERB", -1, "root")};
  SyntaxScores s = ScoreWords(gold, system);
  EXPECT_EQ(s.aligned, 1u);
  EXPECT_EQ(s.upos, 1u);
  EXPECT_DOUBLE_EQ(s.F1(s.upos), 100.0 * 2 * 1 / 5);
  EXPECT_EQ(s.uas, 1u);  // the root
}

TEST(SyntaxEval, HeadsMustAlignAndLabelsCompareWithAndWithoutSubtypes) {
  std::vector<EvalWord> gold = {W(0, 1, "NOUN", 2, "nsubj:pass"), W(2, 3, "AUX", 2, "aux:pass"),
                                W(4, 5, "VERB", -1, "root")};
  std::vector<EvalWord> system = {W(0, 1, "NOUN", 2, "nsubj"), W(2, 3, "AUX", 0, "aux:pass"),
                                  W(4, 5, "VERB", -1, "root")};
  SyntaxScores s = ScoreWords(gold, system);
  EXPECT_EQ(s.uas, 2u);     // word 2's head is wrong
  EXPECT_EQ(s.las, 1u);     // word 1's full label is wrong
  EXPECT_EQ(s.las_ud, 2u);  // ...but its universal part is right
}

TEST(SyntaxEval, GoldTextGivesMultiwordPartsTheirOwnSpans) {
  std::istringstream in(
      "# text = I don't know.\n"
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "\n");
  text::ConlluStreamReader reader(in, "test");
  text::ConlluSentence sentence;
  std::string error;
  ASSERT_EQ(reader.Next(&sentence, &error), text::ConlluStreamReader::Status::kSentence) << error;
  std::string body;
  std::vector<EvalWord> words;
  BuildGoldText({sentence, sentence}, &body, &words);
  EXPECT_EQ(body, "I don't know. I don't know.");
  ASSERT_EQ(words.size(), 10u);
  EXPECT_EQ(body.substr(words[1].begin, words[1].end - words[1].begin), "do");
  EXPECT_EQ(body.substr(words[2].begin, words[2].end - words[2].begin), "n't");
  EXPECT_EQ(body.substr(words[8].begin, words[8].end - words[8].begin), "know");
  EXPECT_EQ(words[0].head, 3);
  EXPECT_EQ(words[8].head, -1);
  EXPECT_EQ(words[5].head, 8);  // second sentence's heads are offset
}

}  // namespace
}  // namespace parley::syntax
