#include "parley/text/tokenizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/error.h"

namespace parley::text {
namespace {

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

std::string Join(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out += t.form;
  }
  return out;
}

std::string Tokens(const Tokenizer& tokenizer, std::string_view text) {
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
  return Join(tokens);
}

struct Case {
  const char* text;
  const char* tokens;
};

TEST(Tokenizer, SplitsTheWayUdDoes) {
  const Tokenizer tokenizer(kRules);
  const Case cases[] = {
      {"Biden didn't go.", "Biden|did|n't|go|."},
      {"Russia's army", "Russia|'s|army"},
      {"Russia\xE2\x80\x99s army", "Russia|\xE2\x80\x99s|army"},
      {"I'm sure they're here, we'll see.", "I|'m|sure|they|'re|here|,|we|'ll|see|."},
      {"He can't and won't.", "He|ca|n't|and|wo|n't|."},
      {"You cannot win.", "You|can|not|win|."},
      {"the U.S. military", "the|U.S.|military"},
      {"in the U.S.", "in|the|U.S."},
      {"Gen. Mark Milley and Mr. Smith", "Gen.|Mark|Milley|and|Mr.|Smith"},
      {"on Dec. 3, 2021", "on|Dec.|3|,|2021"},
      {"George W. Bush", "George|W.|Bush"},
      {"a $1.1 billion deal", "a|$1.1|billion|deal"},
      {"30,000 troops and 3.5%", "30,000|troops|and|3.5|%"},
      {"a 30-day ceasefire in Rostov-on-Don", "a|30-day|ceasefire|in|Rostov-on-Don"},
      {"US-Russia ties and F-16 jets", "US-Russia|ties|and|F-16|jets"},
      {"a long-time ally, an e-mail, a pro-Kremlin party",
       "a|long|-|time|ally|,|an|e-mail|,|a|pro-Kremlin|party"},
      {"at 21:46 GMT", "at|21:46|GMT"},
      {"in 1946-1954, won 4-0", "in|1946|-|1954|,|won|4|-|0"},
      {"call 853-7906 or 732-657-3416", "call|853-7906|or|732-657-3416"},
      {"on 2021-12-03 at 94305-5015", "on|2021-12-03|at|94305-5015"},
      {"see https://example.com/a?b=1.", "see|https://example.com/a?b=1|."},
      {"(www.kremlin.ru)", "(|www.kremlin.ru|)"},
      {"mail press@state.gov today", "mail|press@state.gov|today"},
      {"\"Yes,\" he said.", "\"|Yes|,|\"|he|said|."},
      {"\xE2\x80\x9CNo.\xE2\x80\x9D", "\xE2\x80\x9C|No|.|\xE2\x80\x9D"},
      {"Wait... what?!", "Wait|...|what|?!"},
      {"peace -- or war", "peace|--|or|war"},
      {"students' rights", "students|'|rights"},
      {"the 1990's", "the|1990's"},
      {"AT&T and S&P", "AT&T|and|S&P"},
      {"w/o a doubt", "w/o|a|doubt"},
      {"on 12/3/2021", "on|12/3/2021"},
      {"@WhiteHouse #Ukraine", "@WhiteHouse|#Ukraine"},
      {"great :) really", "great|:)|really"},
      {"No. 10 Downing St.", "No.|10|Downing|St."},
      {"I said no.", "I|said|no|."},
      {"e.g. this", "e.g.|this"},
      {"O'Brien's plan", "O'Brien|'s|plan"},
      {"\xC2\xA0word\xC2\xA0", "word"},
  };
  for (const Case& c : cases) EXPECT_EQ(Tokens(tokenizer, c.text), c.tokens) << c.text;
}

TEST(Tokenizer, EwtConventionsSplitHyphensAndCurrency) {
  TokenizerOptions options;
  options.split_hyphens = true;
  options.split_currency = true;
  const Tokenizer tokenizer(kRules, options);
  const Case cases[] = {
      {"a 30-day truce", "a|30|-|day|truce"},
      {"an e-mail from a co-founder", "an|e-mail|from|a|co-founder"},
      {"call 555-1234", "call|555-1234"},
      {"$1.1 billion", "$|1.1|billion"},
  };
  for (const Case& c : cases) EXPECT_EQ(Tokens(tokenizer, c.text), c.tokens) << c.text;
}

TEST(Tokenizer, SpansAreExactAndSpaceAfterIsSet) {
  const Tokenizer tokenizer(kRules);
  const std::string body = "xx Biden's \"plan\". yy";
  std::vector<Token> tokens;
  tokenizer.Tokenize(body, {3, 18}, &tokens);
  ASSERT_EQ(Join(tokens), "Biden|'s|\"|plan|\"|.");
  for (const Token& t : tokens) {
    EXPECT_EQ(body.substr(t.span.begin, t.span.size()), t.form);
    EXPECT_EQ(t.form.data(), body.data() + t.span.begin);
  }
  EXPECT_FALSE(tokens[0].space_after);
  EXPECT_TRUE(tokens[1].space_after);
  EXPECT_FALSE(tokens[2].space_after);
  EXPECT_TRUE(tokens[5].space_after);
}

TEST(Tokenizer, SurvivesArbitraryBytes) {
  const Tokenizer tokenizer(kRules);
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  std::vector<Token> tokens;
  tokenizer.Tokenize(junk, {0, static_cast<uint32_t>(junk.size())}, &tokens);
  uint32_t last_end = 0;
  for (const Token& t : tokens) {
    EXPECT_GE(t.span.begin, last_end);
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, junk.size());
    last_end = t.span.end;
  }
}

TEST(Tokenizer, BadRuleLineNamesFileAndLine) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "parley_tokenizer_test_rules";
  fs::remove_all(dir);
  fs::copy(kRules, dir);
  {
    std::ofstream out(dir / "abbreviations.txt", std::ios::trunc);
    out << "# header\nMr. title\nGen\n";
  }
  try {
    const Tokenizer tokenizer(dir.string());
    ADD_FAILURE() << "expected parley::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("abbreviations.txt:3"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(Tokenizer, MissingRuleDirectoryThrows) {
  EXPECT_THROW(Tokenizer("/nonexistent/parley/rules"), Error);
}

}  // namespace
}  // namespace parley::text
