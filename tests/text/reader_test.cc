#include "parley/text/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parley/error.h"
#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;

TEST(InputFormat, NamesRoundTrip) {
  for (const char* name : {"auto", "text", "jsonl", "petrarch-xml", "tabari", "html", "conllu"}) {
    InputFormat format = InputFormat::kText;
    ASSERT_TRUE(ParseInputFormat(name, &format)) << name;
    EXPECT_EQ(InputFormatName(format), name);
  }
  InputFormat format = InputFormat::kHtml;
  EXPECT_FALSE(ParseInputFormat("xml", &format));
  EXPECT_FALSE(ParseInputFormat("", &format));
  EXPECT_EQ(format, InputFormat::kHtml);
}

TEST(DetectFormat, ByExtensionThenContent) {
  struct Case {
    const char* path;
    const char* head;
    InputFormat expected;
  };
  const Case kCases[] = {
      {"a.txt", "{\"id\":1}", InputFormat::kText},
      {"a.jsonl", "", InputFormat::kJsonl},
      {"a.NDJSON", "", InputFormat::kJsonl},
      {"dir.v2/a.xml", "", InputFormat::kPetrarchXml},
      {"a.htm", "", InputFormat::kHtml},
      {"a.HTML", "", InputFormat::kHtml},
      {"a.conllu", "", InputFormat::kConllu},
      {"-", "  \n{\"id\":1}", InputFormat::kJsonl},
      {"-", "\xEF\xBB\xBF{\"id\":1}", InputFormat::kJsonl},
      {"data", "<Sentences>\n<Sentence", InputFormat::kPetrarchXml},
      {"data", "<Sentence date=\"1\">", InputFormat::kPetrarchXml},
      {"data", "<!-- header -->\n<Sentences>", InputFormat::kPetrarchXml},
      {"data", "<?xml version=\"1.0\"?><Validation><Sentences>", InputFormat::kPetrarchXml},
      {"data", "<!DOCTYPE html><html>", InputFormat::kHtml},
      {"data", "\n<HTML lang=en>", InputFormat::kHtml},
      {"data", "1\tBiden\tBiden\tPROPN", InputFormat::kConllu},
      {"data", "# sent_id = 1\n# text = Hi\n1\tHi\thi", InputFormat::kConllu},
      {"data", "950101 REU-001\nArnor restored ties.", InputFormat::kTabari},
      {"data", "20080801 AFP-1\ntext", InputFormat::kTabari},
      {"data", "2008 was a year\n", InputFormat::kText},
      {"data", "Biden met Putin.", InputFormat::kText},
      {"data", "", InputFormat::kText},
      {".hidden", "{", InputFormat::kJsonl},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(DetectFormat(c.path, c.head), c.expected) << c.path << " / " << c.head;
  }
}

TEST(InputReport, KeepsTheFirstProblemsAndCountsTheRestByReason) {
  InputReport report;
  for (int i = 0; i < 30; ++i) {
    report.Reject({"f.jsonl", static_cast<uint64_t>(i + 1), "", "malformed JSON: bad " +
                                                                   std::to_string(i)});
  }
  report.Reject({"f.jsonl", 99, "x", "record too large: 5 bytes (limit 1)"});
  report.Warn({"f.jsonl", 3, "id3", "invalid UTF-8 repaired: 1 sequence replaced by U+FFFD"});
  report.CountDocument(false);
  report.CountDocument(true);
  EXPECT_EQ(report.rejected(), 31u);
  EXPECT_EQ(report.rejections().size(), InputReport::kMaxKept);
  EXPECT_EQ(report.rejection_counts().at("malformed JSON"), 30u);
  EXPECT_EQ(report.rejection_counts().at("record too large"), 1u);
  EXPECT_EQ(report.warned(), 1u);
  EXPECT_EQ(report.warning_counts().at("invalid UTF-8 repaired"), 1u);
  std::string summary = report.Summary();
  EXPECT_NE(summary.find("input: 2 documents (1 empty), 31 rejected, 1 warnings"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("f.jsonl:1: malformed JSON: bad 0"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("bad 25"), std::string::npos) << summary;
  EXPECT_NE(summary.find("and 11 more"), std::string::npos) << summary;
  EXPECT_NE(summary.find("f.jsonl:3: [id3] invalid UTF-8"), std::string::npos) << summary;
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("parley_reader_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& relative, const std::string& content) const {
    std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(OpenReader, WalksDirectoriesInSortedOrderDetectingEachFile) {
  TempDir dir;
  dir.Write("b/z.txt", "Plain text z.");
  dir.Write("a.jsonl", "{\"id\":\"j1\",\"text\":\"one\"}\n{\"id\":\"j2\",\"text\":\"two\"}\n");
  dir.Write("b/feed", "950101 T-1\nTabari text.\n");
  dir.Write("c.xml", "<Sentences><Sentence id=\"x1\" date=\"20080801\"><Text>x</Text></Sentence>"
                     "</Sentences>");
  dir.Write("d.html", "<html><body><p>Html text.</p></body></html>");
  dir.Write("e.conllu", "# sent_id = 1\n# text = Hi there\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
                        "2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n");
  dir.Write(".hidden.txt", "skip me");
  dir.Write(".git/config", "skip me too");
  InputReport report;
  auto reader = OpenReader(dir.path(), InputFormat::kAuto, &report);
  ReadResult result = ReadEverything(reader.get());
  ASSERT_EQ(result.docs.size(), 7u) << report.Summary();
  EXPECT_EQ(result.docs[0].id, "j1");
  EXPECT_EQ(result.docs[1].id, "j2");
  EXPECT_EQ(result.docs[2].id, "T-1");
  EXPECT_EQ(result.docs[2].body, "Tabari text.");
  EXPECT_EQ(result.docs[3].id, "b/z.txt");
  EXPECT_EQ(result.docs[3].body, "Plain text z.");
  EXPECT_EQ(result.docs[3].origin_file, dir.path() + "/b/z.txt");
  EXPECT_EQ(result.docs[4].id, "x1");
  EXPECT_EQ(result.docs[5].id, "d.html");
  EXPECT_EQ(result.docs[5].body, "Html text.");
  EXPECT_TRUE(result.docs[6].pretokenized);
  EXPECT_EQ(report.rejected(), 0u);
  EXPECT_EQ(report.documents(), 7u);
}

TEST(OpenReader, ForcedFormatAppliesToEveryFile) {
  TempDir dir;
  std::string file = dir.Write("x.jsonl", "{\"id\":\"1\"}\n");
  InputReport report;
  auto reader = OpenReader(file, InputFormat::kText, &report);
  ReadResult result = ReadEverything(reader.get());
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].id, file);
  EXPECT_EQ(result.docs[0].body, "{\"id\":\"1\"}\n");
}

TEST(OpenReader, MissingPathThrows) {
  InputReport report;
  EXPECT_THROW((void)OpenReader("/nonexistent/parley/input.txt", InputFormat::kAuto, &report),
               parley::Error);
}

TEST(OpenReader, EmptyDirectoryGivesNothing) {
  TempDir dir;
  InputReport report;
  auto reader = OpenReader(dir.path(), InputFormat::kAuto, &report);
  EXPECT_TRUE(ReadEverything(reader.get()).docs.empty());
}

}  // namespace
}  // namespace parley::text
