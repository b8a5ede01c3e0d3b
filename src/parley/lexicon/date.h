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

// "YYYY-MM-DD"; kOpenStart and kOpenEnd give "" (an open end of a range).
[[nodiscard]] std::string FormatDate(Date date);

// A code range "FROM..TO" with open ends left empty, e.g. "2025-01-20..", "..2009-01-19".
[[nodiscard]] std::string FormatRange(Date from, Date to);

}  // namespace parley::lexicon
