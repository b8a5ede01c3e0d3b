#include "parley/lexicon/date.h"

#include <cstdio>

namespace parley::lexicon {

namespace {

bool Digits(std::string_view s, int* value) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) limit = 29;
  return day <= limit;
}

// Howard Hinnant's days-from-civil algorithm (public domain description of the Gregorian
// calendar): eras of 400 years, March-based years so that the leap day comes last.
int64_t DaysFromDate(Date date) {
  int64_t y = YearOf(date);
  const int64_t m = MonthOf(date);
  const int64_t d = DayOf(date);
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date DateFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return static_cast<Date>(y * 10000 + m * 100 + d);
}

int WeekdayOf(Date date) {
  // 1970-01-01 was a Thursday (3)
  const int64_t w = (DaysFromDate(date) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Date AddMonths(Date date, int months) {
  int64_t index = int64_t{YearOf(date)} * 12 + (MonthOf(date) - 1) + months;
  const int y = static_cast<int>(index / 12);
  const int m = static_cast<int>(index % 12) + 1;
  int d = DayOf(date);
  while (d > 28 && !IsValidDate(y, m, d)) --d;
  return y * 10000 + m * 100 + d;
}

bool ParseIsoDate(std::string_view text, Date* out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  if (!Digits(text.substr(0, 4), &y) || !Digits(text.substr(5, 2), &m) ||
      !Digits(text.substr(8, 2), &d) || !IsValidDate(y, m, d)) {
    return false;
  }
  *out = y * 10000 + m * 100 + d;
  return true;
}

bool ParsePetrarchDate(std::string_view text, Date* out) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 8) {
    if (!Digits(text.substr(0, 4), &y)) return false;
    text.remove_prefix(4);
  } else if (text.size() == 6) {
    if (!Digits(text.substr(0, 2), &y)) return false;
    y += y <= 30 ? 2000 : 1900;
    text.remove_prefix(2);
  } else {
    return false;
  }
  if (!Digits(text.substr(0, 2), &m) || !Digits(text.substr(2, 2), &d) ||
      !IsValidDate(y, m, d)) {
    return false;
  }
  *out = y * 10000 + m * 100 + d;
  return true;
}

std::string FormatDate(Date date) {
  if (date == kOpenStart || date == kOpenEnd) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
  return buf;
}

std::string FormatRange(Date from, Date to) { return FormatDate(from) + ".." + FormatDate(to); }

}  // namespace parley::lexicon
