// Document context on the team-written gold documents (tests/golden/context): coreference,
// time expressions, places and the events' dates and places keep their floors. The floors
// sit a little under today's scores (docs/ACCURACY.md, "Document context"); they are raised as
// the context improves, never lowered to make a change pass.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "golden_test_util.h"
#include "parley/coding/context_eval.h"
#include "parley/coding/pipeline.h"

namespace parley::coding {
namespace {

const std::string kSource = PARLEY_SOURCE_DIR;

TEST(ContextGolden, FloorsOnTheTeamDocuments) {
  std::vector<GoldContextDocument> gold;
  for (const auto& item : std::filesystem::directory_iterator(kSource + "/tests/golden/context")) {
    if (item.path().extension() != ".txt") continue;
    std::vector<GoldContextDocument> part =
        ReadGoldContext(item.path().string(), golden::ReadFile(item.path().string()));
    gold.insert(gold.end(), part.begin(), part.end());
  }
  ASSERT_GE(gold.size(), 40u);
  auto pipeline = Pipeline::Load(PipelineOptions{});
  const ContextScore score = ScoreContext(*pipeline, gold);
  EXPECT_GE(score.resolve.total, 300u);
  EXPECT_GE(score.time.total, 100u);
  EXPECT_GE(score.place.total, 100u);
  EXPECT_GE(score.resolve.Accuracy(), 0.72);
  EXPECT_GE(score.time.Accuracy(), 0.93);
  EXPECT_GE(score.place.Accuracy(), 0.82);
  EXPECT_GE(score.place_given.Accuracy(), 0.95);
  EXPECT_GE(score.noplace.Accuracy(), 0.95);
  EXPECT_GE(score.event.Accuracy(), 0.38);
}

// Without the document context, the same documents lose what it brings: the resolutions and
// the event dates are what the context adds.
TEST(ContextGolden, TheContextIsWhatResolves) {
  std::vector<GoldContextDocument> gold = ReadGoldContext(
      "a01", golden::ReadFile(kSource + "/tests/golden/context/a01_geneva_summit.txt"));
  ASSERT_EQ(gold.size(), 1u);
  PipelineOptions off;
  off.coreference = false;
  off.event_dates = false;
  off.gazetteer_path = "none";
  auto plain = Pipeline::Load(off);
  const ContextScore without = ScoreContext(*plain, gold);
  EXPECT_EQ(without.resolve.correct, 0u);
  EXPECT_EQ(without.place.correct, 0u);
  auto full = Pipeline::Load(PipelineOptions{});
  const ContextScore with = ScoreContext(*full, gold);
  EXPECT_GT(with.resolve.correct, 3u);
  EXPECT_GT(with.place.correct, 0u);
}

TEST(ContextGolden, MalformedGoldFilesNameTheLine) {
  EXPECT_THROW(
      {
        try {
          (void)ReadGoldContext("x.txt",
                                "doc: d\ndate: 2021-01-01\ntext:\nHe left.\nexpect:\n"
                                "resolve: She => USAGOV <- Biden\n");
        } catch (const std::exception& e) {
          EXPECT_NE(std::string(e.what()).find("x.txt:6"), std::string::npos) << e.what();
          throw;
        }
      },
      std::exception);
  EXPECT_THROW((void)ReadGoldContext("y.txt", "doc: d\ntext:\nno expect line\n"), std::exception);
}

}  // namespace
}  // namespace parley::coding
