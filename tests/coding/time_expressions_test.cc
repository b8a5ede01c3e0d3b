// Time expressions: finding them in a sentence's tokens and resolving them against the story
// date and the clause's tense (docs/FORMATS.md, "Event dates"). Expected dates were computed
// with Python's datetime.
#include "parley/coding/time_expressions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/lexicon/date.h"
#include "parley/text/document.h"

namespace parley::coding {
namespace {

using Kind = TimeExpression::Kind;

constexpr lexicon::Date kFriday = 20211203;    // Friday, 3 December 2021
constexpr lexicon::Date kSaturday = 20211204;  // the day after

// The time expressions of `text`, whose tokens are separated by single spaces. The sentence
// only lives during the call; its forms view `text`, which the caller keeps alive.
std::vector<TimeExpression> Find(const std::string& text) {
  text::Sentence sentence;
  sentence.span = {0, static_cast<uint32_t>(text.size())};
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) {
      text::Token token;
      token.form = std::string_view(text).substr(pos, end - pos);
      token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
      sentence.tokens.push_back(token);
    }
    pos = end + 1;
  }
  std::vector<TimeExpression> out;
  FindTimeExpressions(sentence, &out);
  return out;
}

// "2021-12-03/day", "2021-06/month", ... or "/" when unknown.
std::string Resolved(const TimeExpression& e, lexicon::Date anchor, Tense tense) {
  const ResolvedDate r = e.Resolve(anchor, tense);
  return r.Format() + "/" + std::string(DatePrecisionName(r.precision));
}

// The single expression of `text`; fails the test when there is not exactly one.
TimeExpression Only(const std::string& text) {
  const std::vector<TimeExpression> found = Find(text);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.empty() ? TimeExpression{} : found[0];
}

TEST(TimeExpressions, PrecisionNamesAndFormats) {
  EXPECT_EQ(DatePrecisionName(DatePrecision::kDay), "day");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kWeek), "week");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kYear), "year");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kNone), "");
  EXPECT_EQ((ResolvedDate{20211203, DatePrecision::kDay}).Format(), "2021-12-03");
  EXPECT_EQ((ResolvedDate{20211129, DatePrecision::kWeek}).Format(), "2021-11-29");
  EXPECT_EQ((ResolvedDate{20210601, DatePrecision::kMonth}).Format(), "2021-06");
  EXPECT_EQ((ResolvedDate{20190101, DatePrecision::kYear}).Format(), "2019");
  EXPECT_EQ(ResolvedDate{}.Format(), "");
  EXPECT_FALSE(ResolvedDate{}.known());
}

TEST(TimeExpressions, DayWords) {
  const TimeExpression yesterday = Only("Rebels attacked the town yesterday .");
  EXPECT_EQ(yesterday.kind, Kind::kDayOffset);
  EXPECT_EQ(yesterday.token_begin, 4u);
  EXPECT_EQ(yesterday.token_end, 5u);
  EXPECT_EQ(Resolved(yesterday, kFriday, Tense::kPast), "2021-12-02/day");
  EXPECT_EQ(Resolved(yesterday, 20210301, Tense::kPast), "2021-02-28/day");
  EXPECT_EQ(Resolved(Only("Talks resume today ."), kFriday, Tense::kPast), "2021-12-03/day");
  EXPECT_EQ(Resolved(Only("Talks resume tomorrow ."), kFriday, Tense::kFuture), "2021-12-04/day");
  EXPECT_EQ(Resolved(Only("Talks resume tomorrow ."), 20211231, Tense::kFuture), "2022-01-01/day");
  const TimeExpression night = Only("Troops shelled the city last night .");
  EXPECT_EQ(night.kind, Kind::kDayOffset);
  EXPECT_EQ(night.token_begin, 4u);
  EXPECT_EQ(night.token_end, 6u);
  EXPECT_EQ(Resolved(night, kFriday, Tense::kPast), "2021-12-02/day");
}

TEST(TimeExpressions, PlainWeekdayFollowsTheTense) {
  const TimeExpression e = Only("The ministers met on Friday .");
  EXPECT_EQ(e.kind, Kind::kWeekday);
  EXPECT_EQ(e.weekday, 4);
  EXPECT_FALSE(e.direction);
  // a Friday story: "on Friday" is that day either way
  EXPECT_EQ(Resolved(e, kFriday, Tense::kPast), "2021-12-03/day");
  EXPECT_EQ(Resolved(e, kFriday, Tense::kFuture), "2021-12-03/day");
  // a Saturday story: yesterday in a past clause, next week's Friday in a future one
  EXPECT_EQ(Resolved(e, kSaturday, Tense::kPast), "2021-12-03/day");
  EXPECT_EQ(Resolved(e, kSaturday, Tense::kFuture), "2021-12-10/day");
  // "on Monday" in a Friday story
  const TimeExpression monday = Only("They will meet on Monday .");
  EXPECT_EQ(monday.weekday, 0);
  EXPECT_EQ(Resolved(monday, kFriday, Tense::kPast), "2021-11-29/day");
  EXPECT_EQ(Resolved(monday, kFriday, Tense::kFuture), "2021-12-06/day");
}

TEST(TimeExpressions, LastAndNextWeekday) {
  const TimeExpression last = Only("Police arrested him last Friday .");
  EXPECT_EQ(last.kind, Kind::kWeekday);
  EXPECT_TRUE(last.direction);
  EXPECT_EQ(last.offset, -1);
  EXPECT_EQ(last.token_begin, 3u);
  EXPECT_EQ(last.token_end, 5u);
  // "last Friday" in a Friday story is the week before, whatever the tense
  EXPECT_EQ(Resolved(last, kFriday, Tense::kPast), "2021-11-26/day");
  EXPECT_EQ(Resolved(last, kFriday, Tense::kFuture), "2021-11-26/day");
  EXPECT_EQ(Resolved(last, kSaturday, Tense::kPast), "2021-12-03/day");

  const TimeExpression next = Only("The envoy will arrive next Monday .");
  EXPECT_EQ(next.kind, Kind::kWeekday);
  EXPECT_TRUE(next.direction);
  EXPECT_EQ(next.offset, 1);
  EXPECT_EQ(Resolved(next, kFriday, Tense::kPast), "2021-12-06/day");
  EXPECT_EQ(Resolved(next, 20211206, Tense::kFuture), "2021-12-13/day");  // a Monday story
}

TEST(TimeExpressions, MonthAloneFollowsTheTense) {
  const std::vector<TimeExpression> found = Find("The protests began in June .");
  ASSERT_EQ(found.size(), 1u);
  const TimeExpression& e = found[0];
  EXPECT_EQ(e.kind, Kind::kMonth);
  EXPECT_EQ(e.month, 6);
  EXPECT_FALSE(e.bound);
  EXPECT_LE(e.token_begin, 4u);  // covers "June"
  EXPECT_EQ(e.token_end, 5u);
  EXPECT_EQ(Resolved(e, kFriday, Tense::kPast), "2021-06/month");
  EXPECT_EQ(Resolved(e, kFriday, Tense::kFuture), "2022-06/month");
  EXPECT_EQ(Resolved(e, 20210301, Tense::kPast), "2020-06/month");
  EXPECT_EQ(Resolved(e, 20210301, Tense::kFuture), "2021-06/month");
  EXPECT_EQ(Resolved(e, 20210615, Tense::kPast), "2021-06/month");
  EXPECT_EQ(Resolved(e, 20210615, Tense::kFuture), "2021-06/month");
}

TEST(TimeExpressions, MonthAndDayWithoutYear) {
  const TimeExpression e = Only("The two leaders met on Dec. 3 .");
  EXPECT_EQ(e.kind, Kind::kMonthDay);
  EXPECT_EQ(e.month, 12);
  EXPECT_EQ(e.day, 3);
  EXPECT_EQ(e.token_begin, 5u);
  EXPECT_EQ(e.token_end, 7u);
  EXPECT_EQ(Resolved(e, kFriday, Tense::kPast), "2021-12-03/day");
  EXPECT_EQ(Resolved(e, kFriday, Tense::kFuture), "2021-12-03/day");
  // a story of Dec. 1: a past "Dec. 3" was last year's, a future one this year's
  EXPECT_EQ(Resolved(e, 20211201, Tense::kPast), "2020-12-03/day");
  EXPECT_EQ(Resolved(e, 20211201, Tense::kFuture), "2021-12-03/day");
  EXPECT_EQ(Resolved(e, 20211210, Tense::kFuture), "2022-12-03/day");
  // the comma after a day without a year is not part of the date
  const TimeExpression comma = Only("Dec. 3 , the ministry said .");
  EXPECT_EQ(comma.token_begin, 0u);
  EXPECT_EQ(comma.token_end, 2u);
  EXPECT_EQ(comma.kind, Kind::kMonthDay);
}

TEST(TimeExpressions, FullDates) {
  const TimeExpression us = Only("The vote was held on Dec. 3 , 2020 in the capital .");
  EXPECT_EQ(us.kind, Kind::kDate);
  EXPECT_EQ(us.token_begin, 5u);
  EXPECT_EQ(us.token_end, 9u);
  EXPECT_EQ(Resolved(us, kFriday, Tense::kPast), "2020-12-03/day");
  EXPECT_EQ(Resolved(us, kFriday, Tense::kFuture), "2020-12-03/day");

  const TimeExpression uk = Only("The treaty was signed on 3 December 2021 .");
  EXPECT_EQ(uk.kind, Kind::kDate);
  EXPECT_EQ(uk.day, 3);
  EXPECT_EQ(uk.month, 12);
  EXPECT_EQ(uk.year, 2021);
  EXPECT_EQ(uk.token_begin, 5u);
  EXPECT_EQ(uk.token_end, 8u);
  EXPECT_EQ(Resolved(uk, 20230505, Tense::kFuture), "2021-12-03/day");

  EXPECT_EQ(Resolved(Only("It ended on December 3 , 2021 ."), 20150101, Tense::kPast),
            "2021-12-03/day");
}

TEST(TimeExpressions, MonthYearAndYear) {
  const TimeExpression my = Only("Elections were held in June 2020 .");
  EXPECT_EQ(my.kind, Kind::kMonthYear);
  EXPECT_EQ(Resolved(my, kFriday, Tense::kFuture), "2020-06/month");

  const TimeExpression year = Only("The border was closed in 2019 .");
  EXPECT_EQ(year.kind, Kind::kYear);
  EXPECT_EQ(year.year, 2019);
  EXPECT_EQ(Resolved(year, kFriday, Tense::kPast), "2019/year");

  const TimeExpression early = Only("Fighting resumed in early 2020 .");
  EXPECT_EQ(early.kind, Kind::kYear);
  EXPECT_EQ(Resolved(early, kFriday, Tense::kPast), "2020/year");

  // a bare number that is not after "in" is not a date
  EXPECT_TRUE(Find("The 2019 budget was cut .").empty());
  EXPECT_TRUE(Find("Police detained 2019 people .").empty());
}

TEST(TimeExpressions, MidMonth) {
  const TimeExpression e = Only("The offensive stalled in mid-June .");
  EXPECT_EQ(e.kind, Kind::kMonth);
  EXPECT_EQ(e.month, 6);
  EXPECT_EQ(Resolved(e, kFriday, Tense::kPast), "2021-06/month");
  EXPECT_EQ(Resolved(e, 20210301, Tense::kPast), "2020-06/month");
}

TEST(TimeExpressions, WeekOffsets) {
  const TimeExpression last = Only("The ministers met last week .");
  EXPECT_EQ(last.kind, Kind::kWeekOffset);
  EXPECT_EQ(last.offset, -1);
  EXPECT_EQ(Resolved(last, kFriday, Tense::kPast), "2021-11-22/week");  // Monday a week back
  EXPECT_EQ(Resolved(last, 20220104, Tense::kPast), "2021-12-27/week");
  EXPECT_EQ(Resolved(Only("They meet this week ."), kFriday, Tense::kPast), "2021-11-29/week");
  EXPECT_EQ(Resolved(Only("They meet next week ."), kFriday, Tense::kFuture), "2021-12-06/week");
  const TimeExpression ago = Only("It started three weeks ago .");
  EXPECT_EQ(ago.kind, Kind::kWeekOffset);
  EXPECT_EQ(ago.offset, -3);
  EXPECT_EQ(ago.token_begin, 2u);
  EXPECT_EQ(ago.token_end, 5u);
  EXPECT_EQ(Resolved(ago, kFriday, Tense::kPast), "2021-11-08/week");
}

TEST(TimeExpressions, MonthOffsets) {
  const TimeExpression earlier = Only("The army withdrew earlier this month .");
  EXPECT_EQ(earlier.kind, Kind::kMonthOffset);
  EXPECT_EQ(earlier.offset, 0);
  EXPECT_EQ(earlier.token_begin, 3u);
  EXPECT_EQ(earlier.token_end, 6u);
  EXPECT_EQ(Resolved(earlier, kFriday, Tense::kPast), "2021-12/month");
  const TimeExpression last = Only("Prices rose last month .");
  EXPECT_EQ(last.kind, Kind::kMonthOffset);
  EXPECT_EQ(Resolved(last, 20210115, Tense::kPast), "2020-12/month");
  EXPECT_EQ(Resolved(last, 20210331, Tense::kPast), "2021-02/month");
  EXPECT_EQ(Resolved(Only("Talks resume later this month ."), kFriday, Tense::kFuture),
            "2021-12/month");
  EXPECT_EQ(Resolved(Only("It opened two months ago ."), 20210115, Tense::kPast), "2020-11/month");
}

TEST(TimeExpressions, YearOffsets) {
  const TimeExpression next = Only("Elections are due next year .");
  EXPECT_EQ(next.kind, Kind::kYearOffset);
  EXPECT_EQ(Resolved(next, kFriday, Tense::kFuture), "2022/year");
  EXPECT_EQ(Resolved(Only("Elections were held last year ."), kFriday, Tense::kPast), "2020/year");
  const TimeExpression ago = Only("The mine closed a year ago .");
  EXPECT_EQ(ago.kind, Kind::kYearOffset);
  EXPECT_EQ(ago.offset, -1);
  EXPECT_EQ(Resolved(ago, kFriday, Tense::kPast), "2020/year");
}

TEST(TimeExpressions, DaysAgo) {
  const TimeExpression two = Only("Rebels seized the town two days ago .");
  EXPECT_EQ(two.kind, Kind::kDayOffset);
  EXPECT_EQ(two.offset, -2);
  EXPECT_EQ(two.token_begin, 4u);
  EXPECT_EQ(two.token_end, 7u);
  EXPECT_EQ(Resolved(two, kFriday, Tense::kPast), "2021-12-01/day");
  EXPECT_EQ(Resolved(Only("It fell 10 days ago ."), kFriday, Tense::kPast), "2021-11-23/day");
  EXPECT_TRUE(Find("It took two days .").empty());
}

TEST(TimeExpressions, WeekdayWithDateIsOneDate) {
  const TimeExpression e = Only("The summit opened on Friday , Dec. 3 , in Rome .");
  EXPECT_EQ(e.kind, Kind::kMonthDay);
  EXPECT_EQ(e.month, 12);
  EXPECT_EQ(e.day, 3);
  EXPECT_EQ(e.token_begin, 4u);  // from "Friday"
  EXPECT_EQ(e.token_end, 8u);    // to "3"
  EXPECT_EQ(Resolved(e, 20211210, Tense::kPast), "2021-12-03/day");

  const TimeExpression full = Only("It opened Friday , Dec. 3 , 2021 .");
  EXPECT_EQ(full.kind, Kind::kDate);
  EXPECT_EQ(Resolved(full, lexicon::kUnknownDate, Tense::kPast), "2021-12-03/day");
}

TEST(TimeExpressions, BoundsArePeriodLimits) {
  const char* const bounded[] = {
      "The group has ruled the region since 2014 .",
      "The ceasefire holds until June .",
      "Troops must leave by Friday .",
      "The law passed before March 3 .",
  };
  for (const char* text : bounded) {
    const std::vector<TimeExpression> found = Find(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_TRUE(found[0].bound) << text;
  }
  EXPECT_FALSE(Only("The ministers met in June .").bound);
  EXPECT_FALSE(Only("The ministers met on Friday .").bound);
  EXPECT_FALSE(Only("The ministers met in 2014 .").bound);
}

TEST(TimeExpressions, MayAndMarchNeedADateContext) {
  EXPECT_TRUE(Find("The army may march on the capital .").empty());
  EXPECT_TRUE(Find("Theresa May said the vote would go ahead .").empty());
  const TimeExpression may = Only("Elections are due in May .");
  EXPECT_EQ(may.kind, Kind::kMonth);
  EXPECT_EQ(may.month, 5);
  EXPECT_EQ(Resolved(may, kFriday, Tense::kFuture), "2022-05/month");
  const TimeExpression march = Only("Talks began March 3 .");
  EXPECT_EQ(march.kind, Kind::kMonthDay);
  EXPECT_EQ(march.month, 3);
  EXPECT_EQ(march.day, 3);
  EXPECT_EQ(Resolved(march, kFriday, Tense::kPast), "2021-03-03/day");
  EXPECT_EQ(Only("The vote was held in May 2020 .").kind, Kind::kMonthYear);
}

TEST(TimeExpressions, UnknownAnchorLeavesOnlyAbsoluteDates) {
  const lexicon::Date none = lexicon::kUnknownDate;
  const char* const relative[] = {
      "They met yesterday .", "They met on Friday .",    "They met in June .",
      "They met on Dec. 3 .", "They met last week .",    "They met last month .",
      "They met next year .", "They met two days ago .", "They met earlier this month .",
  };
  for (const char* text : relative) {
    const TimeExpression e = Only(text);
    const ResolvedDate r = e.Resolve(none, Tense::kPast);
    EXPECT_FALSE(r.known()) << text;
    EXPECT_EQ(r.Format(), "") << text;
    EXPECT_TRUE(e.Resolve(kFriday, Tense::kPast).known()) << text;
  }
  EXPECT_EQ(Resolved(Only("They met in 2019 ."), none, Tense::kPast), "2019/year");
  EXPECT_EQ(Resolved(Only("They met on 3 December 2021 ."), none, Tense::kPast), "2021-12-03/day");
  EXPECT_EQ(Resolved(Only("They met in June 2020 ."), none, Tense::kPast), "2020-06/month");
}

TEST(TimeExpressions, SeveralInTokenOrder) {
  const std::vector<TimeExpression> found =
      Find("Yesterday , officials said talks would resume next week in Vienna .");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, Kind::kDayOffset);
  EXPECT_EQ(found[0].token_begin, 0u);
  EXPECT_EQ(found[0].token_end, 1u);
  EXPECT_EQ(found[1].kind, Kind::kWeekOffset);
  EXPECT_EQ(found[1].offset, 1);
  EXPECT_EQ(found[1].token_begin, 7u);
  EXPECT_EQ(found[1].token_end, 9u);
  EXPECT_TRUE(Find("Officials said talks would resume in Vienna .").empty());
}

TEST(TimeExpressions, AppendsToTheOutput) {
  const std::string text = "They met yesterday .";
  text::Sentence sentence;
  size_t pos = 0;
  for (std::string_view form : {"They", "met", "yesterday", "."}) {
    pos = text.find(form, pos);
    text::Token token;
    token.form = std::string_view(text).substr(pos, form.size());
    token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + form.size())};
    sentence.tokens.push_back(token);
  }
  std::vector<TimeExpression> out(1);
  out[0].year = 1999;
  FindTimeExpressions(sentence, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].year, 1999);
  EXPECT_EQ(out[1].kind, Kind::kDayOffset);
}

}  // namespace
}  // namespace parley::coding
