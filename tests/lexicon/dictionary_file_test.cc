// Parley's dictionary format: what loads, and malformed lines that must fail with file:line.
#include "parley/lexicon/dictionary_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "parley/error.h"
#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {
namespace {

std::vector<LoadProblem> Problems(const std::string& text) {
  DictionarySet set;
  ReadParleyDictionary("test.txt", text, &set);
  set.Freeze();
  std::vector<LoadProblem> out;
  for (const LoadProblem& p : set.problems()) {
    if (p.severity == LoadProblem::Severity::kError) out.push_back(p);
  }
  return out;
}

TEST(DictionaryFile, ReadsEveryKindOfBlock) {
  DictionarySet set;
  ReadParleyDictionary("t.txt",
                       "# a comment\n"
                       "country: USA\n"
                       "names: United States | US\n"
                       "# a comment inside a block does not end it\n"
                       "adjectives: American\n"
                       "capital: Washington\n"
                       "metonyms: White House = USAGOV\n"
                       "ambiguous: Washington | America = default\n"
                       "verified: 2026-11-01\n"
                       "\n\n"
                       "person: Joe Biden\n"
                       "aliases: Biden\n"
                       "codes: USAGOV 2009-01-20..2025-01-19 | USAELI\n"
                       "roles: President 2021-01-20..2025-01-19\n"
                       "\n"
                       "agent: NGO~\n"
                       "terms: aid group | aid groups\n",
                       &set);
  set.Freeze();
  ASSERT_TRUE(set.problems().empty()) << set.problems()[0].ToString();
  ASSERT_EQ(set.entries().size(), 3u);
  EXPECT_EQ(set.entries()[0].verified, 20261101);
  EXPECT_EQ(set.VerifiedDate("USA"), 20261101);
  const Entry& biden = set.entries()[1];
  ASSERT_EQ(biden.codes.size(), 2u);
  EXPECT_EQ(biden.codes[0].from, 20090120);
  EXPECT_EQ(biden.codes[0].to, 20250119);
  EXPECT_TRUE(biden.codes[1].is_default);
  EXPECT_EQ(biden.where.line, 12u);
  EXPECT_TRUE(set.entries()[2].agent_prefix);
  int ambiguous = 0, defaults = 0;
  for (const NameRecord& n : set.names()) {
    ambiguous += n.ambiguous;
    defaults += n.ambiguous_default;
  }
  EXPECT_EQ(ambiguous, 2);  // Washington (capital), America (extra name)
  EXPECT_EQ(defaults, 1);
}

TEST(DictionaryFile, RejectsMalformedLinesWithTheirLineNumber) {
  struct Case {
    const char* text;
    uint32_t line;
    const char* message_part;
  };
  const Case cases[] = {
      {"country: USA\nnames: US\nnonsense line\n", 3, "expected 'key: value'"},
      {"country: USA\nnames: US\ncolour: red\n", 3, "unknown key"},
      {"country: USA\nnames: US\nnames: USA\n", 3, "appears twice"},
      {"country: US\nnames: US\n", 1, "not an ISO 3166-1 alpha-3"},
      {"country: USA\n", 1, "has no names"},
      {"country: USA\nnames: US\nverified: yesterday\n", 3, "not a date"},
      {"country: USA\nnames: US\nmetonyms: White House\n", 3, "Name = CODE"},
      {"country: USA\nnames: US\nambiguous: Georgia = maybe\n", 3, "Name = default"},
      {"person: X\n", 1, "has no codes"},
      {"person: X\ncodes: usagov\n", 2, "not an actor code"},
      {"person: X\ncodes: USAGOV 2020-01-01\n", 2, "FROM..TO"},
      {"person: X\ncodes: USAGOV 2020-02-30..\n", 2, "not a date"},
      {"person: X\ncodes: USAGOV 2021-01-01..2020-01-01\n", 2, "ends before it starts"},
      {"person: X\ncodes: USAGOV | USAELI\n", 2, "only one default"},
      {"person: X\ncodes: USAGOV ..\n", 2, "has no date"},
      {"agent: M\nterms: troops\n", 1, "sector code"},
      {"agent: MIL\n", 1, "has no terms"},
      {"group: X\ncodes: ABC\n", 1, "a block starts with"},
      {"person: !!!\ncodes: ABC\n", 1, "no letters or digits"},
  };
  for (const Case& c : cases) {
    auto problems = Problems(c.text);
    ASSERT_FALSE(problems.empty()) << c.text;
    EXPECT_EQ(problems[0].line, c.line) << c.text;
    EXPECT_NE(problems[0].message.find(c.message_part), std::string::npos)
        << c.text << " -> " << problems[0].message;
    EXPECT_EQ(problems[0].ToString().rfind("test.txt:" + std::to_string(c.line) + ": error:", 0), 0u);
  }
}

TEST(DictionaryFile, ReadsTheOneLinePersonForm) {
  DictionarySet set;
  ReadParleyDictionary("one.txt",
                       "person: Sanae Takaichi = JPNGOV 2025-10-21.. | JPNELI\n"
                       "\n"
                       "person: Keir Starmer = GBRGOV 2024-07-05.. | GBRELI\n"
                       "aliases: Starmer\n",
                       &set);
  set.Freeze();
  ASSERT_TRUE(set.problems().empty()) << set.problems()[0].ToString();
  ASSERT_EQ(set.entries().size(), 2u);
  EXPECT_EQ(set.entries()[0].head, "Sanae Takaichi");
  ASSERT_EQ(set.entries()[0].codes.size(), 2u);
  EXPECT_EQ(set.entries()[0].codes[0].code, "JPNGOV");
  EXPECT_EQ(set.entries()[0].codes[0].from, 20251021);
  EXPECT_TRUE(set.entries()[0].codes[1].is_default);
  EXPECT_EQ(set.entries()[1].head, "Keir Starmer");

  auto problems = Problems("person: X = USAGOV\ncodes: USAELI\n");
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].message.find("codes given both"), std::string::npos);
}

TEST(DictionaryFile, RejectsNulBytes) {
  auto problems = Problems(std::string("person: X\0Y\ncodes: ABC\n", 24));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_NE(problems[0].message.find("NUL"), std::string::npos);
}

TEST(DictionaryFile, LoadThrowsWithFileAndLine) {
  std::string dir = ::testing::TempDir() + "/parley_bad_dict";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir + "/manifest.txt") << "bad.txt\n";
    std::ofstream(dir + "/bad.txt") << "person: X\ncodes: USAGOV 2020-13-01..\n";
  }
  try {
    (void)DictionarySet::Load(dir);
    FAIL() << "expected parley::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:2: error:"), std::string::npos) << e.what();
  }
  // The manifest naming a missing file fails too.
  std::ofstream(dir + "/manifest.txt") << "missing.txt\n";
  EXPECT_THROW((void)DictionarySet::Load(dir), Error);
}

}  // namespace
}  // namespace parley::lexicon
