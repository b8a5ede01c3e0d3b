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

// An independent next-day step for walking the calendar in the round-trip test.
Date NextDay(Date d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = YearOf(d);
  int m = MonthOf(d);
  int day = DayOf(d) + 1;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int length = m == 2 && leap ? 29 : kDays[m - 1];
  if (day > length) {
    day = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return y * 10000 + m * 100 + day;
}

TEST(Date, DaysFromDateHasKnownValues) {
  // Values from Python: (date(y, m, d) - date(1970, 1, 1)).days
  EXPECT_EQ(DaysFromDate(19700101), 0);
  EXPECT_EQ(DaysFromDate(19691231), -1);
  EXPECT_EQ(DaysFromDate(20000229), 11016);
  EXPECT_EQ(DaysFromDate(20240229), 19782);
  EXPECT_EQ(DaysFromDate(19000301), -25508);
  EXPECT_EQ(DaysFromDate(21000228), 47540);
  EXPECT_EQ(DaysFromDate(16000229), -135081);
  EXPECT_EQ(DaysFromDate(20211203), 18964);
  EXPECT_EQ(DaysFromDate(10000101), -354285);
  EXPECT_EQ(DaysFromDate(99991231), 2932896);
  EXPECT_EQ(DateFromDays(0), 19700101);
  EXPECT_EQ(DateFromDays(-1), 19691231);
  EXPECT_EQ(DateFromDays(11016), 20000229);
  EXPECT_EQ(DateFromDays(-135081), 16000229);
  EXPECT_EQ(DateFromDays(2932896), 99991231);
}

TEST(Date, DaysRoundTripDayByDay) {
  // 1895-01-01 .. 2105-12-31: leap days of 1896, 2000, 2096 and the non-leap 1900 and 2100.
  Date d = 18950101;
  int64_t days = DaysFromDate(d);
  int leap_days = 0;
  while (d <= 21051231) {
    ASSERT_EQ(DaysFromDate(d), days) << d;
    ASSERT_EQ(DateFromDays(days), d) << days;
    if (MonthOf(d) == 2 && DayOf(d) == 29) ++leap_days;
    d = NextDay(d);
    ++days;
  }
  // 1896..2104 every fourth year, minus 1900 and 2100: 53 - 2.
  EXPECT_EQ(leap_days, 51);
  EXPECT_EQ(DateFromDays(DaysFromDate(19000228) + 1), 19000301);
  EXPECT_EQ(DateFromDays(DaysFromDate(20000228) + 1), 20000229);
}

TEST(Date, WeekdayOf) {
  EXPECT_EQ(WeekdayOf(20211203), 4);  // Friday
  EXPECT_EQ(WeekdayOf(20211204), 5);  // Saturday
  EXPECT_EQ(WeekdayOf(20211206), 0);  // Monday
  EXPECT_EQ(WeekdayOf(19700101), 3);  // Thursday
  EXPECT_EQ(WeekdayOf(19691231), 2);  // Wednesday
  EXPECT_EQ(WeekdayOf(20000229), 1);  // Tuesday
  EXPECT_EQ(WeekdayOf(21000228), 6);  // Sunday
}

TEST(Date, AddDaysCrossesMonthAndYearEnds) {
  EXPECT_EQ(AddDays(20211231, 1), 20220101);
  EXPECT_EQ(AddDays(20220101, -1), 20211231);
  EXPECT_EQ(AddDays(20200228, 1), 20200229);
  EXPECT_EQ(AddDays(20210228, 1), 20210301);
  EXPECT_EQ(AddDays(20210301, -1), 20210228);
  EXPECT_EQ(AddDays(20240301, -1), 20240229);
  EXPECT_EQ(AddDays(20210101, -400), 20191128);
  EXPECT_EQ(AddDays(20211203, 0), 20211203);
  EXPECT_EQ(AddDays(19700101, -1), 19691231);
}

TEST(Date, AddMonthsClampsTheDay) {
  EXPECT_EQ(AddMonths(20210131, 1), 20210228);
  EXPECT_EQ(AddMonths(20240131, 1), 20240229);
  EXPECT_EQ(AddMonths(20210331, -1), 20210228);
  EXPECT_EQ(AddMonths(20210515, 12), 20220515);
  EXPECT_EQ(AddMonths(20200229, 12), 20210228);
  EXPECT_EQ(AddMonths(20210215, -3), 20201115);
  EXPECT_EQ(AddMonths(20210331, -13), 20200229);
  EXPECT_EQ(AddMonths(20211130, 3), 20220228);
  EXPECT_EQ(AddMonths(20210110, -25), 20181210);
  EXPECT_EQ(AddMonths(20211203, 0), 20211203);
  EXPECT_EQ(AddMonths(20211215, 1), 20220115);
}

}  // namespace
}  // namespace parley::lexicon
