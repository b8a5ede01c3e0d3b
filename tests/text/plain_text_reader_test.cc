#include "parley/text/plain_text_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;
using testing::Source;

ReadResult Read(const std::string& data, InputReport* report, ReaderOptions options = {}) {
  PlainTextReader reader(Source(data), "dir/a.txt", "a.txt", report, options);
  return ReadEverything(&reader);
}

struct TextCase {
  const char* name;
  std::string input;
  std::string body;
  uint64_t warnings;
};

TEST(PlainTextReader, OneDocumentPerFileWithTheBodyAsRead) {
  const TextCase kCases[] = {
      {"simple", "Biden met Putin.\n\nThey talked.\n", "Biden met Putin.\n\nThey talked.\n", 0},
      {"CRLF kept", "a\r\nb\r\n", "a\r\nb\r\n", 0},
      {"BOM dropped", "\xEF\xBB\xBFhello", "hello", 0},
      {"empty file", "", "", 0},
      {"NUL removed", std::string("a\0b", 3), "ab", 1},
      {"invalid UTF-8", "caf\xE9", "caf\xEF\xBF\xBD", 1},
  };
  for (const TextCase& c : kCases) {
    InputReport report;
    ReadResult result = Read(c.input, &report);
    ASSERT_EQ(result.docs.size(), 1u) << c.name;
    EXPECT_EQ(result.docs[0].body, c.body) << c.name;
    EXPECT_EQ(result.docs[0].id, "a.txt") << c.name;
    EXPECT_EQ(result.docs[0].origin_file, "dir/a.txt") << c.name;
    EXPECT_EQ(report.warned(), c.warnings) << c.name;
    EXPECT_EQ(report.empty() + report.documents(), 1u) << c.name;
  }
}

TEST(PlainTextReader, EmptyFileIsOneEmptyDocument) {
  InputReport report;
  ReadResult result = Read("", &report);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(report.empty(), 1u);
  EXPECT_EQ(report.documents(), 0u);
}

TEST(PlainTextReader, FiftyMegabyteLine) {
  std::string text(50u << 20, 'w');
  InputReport report;
  ReadResult result = Read(text, &report);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].body.size(), text.size());
}

TEST(PlainTextReader, FileOverTheLimitIsRejected) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  InputReport report;
  ReadResult result = Read(std::string(101, 'x'), &report, options);
  EXPECT_TRUE(result.docs.empty());
  EXPECT_EQ(result.rejected, 1);
  ASSERT_EQ(report.rejected(), 1u);
  EXPECT_EQ(report.rejections()[0].reason, "record too large: 101 bytes (limit 100)");
  EXPECT_EQ(report.rejections()[0].file, "dir/a.txt");
}

}  // namespace
}  // namespace parley::text
