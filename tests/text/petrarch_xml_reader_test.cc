#include "parley/text/petrarch_xml_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parley/text/reader.h"
#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;
using testing::Source;

ReadResult Read(const std::string& data, InputReport* report, ReaderOptions options = {}) {
  PetrarchXmlReader reader(Source(data), "p.xml", report, options);
  return ReadEverything(&reader);
}

const char kTwoRecords[] =
    "<!-- a comment with <Sentence date=\"1\"> inside -->\n"
    "<Sentences>\n"
    "<Sentence date = \"20080804\" id =\"AFP1_4\" source = \"AFP\" sentence = \"True\">\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<Text>\n"
    "The stopover came as the US leader prepared to \n"
    "attend the Beijing Olympics. \n"
    "</Text>\n"
    "<Parse>\n(ROOT (S (NP (DT The) (NN stopover))))\n</Parse>\n"
    "</Sentence>\n"
    "<Config x=\"1\"/>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" sentence=\"true\">\n"
    "<Text><![CDATA[Tom & Jerry]]> &amp; friends</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n";

TEST(PetrarchXmlReader, ReadsSentenceElements) {
  InputReport report;
  ReadResult result = Read(kTwoRecords, &report);
  ASSERT_EQ(result.docs.size(), 2u);
  const Document& a = result.docs[0];
  EXPECT_EQ(a.id, "AFP1_4");
  EXPECT_EQ(a.date, "2008-08-04");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.body, "The stopover came as the US leader prepared to attend the Beijing Olympics.");
  EXPECT_EQ(a.parse, "(ROOT (S (NP (DT The) (NN stopover))))");
  EXPECT_EQ(a.origin_line, 3u);
  ASSERT_EQ(a.metadata.size(), 2u);
  EXPECT_EQ(a.metadata[0].first, "sentence");
  EXPECT_EQ(a.metadata[1].first, "event_codings");
  EXPECT_EQ(a.metadata[1].second,
            R"([{"eventcode":"064","sourcecode":"ARN","targetcode":"GON"}])");
  const Document& b = result.docs[1];
  EXPECT_EQ(b.id, "DEMO-00");
  EXPECT_EQ(b.date, "1995-01-01");
  EXPECT_EQ(b.body, "Tom & Jerry & friends");
  EXPECT_EQ(b.origin_line, 14u);
  EXPECT_EQ(report.rejected(), 0u);
  EXPECT_EQ(report.documents(), 2u);
}

TEST(PetrarchXmlReader, BrokenElementsAreRejectedWithFileAndLine) {
  struct Case {
    const char* name;
    std::string xml;
    size_t docs;
    uint64_t reject_line;
    const char* reason_start;
  };
  const Case kCases[] = {
      {"bad markup inside",
       "<Sentences>\n<Sentence id=\"a\">\n<Text>x</Txet>\n</Sentence>\n"
       "<Sentence id=\"b\"><Text>ok</Text></Sentence>\n</Sentences>\n",
       1, 3, "malformed XML: "},
      {"never closed, next one starts",
       "<Sentences>\n<Sentence id=\"a\"><Text>x</Text>\n<Sentence id=\"b\"><Text>ok</Text>"
       "</Sentence>\n</Sentences>\n",
       1, 2, "malformed XML: <Sentence> element not closed before the next <Sentence>"},
      {"truncated file",
       "<Sentences>\n<Sentence id=\"a\"><Text>ok</Text></Sentence>\n<Sentence id=\"b\">\n<Text>"
       "cut off",
       1, 3, "malformed XML: <Sentence> element not closed before the end of the file"},
      {"unquoted attribute",
       "<Sentence id=a><Text>x</Text></Sentence>\n<Sentence id=\"b\"><Text>y</Text></Sentence>",
       1, 1, "malformed XML: "},
  };
  for (const Case& c : kCases) {
    InputReport report;
    ReadResult result = Read(c.xml, &report);
    EXPECT_EQ(result.docs.size(), c.docs) << c.name;
    ASSERT_EQ(report.rejected(), 1u) << c.name;
    EXPECT_EQ(report.rejections()[0].file, "p.xml") << c.name;
    EXPECT_EQ(report.rejections()[0].line, c.reject_line) << c.name;
    EXPECT_EQ(report.rejections()[0].reason.rfind(c.reason_start, 0), 0u)
        << c.name << ": " << report.rejections()[0].reason;
  }
}

TEST(PetrarchXmlReader, MissingFieldsAndBadDates) {
  InputReport report;
  ReadResult result = Read(
      "<Sentences><Sentence date=\"2008-13-45\"><Text>t</Text></Sentence>\n"
      "<Sentence id=\"e\"/></Sentences>",
      &report);
  ASSERT_EQ(result.docs.size(), 2u);
  EXPECT_EQ(result.docs[0].id, "p.xml:1");
  EXPECT_EQ(result.docs[0].date, "");
  EXPECT_EQ(report.warned(), 1u);
  EXPECT_EQ(result.docs[1].id, "e");
  EXPECT_EQ(result.docs[1].body, "");
  EXPECT_EQ(report.empty(), 1u);
}

TEST(PetrarchXmlReader, InvalidUtf8AndNulAreRepaired) {
  InputReport report;
  std::string xml = "<Sentence id=\"u\"><Text>caf\xE9</Text></Sentence>";
  xml += std::string("<Sentence id=\"n\"><Text>a\0b</Text></Sentence>", 44);
  ReadResult result = Read(xml, &report);
  ASSERT_EQ(result.docs.size(), 2u);
  EXPECT_EQ(result.docs[0].body, "caf\xEF\xBF\xBD");
  EXPECT_EQ(result.docs[1].body, "ab");
  EXPECT_EQ(report.warned(), 2u);
}

TEST(PetrarchXmlReader, ElementOverTheLimitIsRejectedAndSkipped) {
  ReaderOptions options;
  options.max_record_bytes = 4096;
  InputReport report;
  std::string big = "<Sentence id=\"big\"><Text>" + std::string(3u << 20, 'x') + "</Text></Sentence>";
  ReadResult result =
      Read("<Sentences>\n" + big + "\n<Sentence id=\"small\"><Text>s</Text></Sentence>\n", &report,
           options);
  ASSERT_EQ(result.docs.size(), 1u);
  EXPECT_EQ(result.docs[0].id, "small");
  EXPECT_EQ(result.docs[0].origin_line, 3u);
  ASSERT_EQ(report.rejected(), 1u);
  EXPECT_EQ(report.rejections()[0].line, 2u);
  EXPECT_EQ(report.rejections()[0].reason.rfind("record too large", 0), 0u);
}

TEST(PetrarchXmlReader, ManySmallElementsAcrossChunkBoundaries) {
  std::string xml = "<Sentences>\n";
  for (int i = 0; i < 20000; ++i) {
    xml += "<Sentence date=\"20080801\" id=\"s" + std::to_string(i) +
           "\"><Text>Sentence number " + std::to_string(i) + " about nothing much.</Text>"
           "<Parse>(ROOT (S (NP (NN x))))</Parse></Sentence>\n";
  }
  xml += "</Sentences>\n";
  ASSERT_GT(xml.size(), 2u << 20);
  InputReport report;
  ReadResult result = Read(xml, &report);
  ASSERT_EQ(result.docs.size(), 20000u);
  EXPECT_EQ(result.docs[12345].id, "s12345");
  EXPECT_EQ(result.docs[12345].origin_line, 12347u);
  EXPECT_EQ(report.rejected(), 0u);
}

TEST(PetrarchXmlReaderSlow, ReadsThePetrarchFilesInShared) {
  const std::string dir = std::string(PARLEY_SHARED_DATA) + "/petrarch2/";
  if (!std::filesystem::exists(dir + "PETR.UnitTest.records.xml")) {
    GTEST_SKIP() << "PETRARCH data not found in " << dir << " (../shared is absent)";
  }
  struct Expect {
    const char* file;
    size_t records;
    const char* first_id;
    const char* first_date;
    size_t empty_texts;  // records whose <Text> is blank (they still carry a <Parse>)
  };
  const Expect kFiles[] = {
      {"PETR.UnitTest.records.xml", 284, "DEMO-00", "1995-01-01", 0},
      {"GigaWord.sample.PETR.xml", 76, "AFP0808020625_4", "2008-08-04", 9},
  };
  for (const Expect& e : kFiles) {
    InputReport report;
    auto reader = OpenReader(dir + e.file, InputFormat::kAuto, &report);
    ReadResult result = ReadEverything(reader.get());
    EXPECT_EQ(result.docs.size(), e.records) << e.file;
    EXPECT_EQ(report.rejected(), 0u) << e.file << "\n" << report.Summary();
    ASSERT_FALSE(result.docs.empty());
    EXPECT_EQ(result.docs[0].id, e.first_id);
    EXPECT_EQ(result.docs[0].date, e.first_date);
    EXPECT_EQ(report.empty(), e.empty_texts) << e.file;
    for (const Document& d : result.docs) {
      EXPECT_EQ(d.date.size(), 10u) << d.id;
      EXPECT_FALSE(d.parse.empty()) << d.id;
      EXPECT_EQ(d.body.find('\n'), std::string::npos) << d.id;
    }
  }
}

}  // namespace
}  // namespace parley::text
