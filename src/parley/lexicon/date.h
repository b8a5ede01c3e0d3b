#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::lexicon {

// A calendar date as the integer YYYYMMDD, so that dates compare with < and ==.
using Date = int32_t;

// "No date known" (a document without a date); also the open start of a range.
inline constexpr Date kUnknownDate = 0;
inline constexpr Date kOpenStart = 0;
// The open end of a range: later than any real date.
inline constexpr Date kOpenEnd = 99991231;

// True when y-m-d is a real Gregorian date with 1000 <= y <= 9999.
[[nodiscard]] bool IsValidDate(int year, int month, int day);

// Parses "YYYY-MM-DD" (a real calendar date). Returns false and leaves *out alone otherwise.
[[nodiscard]] bool ParseIsoDate(std::string_view text, Date* out);

// Parses a PETRARCH/TABARI date: YYYYMMDD, or YYMMDD where 00-30 means 20YY and 31-99 19YY.
// Returns false for anything else, including impossible dates such as 20100931.
[[nodiscard]] bool ParsePetrarchDate(std::string_view text, Date* out);

// Calendar arithmetic on real dates (proleptic Gregorian).
[[nodiscard]] inline int YearOf(Date d) { return d / 10000; }
[[nodiscard]] inline int MonthOf(Date d) { return d / 100 % 100; }
[[nodiscard]] inline int DayOf(Date d) { return d % 100; }
// Days since 1970-01-01 (negative before), and back.
[[nodiscard]] int64_t DaysFromDate(Date date);
[[nodiscard]] Date DateFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
[[nodiscard]] int WeekdayOf(Date date);
// `date` moved by whole days, or by whole months (the day clamped to the month's length).
[[nodiscard]] inline Date AddDays(Date date, int64_t days) {
  return DateFromDays(DaysFromDate(date) + days);
}
[[nodiscard]] Date AddMonths(Date date, int months);

// "YYYY-MM-DD"; kOpenStart and kOpenEnd give "" (an open end of a range).
[[nodiscard]] std::string FormatDate(Date date);

// A code range "FROM..TO" with open ends left empty, e.g. "2025-01-20..", "..2009-01-19".
[[nodiscard]] std::string FormatRange(Date from, Date to);

}  // namespace parley::lexicon
