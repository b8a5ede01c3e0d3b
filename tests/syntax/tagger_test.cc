#include "parley/syntax/tagger.h"

#include <gtest/gtest.h>

#include <sstream>

#include "parley/error.h"
#include "parley/syntax/model_file.h"
#include "parley/syntax/tagger_trainer.h"
#include "syntax_test_util.h"

namespace parley::syntax {
namespace {

Tagger TrainTiny(uint64_t seed = 1) {
  TaggerTrainOptions options;
  options.epochs = 8;
  options.seed = seed;
  std::ostringstream log;
  return TrainTagger(testing::TinyTreebank(), {}, options, log);
}

std::vector<std::string> TagXpos(const Tagger& tagger, const std::vector<std::string>& words) {
  std::vector<std::string_view> forms(words.begin(), words.end());
  TaggerWorkspace ws;
  tagger.TagForms(forms, &ws);
  std::vector<std::string> out;
  for (int32_t c : ws.classes) out.push_back(tagger.classes()[static_cast<size_t>(c)].xpos);
  return out;
}

TEST(Tagger, LearnsItsTrainingSentences) {
  Tagger tagger = TrainTiny();
  TagAccuracy acc = EvaluateTagger(tagger, testing::TinyTreebank());
  EXPECT_GE(acc.upos, 0.98);
  EXPECT_GE(acc.xpos, 0.98);
}

TEST(Tagger, GeneralisesFromSuffixesAndContext) {
  Tagger tagger = TrainTiny();
  // "rumours" and "embassies" do not occur in the ten training sentences; their plural
  // suffix and the determiner before them must carry the decision.
  std::vector<std::string> got =
      TagXpos(tagger, {"The", "government", "denied", "the", "rumours", "."});
  EXPECT_EQ(got[2], "VBD");
  EXPECT_EQ(got[4], "NNS");
  got = TagXpos(tagger, {"Soldiers", "fired", "at", "the", "embassies", "."});
  EXPECT_EQ(got[4], "NNS");
}

TEST(Tagger, TagsSentenceTokensInPlace) {
  Tagger tagger = TrainTiny();
  std::string text = "Soldiers fired shots .";
  text::Sentence sentence;
  for (std::string_view w : {std::string_view(text).substr(0, 8), std::string_view(text).substr(9, 5),
                             std::string_view(text).substr(15, 5), std::string_view(text).substr(21, 1)}) {
    text::Token t;
    t.form = w;
    sentence.tokens.push_back(t);
  }
  TaggerWorkspace ws;
  tagger.Tag(&sentence, &ws);
  EXPECT_EQ(sentence.tokens[0].upos, "NOUN");
  EXPECT_EQ(sentence.tokens[1].xpos, "VBD");
  EXPECT_EQ(sentence.tokens[3].upos, "PUNCT");
}

TEST(Tagger, EmptySentenceIsFine) {
  Tagger tagger = TrainTiny();
  TaggerWorkspace ws;
  tagger.TagForms({}, &ws);
  EXPECT_TRUE(ws.classes.empty());
}

TEST(Tagger, TrainingIsDeterministicAndSaveLoadRoundTrips) {
  SectionWriter a, b;
  TrainTiny(7).Save(&a);
  TrainTiny(7).Save(&b);
  EXPECT_EQ(a.bytes(), b.bytes());

  SectionReader in(a.bytes(), "tiny", "TAGR");
  Tagger loaded = Tagger::Load(&in);
  EXPECT_TRUE(in.AtEnd());
  Tagger original = TrainTiny(7);
  std::vector<std::string> words = {"Officials", "denied", "the", "reports", "."};
  EXPECT_EQ(TagXpos(loaded, words), TagXpos(original, words));
}

TEST(Tagger, LoadRejectsTruncatedSection) {
  SectionWriter out;
  TrainTiny().Save(&out);
  for (size_t cut : {size_t{0}, size_t{3}, out.bytes().size() / 2, out.bytes().size() - 1}) {
    SectionReader in(std::string_view(out.bytes()).substr(0, cut), "tiny", "TAGR");
    EXPECT_THROW((void)Tagger::Load(&in), Error) << cut;
  }
}

}  // namespace
}  // namespace parley::syntax
