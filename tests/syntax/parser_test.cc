#include "parley/syntax/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parley/error.h"
#include "parley/syntax/model_file.h"
#include "parley/syntax/parser_trainer.h"
#include "parley/syntax/projectivize.h"
#include "parley/text/conllu.h"

namespace parley::syntax {
namespace {

const std::string kTinyPath = std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/parser_tiny.conllu";

// Sentences as the pipeline hands them to the parser: forms and tags, no tree.
std::vector<text::Sentence> AsSentences(const std::vector<text::ConlluSentence>& conllu) {
  std::vector<text::Sentence> out;
  for (const text::ConlluSentence& s : conllu) {
    text::Sentence sentence;
    for (const text::ConlluWord& w : s.words) {
      text::Token t;
      t.form = w.form;
      t.upos = w.upos;
      t.xpos = w.xpos;
      sentence.tokens.push_back(t);
    }
    out.push_back(std::move(sentence));
  }
  return out;
}

// A parser trained on the tiny fixture, shared by the tests below (training takes a moment).
const DependencyParser& TinyParser() {
  static const DependencyParser parser = [] {
    const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
    ParserTrainOptions options;
    options.epochs = 12;
    options.min_lifted_label_count = 1;  // each lifted label occurs once in the fixture
    std::ostringstream log;
    return TrainParser(tiny, tiny, options, log);
  }();
  return parser;
}

std::string Serialize(const DependencyParser& parser) {
  SectionWriter out;
  parser.Save(&out);
  return out.bytes();
}

TEST(DependencyParser, LearnsTheTinyTrainingSet) {
  const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
  ParserTrainOptions options;
  options.epochs = 12;
  options.min_lifted_label_count = 1;
  std::ostringstream log;
  ParserTrainStats stats;
  const DependencyParser parser = TrainParser(tiny, tiny, options, log, &stats);
  EXPECT_EQ(stats.sentences_used, static_cast<int>(tiny.size()));
  EXPECT_EQ(stats.lifted_plain, 0);
  EXPECT_EQ(stats.trees_lifted, 2);  // tiny-05 and tiny-10
  EXPECT_EQ(stats.arcs_lifted, 2);
  EXPECT_NE(log.str().find("2 non-projective trees"), std::string::npos) << log.str();
  const AttachmentScore score = EvaluateParser(parser, tiny);
  // A perceptron with these features fits a dozen sentences (almost) perfectly, including the
  // two non-projective arcs recovered through their lifted labels.
  EXPECT_GE(score.Uas(), 95.0) << log.str();
  EXPECT_GE(score.Las(), 90.0) << log.str();
  EXPECT_GT(parser.num_lifted_labels(), 0);
}

TEST(DependencyParser, RareLiftedLabelsFallBackToPlainLabels) {
  const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
  ParserTrainOptions options;
  options.epochs = 1;
  options.min_lifted_label_count = 2;
  std::ostringstream log;
  ParserTrainStats stats;
  const DependencyParser parser = TrainParser(tiny, {}, options, log, &stats);
  EXPECT_EQ(stats.arcs_lifted, 2);
  EXPECT_EQ(stats.lifted_plain, 2);
  EXPECT_EQ(parser.num_lifted_labels(), 0);
}

TEST(DependencyParser, RecoversNonProjectiveArcsSeenInTraining) {
  const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
  std::vector<text::Sentence> sentences = AsSentences(tiny);
  ParserWorkspace ws;
  int non_projective_right = 0;
  for (size_t i = 0; i < tiny.size(); ++i) {
    if (tiny[i].sent_id != "tiny-05" && tiny[i].sent_id != "tiny-10") continue;
    TinyParser().Parse(&sentences[i], &ws);
    std::vector<int32_t> heads = {-1};
    for (const text::Token& t : sentences[i].tokens) heads.push_back(t.head);
    if (!IsProjective(heads)) ++non_projective_right;
  }
  EXPECT_EQ(non_projective_right, 2);
}

TEST(DependencyParser, ParseAlwaysYieldsASingleRootedTree) {
  // Unseen words, odd tag sequences, and a long sentence.
  std::vector<std::vector<std::pair<std::string, std::string>>> inputs = {
      {{"Zorblat", "PROPN"}},
      {{"of", "ADP"}, {"of", "ADP"}, {"of", "ADP"}},
      {{".", "PUNCT"}, {"The", "DET"}, {"the", "DET"}, {"!", "PUNCT"}},
  };
  std::vector<std::pair<std::string, std::string>> long_one;
  for (int i = 0; i < 200; ++i) long_one.push_back({i % 3 ? "word" : "and", i % 3 ? "NOUN" : "CCONJ"});
  inputs.push_back(long_one);
  ParserWorkspace ws;
  for (int beam : {1, 4}) {
    DependencyParser parser = TinyParser();
    parser.set_beam_width(beam);
    for (const auto& input : inputs) {
      text::Sentence s;
      for (const auto& [form, tag] : input) {
        text::Token t;
        t.form = form;
        t.upos = tag;
        s.tokens.push_back(t);
      }
      parser.Parse(&s, &ws);
      std::vector<int32_t> heads = {-1};
      int roots = 0;
      for (const text::Token& t : s.tokens) {
        heads.push_back(t.head);
        roots += t.head == 0;
        EXPECT_FALSE(t.deprel.empty());
        EXPECT_EQ(t.deprel.find(kLiftSeparator), std::string::npos);
        EXPECT_EQ(t.head == 0, t.deprel == "root");
      }
      EXPECT_EQ(roots, 1);
      EXPECT_TRUE(IsTree(heads));
    }
  }
}

TEST(DependencyParser, OneParserServesManyThreads) {
  const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
  std::vector<text::Sentence> expected = AsSentences(tiny);
  ParserWorkspace ws;
  for (text::Sentence& s : expected) TinyParser().Parse(&s, &ws);
  std::vector<std::vector<text::Sentence>> results(4, AsSentences(tiny));
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&result] {
      ParserWorkspace own;
      for (int round = 0; round < 50; ++round) {
        for (text::Sentence& s : result) TinyParser().Parse(&s, &own);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& result : results) {
    for (size_t i = 0; i < result.size(); ++i) {
      for (size_t t = 0; t < result[i].tokens.size(); ++t) {
        EXPECT_EQ(result[i].tokens[t].head, expected[i].tokens[t].head);
        EXPECT_EQ(result[i].tokens[t].deprel, expected[i].tokens[t].deprel);
      }
    }
  }
}

TEST(DependencyParser, EmptySentenceAndDefaultParserAreNoOps) {
  ParserWorkspace ws;
  text::Sentence empty;
  TinyParser().Parse(&empty, &ws);
  EXPECT_TRUE(empty.tokens.empty());
  text::Sentence one;
  one.tokens.emplace_back();
  one.tokens[0].form = "word";
  DependencyParser().Parse(&one, &ws);
  EXPECT_EQ(one.tokens[0].head, -1);
}

TEST(DependencyParser, SaveLoadRoundTripGivesIdenticalParses) {
  const std::string bytes = Serialize(TinyParser());
  SectionReader in(bytes, "test", "PARS");
  const DependencyParser loaded = DependencyParser::Load(&in);
  EXPECT_TRUE(in.AtEnd());
  EXPECT_EQ(Serialize(loaded), bytes);
  EXPECT_EQ(loaded.labels(), TinyParser().labels());

  const std::vector<text::ConlluSentence> tiny = text::ReadConlluFile(kTinyPath);
  std::vector<text::Sentence> a = AsSentences(tiny), b = AsSentences(tiny);
  ParserWorkspace ws;
  for (size_t i = 0; i < a.size(); ++i) {
    TinyParser().Parse(&a[i], &ws);
    loaded.Parse(&b[i], &ws);
    for (size_t t = 0; t < a[i].tokens.size(); ++t) {
      EXPECT_EQ(a[i].tokens[t].head, b[i].tokens[t].head);
      EXPECT_EQ(a[i].tokens[t].deprel, b[i].tokens[t].deprel);
    }
  }
}

TEST(DependencyParser, LoadRejectsTruncatedAndAlteredData) {
  const std::string bytes = Serialize(TinyParser());
  for (size_t cut : {size_t{0}, size_t{3}, size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    const std::string part = bytes.substr(0, cut);
    SectionReader in(part, "test", "PARS");
    EXPECT_THROW(DependencyParser::Load(&in), Error) << "cut at " << cut;
  }
  std::string wrong_version = bytes;
  wrong_version[4] = static_cast<char>(wrong_version[4] + 1);  // feature version
  SectionReader in(wrong_version, "test", "PARS");
  try {
    (void)DependencyParser::Load(&in);
    FAIL() << "a model with another feature version was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("feature version"), std::string::npos) << e.what();
  }
}

TEST(DependencyParser, ConstructorChecksLabelsAndWeights) {
  EXPECT_THROW(DependencyParser({"nsubj", "obj"}, ParserWeights()), Error);  // no root
  EXPECT_THROW(DependencyParser({"root", "obj", "obj"}, ParserWeights()), Error);
  EXPECT_THROW(DependencyParser({"root", "obj", "nmod|x"}, ParserWeights()), Error);  // no base
  ParserWeights three_classes(3, {42}, {0, 1}, {{0, 1.0f}});
  EXPECT_THROW(DependencyParser({"root", "obj"}, three_classes), Error);  // needs 5 classes
  EXPECT_NO_THROW(DependencyParser({"root", "obj"}, ParserWeights(5, {42}, {0, 1}, {{0, 1.0f}})));
}

TEST(ParserWeights, ScoresSparseRows) {
  const ParserWeights w(4, {7, 9}, {0, 2, 3}, {{0, 1.0f}, {3, -2.0f}, {1, 0.5f}});
  const uint64_t features[] = {7, 9, 9, 1234};
  float scores[4] = {0, 0, 0, 0};
  w.Score(features, 4, scores);
  EXPECT_FLOAT_EQ(scores[0], 1.0f);
  EXPECT_FLOAT_EQ(scores[1], 1.0f);
  EXPECT_FLOAT_EQ(scores[2], 0.0f);
  EXPECT_FLOAT_EQ(scores[3], -2.0f);
  EXPECT_THROW(ParserWeights(4, {7, 7}, {0, 1, 2}, {{0, 1.0f}, {1, 1.0f}}), Error);
}

// Needs ../shared: a short training run on part of UD English EWT must already parse the dev
// set well above a trivial baseline.
TEST(DependencyParserSlow, ShortTrainingOnEwtReachesReasonableAccuracy) {
  const std::string dir = std::string(PARLEY_SHARED_DATA) + "/ud-english-ewt/";
  if (!std::filesystem::exists(dir + "en_ewt-ud-train.conllu")) {
    GTEST_SKIP() << "UD English EWT not found under " << dir;
  }
  std::vector<text::ConlluSentence> train = text::ReadConlluFile(dir + "en_ewt-ud-train.conllu");
  const std::vector<text::ConlluSentence> dev = text::ReadConlluFile(dir + "en_ewt-ud-dev.conllu");
  train.resize(3000);
  ParserTrainOptions options;
  options.epochs = 2;
  std::ostringstream log;
  ParserTrainStats stats;
  const DependencyParser parser = TrainParser(train, dev, options, log, &stats);
  EXPECT_GT(stats.best_dev_uas, 78.0) << log.str();
  EXPECT_GT(stats.best_dev_las, 73.0) << log.str();
}

}  // namespace
}  // namespace parley::syntax
