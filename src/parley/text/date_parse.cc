#include "parley/text/date_parse.h"

#include <array>

namespace parley::text {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<std::string> Format(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  std::string out = "0000-00-00";
  auto put = [&out](size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

// Reads 1..max_digits digits at *pos; returns -1 when there are none or too many.
int ReadNumber(std::string_view s, size_t* pos, size_t min_digits, size_t max_digits) {
  size_t start = *pos;
  int value = 0;
  while (*pos < s.size() && IsDigit(s[*pos])) {
    if (*pos - start >= max_digits) return -1;
    value = value * 10 + (s[*pos] - '0');
    ++*pos;
  }
  if (*pos - start < min_digits) return -1;
  return value;
}

// What may follow a complete date: nothing, or a separator that starts a time or zone.
bool EndsDate(std::string_view s, size_t pos) {
  return pos == s.size() || IsSpace(s[pos]) || s[pos] == 'T' || s[pos] == 't' || s[pos] == ',';
}

// "2021-12-03", "2021/12/3", "2021.12.03", then optional time.
std::optional<std::string> ParseYearFirst(std::string_view s) {
  size_t pos = 0;
  int year = ReadNumber(s, &pos, 4, 4);
  if (year < 0 || pos >= s.size()) return std::nullopt;
  char sep = s[pos];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++pos;
  int month = ReadNumber(s, &pos, 1, 2);
  if (month < 0 || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  int day = ReadNumber(s, &pos, 1, 2);
  if (day < 0 || !EndsDate(s, pos)) return std::nullopt;
  return Format(year, month, day);
}

// "20211203", optionally followed by a time.
std::optional<std::string> ParseCompact(std::string_view s) {
  if (s.size() < 8) return std::nullopt;
  for (size_t i = 0; i < 8; ++i) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  if (!EndsDate(s, 8)) return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return Format(num(0, 4), num(4, 2), num(6, 2));
}

// Month number for an English month name or its 3/4-letter abbreviation ("Sept"); 0 if none.
int MonthFromWord(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += Lower(c);
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    if (lower == name) return static_cast<int>(m) + 1;
    if (lower.size() == 3 && name.substr(0, 3) == lower) return static_cast<int>(m) + 1;
    if (lower == "sept" && m == 8) return 9;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (word.size() < 3) return false;
  std::string lower;
  for (char c : word) lower += Lower(c);
  for (std::string_view day : kDays) {
    if (lower == day || (lower.size() == 3 && day.substr(0, 3) == lower)) return true;
    if (lower.size() == 4 && day.substr(0, 4) == lower) return true;  // "Tues", "Thur"
  }
  return false;
}

// A word (letters) or a number (digits, with an optional ordinal suffix "3rd"), with the
// separator characters that followed it.
struct Piece {
  std::string_view text;
  bool number = false;
  int value = 0;
  size_t end = 0;  // offset in the input just past the piece (suffix included)
};

// Reads the next piece at *pos, skipping separators (space , . - /). False at the end or at a
// character that cannot be part of a written date.
bool NextPiece(std::string_view s, size_t* pos, Piece* piece) {
  while (*pos < s.size() && (IsSpace(s[*pos]) || s[*pos] == ',' || s[*pos] == '.' ||
                             s[*pos] == '-' || s[*pos] == '/')) {
    ++*pos;
  }
  if (*pos >= s.size()) return false;
  size_t start = *pos;
  if (IsDigit(s[start])) {
    int value = ReadNumber(s, pos, 1, 4);
    if (value < 0) return false;
    piece->number = true;
    piece->value = value;
    piece->text = s.substr(start, *pos - start);
    // Ordinal suffixes: 1st 2nd 3rd 4th.
    if (*pos + 1 < s.size() && IsAlpha(s[*pos]) && IsAlpha(s[*pos + 1])) {
      std::string suffix{Lower(s[*pos]), Lower(s[*pos + 1])};
      bool more = *pos + 2 < s.size() && IsAlpha(s[*pos + 2]);
      if (!more && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
        *pos += 2;
      }
    }
  } else if (IsAlpha(s[start])) {
    while (*pos < s.size() && IsAlpha(s[*pos])) ++*pos;
    piece->number = false;
    piece->text = s.substr(start, *pos - start);
  } else {
    return false;
  }
  piece->end = *pos;
  return true;
}

// "Dec 3, 2021", "3 December 2021", with an optional leading weekday.
std::optional<std::string> ParseWritten(std::string_view s) {
  size_t pos = 0;
  Piece first, second, third;
  if (!NextPiece(s, &pos, &first)) return std::nullopt;
  if (!first.number && IsWeekday(first.text)) {
    if (!NextPiece(s, &pos, &first)) return std::nullopt;
  }
  if (!NextPiece(s, &pos, &second) || !NextPiece(s, &pos, &third)) return std::nullopt;
  if (!third.number || third.text.size() != 4) return std::nullopt;
  if (third.end < s.size() && IsDigit(s[third.end])) return std::nullopt;
  int month = 0;
  int day = 0;
  if (!first.number && second.number && second.text.size() <= 2) {
    month = MonthFromWord(first.text);
    day = second.value;
  } else if (first.number && first.text.size() <= 2 && !second.number) {
    day = first.value;
    month = MonthFromWord(second.text);
  }
  if (month == 0) return std::nullopt;
  return Format(third.value, month, day);
}

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (auto iso = ParseYearFirst(text)) return iso;
  if (auto compact = ParseCompact(text)) return compact;
  return ParseWritten(text);
}

}  // namespace parley::text
