#include "parley/text/cleaner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

// "kind:text" for every zone.
std::vector<std::string> Zones(const Document& doc) {
  std::vector<std::string> out;
  for (const Zone& z : doc.zones) {
    out.push_back(std::string(ZoneKindName(z.kind)) + ":" +
                  doc.body.substr(z.span.begin, z.span.size()));
  }
  return out;
}

TEST(Cleaner, MarksUpAScrapedPage) {
  const Cleaner cleaner(kRules);
  Document doc;
  doc.body =
      "date 2026-03-04  menu searchicon shareicon fbicon twicon closeicon\n"
      "Rubio meets Wang Yi in Kuala Lumpur\n"
      "\n"
      "By Jane Doe\n"
      "Published: 4 Mar, 2026 10:15 GMT\n"
      "File photo: Marco Rubio in Washington. \xC2\xA9 AFP/Jim Watson\n"
      "US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on Tuesday.\n"
      "The two discussed trade.\n"
      "\n"
      "Read more: Tariffs rise again\n"
      "The meeting lasted an hour.\n";
  cleaner.Clean(&doc);
  const std::vector<std::string> expected = {
      "metadata:date 2026-03-04",
      "boilerplate:menu searchicon shareicon fbicon twicon closeicon",
      "title:Rubio meets Wang Yi in Kuala Lumpur",
      "byline:By Jane Doe",
      "timestamp:Published: 4 Mar, 2026 10:15 GMT",
      "caption:File photo: Marco Rubio in Washington.",
      "credit:\xC2\xA9 AFP/Jim Watson",
      "text:US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on "
      "Tuesday.\nThe two discussed trade.",
      "boilerplate:Read more: Tariffs rise again",
      "text:The meeting lasted an hour.",
  };
  EXPECT_EQ(Zones(doc), expected);
  EXPECT_EQ(doc.date, "2026-03-04");
  EXPECT_EQ(doc.title, "Rubio meets Wang Yi in Kuala Lumpur");
}

TEST(Cleaner, KeepsDateAndTitleTheInputGave) {
  const Cleaner cleaner(kRules);
  Document doc;
  doc.date = "2020-01-01";
  doc.title = "Given title";
  doc.body = "3 Dec, 2021 21:46\nA different headline here\nBody text follows here.\n";
  cleaner.Clean(&doc);
  EXPECT_EQ(doc.date, "2020-01-01");
  EXPECT_EQ(doc.title, "Given title");
  ASSERT_EQ(doc.zones.size(), 2u);
  EXPECT_EQ(doc.zones[0].kind, ZoneKind::kTimestamp);
  EXPECT_EQ(doc.zones[1].kind, ZoneKind::kText);
}

TEST(Cleaner, TimestampFallsBackWhenNoMetadataDate) {
  const Cleaner cleaner(kRules);
  Document doc;
  doc.body = "Updated Dec 3, 2021 9:46 pm ET\nTalks resumed in Vienna on Friday.";
  cleaner.Clean(&doc);
  EXPECT_EQ(doc.date, "2021-12-03");
  EXPECT_EQ(doc.title, "");  // a single text line is not a headline
}

TEST(Cleaner, OrdinaryProseIsText) {
  const Cleaner cleaner(kRules);
  Document doc;
  doc.body =
      "Sign up was slow, officials said, as the file moved up and down the chain.\n"
      "By the end of the day, the talks had failed.";
  cleaner.Clean(&doc);
  ASSERT_EQ(doc.zones.size(), 1u);
  EXPECT_EQ(doc.zones[0].kind, ZoneKind::kText);
}

TEST(Cleaner, SpansStayInsideBodyOnArbitraryBytes) {
  const Cleaner cleaner(kRules);
  Document doc;
  for (int i = 0; i < 5000; ++i) doc.body.push_back(static_cast<char>((i * 131 + 7) % 256));
  cleaner.Clean(&doc);
  uint32_t last = 0;
  for (const Zone& z : doc.zones) {
    EXPECT_GE(z.span.begin, last);
    EXPECT_LT(z.span.begin, z.span.end);
    EXPECT_LE(z.span.end, doc.body.size());
    last = z.span.end;
  }
}

}  // namespace
}  // namespace parley::text
