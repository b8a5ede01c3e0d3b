#include "parley/syntax/model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <algorithm>
#include <atomic>
#include <sstream>
#include <thread>

#include "parley/error.h"
#include "parley/syntax/model_file.h"
#include "parley/syntax/syntax_eval.h"
#include "parley/syntax/syntax_trainer.h"
#include "syntax_test_util.h"

namespace parley::syntax {
namespace {

// A small model trained from the tiny treebank, shared by the tests of this file.
const std::string& TinyModelBytes() {
  static const std::string bytes = [] {
    SyntaxTrainOptions options;
    options.tagger.epochs = 6;
    options.parser.epochs = 6;
    options.jackknife_folds = 2;
    options.provenance = "tiny test model";
    std::ostringstream log;
    auto sentences = testing::TinyTreebank();
    return TrainSyntaxModel(sentences, sentences, options, log).Serialize();
  }();
  return bytes;
}

text::Sentence MakeSentence(const std::vector<std::string>& words) {
  text::Sentence sentence;
  for (const std::string& w : words) {
    text::Token t;
    t.form = w;
    sentence.tokens.push_back(t);
  }
  return sentence;
}

std::string ErrorOf(std::string_view bytes) {
  try {
    (void)SyntaxModel::FromBytes(bytes, "tiny.model");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SyntaxModel, LoadsAndAnnotatesEveryField) {
  SyntaxModel model = SyntaxModel::FromBytes(TinyModelBytes(), "tiny.model");
  EXPECT_EQ(model.provenance(), "tiny test model");
  ASSERT_NE(model.parser(), nullptr);
  std::vector<std::string> words = {"The", "ministers", "met", "in", "Geneva", "."};
  text::Sentence sentence = MakeSentence(words);
  Workspace ws;
  model.Annotate(&sentence, &ws);
  int roots = 0;
  for (const text::Token& t : sentence.tokens) {
    EXPECT_FALSE(t.upos.empty());
    EXPECT_FALSE(t.xpos.empty());
    EXPECT_FALSE(t.lemma.empty());
    EXPECT_FALSE(t.deprel.empty());
    EXPECT_GE(t.head, 0);
    EXPECT_LE(t.head, static_cast<int32_t>(words.size()));
    roots += t.head == 0;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(sentence.tokens[1].lemma, "minister");
  EXPECT_EQ(sentence.tokens[2].lemma, "meet");
  EXPECT_EQ(sentence.tokens[2].head, 0);
  EXPECT_EQ(sentence.tokens[1].deprel, "nsubj");
  EXPECT_EQ(sentence.tokens[1].head, 3);
  EXPECT_EQ(model.RunSelfTest(), "");
}

TEST(SyntaxModel, SerializationIsDeterministicAndStable) {
  SyntaxModel model = SyntaxModel::FromBytes(TinyModelBytes(), "tiny.model");
  EXPECT_EQ(model.Serialize(), TinyModelBytes());
  std::string path = (std::filesystem::temp_directory_path() / "parley_tiny_model_test.model");
  model.Save(path);
  SyntaxModel reloaded = SyntaxModel::Load(path);
  EXPECT_EQ(reloaded.Serialize(), TinyModelBytes());
  std::filesystem::remove(path);
}

TEST(SyntaxModel, DamagedFilesFailWithClearMessages) {
  const std::string& good = TinyModelBytes();
  EXPECT_NE(ErrorOf(good.substr(0, good.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(ErrorOf(good + "!").find("trailing bytes"), std::string::npos);
  std::string newer = good;
  const uint32_t version = kModelFormatVersion + 1;
  std::memcpy(newer.data() + 8, &version, 4);
  EXPECT_NE(ErrorOf(newer).find("not supported"), std::string::npos);
  EXPECT_NE(ErrorOf("hello").find("bad magic"), std::string::npos);
  EXPECT_THROW((void)SyntaxModel::Load("/nonexistent/parley.model"), Error);
}

// Rebuilds the file with one section replaced.
std::string ReplaceSection(const std::string& bytes, const std::string& tag,
                           const SectionWriter& replacement) {
  ModelFileReader file = ModelFileReader::FromBytes(bytes, "tiny.model");
  ModelFileWriter writer;
  for (const char* t : {"META", "TAGR", "LEMM", "PARS", "TEST"}) {
    if (t == tag) {
      writer.Add(t, replacement);
      continue;
    }
    SectionReader in = file.Section(t);
    std::string raw(in.remaining(), '\0');
    for (char& c : raw) c = static_cast<char>(in.U8());
    writer.Add(t, raw);
  }
  return writer.Serialize();
}

TEST(SyntaxModel, SelfTestMismatchIsRejected) {
  SectionWriter test;
  test.U32(1);
  test.U32(2);
  test.Str("Soldiers");
  test.Str("VERB VB soldier 0 root");  // not what the model says
  test.Str("fired");
  test.Str("VERB VBD fire 0 root");
  std::string message = ErrorOf(ReplaceSection(TinyModelBytes(), "TEST", test));
  EXPECT_NE(message.find("self-test failed"), std::string::npos) << message;
  EXPECT_NE(message.find("Soldiers"), std::string::npos) << message;
}

TEST(SyntaxModel, FeatureVersionMismatchIsRejected) {
  SectionWriter meta;
  meta.U32(kTaggerFeatureVersion + 1);
  std::string message = ErrorOf(ReplaceSection(TinyModelBytes(), "META", meta));
  EXPECT_NE(message.find("feature version"), std::string::npos) << message;
}

TEST(SyntaxModel, ExtraBytesInASectionAreRejected) {
  ModelFileReader file = ModelFileReader::FromBytes(TinyModelBytes(), "tiny.model");
  SectionReader in = file.Section("LEMM");
  SectionWriter lemm;
  while (!in.AtEnd()) lemm.U8(in.U8());
  lemm.U8(0);
  std::string message = ErrorOf(ReplaceSection(TinyModelBytes(), "LEMM", lemm));
  EXPECT_NE(message.find("unexpected bytes"), std::string::npos) << message;
}

TEST(SyntaxModel, ManyThreadsShareOneModel) {
  SyntaxModel model = SyntaxModel::FromBytes(TinyModelBytes(), "tiny.model");
  std::vector<std::string> words = {"Leaders", "will", "meet", "in", "Paris", "."};
  text::Sentence reference = MakeSentence(words);
  Workspace ws;
  model.Annotate(&reference, &ws);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      Workspace local;
      for (int i = 0; i < 200; ++i) {
        text::Sentence s = MakeSentence(words);
        model.Annotate(&s, &local);
        for (size_t k = 0; k < words.size(); ++k) {
          if (s.tokens[k].head != reference.tokens[k].head ||
              s.tokens[k].xpos != reference.tokens[k].xpos) {
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// ---- The shipped model ----

std::string ShippedModelPath() { return std::string(PARLEY_SOURCE_DIR) + "/models/en-ewt.model"; }

TEST(SyntaxModelSlow, MeetsFloorsOnEwtTest) {
  const std::string test_path = std::string(PARLEY_SHARED_DATA) +
                                "/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(ShippedModelPath())) GTEST_SKIP() << "no models/en-ewt.model";
  if (!std::filesystem::exists(test_path)) GTEST_SKIP() << "no ../shared data: " << test_path;
  SyntaxModel model = SyntaxModel::Load(ShippedModelPath());
  SyntaxScores scores = EvaluateGoldTokenized(model, text::ReadConlluFile(test_path));
  SCOPED_TRACE(scores.Summary());
  EXPECT_GE(scores.F1(scores.upos), 94.5);
  EXPECT_GE(scores.F1(scores.uas), 85.0);
  EXPECT_GE(scores.F1(scores.las), 82.0);
}

struct Expected {
  const char* word;
  const char* head_word;
  const char* deprel;
};

void CheckArcs(const SyntaxModel& model, const std::vector<std::string>& words,
               const std::vector<Expected>& expected) {
  text::Sentence sentence = MakeSentence(words);
  Workspace ws;
  model.Annotate(&sentence, &ws);
  std::ostringstream parse;
  for (size_t i = 0; i < words.size(); ++i) {
    parse << i + 1 << ":" << words[i] << "/" << sentence.tokens[i].xpos << "->"
          << sentence.tokens[i].head << ":" << sentence.tokens[i].deprel << " ";
  }
  SCOPED_TRACE(parse.str());
  for (const Expected& e : expected) {
    size_t i = std::find(words.begin(), words.end(), e.word) - words.begin();
    size_t h = std::find(words.begin(), words.end(), e.head_word) - words.begin();
    ASSERT_LT(i, words.size());
    EXPECT_EQ(sentence.tokens[i].head, static_cast<int32_t>(h + 1)) << e.word;
    EXPECT_EQ(sentence.tokens[i].deprel, e.deprel) << e.word;
  }
}

TEST(SyntaxModelGolden, NewsSentencesGetSubjectObjectAndOblique) {
  if (!std::filesystem::exists(ShippedModelPath())) GTEST_SKIP() << "no models/en-ewt.model";
  SyntaxModel model = SyntaxModel::Load(ShippedModelPath());
  CheckArcs(model,
            {"Biden", "is", "expected", "to", "speak", "with", "Putin", "in", "the", "near",
             "future", "."},
            {{"Biden", "expected", "nsubj:pass"},
             {"speak", "expected", "xcomp"},
             {"Putin", "speak", "obl"},
             {"future", "speak", "obl"}});
  CheckArcs(model,
            {"Moscow", "has", "categorically", "denied", "US", "accusations", "of", "\"",
             "aggression", "\"", "against", "Ukraine", "."},
            {{"Moscow", "denied", "nsubj"},
             {"accusations", "denied", "obj"},
             {"aggression", "accusations", "nmod"}});
}

}  // namespace
}  // namespace parley::syntax
