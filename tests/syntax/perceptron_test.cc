#include "parley/syntax/perceptron.h"

#include <gtest/gtest.h>

#include <vector>

#include "parley/error.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {
namespace {

TEST(Perceptron, LearnsSeparableClasses) {
  // Class = which of three marker features is present; a shared bias feature is noise.
  Perceptron model(3);
  const uint64_t bias = FeatureHash(0, "bias");
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int truth = 0; truth < 3; ++truth) {
      uint64_t features[2] = {bias, FeatureHash(1, std::string(1, static_cast<char>('a' + truth)))};
      float scores[3] = {0, 0, 0};
      model.Score(features, 2, scores);
      model.Update(features, 2, truth, model.Best(scores));
    }
  }
  model.Average();
  for (int truth = 0; truth < 3; ++truth) {
    uint64_t features[2] = {bias, FeatureHash(1, std::string(1, static_cast<char>('a' + truth)))};
    float scores[3] = {0, 0, 0};
    model.Score(features, 2, scores);
    EXPECT_EQ(model.Best(scores), truth);
  }
}

TEST(Perceptron, AveragesOverAllDecisions) {
  Perceptron model(2);
  const uint64_t f = 77;
  model.Update(&f, 1, 0, 1);  // clock 1: w = (+1, -1)
  model.Update(&f, 1, 0, 0);  // clock 2: no change
  model.Update(&f, 1, 1, 0);  // clock 3: w = (0, 0)
  model.Update(&f, 1, 1, 1);  // clock 4: no change
  model.Average();
  float scores[2] = {0, 0};
  model.Score(&f, 1, scores);
  // (+1,-1) was in force after decisions 1 and 2, (0,0) after 3 and 4: average (0.5, -0.5).
  EXPECT_FLOAT_EQ(scores[0], 0.5f);
  EXPECT_FLOAT_EQ(scores[1], -0.5f);
}

TEST(Perceptron, UnknownFeaturesAddNothingAndTableGrows) {
  Perceptron model(4);
  std::vector<uint64_t> features;
  for (uint64_t i = 0; i < 5000; ++i) features.push_back(HashCombine(i, 3));
  model.Update(features.data(), features.size(), 2, 1);
  EXPECT_EQ(model.num_features(), 5000u);
  model.Average();
  float scores[4] = {0, 0, 0, 0};
  const uint64_t unknown = 123456789;
  model.Score(&unknown, 1, scores);
  for (float s : scores) EXPECT_EQ(s, 0.0f);
  model.Score(features.data(), features.size(), scores);
  EXPECT_FLOAT_EQ(scores[2], 5000.0f);
  EXPECT_FLOAT_EQ(scores[1], -5000.0f);
}

TEST(Perceptron, SaveLoadRoundTripAndPrune) {
  Perceptron model(3);
  const uint64_t strong[2] = {1, 2};
  const uint64_t weak = 0;  // key 0 is remapped internally
  for (int i = 0; i < 10; ++i) model.Update(strong, 2, 0, 2);
  model.Tick();
  model.AddWeight(&weak, 1, 1, 0.001f);
  model.Average();
  SectionWriter out;
  model.Save(&out);
  SectionReader in(out.bytes(), "m", "PCPT");
  Perceptron loaded = Perceptron::Load(&in);
  EXPECT_TRUE(in.AtEnd());
  for (uint64_t f : {uint64_t{1}, uint64_t{2}, uint64_t{0}}) {
    float a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
    model.Score(&f, 1, a);
    loaded.Score(&f, 1, b);
    for (int c = 0; c < 3; ++c) EXPECT_EQ(a[c], b[c]);
  }
  SectionWriter pruned;
  model.Save(&pruned, 0.01f);
  SectionReader pin(pruned.bytes(), "m", "PCPT");
  EXPECT_EQ(Perceptron::Load(&pin).num_features(), 2u);
}

TEST(Perceptron, LoadRejectsTruncatedAndBadData) {
  Perceptron model(3);
  const uint64_t f[1] = {9};
  model.Update(f, 1, 0, 1);
  model.Average();
  SectionWriter out;
  model.Save(&out);
  const std::string& bytes = out.bytes();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    SectionReader in(std::string_view(bytes).substr(0, cut), "m", "PCPT");
    EXPECT_THROW((void)Perceptron::Load(&in), Error) << cut;
  }
  std::string bad_class = bytes;
  bad_class[4 + 8 + 8 + 4] = 9;  // first class index -> 9 >= 3
  SectionReader in(bad_class, "m", "PCPT");
  EXPECT_THROW((void)Perceptron::Load(&in), Error);
}

}  // namespace
}  // namespace parley::syntax
