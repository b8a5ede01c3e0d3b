#include "parley/text/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;
using testing::Source;

ReadResult Read(const std::string& data, InputReport* report, ReaderOptions options = {}) {
  JsonlReader reader(Source(data), "in.jsonl", report, options);
  return ReadEverything(&reader);
}

TEST(JsonlReader, ReadsFieldsAndKeepsUnknownOnesAsMetadata) {
  InputReport report;
  auto result = Read(
      R"({"id":"a1","date":"2021-12-03T21:46:00Z","source":"RT","url":"http://x/1",)"
      R"("title":"Biden to call Putin","text":"Biden will call Putin.","lang":"en","tags":["a",1]})"
      "\n",
      &report);
  ASSERT_EQ(result.docs.size(), 1u);
  const Document& d = result.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.date, "2021-12-03");
  EXPECT_EQ(d.source, "RT");
  EXPECT_EQ(d.url, "http://x/1");
  EXPECT_EQ(d.title, "Biden to call Putin");
  EXPECT_EQ(d.body, "Biden will call Putin.");
  EXPECT_EQ(d.origin_file, "in.jsonl");
  EXPECT_EQ(d.origin_line, 1u);
  ASSERT_EQ(d.metadata.size(), 2u);
  EXPECT_EQ(d.metadata[0].first, "lang");
  EXPECT_EQ(d.metadata[0].second, "\"en\"");
  EXPECT_EQ(d.metadata[1].first, "tags");
  EXPECT_EQ(d.metadata[1].second, "[\"a\",1]");
  EXPECT_EQ(report.documents(), 1u);
  EXPECT_EQ(report.rejected(), 0u);
  EXPECT_EQ(report.warned(), 0u);
}

TEST(JsonlReader, MalformedLinesAreRejectedWithLineNumbersAndTheRestIsRead) {
  InputReport report;
  std::string data =
      "{\"id\":\"1\",\"text\":\"one\"}\n"
      "{\"id\":\"2\",\"text\":\"two\"\n"  // unterminated object
      "\n"                                 // blank: skipped, still counted as a line
      "not json at all\n"
      "[1,2,3]\n"
      "{\"id\":\"6\",\"text\":42}\n"
      "{\"n\":1e99999}\n"  // number out of range
      "{\"id\":\"7\",\"text\":\"seven\"}\r\n";
  auto result = Read(data, &report);
  ASSERT_EQ(result.docs.size(), 2u);
  EXPECT_EQ(result.docs[0].id, "1");
  EXPECT_EQ(result.docs[1].id, "7");
  EXPECT_EQ(result.docs[1].body, "seven");
  EXPECT_EQ(result.docs[1].origin_line, 8u);
  EXPECT_EQ(result.rejected, 5);
  ASSERT_EQ(report.rejected(), 5u);
  const auto& r = report.rejections();
  EXPECT_EQ(r[0].line, 2u);
  EXPECT_EQ(r[0].file, "in.jsonl");
  EXPECT_EQ(r[0].reason.rfind("malformed JSON: ", 0), 0u) << r[0].reason;
  EXPECT_EQ(r[1].line, 4u);
  EXPECT_EQ(r[2].line, 5u);
  EXPECT_EQ(r[2].reason, "not a JSON object: got array");
  EXPECT_EQ(r[3].line, 6u);
  EXPECT_EQ(r[3].record_id, "6");
  EXPECT_EQ(r[3].reason, "field 'text' is not a string: got number");
  EXPECT_EQ(r[4].line, 7u);
  EXPECT_EQ(r[4].reason.rfind("malformed JSON: ", 0), 0u) << r[4].reason;
  EXPECT_EQ(report.rejection_counts().at("malformed JSON"), 3u);
}

TEST(JsonlReader, MissingIdAndTextGiveFallbackIdAndEmptyDocument) {
  InputReport report;
  auto result = Read("{\"title\":\"x\"}\n{\"text\":\"\"}\n{\"id\":7,\"text\":null}\n", &report);
  ASSERT_EQ(result.docs.size(), 3u);
  EXPECT_EQ(result.docs[0].id, "in.jsonl:1");
  EXPECT_EQ(result.docs[0].body, "");
  EXPECT_EQ(result.docs[1].id, "in.jsonl:2");
  EXPECT_EQ(result.docs[2].id, "7");
  EXPECT_EQ(report.empty(), 3u);
  EXPECT_EQ(report.documents(), 0u);
}

TEST(JsonlReader, FieldAliases) {
  InputReport report;
  auto result = Read(
      R"({"headline":"H","body":"B","published":"Dec 3, 2021","content":"C"})" "\n", &report);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].title, "H");
  EXPECT_EQ(result.docs[0].body, "B");
  EXPECT_EQ(result.docs[0].date, "2021-12-03");
  ASSERT_EQ(result.docs[0].metadata.size(), 1u);  // the second text field is kept aside
  EXPECT_EQ(result.docs[0].metadata[0].first, "content");
}

TEST(JsonlReader, UnreadableDateIsAWarningAndAnEmptyDate) {
  InputReport report;
  auto result = Read(R"({"id":"d","date":"last Tuesday","text":"x"})" "\n", &report);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].date, "");
  ASSERT_EQ(report.warned(), 1u);
  EXPECT_EQ(report.warnings()[0].reason, "unreadable date: 'last Tuesday'");
  EXPECT_EQ(report.warnings()[0].record_id, "d");
}

TEST(JsonlReader, InvalidUtf8AndNulBytesAreRepairedWithOneWarningPerRecord) {
  InputReport report;
  std::string data = "{\"id\":\"u\",\"text\":\"caf\xE9 \x01ok\"}\n";
  data += std::string("{\"id\":\"n\",\"text\":\"a\0b\"}\n", 24);
  data += "{\"id\":\"e\",\"text\":\"esc\\u0000aped\"}\n";
  auto result = Read(data, &report);
  ASSERT_EQ(result.docs.size(), 3u);
  EXPECT_EQ(result.docs[0].body, "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(result.docs[1].body, "ab");
  EXPECT_EQ(result.docs[2].body, "escaped");
  EXPECT_EQ(report.warned(), 3u);
  EXPECT_EQ(report.warnings()[0].reason.rfind("invalid UTF-8 repaired", 0), 0u);
  EXPECT_EQ(report.warnings()[1].reason.rfind("control bytes removed", 0), 0u);
}

TEST(JsonlReader, EmptyInputGivesNoDocuments) {
  for (const char* data : {"", "\n\n  \n"}) {
    InputReport report;
    auto result = Read(data, &report);
    EXPECT_TRUE(result.docs.empty());
    EXPECT_EQ(result.rejected, 0);
  }
}

TEST(JsonlReader, FiftyMegabyteLineReadsFine) {
  std::string text(50u << 20, 'a');
  for (size_t i = 100; i < text.size(); i += 100) text[i] = ' ';
  InputReport report;
  auto result = Read("{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"id\":\"next\"}\n", &report);
  ASSERT_EQ(result.docs.size(), 2u);
  EXPECT_EQ(result.docs[0].body.size(), text.size());
  EXPECT_EQ(result.docs[1].id, "next");
  EXPECT_EQ(result.docs[1].origin_line, 2u);
}

TEST(JsonlReader, LineOverTheLimitIsRejectedAndReadingGoesOn) {
  ReaderOptions options;
  options.max_record_bytes = 1000;
  InputReport report;
  auto result = Read("{\"text\":\"" + std::string(5000, 'x') + "\"}\n{\"id\":\"ok\"}\n", &report,
                     options);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].id, "ok");
  ASSERT_EQ(report.rejected(), 1u);
  EXPECT_EQ(report.rejections()[0].line, 1u);
  EXPECT_EQ(report.rejections()[0].reason, "record too large: 5011 bytes (limit 1000)");
}

}  // namespace
}  // namespace parley::text
