#include "parley/text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

std::vector<std::string> Split(const Segmenter& segmenter, const std::string& text) {
  std::vector<Sentence> sentences;
  segmenter.SegmentSpan(text, {0, static_cast<uint32_t>(text.size())}, &sentences);
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.push_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> sentences;
};

TEST(Segmenter, SplitsAtSentenceEndsOnly) {
  const Segmenter segmenter(kRules);
  const std::vector<Case> cases = {
      {"The two leaders last met in Geneva, Switzerland in June. They did not meet again.",
       {"The two leaders last met in Geneva, Switzerland in June.", "They did not meet again."}},
      {"U.S. Gen. Mark Milley met Mr. Smith on Jan. 5. The talks ended.",
       {"U.S. Gen. Mark Milley met Mr. Smith on Jan. 5.", "The talks ended."}},
      {"Troops left the U.S. The war ended.", {"Troops left the U.S.", "The war ended."}},
      {"The U.S. Army said so.", {"The U.S. Army said so."}},
      {"Prices rose 1.5 percent. Analysts were surprised.",
       {"Prices rose 1.5 percent.", "Analysts were surprised."}},
      {"He met J. R. Smith at St. Paul's.", {"He met J. R. Smith at St. Paul's."}},
      {"\xE2\x80\x9CWe will act.\xE2\x80\x9D Blinken said so.",
       {"\xE2\x80\x9CWe will act.\xE2\x80\x9D", "Blinken said so."}},
      {"\"Why?\" he asked. Nobody knew.", {"\"Why?\" he asked.", "Nobody knew."}},
      {"Is it over? Yes! It is.", {"Is it over?", "Yes!", "It is."}},
      {"(He left.) Then she spoke.", {"(He left.)", "Then she spoke."}},
      {"Apples, pears, etc. are fruit.", {"Apples, pears, etc. are fruit."}},
      {"Headline without a period\nThe body starts here.",
       {"Headline without a period", "The body starts here."}},
      {"First paragraph\n\nSecond paragraph", {"First paragraph", "Second paragraph"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Split(segmenter, c.text), c.sentences) << c.text;
}

TEST(Segmenter, JoinsHardWrappedLines) {
  const Segmenter segmenter(kRules);
  const std::string text =
      "Russian and Ukrainian negotiators met in Istanbul on Monday for a new\n"
      "round of talks, officials said, and agreed to exchange prisoners of war\n"
      "before the end of the month. The next round is due in June.";
  EXPECT_EQ(Split(segmenter, text).size(), 2u);
}

TEST(Segmenter, SegmentsOnlyTextZones) {
  const Segmenter segmenter(kRules);
  Document doc;
  doc.body = "Menu Share\nBody one. Body two.";
  doc.zones = {{ZoneKind::kBoilerplate, {0, 10}}, {ZoneKind::kText, {11, 30}}};
  segmenter.Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].span, (Span{11, 20}));
  EXPECT_EQ(doc.sentences[0].tokens.front().form, "Body");
}

TEST(Segmenter, LeavesPretokenizedDocumentsAlone) {
  const Segmenter segmenter(kRules);
  Document doc;
  doc.body = "a b";
  doc.pretokenized = true;
  doc.sentences.resize(1);
  segmenter.Segment(&doc);
  EXPECT_EQ(doc.sentences.size(), 1u);
  EXPECT_TRUE(doc.sentences[0].tokens.empty());
}

TEST(Segmenter, EmptyAndBlankInput) {
  const Segmenter segmenter(kRules);
  EXPECT_TRUE(Split(segmenter, "").empty());
  EXPECT_TRUE(Split(segmenter, " \n\n \n").empty());
}

}  // namespace
}  // namespace parley::text
