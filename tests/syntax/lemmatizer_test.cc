#include "parley/syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include "parley/error.h"
#include "parley/syntax/lemmatizer_trainer.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {
namespace {

struct Triple {
  const char* form;
  const char* xpos;
  const char* lemma;
};

// A small hand-made training lexicon: regular patterns seen several times, and irregulars.
Lemmatizer TrainOn(const std::vector<Triple>& triples) {
  text::ConlluSentence sentence;
  for (const Triple& t : triples) {
    text::ConlluWord w;
    w.form = t.form;
    w.xpos = t.xpos;
    w.lemma = t.lemma;
    sentence.words.push_back(w);
  }
  return TrainLemmatizer({sentence});
}

const std::vector<Triple> kTraining = {
    {"ministers", "NNS", "minister"}, {"reports", "NNS", "report"},   {"talks", "NNS", "talk"},
    {"cities", "NNS", "city"},        {"countries", "NNS", "country"}, {"parties", "NNS", "party"},
    {"attacked", "VBD", "attack"},    {"signed", "VBD", "sign"},      {"visited", "VBD", "visit"},
    {"denied", "VBD", "deny"},        {"carried", "VBD", "carry"},    {"went", "VBD", "go"},
    {"fled", "VBD", "flee"},          {"men", "NNS", "man"},          {"The", "DT", "the"},
    {"the", "DT", "the"},             {"Paris", "NNP", "Paris"},      {"London", "NNP", "London"},
    {"was", "VBD", "be"},             {"meeting", "VBG", "meet"},     {"talking", "VBG", "talk"},
    {"Americans", "NNPS", "American"}, {"Russians", "NNPS", "Russian"},
};

TEST(Lemmatizer, RuleForAndApplyRoundTrip) {
  struct Case {
    const char* form;
    const char* lemma;
  } cases[] = {{"cities", "city"}, {"went", "go"},  {"The", "the"},       {"Paris", "Paris"},
               {"ran", "run"},     {"a", "a"},      {"Americans", "American"}, {"", ""}};
  for (const Case& c : cases) {
    LemmaRule rule = Lemmatizer::RuleFor(c.form, c.lemma);
    std::string out;
    Lemmatizer::Apply(rule, c.form, &out);
    EXPECT_EQ(out, c.lemma) << c.form;
  }
  EXPECT_TRUE(Lemmatizer::RuleFor("The", "the").lower);
  EXPECT_FALSE(Lemmatizer::RuleFor("Paris", "Paris").lower);
}

TEST(Lemmatizer, ExceptionsAndSuffixRules) {
  Lemmatizer lemmatizer = TrainOn(kTraining);
  struct Case {
    const char* form;
    const char* xpos;
    const char* lemma;
  } cases[] = {
      {"went", "VBD", "go"},            // irregular, from the exception lexicon
      {"men", "NNS", "man"},            // irregular plural
      {"The", "DT", "the"},             // lower-cased determiner
      {"armies", "NNS", "army"},        // unseen: -ies -> -y
      {"journalists", "NNS", "journalist"},  // unseen: -s -> ""
      {"Berlin", "NNP", "Berlin"},      // unseen proper noun keeps its case
      {"Germans", "NNPS", "German"},    // unseen plural proper noun
      {"talking", "VBG", "talk"},       // seen
      {"Talking", "VBG", "talk"},       // capitalised form of a seen word
      {"walking", "VBG", "walk"},       // unseen: -ing -> ""
      {"xyz", "SYM", "xyz"},            // unknown tag: the form itself
  };
  std::string scratch, lemma;
  for (const auto& c : cases) {
    lemmatizer.Lemmatize(c.form, "", c.xpos, &scratch, &lemma);
    EXPECT_EQ(lemma, c.lemma) << c.form << " " << c.xpos;
  }
}

TEST(Lemmatizer, SaveLoadRoundTripAndTruncation) {
  Lemmatizer lemmatizer = TrainOn(kTraining);
  SectionWriter out;
  lemmatizer.Save(&out);
  SectionReader in(out.bytes(), "m", "LEMM");
  Lemmatizer loaded = Lemmatizer::Load(&in);
  EXPECT_TRUE(in.AtEnd());
  std::string scratch, a, b;
  for (const Triple& t : kTraining) {
    lemmatizer.Lemmatize(t.form, "", t.xpos, &scratch, &a);
    loaded.Lemmatize(t.form, "", t.xpos, &scratch, &b);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, t.lemma);
  }
  SectionReader truncated(std::string_view(out.bytes()).substr(0, out.bytes().size() - 2), "m",
                          "LEMM");
  EXPECT_THROW((void)Lemmatizer::Load(&truncated), Error);
}

}  // namespace
}  // namespace parley::syntax
