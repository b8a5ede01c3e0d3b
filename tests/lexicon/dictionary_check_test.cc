#include "parley/lexicon/dictionary_check.h"

#include <gtest/gtest.h>

#include "lexicon_test_util.h"
#include "parley/lexicon/dictionary_file.h"
#include "parley/lexicon/petrarch_reader.h"

namespace parley::lexicon {
namespace {

CheckReport CheckText(const std::string& text, const lexicon::Codebook* codebook = nullptr) {
  DictionarySet set;
  ReadParleyDictionary("c.txt", text, &set);
  set.Freeze();
  return CheckDictionaries(set, codebook);
}

bool Has(const CheckReport& r, Finding::Severity s, const std::string& part) {
  for (const Finding& f : r.findings) {
    if (f.severity == s && f.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(DictionaryCheck, PassesTheFixtureDictionaries) {
  auto set = DictionarySet::Load(testing::FixtureDir());
  CheckReport r = CheckDictionaries(*set, nullptr);
  for (const Finding& f : r.findings) ADD_FAILURE() << f.ToString();
  EXPECT_EQ(r.counts.countries, 13u);
  EXPECT_EQ(r.counts.persons, 7u);
  EXPECT_EQ(r.counts.igos, 1u);
  EXPECT_EQ(r.counts.groups, 1u);
  EXPECT_EQ(r.counts.agents, 5u);
}

TEST(DictionaryCheck, FindsConflictsDuplicatesOverlapsAndUnreachableEntries) {
  CheckReport r = CheckText(
      "country: AAA\nnames: Aland | Shared\nverified: 2026-01-01\n\n"
      "country: BBB\nnames: Bland | Shared\nverified: 2026-01-01\n\n"
      "person: Ann\ncodes: AAAGOV 2020-01-01..2022-12-31 | AAAGOV 2022-06-01..\n\n"
      "person: Bob\ncodes: AAAGOV\n\n"
      "person: Bob\naliases: Bob\ncodes: AAAGOV\n\n"
      "person: Cy\ncodes: ZZZGOV\n\n"
      "country: CCC\nnames: Cland\n");
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "conflicting codes: name \"Shared\""));
  EXPECT_TRUE(Has(r, Finding::Severity::kWarning, "duplicate: name \"Bob\""));
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "overlapping date ranges for 'Ann'"));
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "unreachable: every name of 'Bob'"));
  EXPECT_TRUE(Has(r, Finding::Severity::kWarning, "ZZZGOV of 'Cy' starts with ZZZ"));
  EXPECT_TRUE(Has(r, Finding::Severity::kWarning, "country CCC has no verified"));
  EXPECT_GE(r.errors, 3u);
}

TEST(DictionaryCheck, ReportsUnknownEventCodes) {
  lexicon::Codebook codebook =
      lexicon::Codebook::Load(std::string(PARLEY_SOURCE_DIR) + "/dict/cameo/codebook.tsv");
  DictionarySet set;
  ReadPetrarchFile(PetrarchKind::kVerbs, "v.txt",
                   "--- A [010] ---\nSAY\n- * X [036]\n- * Y [176]\n- * Z [:1952]\nTELL [abc]\n",
                   &set);
  set.Freeze();
  CheckReport r = CheckDictionaries(set, &codebook);
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "unknown event code 176"));
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "unknown event code 1952"));
  EXPECT_TRUE(Has(r, Finding::Severity::kError, "unknown event code abc"));
  EXPECT_FALSE(Has(r, Finding::Severity::kError, "unknown event code 036"));
  EXPECT_FALSE(Has(r, Finding::Severity::kError, "unknown event code 010"));
}

TEST(DictionaryCheck, TreatsPetrarchOverlapsAsWarnings) {
  DictionarySet set;
  ReadPetrarchFile(PetrarchKind::kActors, "a.txt",
                   "X_\n\t[AAAGOV 940101-011231]\n\t[AAAGOV 951020-951205]\n", &set);
  set.Freeze();
  CheckReport r = CheckDictionaries(set, nullptr);
  EXPECT_EQ(r.errors, 0u);
  EXPECT_TRUE(Has(r, Finding::Severity::kWarning, "overlapping date ranges"));
}

}  // namespace
}  // namespace parley::lexicon
