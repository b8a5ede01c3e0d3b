#include "parley/text/text_pipeline.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

TEST(TextPipeline, CleansThenSegmentsTextZonesOnly) {
  const TextPipeline pipeline(kRules);
  Document doc;
  doc.body =
      "Leaders meet in Geneva\n"
      "File photo: The leaders in Geneva. \xC2\xA9 REUTERS/Someone\n"
      "The leaders met. They talked.\n";
  pipeline.Process(&doc);
  EXPECT_EQ(doc.title, "Leaders meet in Geneva");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.body.substr(doc.sentences[0].span.begin, doc.sentences[0].span.size()),
            "The leaders met.");
  for (const Sentence& s : doc.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_EQ(doc.body.substr(t.span.begin, t.span.size()), t.form);
    }
  }
}

TEST(TextPipeline, SkipsPretokenizedDocuments) {
  const TextPipeline pipeline(kRules);
  Document doc;
  doc.body = "Menu share icon\nSome text.";
  doc.pretokenized = true;
  pipeline.Process(&doc);
  EXPECT_TRUE(doc.zones.empty());
  EXPECT_TRUE(doc.sentences.empty());
}

}  // namespace
}  // namespace parley::text
