#include "parley/text/tabari_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;
using testing::Source;

ReadResult Read(const std::string& data, InputReport* report, ReaderOptions options = {}) {
  TabariReader reader(Source(data), "k.txt", report, options);
  return ReadEverything(&reader);
}

TEST(TabariReader, ReadsBlankLineSeparatedRecords) {
  InputReport report;
  ReadResult result = Read(
      "\n"
      "950101 REU-0001-01\n"
      "Arnor is about to restore full diplomatic ties with Gondor almost\n"
      "five years after crowds trashed its embassy.\n"
      "\n\n"
      "20080801   AFP-2  extra words\n"
      "Second story.\n"
      "\n"
      "491231 OLD\n"
      "Year pivot.\n",
      &report);
  ASSERT_EQ(result.docs.size(), 3u);
  EXPECT_EQ(result.docs[0].id, "REU-0001-01");
  EXPECT_EQ(result.docs[0].date, "1995-01-01");
  EXPECT_EQ(result.docs[0].body,
            "Arnor is about to restore full diplomatic ties with Gondor almost\n"
            "five years after crowds trashed its embassy.");
  EXPECT_EQ(result.docs[0].origin_line, 2u);
  EXPECT_EQ(result.docs[1].id, "AFP-2");
  EXPECT_EQ(result.docs[1].date, "2008-08-01");
  EXPECT_EQ(result.docs[1].origin_line, 7u);
  ASSERT_EQ(result.docs[1].metadata.size(), 1u);
  EXPECT_EQ(result.docs[1].metadata[0].second, "\"extra words\"");
  EXPECT_EQ(result.docs[2].date, "2049-12-31");
  EXPECT_EQ(report.rejected(), 0u);
}

TEST(TabariReader, BadBlocksAreRejectedAndTheRestIsRead) {
  InputReport report;
  ReadResult result = Read(
      "This block has no header\nand goes on\n\n"
      "951399 BAD-DATE\nText.\n\n"
      "950102 EMPTY\n\n"
      "950103 GOOD\nFine.\n",
      &report);
  ASSERT_EQ(result.docs.size(), 3u);
  EXPECT_EQ(result.rejected, 1);
  EXPECT_EQ(report.rejections()[0].line, 1u);
  EXPECT_EQ(report.rejections()[0].reason, "record does not start with a 'YYMMDD id' header");
  EXPECT_EQ(result.docs[0].id, "BAD-DATE");
  EXPECT_EQ(result.docs[0].date, "");
  EXPECT_EQ(report.warned(), 1u);
  EXPECT_EQ(result.docs[1].id, "EMPTY");
  EXPECT_EQ(result.docs[1].body, "");
  EXPECT_EQ(report.empty(), 1u);
  EXPECT_EQ(result.docs[2].body, "Fine.");
}

TEST(TabariReader, RecordOverTheLimitIsRejected) {
  ReaderOptions options;
  options.max_record_bytes = 50;
  InputReport report;
  ReadResult result = Read("950101 A\n" + std::string(30, 'x') + "\n" + std::string(30, 'y') +
                               "\n\n950101 B\nshort\n",
                           &report, options);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].id, "B");
  ASSERT_EQ(report.rejected(), 1u);
  EXPECT_EQ(report.rejections()[0].record_id, "A");
}

TEST(TabariReader, EmptyInputGivesNothing) {
  InputReport report;
  EXPECT_TRUE(Read("", &report).docs.empty());
  EXPECT_TRUE(Read("\n \n", &report).docs.empty());
  EXPECT_EQ(report.rejected(), 0u);
}

}  // namespace
}  // namespace parley::text
