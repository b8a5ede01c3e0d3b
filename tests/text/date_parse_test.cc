#include "parley/text/date_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::text {
namespace {

struct DateCase {
  const char* input;
  const char* expected;  // nullptr = not a date
};

TEST(NormalizeDate, AcceptsCommonForms) {
  const DateCase kCases[] = {
      {"2021-12-03", "2021-12-03"},
      {"  2021-12-03\n", "2021-12-03"},
      {"2021-12-03T21:46:00Z", "2021-12-03"},
      {"2021-12-03T21:46:00+03:00", "2021-12-03"},
      {"2021-12-03 21:46", "2021-12-03"},
      {"2021/12/3", "2021-12-03"},
      {"2021.12.03", "2021-12-03"},
      {"20211203", "2021-12-03"},
      {"20080801", "2008-08-01"},
      {"20211203T2146", "2021-12-03"},
      {"Dec 3, 2021", "2021-12-03"},
      {"Dec. 3, 2021", "2021-12-03"},
      {"December 3 2021", "2021-12-03"},
      {"december 3rd, 2021", "2021-12-03"},
      {"Sept 30, 2020", "2020-09-30"},
      {"Friday, December 3, 2021", "2021-12-03"},
      {"3 December 2021", "2021-12-03"},
      {"3rd December 2021", "2021-12-03"},
      {"3 Dec, 2021 21:46", "2021-12-03"},
      {"03-Dec-2021", "2021-12-03"},
      {"Fri, 03 Dec 2021 21:46:00 +0000", "2021-12-03"},
      {"29 Feb 2020", "2020-02-29"},
      {"2000-02-29", "2000-02-29"},
  };
  for (const DateCase& c : kCases) {
    auto got = NormalizeDate(c.input);
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(*got, c.expected) << c.input;
  }
}

TEST(NormalizeDate, RejectsNonDates) {
  const char* kCases[] = {
      "",
      "   ",
      "yesterday",
      "12/03/2021",      // day/month order is ambiguous
      "2021-13-01",      // month 13
      "2021-02-30",      // no such day
      "29 Feb 2021",     // not a leap year
      "1900-02-29",      // not a leap year (century rule)
      "2021-12",         // no day
      "202112031",       // nine digits
      "2021-12-03x",     // junk glued to the date
      "Dec 32, 2021",
      "Foo 3, 2021",
      "3 Dec 21",        // two-digit year
      "0999-01-01",      // year out of range
      "2021-12/03",      // mixed separators
      "Dec 3, 20211",
  };
  for (const char* c : kCases) {
    EXPECT_FALSE(NormalizeDate(c).has_value()) << "'" << c << "' -> " << *NormalizeDate(c);
  }
}

}  // namespace
}  // namespace parley::text
