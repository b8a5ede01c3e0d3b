#include "parley/lexicon/date.h"

#include <gtest/gtest.h>

namespace parley::lexicon {
namespace {

TEST(Date, ParsesIsoDates) {
  struct Case {
    const char* text;
    bool ok;
    Date value;
  };
  const Case cases[] = {
      {"2025-01-20", true, 20250120}, {"2024-02-29", true, 20240229},
      {"2023-02-29", false, 0},       {"2025-13-01", false, 0},
      {"2025-1-20", false, 0},        {"20250120", false, 0},
      {"", false, 0},                 {"2025-01-2x", false, 0},
  };
  for (const Case& c : cases) {
    Date d = 0;
    EXPECT_EQ(ParseIsoDate(c.text, &d), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(d, c.value) << c.text;
    }
  }
}

TEST(Date, ParsesPetrarchDatesWithTheTwoDigitYearPivot) {
  struct Case {
    const char* text;
    bool ok;
    Date value;
  };
  const Case cases[] = {
      {"090120", true, 20090120},   {"300101", true, 20300101}, {"310101", true, 19310101},
      {"450703", true, 19450703},   {"19411207", true, 19411207}, {"20100931", false, 0},
      {"1234567", false, 0},        {"abcdef", false, 0},
  };
  for (const Case& c : cases) {
    Date d = 0;
    EXPECT_EQ(ParsePetrarchDate(c.text, &d), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(d, c.value) << c.text;
    }
  }
}

TEST(Date, FormatsRangesWithOpenEnds) {
  EXPECT_EQ(FormatRange(20250120, kOpenEnd), "2025-01-20..");
  EXPECT_EQ(FormatRange(kOpenStart, 20090119), "..2009-01-19");
  EXPECT_EQ(FormatDate(20090120), "2009-01-20");
}

}  // namespace
}  // namespace parley::lexicon
