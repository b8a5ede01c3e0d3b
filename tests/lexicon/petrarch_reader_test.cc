// PETRARCH/TABARI readers: the fixture files in tests/fixtures/dict/petrarch, quirks read the
// documented way, and (Slow) every dictionary shipped with PETRARCH-2 in ../shared.
#include "parley/lexicon/petrarch_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "lexicon_test_util.h"
#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_file.h"
#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {
namespace {

using testing::Codes;

std::string PetrarchFixture() { return testing::FixtureDir() + "/petrarch"; }

std::shared_ptr<const DictionarySet> Read(PetrarchKind kind, const std::string& text) {
  auto set = std::make_shared<DictionarySet>();
  ReadPetrarchFile(kind, "t.txt", text, set.get());
  set->Freeze();
  return set;
}

size_t Errors(const DictionarySet& set) {
  size_t n = 0;
  for (const LoadProblem& p : set.problems()) n += p.severity == LoadProblem::Severity::kError;
  return n;
}

TEST(PetrarchReader, GuessesKindsFromFileNames) {
  struct Case {
    const char* name;
    bool ok;
    PetrarchKind kind;
  };
  const Case cases[] = {
      {"Phoenix.Countries.actors.txt", true, PetrarchKind::kActors},
      {"Phoenix.agents.txt", true, PetrarchKind::kAgents},
      {"Phoenix.discards.txt", true, PetrarchKind::kDiscards},
      {"Phoenix.IssueCoding.txt", true, PetrarchKind::kIssues},
      {"CAMEO.2.0.txt", true, PetrarchKind::kVerbs},
      {"PETR.Validate.verbs.txt", true, PetrarchKind::kVerbs},
      {"LICENSE", false, PetrarchKind::kActors},
  };
  for (const Case& c : cases) {
    PetrarchKind k = PetrarchKind::kActors;
    EXPECT_EQ(GuessPetrarchKind(c.name, &k), c.ok) << c.name;
    if (c.ok) {
      EXPECT_EQ(k, c.kind) << c.name;
    }
  }
}

TEST(PetrarchReader, ReadsTheFixtureDirectoryIntoTheSameStructures) {
  auto set = DictionarySet::Load("petrarch:" + PetrarchFixture());
  const struct {
    const char* text;
    const char* date;
    const char* codes;
  } cases[] = {
      {"Joe Biden", "2005-01-01", "USAELI"},   {"Joseph Biden", "2012-01-01", "USAGOV"},
      {"Joe Biden", "2018-01-01", "USAELI"},   {"America", "2018-01-01", "USA"},
      {"the U.S.", "2018-01-01", "USA"},       {"Old King", "1980-01-01", "ABCGOV"},
      {"Old King", "1990-01-01", "ABCELI"},    {"the UN", "2020-01-01", "IGOUNO"},
      {"American presidents", "2020-01-01", "USAGOV"},
      {"US congressmen", "2020-01-01", "USALEG"},
      {"attorneys general", "2020-01-01", "JUD"},
      {"American human rights group", "2020-01-01", "NGOUSA"},
      {"told us", "2020-01-01", ""},
      // A title recorded as an actor before a person: the person's dated code wins.
      {"US President Joe Biden", "2012-01-01", "USAGOV"},
      {"US President Joe Biden", "2018-01-01", "USAELI"},
      // A country record whose code changed: still composes with agents.
      {"Ukrainian army", "2020-01-01", "UKRMIL"},
      {"Ukrainian army", "1990-01-01", "UKRMIL"},
      {"Ukraine", "1990-01-01", "USRUKR"},
  };
  for (const auto& c : cases) EXPECT_EQ(Codes(*set, c.text, c.date), c.codes) << c.text;
  EXPECT_EQ(Errors(*set), 0u);
  EXPECT_EQ(set->discards().size(), 3u);
  EXPECT_TRUE(set->discards()[0].story);
  EXPECT_FALSE(set->discards()[2].stem);
  // n:atrocity -> 2, ethnic v:purge -> 4, ~~Armenian genocide -> 1
  EXPECT_EQ(set->issues().size(), 7u);
}

TEST(PetrarchReader, ReadsVerbBlocksSynsetsFormsAndPatterns) {
  auto set = DictionarySet::Load("petrarch:" + PetrarchFixture() + "/Test.verbs.txt");
  const VerbDictionary& v = set->verbs();
  ASSERT_EQ(v.blocks.size(), 2u);
  EXPECT_EQ(v.blocks[0].name, "GRANT");
  EXPECT_EQ(v.blocks[0].code.primary, "070");
  const Synset* currency = v.FindSynset("&CURRENCY");
  ASSERT_NE(currency, nullptr);
  EXPECT_EQ(currency->phrases, (std::vector<std::string>{"DOLLAR", "DOLLARS", "EURO", "EUROS"}));
  const Synset* aux = v.FindSynset("&AUXVERB");
  ASSERT_NE(aux, nullptr);
  EXPECT_TRUE(aux->no_plural);
  std::vector<std::string> forms;
  for (const VerbForm& f : v.forms) forms.push_back(f.text);
  for (const char* want : {"GRANT", "GRANTS", "GRANTED", "GRANTING", "GIVE", "GAVE", "GIVEN",
                           "BEEF UP", "BEEFS UP", "BEEFED UP", "MET"}) {
    EXPECT_NE(std::find(forms.begin(), forms.end(), want), forms.end()) << want;
  }
  ASSERT_EQ(v.patterns.size(), 4u);
  const VerbPattern& p = v.patterns[1];  // "- $ * (TO +) [070]"
  EXPECT_EQ(p.code.primary, "070");
  ASSERT_EQ(p.tokens.size(), 6u);
  EXPECT_EQ(p.tokens[0].kind, PatternTokenKind::kSource);
  EXPECT_EQ(p.tokens[1].kind, PatternTokenKind::kVerb);
  EXPECT_EQ(p.tokens[2].kind, PatternTokenKind::kOpenPrep);
  EXPECT_EQ(p.tokens[3].text, "TO");
  EXPECT_EQ(p.tokens[4].kind, PatternTokenKind::kTarget);
  EXPECT_EQ(p.tokens[5].kind, PatternTokenKind::kClosePrep);
  EXPECT_EQ(v.patterns[2].code.secondary, "071");
  EXPECT_EQ(v.patterns[3].tokens.back().kind, PatternTokenKind::kCompound);
  EXPECT_TRUE(v.patterns[3].tokens.back().joined);
  EXPECT_EQ(set->Where(v.patterns[0].where), PetrarchFixture() + "/Test.verbs.txt:13");
  ASSERT_EQ(v.transformations.size(), 1u);
}

TEST(PetrarchReader, ReportsUninterpretableLinesWithFileAndLine) {
  struct Case {
    PetrarchKind kind;
    const char* text;
    uint32_t line;
  };
  const Case cases[] = {
      {PetrarchKind::kActors, "\t[USAGOV 090120-170119]\n", 1},
      {PetrarchKind::kActors, "X_ [ABC\n", 1},
      {PetrarchKind::kActors, "X_\n\t[ABC 0901x0-170119]\n", 2},
      {PetrarchKind::kActors, "+SYNONYM_\n", 1},
      {PetrarchKind::kActors, "X_ [AB C$]\n", 1},
      {PetrarchKind::kAgents, "!X! = \n", 1},
      {PetrarchKind::kAgents, "WORD!UNDEFINED! [~GOV]\n", 1},
      {PetrarchKind::kAgents, "WORD {PLURAL [~GOV]\n", 1},
      {PetrarchKind::kVerbs, "GIVE\n", 1},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- * (TO + [010]\n", 2},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- TO + [010]\n", 2},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- * TO\n", 2},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- * TO [0 1]\n", 2},
      {PetrarchKind::kVerbs, "--- A [010] ---\nGIVE {GAVE\n", 2},
      {PetrarchKind::kIssues, "<ISSUE TYPE=\"x\">\n", 1},
      {PetrarchKind::kIssues, "word []\n", 1},
  };
  for (const Case& c : cases) {
    auto set = Read(c.kind, c.text);
    bool found = false;
    for (const LoadProblem& p : set->problems()) {
      if (p.severity == LoadProblem::Severity::kError && p.line == c.line && p.file == "t.txt") {
        found = true;
      }
    }
    EXPECT_TRUE(found) << c.text;
  }
}

TEST(PetrarchReader, ReadsLegacyQuirksWithNotes) {
  // Each is read the way PETRARCH reads it and leaves a note, never an error.
  struct Case {
    PetrarchKind kind;
    const char* text;
  };
  const Case cases[] = {
      {PetrarchKind::kActors, "X_\n\t[ABC 9008223-911221]\n"},
      {PetrarchKind::kActors, "X_\n\t[ABC 20121204]\n"},
      {PetrarchKind::kActors, "X_\t[MNCMED]\tNewspapers\t$137,000,000\n"},
      {PetrarchKind::kActors, "X_  [pse]\n"},
      {PetrarchKind::kActors, "X_\t[ABC <061231] [DEF]\t[---]\n"},
      {PetrarchKind::kAgents, "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"},
      {PetrarchKind::kAgents, "ISLAMIC_EXTREMIST\n"},
      {PetrarchKind::kVerbs, "--- A [010]---  ---\nSCRAP {SCRAPS SCRAPPED};shan 8/30/93\n"},
      {PetrarchKind::kVerbs, "--- A [010] ---\nLASH OUT\n- *SCEPTICAL [012]\n"},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- * VENTURE (WITH VISIT) VISIT)[042]\n"},
      {PetrarchKind::kVerbs, "--- A [010] ---\n- * (IN &WEATHER) [---]\n"},
      {PetrarchKind::kVerbs, "--- A [120] [031:031] ---\n- * X [###]\n"},
      {PetrarchKind::kIssues, "eec\npre+n:school [EDU]\nv:block m:site [CENSOR]\n"},
      {PetrarchKind::kIssues, "a b [X]c d [X]\naqim [T] [T]\nx [T]*****\n"},
  };
  for (const Case& c : cases) {
    auto set = Read(c.kind, c.text);
    EXPECT_EQ(Errors(*set), 0u) << c.text << "\n" << set->problems()[0].ToString();
    bool noted = false;
    for (const LoadProblem& p : set->problems()) noted |= p.severity == LoadProblem::Severity::kNote;
    EXPECT_TRUE(noted) << c.text;
  }
}

TEST(PetrarchReader, ConvertsToParleyFormatAndBack) {
  std::string out = ::testing::TempDir() + "/parley_convert_test";
  std::filesystem::remove_all(out);
  auto original = DictionarySet::Load("petrarch:" + PetrarchFixture());
  WriteParleyDictionaries(*original, out, {PetrarchFixture() + "/Test.verbs.txt"});
  auto converted = DictionarySet::Load(out);
  for (const char* text : {"Joe Biden", "Old King", "the UN", "American presidents",
                           "US congressmen", "attorneys general", "police", "told us"}) {
    for (const char* date : {"1980-01-01", "2012-01-01", "2018-01-01"}) {
      EXPECT_EQ(Codes(*converted, text, date), Codes(*original, text, date)) << text << " " << date;
    }
  }
  EXPECT_EQ(converted->verbs().patterns.size(), original->verbs().patterns.size());
}

// Every dictionary in ../shared/data/petrarch2 loads with no line left uninterpreted.
TEST(PetrarchReaderSlow, LoadsEveryPetrarch2Dictionary) {
  std::string dir = std::string(PARLEY_SHARED_DATA) + "/petrarch2";
  if (!std::filesystem::exists(dir + "/CAMEO.2.0.txt")) {
    GTEST_SKIP() << "PETRARCH-2 dictionaries not found in " << dir;
  }
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    PetrarchKind kind;
    if (!GuessPetrarchKind(item.path().filename().string(), &kind)) continue;
    DictionarySet::LoadOptions options;
    options.throw_on_error = false;
    auto set = DictionarySet::Load("petrarch:" + item.path().string(), options);
    for (const LoadProblem& p : set->problems()) {
      if (p.severity == LoadProblem::Severity::kError) ADD_FAILURE() << p.ToString();
    }
  }
  auto all = DictionarySet::Load("petrarch:" + dir);  // throws on any unreadable line
  DictionaryCounts c = all->Counts();
  EXPECT_GT(c.countries, 200u);
  EXPECT_GT(c.persons, 10000u);
  EXPECT_GT(c.agents, 2000u);
  EXPECT_GT(c.verb_patterns, 4000u);
  EXPECT_GT(c.synsets, 30u);
  // Phoenix codes resolve as in PETRARCH.
  EXPECT_EQ(Codes(*all, "Afghanistan", "2010-01-01"), "AFG");
}

}  // namespace
}  // namespace parley::lexicon
