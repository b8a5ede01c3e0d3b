// Lookup over the fixture dictionaries in tests/fixtures/dict: date-bounded codes, the
// ambiguity policy, country + agent composition and staleness.
#include <gtest/gtest.h>

#include <thread>

#include "lexicon_test_util.h"
#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {
namespace {

using testing::Codes;
using testing::FindAll;

const DictionarySet& Fixture() {
  static const auto set = DictionarySet::Load(testing::FixtureDir());
  return *set;
}

struct Case {
  const char* text;
  const char* date;
  const char* codes;
};

TEST(DictionaryLookup, ResolvesDateBoundedCodes) {
  const Case cases[] = {
      {"Joe Biden", "2009-01-20", "USAGOV"},
      {"Joe Biden", "2009-01-19", "USAELI"},
      {"Joe Biden", "2021-12-03", "USAGOV"},
      {"Joe Biden", "2025-01-19", "USAGOV"},
      {"Joe Biden", "2025-01-20", "USAELI"},
      {"Biden", "2030-06-01", "USAELI"},
      {"Donald Trump", "2017-01-20", "USAGOV"},
      {"Donald Trump", "2021-01-19", "USAGOV"},
      {"Donald Trump", "2021-01-20", "USAELI"},
      {"Donald Trump", "2024-11-06", "USAELI"},
      {"Donald Trump", "2025-01-20", "USAGOV"},
      {"Trump", "2026-03-01", "USAGOV"},
      {"Antony Blinken", "2021-01-25", "USAELI"},
      {"Antony Blinken", "2021-01-26", "USAGOV"},
      {"Antony Blinken", "2025-01-19", "USAGOV"},
      {"Antony Blinken", "2025-01-20", "USAELI"},
      {"Marco Rubio", "2025-01-20", "USALEG"},
      {"Marco Rubio", "2025-01-21", "USAGOV"},
      {"Vladimir Putin", "2021-06-16", "RUSGOV"},
      {"Sergei Lavrov", "2026-01-01", "RUSGOV"},
      {"Lavrov", "2021-01-01", "RUSGOV"},
      {"Taliban", "2021-08-14", "AFGREB"},
      {"Taliban", "2021-08-15", "AFGGOV"},
      // No default and no covering range: nothing is coded.
      {"Volodymyr Zelensky", "2018-01-01", ""},
      {"Zelensky", "2022-02-24", "UKRGOV"},
      // Unknown date: the default code.
      {"Joe Biden", "", "USAELI"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(Fixture(), c.text, c.date), c.codes) << c.text << " on " << c.date;
  }
}

TEST(DictionaryLookup, AppliesTheAmbiguityPolicy) {
  const Case cases[] = {
      // Georgia: the country only with context.
      {"Georgia held elections.", "", ""},
      {"Georgia's president spoke.", "", "GEOGOV"},
      {"Georgia and Tbilisi", "", "GEO GEOGOV"},
      {"Unrest in Georgia, in the Caucasus.", "", "GEO"},
      {"Georgian troops", "", "GEOMIL"},
      // Jordan: river and name; Chad: the country sense is the default.
      {"Jordan said nothing.", "", ""},
      {"Jordan's king met officials in Amman.", "", "JOR GOV JORGOV"},
      {"Chad closed its border.", "", "TCD"},
      // Niger never matches Nigeria, and Nigeria never Niger.
      {"Nigeria", "", "NGA"},
      {"Nigerian troops", "", "NGAMIL"},
      {"Niger", "", ""},
      {"Niger and Niamey", "", "NER NERGOV"},
      {"Nigerien soldiers", "", "NERMIL"},
      // Two Congos, by longest match; bare Congo is the documented default (COD).
      {"Democratic Republic of the Congo", "", "COD"},
      {"Republic of the Congo", "", "COG"},
      {"DR Congo", "", "COD"},
      {"Congo-Brazzaville", "", "COG"},
      {"Kinshasa", "", "CODGOV"},
      {"Brazzaville", "", "COGGOV"},
      {"Congo", "", "COD"},
      // Three Guineas (and not Papua New Guinea's), by longest match.
      {"Guinea", "", "GIN"},
      {"Guinea-Bissau", "", "GNB"},
      {"Guinea - Bissau", "", "GNB"},
      {"Equatorial Guinea", "", "GNQ"},
      {"Guinea, Guinea-Bissau and Equatorial Guinea", "", "GIN GNB GNQ"},
      // Washington: state, city or government: only with context of the United States.
      {"Washington said it would respond.", "", ""},
      {"Washington and the Pentagon", "", "USAGOV USAMIL"},
      {"Washington, in the Oval Office", "", "USAGOV"},
      {"Washington state", "", ""},
      {"America", "", ""},
      {"American officials", "", "USAGOV"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(Fixture(), c.text, c.date), c.codes) << c.text;
  }
}

TEST(DictionaryLookup, ComposesCountriesAgentsAndPeople) {
  const Case cases[] = {
      {"Russian troops crossed the border.", "2022-02-24", "RUSMIL"},
      {"Russia's army", "2022-02-24", "RUSMIL"},
      {"Ukrainian riot police", "2014-02-20", "UKRCOP"},
      {"US President Joe Biden met Vladimir Putin", "2021-06-16", "USAGOV RUSGOV"},
      {"former US President Joe Biden", "2025-06-01", "USAELI"},
      {"Russian Foreign Minister Sergei Lavrov", "2022-03-01", "RUSGOV"},
      {"President Biden", "2022-01-01", "USAGOV"},
      {"the President of Russia", "2022-01-01", "RUSGOV"},
      {"the army of Ukraine", "2022-01-01", "UKRMIL"},
      {"Moscow rejected the offer.", "2022-01-01", "RUSGOV"},
      {"the Kremlin", "2022-01-01", "RUSGOV"},
      {"New York police", "2022-01-01", "USACOP"},
      {"protesters", "2022-01-01", "CVL"},
      {"the U.S. and the UN", "2022-01-01", "USA IGOUNO"},
      {"UN officials", "2022-01-01", "IGOUNO"},
      {"American aid groups", "2022-01-01", "NGOUSA"},
      {"They told us.", "2022-01-01", ""},
      {"US", "2022-01-01", "USA"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(Fixture(), c.text, c.date), c.codes) << c.text;
  }
}

TEST(DictionaryLookup, ReportsSpansAndRules) {
  auto found = FindAll(Fixture(), "US President Joe Biden met Russian troops.", "2021-12-03");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "US President Joe Biden");
  EXPECT_EQ(found[0].rule, MatchRule::kTitledPerson);
  EXPECT_EQ(found[1].text, "Russian troops");
  EXPECT_EQ(found[1].rule, MatchRule::kCountryAgent);
  auto capital = FindAll(Fixture(), "Moscow", "2021-12-03");
  ASSERT_EQ(capital.size(), 1u);
  EXPECT_EQ(capital[0].rule, MatchRule::kCapitalAsGovernment);
}

TEST(DictionaryLookup, CountsStaleCountries) {
  // UKR was verified 2020-01-01: a 2022 document reading Ukrainian names is stale.
  auto found = FindAll(Fixture(), "Ukrainian soldiers and Russian soldiers", "2022-03-01");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].stale);
  EXPECT_FALSE(found[1].stale);
  auto early = FindAll(Fixture(), "Ukrainian soldiers", "2019-03-01");
  ASSERT_EQ(early.size(), 1u);
  EXPECT_FALSE(early[0].stale);
  auto undated = FindAll(Fixture(), "Ukrainian soldiers", "");
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_FALSE(undated[0].stale);
}

TEST(DictionaryLookup, UsesLemmasWhereFormsDoNotMatch) {
  const DictionarySet& set = Fixture();
  std::vector<std::string_view> forms = {"Russian", "armies"};
  std::vector<std::string_view> lemmas = {"Russian", "army"};
  LookupWorkspace ws;
  std::vector<Mention> out;
  set.Lookup(forms, lemmas, 20220101, &ws, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "RUSMIL");
  set.Lookup(forms, {}, 20220101, &ws, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "RUS");
}

TEST(DictionaryLookup, ExplainsTheEntryAndRule) {
  const DictionarySet& set = Fixture();
  std::vector<std::string_view> forms = {"Joe", "Biden"};
  LookupWorkspace ws;
  std::vector<Mention> out;
  set.Lookup(forms, {}, 20211203, &ws, &out);
  ASSERT_EQ(out.size(), 1u);
  std::string text = set.Explain(out[0], 20211203);
  EXPECT_NE(text.find("person \"Joe Biden\""), std::string::npos) << text;
  EXPECT_NE(text.find("people.txt:"), std::string::npos) << text;
  EXPECT_NE(text.find("USAGOV 2009-01-20..2025-01-19"), std::string::npos) << text;
}

// One loaded set shared by several threads, each with its own workspace, gives the same
// answers as a single thread.
TEST(DictionaryLookup, IsSafeToShareBetweenThreads) {
  const DictionarySet& set = Fixture();
  const std::vector<std::string> sentences = {
      "US President Joe Biden met Vladimir Putin", "Russian troops crossed the border.",
      "Georgia's president spoke.", "Guinea, Guinea-Bissau and Equatorial Guinea"};
  std::vector<std::string> expected;
  for (const std::string& s : sentences) expected.push_back(Codes(set, s, "2021-12-03"));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < sentences.size(); ++i) {
          if (Codes(set, sentences[i], "2021-12-03") != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace parley::lexicon
