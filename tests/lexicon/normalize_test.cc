#include "parley/lexicon/normalize.h"

#include <gtest/gtest.h>

namespace parley::lexicon {
namespace {

TEST(Normalize, IsCaseAndPunctuationTolerant) {
  struct Case {
    const char* text;
    const char* key;
  };
  const Case cases[] = {
      {"U.S.", "us"},
      {"US", "us"},
      {"U.S", "us"},
      {"United States", "united states"},
      {"Guinea-Bissau", "guinea bissau"},
      {"Guinea - Bissau", "guinea bissau"},
      {"Russia's", "russia s"},
      {"Russia\xE2\x80\x99s", "russia s"},
      {"'s", "s"},
      {"St. John's", "st john s"},
      {"O'Brien", "o brien"},
      {"COX'S_BAZAR_", "cox s bazar"},
      {"W\xC3\xB6rner", "worner"},
      {"WÖRNER", "worner"},
      {"S\xC3\xA3o Tom\xC3\xA9", "sao tome"},
      {"  ,;  ", ""},
      {"Ministers'", "ministers"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizedKey(c.text), c.key) << c.text;
}

TEST(Normalize, MarksCapitalizedWords) {
  std::string buffer;
  std::vector<WordSpan> words;
  NormalizeWords("US us U.S. Us", &buffer, &words);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_TRUE(words[0].upper);
  EXPECT_FALSE(words[1].upper);
  EXPECT_TRUE(words[2].upper);
  EXPECT_FALSE(words[3].upper);
  EXPECT_EQ(words[2].letters, 2);
}

TEST(Normalize, MarksPossessives) {
  std::string buffer;
  std::vector<WordSpan> words;
  NormalizeWords("Russia's", &buffer, &words);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_FALSE(words[0].possessive);
  EXPECT_TRUE(words[1].possessive);
  words.clear();
  NormalizeWords("Hess", &buffer, &words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_FALSE(words[0].possessive);
}

TEST(Normalize, SurvivesInvalidUtf8) {
  EXPECT_EQ(NormalizedKey(std::string("ab\xFF\xFE" "cd")), "ab cd");
  EXPECT_EQ(NormalizedKey(std::string("\xE2\x80")), "");
}

}  // namespace
}  // namespace parley::lexicon
