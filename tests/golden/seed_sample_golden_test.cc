// Golden tests of the text stage: the shared seed news page (expected values written by
// reading the file) and the repository's own sample through the `parley segment` CLI.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden_test_util.h"
#include "parley/text/text_pipeline.h"

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";
const std::string kSeed =
    std::string(PARLEY_SHARED_DATA) + "/samples/news-2021-12-03-biden-putin.txt";

using golden::ReadFile;

std::string ZoneText(const Document& doc, ZoneKind kind) {
  for (const Zone& z : doc.zones) {
    if (z.kind == kind) return doc.body.substr(z.span.begin, z.span.size());
  }
  return "";
}

TEST(SeedSampleGolden, CleansAndSplitsTheBidenPutinPage) {
  if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << "shared seed sample not found: " << kSeed;
  const TextPipeline pipeline(kRules);
  Document doc;
  doc.body = ReadFile(kSeed);
  pipeline.Process(&doc);

  EXPECT_EQ(doc.date, "2021-12-03");
  EXPECT_EQ(doc.title, "Biden to propose new US-Russia relationship to Putin");
  EXPECT_EQ(ZoneText(doc, ZoneKind::kMetadata), "date 2021-12-03");
  EXPECT_EQ(ZoneText(doc, ZoneKind::kTimestamp), "3 Dec, 2021 21:46");
  EXPECT_EQ(ZoneText(doc, ZoneKind::kCaption),
            "File photo: US President Joe Biden and Russian President Vladimir Putin meet at "
            "Villa La Grange in Geneva, Switzerland, June 16, 2021.");
  EXPECT_EQ(ZoneText(doc, ZoneKind::kCredit),
            "\xC2\xA9\xC2\xA0 REUTERS/Denis Balibouse/Pool");
  // The interface-label line is boilerplate, and no text zone holds any of it.
  const std::string boilerplate = ZoneText(doc, ZoneKind::kBoilerplate);
  EXPECT_EQ(boilerplate.rfind("icon bookmark-bicon", 0), 0u);
  EXPECT_TRUE(boilerplate.ends_with("wticon fm"));
  for (const Zone& z : doc.zones) {
    if (z.kind != ZoneKind::kText) continue;
    EXPECT_EQ(doc.body.substr(z.span.begin, z.span.size()).find("icon"), std::string::npos);
  }

  const std::vector<std::string> expected = {
      "US President Joe Biden will soon tell his Russian counterpart Vladimir Putin that "
      "Washington wants a more predictable relationship with Moscow, top American diplomat "
      "Antony Blinken has revealed in an interview.",
      "Biden is expected to speak with Putin in the \xE2\x80\x9Cnear future,\xE2\x80\x9D Blinken "
      "told Reuters on Friday, and will tell the Russian leader the US will stand up to any "
      "\xE2\x80\x9Creckless or aggressive\xE2\x80\x9D actions by Russia.",
      "However, the top US diplomat and long-time Biden foreign policy adviser said that the "
      "White House is looking for a more stable and predictable relationship with the Kremlin.",
      "\xE2\x80\x9CThere are areas where we have overlapping interests and we should be able to "
      "work together if we can have some stability and predictability in the relationship.",
      "Russia\xE2\x80\x99s actions and the threat of further aggression against Ukraine moves in "
      "exactly the opposite direction,\xE2\x80\x9D Blinken said.",
      "Moscow has categorically denied US accusations of \xE2\x80\x9C" "aggression\xE2\x80\x9D "
      "against Ukraine.",
      "Blinken has just returned from a trip to Europe, where he met with his Russian "
      "counterpart Sergey Lavrov.",
      "One of the topics on their agenda was the upcoming summit between Putin and Biden, which "
      "is still being arranged.",
      "The two leaders last met in Geneva, Switzerland in June.",
      "They did not hold a joint press conference after the summit.",
  };
  std::vector<std::string> got;
  for (const Sentence& s : doc.sentences) got.push_back(doc.body.substr(s.span.begin, s.span.size()));
  EXPECT_EQ(got, expected);
  for (const Sentence& s : doc.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_EQ(doc.body.substr(t.span.begin, t.span.size()), t.form);
    }
  }
}

// Runs the CLI from the source tree so that ids and origins are the relative path.
TEST(NewsSampleGolden, SegmentOutputMatchesGoldenFile) {
  const std::string source = PARLEY_SOURCE_DIR;
  int status = -1;
  const std::string output = golden::RunParley("segment samples/news-sample.txt", &status);
  ASSERT_EQ(status, 0);
  const std::string expected = ReadFile(source + "/tests/golden/news-sample.segment.jsonl");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(nlohmann::json::parse(output), nlohmann::json::parse(expected));
}

}  // namespace
}  // namespace parley::text
