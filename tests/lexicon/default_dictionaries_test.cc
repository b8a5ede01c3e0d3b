// The shipped dictionaries (dict/): they load, pass the checks, resolve the documented date
// examples, and every country name, adjective and capital finds its own country again.
#include <gtest/gtest.h>

#include <chrono>

#include "lexicon_test_util.h"
#include "parley/lexicon/codebook.h"
#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/paths.h"

namespace parley::lexicon {
namespace {

using testing::Codes;

const DictionarySet& Default() {
  static const auto set = DictionarySet::Load(DataDir());
  return *set;
}

TEST(DefaultDictionaries, LoadWithinBudgetAndPassTheCheck) {
  auto start = std::chrono::steady_clock::now();
  auto set = DictionarySet::Load(DataDir());
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  EXPECT_LE(ms, 300.0) << "loading dict/ took " << ms << " ms";
  lexicon::Codebook codebook = lexicon::Codebook::LoadDefault();
  CheckReport report = CheckDictionaries(*set, &codebook);
  for (const Finding& f : report.findings) {
    if (f.severity == Finding::Severity::kError) ADD_FAILURE() << f.ToString();
  }
  EXPECT_GE(report.counts.countries, 190u);
  EXPECT_GE(report.counts.agents, 20u);
  size_t terms = 0;
  for (const NameRecord& n : set->names()) terms += n.role == NameRole::kAgentTerm ? 1 : 0;
  EXPECT_GE(terms, 200u);
}

TEST(DefaultDictionaries, ResolveTheDocumentedDates) {
  struct Case {
    const char* text;
    const char* date;
    const char* codes;
  };
  const Case cases[] = {
      {"Joe Biden", "2015-06-01", "USAGOV"},   {"Joe Biden", "2022-06-01", "USAGOV"},
      {"Joe Biden", "2025-01-19", "USAGOV"},   {"Joe Biden", "2025-01-20", "USAELI"},
      // Out of office between the vice-presidency and the presidency: an elite, not government.
      {"Joe Biden", "2019-06-01", "USAELI"},   {"Marco Rubio", "2020-06-01", "USALEG"},
      {"Donald Trump", "2017-01-20", "USAGOV"}, {"Donald Trump", "2021-01-20", "USAELI"},
      {"Donald Trump", "2025-01-20", "USAGOV"}, {"Antony Blinken", "2021-01-26", "USAGOV"},
      {"Antony Blinken", "2025-01-20", "USAELI"}, {"Marco Rubio", "2025-01-21", "USAGOV"},
      {"Vladimir Putin", "2021-06-16", "RUSGOV"}, {"Vladimir Putin", "2026-01-01", "RUSGOV"},
      {"Sergei Lavrov", "2021-06-16", "RUSGOV"},  {"Sergei Lavrov", "2026-01-01", "RUSGOV"},
      {"Russian troops", "2022-02-24", "RUSMIL"},
      {"US President Joe Biden", "2021-12-03", "USAGOV"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(Default(), c.text, c.date), c.codes) << c.text << " on " << c.date;
  }
}

// Every name, adjective and capital of every country must find that country (its code, or
// ISO+GOV for a capital) when it stands alone: ambiguous names are checked with the country's
// first name beside them, as the policy requires context.
TEST(DefaultDictionaries, RoundTripEveryCountryNameAdjectiveAndCapital) {
  const DictionarySet& set = Default();
  size_t checked = 0;
  for (const NameRecord& n : set.names()) {
    const Entry& e = set.entries()[n.entry];
    if (e.kind != EntryKind::kCountry) continue;
    if (n.role != NameRole::kName && n.role != NameRole::kAdjective &&
        n.role != NameRole::kCapital) {
      continue;
    }
    // A capital that is also a name of its country (Singapore, Vatican City) is the country.
    bool capital_is_name = false;
    for (const NameRecord& o : set.names()) {
      capital_is_name |= n.role == NameRole::kCapital && o.entry == n.entry &&
                         o.role == NameRole::kName && NormalizedKey(o.text) == NormalizedKey(n.text);
    }
    std::string expected =
        n.role == NameRole::kCapital && !capital_is_name ? e.head + "GOV" : e.head;
    std::string text = n.text;
    std::string want = expected;
    if (n.ambiguous && !n.ambiguous_default) {
      // Context: the country's own capital (or, for a capital, its first name).
      std::string context;
      for (const NameRecord& o : set.names()) {
        if (o.entry != n.entry || o.ambiguous) continue;
        if (n.role == NameRole::kCapital ? o.role == NameRole::kName : o.role == NameRole::kCapital) {
          context = o.text;
          break;
        }
      }
      if (context.empty()) continue;  // nothing unambiguous to give as context
      std::string context_code = n.role == NameRole::kCapital ? e.head : e.head + "GOV";
      text += " and " + context;
      want += " " + context_code;
    }
    std::string got = Codes(set, text, "2025-06-01");
    EXPECT_EQ(got, want) << "\"" << text << "\" (" << set.Where(n.where) << ")";
    ++checked;
  }
  EXPECT_GE(checked, 500u);
}

}  // namespace
}  // namespace parley::lexicon
