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
