#pragma once

// Time expressions in a sentence ("on Friday", "yesterday", "last week", "in June",
// "earlier this month", "on Dec. 3", "in 2019", "two days ago") and their resolution against
// the story date (docs/FORMATS.md, "Event dates"). Finding needs only the tokens' forms;
// resolving needs the tense of the clause the expression belongs to, which the caller reads
// from the parse.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/date.h"
#include "parley/text/document.h"

namespace parley::coding {

enum class DatePrecision : uint8_t { kNone, kDay, kWeek, kMonth, kYear };

[[nodiscard]] std::string_view DatePrecisionName(DatePrecision p);  // "day", "week", ...

// A resolved calendar reference: `date` is the first day of the period it names (a week's
// Monday, a month's 1st, a year's January 1st).
struct ResolvedDate {
  lexicon::Date date = lexicon::kUnknownDate;
  DatePrecision precision = DatePrecision::kNone;

  [[nodiscard]] bool known() const { return precision != DatePrecision::kNone; }
  // "2021-12-03" (day, week), "2021-06" (month), "2021" (year), "" (none).
  [[nodiscard]] std::string Format() const;
};

// Which way an expression without a year or direction ("on Friday", "in June") points.
enum class Tense : uint8_t { kPast, kFuture };

struct TimeExpression {
  enum class Kind : uint8_t {
    kDate,         // a full date: day, month and year given
    kMonthDay,     // "Dec. 3": month and day, no year
    kMonthYear,    // "June 2020"
    kMonth,        // "in June", "in mid-June": month alone
    kYear,         // "in 2019"
    kWeekday,      // "on Friday", "last Tuesday", "next Monday"
    kDayOffset,    // "yesterday", "today", "tomorrow", "two days ago"
    kWeekOffset,   // "last week", "this week", "three weeks ago"
    kMonthOffset,  // "last month", "earlier this month"
    kYearOffset,   // "last year", "next year"
  };
  uint32_t token_begin = 0;  // [token_begin, token_end) into the sentence's tokens
  uint32_t token_end = 0;
  uint32_t head = 0;  // the token the expression hangs from in a tree (its main word)
  Kind kind = Kind::kDate;
  int year = 0;
  int month = 0;
  int day = 0;
  int weekday = 0;         // 0 = Monday
  int offset = 0;          // offsets; weekdays: -1 "last", +1 "next", 0 plain or "this"
  bool direction = false;  // weekday with "last"/"next"/"this"
  // Bounds a period ("since 2014", "until June", "by Friday", "before March") rather than
  // dating an event: reported, but no event takes its date.
  bool bound = false;

  // The calendar reference on a story dated `anchor`; unknown when the anchor is.
  [[nodiscard]] ResolvedDate Resolve(lexicon::Date anchor, Tense tense) const;
};

// Appends the sentence's time expressions to *out in token order.
void FindTimeExpressions(const text::Sentence& sentence, std::vector<TimeExpression>* out);

}  // namespace parley::coding
