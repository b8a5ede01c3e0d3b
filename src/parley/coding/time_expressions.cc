#include "parley/coding/time_expressions.h"

#include <array>
#include <cstdio>

#include "parley/base/strings.h"

namespace parley::coding {

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kNone:
      break;
  }
  return "";
}

std::string ResolvedDate::Format() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kDay:
    case DatePrecision::kWeek:
      return lexicon::FormatDate(date);
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", lexicon::YearOf(date) % 10000,
                    lexicon::MonthOf(date) % 100);
      return buf;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", lexicon::YearOf(date) % 10000);
      return buf;
    case DatePrecision::kNone:
      break;
  }
  return "";
}

namespace {

using lexicon::Date;

Date MakeDate(int y, int m, int d) { return y * 10000 + m * 100 + d; }

// The Monday of the week holding `d`.
Date WeekStart(Date d) { return lexicon::AddDays(d, -lexicon::WeekdayOf(d)); }

ResolvedDate Day(Date d) { return {d, DatePrecision::kDay}; }
ResolvedDate Month(int y, int m) {
  if (!lexicon::IsValidDate(y, m, 1)) return {};
  return {MakeDate(y, m, 1), DatePrecision::kMonth};
}
ResolvedDate Year(int y) {
  if (!lexicon::IsValidDate(y, 1, 1)) return {};
  return {MakeDate(y, 1, 1), DatePrecision::kYear};
}

}  // namespace

ResolvedDate TimeExpression::Resolve(Date anchor, Tense tense) const {
  if (kind == Kind::kDate) {
    return lexicon::IsValidDate(year, month, day) ? Day(MakeDate(year, month, day))
                                                  : ResolvedDate{};
  }
  if (kind == Kind::kYear) return Year(year);
  if (kind == Kind::kMonthYear) return Month(year, month);
  if (anchor == lexicon::kUnknownDate) return {};
  const int ay = lexicon::YearOf(anchor);
  const int am = lexicon::MonthOf(anchor);
  const bool past = tense == Tense::kPast;
  switch (kind) {
    case Kind::kMonthDay: {
      int y = ay;
      if (!lexicon::IsValidDate(y, month, day) && !lexicon::IsValidDate(y - 1, month, day)) {
        return {};
      }
      // the nearest such day on the side the clause points to
      if (past && (!lexicon::IsValidDate(y, month, day) || MakeDate(y, month, day) > anchor)) {
        --y;
      } else if (!past &&
                 (!lexicon::IsValidDate(y, month, day) || MakeDate(y, month, day) < anchor)) {
        ++y;
      }
      if (!lexicon::IsValidDate(y, month, day)) return {};
      return Day(MakeDate(y, month, day));
    }
    case Kind::kMonth:
      if (past) return Month(month <= am ? ay : ay - 1, month);
      return Month(month >= am ? ay : ay + 1, month);
    case Kind::kWeekday: {
      const int today = lexicon::WeekdayOf(anchor);
      int back = (today - weekday + 7) % 7;   // days back to the latest such day (0: today)
      int ahead = (weekday - today + 7) % 7;  // days ahead to the next (0: today)
      if (offset < 0) return Day(lexicon::AddDays(anchor, -(back == 0 ? 7 : back)));
      if (offset > 0) return Day(lexicon::AddDays(anchor, ahead == 0 ? 7 : ahead));
      return Day(past ? lexicon::AddDays(anchor, -back) : lexicon::AddDays(anchor, ahead));
    }
    case Kind::kDayOffset:
      return Day(lexicon::AddDays(anchor, offset));
    case Kind::kWeekOffset:
      return {WeekStart(lexicon::AddDays(anchor, int64_t{7} * offset)), DatePrecision::kWeek};
    case Kind::kMonthOffset: {
      const Date d = lexicon::AddMonths(anchor, offset);
      return Month(lexicon::YearOf(d), lexicon::MonthOf(d));
    }
    case Kind::kYearOffset:
      return Year(ay + offset);
    default:
      break;
  }
  return {};
}

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// 1..12 for a month name or its usual abbreviations (with or without the period), else 0.
int MonthNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kFull.size(); ++i) {
    if (w == kFull[i]) return static_cast<int>(i) + 1;
  }
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  static constexpr std::pair<std::string_view, int> kShort[] = {
      {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
      {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  for (const auto& [name, m] : kShort) {
    if (w == name) return m;
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (w == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

// A whole number written with digits (optionally "3rd", "3rd,", "3,") or a small number word.
bool SmallNumber(std::string_view w, int* n) {
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"a", 1},       {"an", 1},      {"one", 1},     {"two", 2},   {"three", 3}, {"four", 4},
      {"five", 5},    {"six", 6},     {"seven", 7},   {"eight", 8}, {"nine", 9},  {"ten", 10},
      {"eleven", 11}, {"twelve", 12}, {"several", 0}, {"few", 0}};
  for (const auto& [word, v] : kWords) {
    if (w == word) {
      *n = v;
      return v > 0;
    }
  }
  int v = 0;
  size_t i = 0;
  for (; i < w.size() && w[i] >= '0' && w[i] <= '9' && i < 4; ++i) v = v * 10 + (w[i] - '0');
  if (i == 0) return false;
  std::string_view rest = w.substr(i);
  if (rest != "" && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return false;
  *n = v;
  return true;
}

bool YearNumber(std::string_view w, int* y) {
  if (w.size() != 4) return false;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < 1900 || v > 2100) return false;
  *y = v;
  return true;
}

bool IsUpper(std::string_view form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

class Finder {
 public:
  Finder(const text::Sentence& s, std::vector<TimeExpression>* out) : s_(s), out_(out) {
    lower_.reserve(s.tokens.size());
    for (const text::Token& t : s.tokens) lower_.push_back(base::AsciiLowerCopy(t.form));
  }

  void Run() {
    const size_t n = lower_.size();
    size_t i = 0;
    while (i < n) {
      size_t next = Match(i);
      i = next > i ? next : i + 1;
    }
  }

 private:
  std::string_view W(size_t i) const {
    return i < lower_.size() ? std::string_view(lower_[i]) : std::string_view();
  }

  // Emits [begin, end) unless a bounding word comes before it; returns `end`.
  size_t Emit(TimeExpression e, size_t begin, size_t end, size_t head) {
    size_t b = begin;
    while (b > 0 &&
           (W(b - 1) == "the" || W(b - 1) == "early" || W(b - 1) == "late" || W(b - 1) == "mid" ||
            W(b - 1) == "on" || W(b - 1) == "in" || W(b - 1) == "at" || W(b - 1) == "during")) {
      const std::string_view w = W(b - 1);
      if (w == "on" || w == "in" || w == "at" || w == "during") break;
      --b;
    }
    if (b > 0) {
      static constexpr std::string_view kBounds[] = {"since",  "until",   "till", "by",
                                                     "before", "after",   "from", "through",
                                                     "to",     "between", "and"};
      for (std::string_view bound : kBounds) {
        if (W(b - 1) == bound) e.bound = true;
      }
    }
    e.token_begin = static_cast<uint32_t>(begin);
    e.token_end = static_cast<uint32_t>(end);
    e.head = static_cast<uint32_t>(head);
    out_->push_back(e);
    return end;
  }

  // A month name at i that is really a month: "May" and "March" also need a date context.
  bool MonthAt(size_t i, int* month) const {
    *month = MonthNumber(W(i));
    if (*month == 0 || !IsUpper(s_.tokens[i].form)) return false;
    if (*month != 5 && *month != 3 && W(i).size() > 3) return true;
    int n = 0;
    if (SmallNumber(W(i + 1), &n) || YearNumber(W(i + 1), &n)) return true;
    const std::string_view before = i > 0 ? W(i - 1) : std::string_view();
    return before == "in" || before == "early" || before == "late" || before == "mid" ||
           before == "last" || before == "next" || before == "this" || before == "during" ||
           before == "of" || before == "since" || before == "until";
  }

  // Month [day] [,] [year] at i; returns the end or i when nothing matched.
  size_t MonthPhrase(size_t start, size_t i, bool period_only) {
    int month = 0;
    if (!MonthAt(i, &month)) return i;
    TimeExpression e;
    e.month = month;
    size_t end = i + 1;
    int day = 0;
    int year = 0;
    if (!period_only && SmallNumber(W(end), &day) && day >= 1 && day <= 31 &&
        W(end).find_first_of("0123456789") == 0) {
      ++end;
      if (W(end) == ",") ++end;
      if (YearNumber(W(end), &year)) {
        ++end;
      } else if (W(end - 1) == ",") {
        --end;  // "Dec. 3, the ministry said": the comma is not part of the date
      }
      e.day = day;
      e.year = year;
      e.kind = year != 0 ? TimeExpression::Kind::kDate : TimeExpression::Kind::kMonthDay;
    } else {
      size_t y = end;
      if (W(y) == ",") ++y;
      if (YearNumber(W(y), &year)) {
        end = y + 1;
        e.year = year;
        e.kind = TimeExpression::Kind::kMonthYear;
      } else {
        e.kind = TimeExpression::Kind::kMonth;
      }
    }
    return Emit(e, start, end, i);
  }

  size_t Match(size_t i) {
    const std::string_view w = W(i);
    TimeExpression e;
    // yesterday, today, tomorrow, tonight
    if (w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight") {
      e.kind = TimeExpression::Kind::kDayOffset;
      e.offset = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      return Emit(e, i, i + 1, i);
    }
    // last night, this morning
    if ((w == "last" && W(i + 1) == "night") ||
        (w == "this" &&
         (W(i + 1) == "morning" || W(i + 1) == "afternoon" || W(i + 1) == "evening"))) {
      e.kind = TimeExpression::Kind::kDayOffset;
      e.offset = w == "last" ? -1 : 0;
      return Emit(e, i, i + 2, i + 1);
    }
    // (earlier|later) this week/month/year; last/next week/month/year
    {
      size_t j = i;
      if (w == "earlier" || w == "later") ++j;
      const std::string_view d = W(j);
      const std::string_view unit = W(j + 1);
      const bool unit_ok = unit == "week" || unit == "month" || unit == "year";
      if (unit_ok && (d == "last" || d == "next" || d == "this" || (j > i && d == "this"))) {
        if (j > i && d != "this") return i;
        e.offset = d == "last" ? -1 : d == "next" ? 1 : 0;
        e.kind = unit == "week"    ? TimeExpression::Kind::kWeekOffset
                 : unit == "month" ? TimeExpression::Kind::kMonthOffset
                                   : TimeExpression::Kind::kYearOffset;
        return Emit(e, i, j + 2, j + 1);
      }
    }
    // N days/weeks/months/years ago
    {
      int count = 0;
      const std::string_view unit = W(i + 1);
      if (SmallNumber(w, &count) && count > 0 && count < 100 && W(i + 2) == "ago") {
        if (unit == "day" || unit == "days") {
          e.kind = TimeExpression::Kind::kDayOffset;
        } else if (unit == "week" || unit == "weeks") {
          e.kind = TimeExpression::Kind::kWeekOffset;
        } else if (unit == "month" || unit == "months") {
          e.kind = TimeExpression::Kind::kMonthOffset;
        } else if (unit == "year" || unit == "years") {
          e.kind = TimeExpression::Kind::kYearOffset;
        } else {
          return i;
        }
        e.offset = -count;
        return Emit(e, i, i + 3, i + 1);
      }
    }
    // [last|next|this] Weekday [morning|night|...] [, Month Day[, Year]]
    {
      size_t j = i;
      int dir = 0;
      bool has_dir = false;
      if (w == "last" || w == "next" || w == "this") {
        dir = w == "last" ? -1 : w == "next" ? 1 : 0;
        has_dir = true;
        ++j;
      }
      const int wd = WeekdayNumber(W(j));
      if (wd >= 0 && IsUpper(s_.tokens[j].form)) {
        // "Friday, Dec. 3": the date says more than the weekday
        size_t k = j + 1;
        if (W(k) == ",") ++k;
        if (!has_dir && k < lower_.size()) {
          const size_t before = out_->size();
          const size_t end = MonthPhrase(i, k, false);
          if (end > k && out_->size() > before) return end;
        }
        size_t end = j + 1;
        const std::string_view part = W(end);
        if (part == "morning" || part == "afternoon" || part == "evening" || part == "night") {
          ++end;
        }
        e.kind = TimeExpression::Kind::kWeekday;
        e.weekday = wd;
        e.offset = dir;
        e.direction = has_dir;
        return Emit(e, i, end, j);
      }
    }
    // day-first dates: "3 December 2021", "3 Dec"
    {
      int day = 0;
      int month = 0;
      if (!w.empty() && w[0] >= '0' && w[0] <= '9' && SmallNumber(w, &day) && day >= 1 &&
          day <= 31 && MonthAt(i + 1, &month)) {
        e.day = day;
        e.month = month;
        size_t end = i + 2;
        int year = 0;
        if (YearNumber(W(end), &year)) {
          e.year = year;
          ++end;
        }
        e.kind = year != 0 ? TimeExpression::Kind::kDate : TimeExpression::Kind::kMonthDay;
        return Emit(e, i, end, i + 1);
      }
    }
    // [early|mid|late] Month [day] [, year]; "mid-June"
    {
      size_t j = i;
      bool period = false;
      if (w == "early" || w == "late" || w == "mid") {
        period = true;
        ++j;
        if (W(j) == "-") ++j;
      }
      std::string_view form = s_.tokens[j < lower_.size() ? j : i].form;
      if (j < lower_.size() && W(j).rfind("mid-", 0) == 0) {
        // "mid-June", "mid-2020" as one token
        int month = MonthNumber(W(j).substr(4));
        int year = 0;
        if (month > 0 && form.size() > 4 && IsUpper(form.substr(4))) {
          e.kind = TimeExpression::Kind::kMonth;
          e.month = month;
          size_t end = j + 1;
          if (YearNumber(W(end), &year)) {
            e.kind = TimeExpression::Kind::kMonthYear;
            e.year = year;
            ++end;
          }
          return Emit(e, i, end, j);
        }
        if (YearNumber(W(j).substr(4), &year)) {
          e.kind = TimeExpression::Kind::kYear;
          e.year = year;
          return Emit(e, i, j + 1, j);
        }
      }
      if (j < lower_.size()) {
        const size_t end = MonthPhrase(i, j, period);
        if (end > j) return end;
      }
      // in 2019, in early 2020, during 2018
      int year = 0;
      if (j < lower_.size() && YearNumber(W(j), &year) && j > 0 &&
          (period || W(j - 1) == "in" || W(j - 1) == "during" || W(j - 1) == "since" ||
           W(j - 1) == "until" || W(j - 1) == "before" || W(j - 1) == "after" || W(j - 1) == "by" ||
           W(j - 1) == "from" || W(j - 1) == "through")) {
        e.kind = TimeExpression::Kind::kYear;
        e.year = year;
        return Emit(e, i, j + 1, j);
      }
    }
    return i;
  }

  const text::Sentence& s_;
  std::vector<TimeExpression>* out_;
  std::vector<std::string> lower_;
};

}  // namespace

void FindTimeExpressions(const text::Sentence& sentence, std::vector<TimeExpression>* out) {
  Finder(sentence, out).Run();
}

}  // namespace parley::coding
