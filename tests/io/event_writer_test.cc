#include "parley/io/event_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/error.h"

namespace parley::io {
namespace {

using coding::Event;
using coding::EventActor;
using coding::Modality;
using namespace std::string_literals;

// ---------------------------------------------------------------------------------------------
// Three hand-built events shared by the format tests.

EventActor Actor(std::string code, std::string country, std::string sector, std::string text,
                 uint32_t begin, uint32_t end) {
  EventActor a;
  a.code = std::move(code);
  a.country = std::move(country);
  a.sector = std::move(sector);
  a.text = std::move(text);
  a.span = {begin, end};
  return a;
}

// A plain asserted-style record, as DESIGN §4 shows it.
Event PlainEvent() {
  Event e;
  e.doc_id = "rt-2021-12-03-0001";
  e.sentence_index = 2;
  e.date = "2021-12-03";
  e.date_precision = "day";
  e.story_date = "2021-12-03";
  e.zone = "text";
  e.source = Actor("USAGOV", "USA", "GOV", "US President Joe Biden", 100, 122);
  e.target = Actor("RUSGOV", "RUS", "GOV", "Vladimir Putin", 141, 155);
  e.cameo = "036";
  e.root = "03";
  e.quad_class = 1;
  e.goldstein = 4.0;
  e.plover_event = "AGREE";
  e.plover_context = "diplomatic";
  e.modality = Modality::kIntent;
  e.sentence_text = "US President Joe Biden will meet Vladimir Putin.";
  e.sentence_span = {100, 156};
  e.verb_text = "will meet";
  e.verb_span = {123, 132};
  e.pattern = "dict/verbs/03_intend.txt:12";
  e.source_name = "RT";
  e.url = "https://example.org/a?x=1,2";
  return e;
}

// Everything a writer must survive: quotes, commas, tabs, newlines, CR, NUL, an invalid UTF-8
// byte, U+2028, an empty date, a resolved (pronoun) target, negation.
Event NastyEvent() {
  Event e;
  e.doc_id = "d\"2";
  e.sentence_index = 0;
  e.date = "";
  e.zone = "title";
  e.source = Actor("SYRREB", "SYR", "REB", "Pres.\t\"Joe\"\nBiden, \xC3 jr", 0, 24);
  e.target = Actor("SYRMIL", "SYR", "MIL", "they", 40, 44);
  e.target.resolved = true;
  e.target.resolved_from = {5, 20};
  e.cameo = "1823";
  e.root = "18";
  e.quad_class = 4;
  e.goldstein = -10.0;
  e.plover_event = "ASSAULT";
  e.plover_mode = "kill";
  e.negated = true;
  e.modality = Modality::kPossible;
  e.sentence_text = "line one\r\nline\xE2\x80\xA8two\tend\0x"s;
  e.sentence_span = {0, 60};
  e.verb_text = "killed";
  e.verb_span = {30, 36};
  e.pattern = "dict/verbs/18_assault.txt:7";
  e.source_name = "Wire\tService";
  e.url = "https://example.org/b";
  return e;
}

// A reported event ("the UN said ..."), same document and sentence as NastyEvent, root 16.
Event AttributedEvent() {
  Event e;
  e.doc_id = "d\"2";
  e.sentence_index = 0;
  e.date = "2020-02-29";
  e.zone = "title";
  e.source = Actor("USAGOV", "USA", "GOV", "Washington", 60, 70);
  e.target = Actor("IGOUNO", "IGOUNO", "", "the UN", 80, 86);
  e.cameo = "163";
  e.root = "16";
  e.quad_class = 4;
  e.goldstein = -6.5;
  e.plover_event = "SANCTION";
  e.modality = Modality::kAsserted;
  e.attributed = true;
  e.attributed_to = Actor("IGOUNO", "IGOUNO", "", "UN officials", 0, 12);
  e.sentence_text = "UN officials said Washington cut aid to the UN.";
  e.sentence_span = {0, 47};
  e.verb_text = "cut";
  e.verb_span = {72, 75};
  e.pattern = "dict/verbs/16_reduce.txt:3";
  return e;
}

std::vector<Event> Events() { return {PlainEvent(), NastyEvent(), AttributedEvent()}; }

// Runs a fresh writer for `format` over `events`: Begin, then Write for each.
std::string WriteAll(std::string_view format, const std::vector<Event>& events) {
  std::unique_ptr<EventWriter> writer = EventWriter::Create(format);
  std::string out;
  writer->Begin(&out);
  for (const Event& e : events) writer->Write(e, &out);
  return out;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      parts.emplace_back(text.substr(start));
      return parts;
    }
    parts.emplace_back(text.substr(start, at - start));
    start = at + 1;
  }
}

// Lines of `text`, which must end in '\n'; the final empty piece is dropped.
std::vector<std::string> Lines(std::string_view text) {
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  std::vector<std::string> lines = Split(text, '\n');
  lines.pop_back();
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Create, names, shared number formatting.

TEST(EventWriterCreate, MakesEachListedFormat) {
  for (std::string_view format : kEventFormats) {
    std::unique_ptr<EventWriter> writer = EventWriter::Create(format);
    ASSERT_NE(writer, nullptr) << format;
    EXPECT_EQ(writer->format(), format);
  }
}

TEST(EventWriterCreate, RejectsUnknownNamesListingTheValidOnes) {
  for (std::string_view bad : {"", "JSONL", "json", "tsv", "phoenix ", "gdelt2"}) {
    try {
      (void)EventWriter::Create(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("'" + std::string(bad) + "'"), std::string::npos) << what;
      EXPECT_NE(what.find("jsonl, phoenix, gdelt, csv"), std::string::npos) << what;
    }
  }
}

TEST(EventWriterCreate, BeginIsEmptyForTheHeaderlessFormats) {
  for (std::string_view format : {"jsonl", "phoenix", "gdelt"}) {
    std::unique_ptr<EventWriter> writer = EventWriter::Create(format);
    std::string out;
    writer->Begin(&out);
    EXPECT_EQ(out, "") << format;
  }
}

TEST(EventWriterModalityName, NamesEveryModality) {
  EXPECT_EQ(coding::ModalityName(Modality::kAsserted), "asserted");
  EXPECT_EQ(coding::ModalityName(Modality::kIntent), "intent");
  EXPECT_EQ(coding::ModalityName(Modality::kPossible), "possible");
}

TEST(EventWriterGoldstein, PrintsShortestRoundTripWithADecimalPoint) {
  struct Case {
    double value;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {4.0, "4.0"},
      {-10.0, "-10.0"},
      {10.0, "10.0"},
      {3.4, "3.4"},
      {-0.3, "-0.3"},
      {5.2, "5.2"},
      {0.0, "0.0"},
      {-0.0, "0.0"},
      {-7.25, "-7.25"},
      {1e20, "1.0e+20"},
      {std::numeric_limits<double>::quiet_NaN(), ""},
      {std::numeric_limits<double>::infinity(), ""},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendGoldstein(c.value, &out);
    EXPECT_EQ(out, c.expected) << c.value;
    if (!out.empty()) {
      EXPECT_EQ(std::stod(out), c.value == 0 ? 0.0 : c.value) << "round trip of " << out;
    }
  }
}

TEST(EventWriterPentaClass, FollowsThePhoenixTable) {
  struct Case {
    std::string_view root;
    int penta;
  };
  const std::vector<Case> cases = {
      {"01", 0},  {"02", 0}, {"03", 1}, {"04", 1},   {"05", 1},  {"06", 2},  {"07", 2},
      {"08", 2},  {"09", 3}, {"10", 3}, {"11", 3},   {"12", 3},  {"13", 3},  {"14", 4},
      {"15", 4},  {"16", 3}, {"17", 4}, {"18", 4},   {"19", 4},  {"20", 4},  {"00", -1},
      {"21", -1}, {"", -1},  {"3", -1}, {"036", -1}, {"ab", -1}, {"1a", -1},
  };
  for (const Case& c : cases) EXPECT_EQ(PhoenixPentaClass(c.root), c.penta) << c.root;
}

// ---------------------------------------------------------------------------------------------
// JSONL

TEST(EventWriterJsonl, WritesTheRecordLineExactly) {
  const std::string out = WriteAll("jsonl", {PlainEvent()});
  EXPECT_EQ(out,
            "{\"doc_id\":\"rt-2021-12-03-0001\",\"sentence_index\":2,\"date\":\"2021-12-03\","
            "\"date_precision\":\"day\",\"story_date\":\"2021-12-03\",\"zone\":\"text\","
            "\"source\":{\"code\":\"USAGOV\",\"country\":\"USA\",\"sector\":\"GOV\","
            "\"text\":\"US President Joe Biden\",\"span\":[100,122]},"
            "\"target\":{\"code\":\"RUSGOV\",\"country\":\"RUS\",\"sector\":\"GOV\","
            "\"text\":\"Vladimir Putin\",\"span\":[141,155]},"
            "\"cameo\":\"036\",\"root\":\"03\",\"quad_class\":1,\"goldstein\":4.0,"
            "\"plover\":{\"event\":\"AGREE\",\"mode\":\"\",\"context\":\"diplomatic\"},"
            "\"negated\":false,\"modality\":\"intent\",\"location\":null,\"duplicate_of\":null,"
            "\"attributed_to\":null,"
            "\"evidence\":{\"sentence\":\"US President Joe Biden will meet Vladimir Putin.\","
            "\"sentence_span\":[100,156],\"verb\":{\"text\":\"will meet\",\"span\":[123,132]},"
            "\"pattern\":\"dict/verbs/03_intend.txt:12\"}}\n");
}

TEST(EventWriterJsonl, WritesTheLocationAndDuplicate) {
  Event e = PlainEvent();
  e.date = "2021-06";
  e.date_precision = "month";
  e.located = true;
  e.location = {"Geneva", "Geneva, Switzerland", "CHE", 46.2022, 6.1457, 2660646};
  e.duplicate_of = "wire-1";
  const nlohmann::json j = nlohmann::json::parse(WriteAll("jsonl", {e}));
  EXPECT_EQ(j["date"], "2021-06");
  EXPECT_EQ(j["date_precision"], "month");
  EXPECT_EQ(j["location"]["name"], "Geneva");
  EXPECT_EQ(j["location"]["text"], "Geneva, Switzerland");
  EXPECT_EQ(j["location"]["country"], "CHE");
  EXPECT_DOUBLE_EQ(j["location"]["lat"].get<double>(), 46.2022);
  EXPECT_DOUBLE_EQ(j["location"]["lon"].get<double>(), 6.1457);
  EXPECT_EQ(j["location"]["geonames_id"], 2660646);
  EXPECT_EQ(j["duplicate_of"], "wire-1");
  // the day-column formats take a month's first day and carry the place
  const std::string phoenix = WriteAll("phoenix", {e});
  EXPECT_NE(phoenix.find("\t20210601\t2021\t06\t01\t"), std::string::npos) << phoenix;
  EXPECT_NE(phoenix.find("\t46.2022\t6.1457\tGeneva\t\tCHE\t"), std::string::npos) << phoenix;
  const std::string gdelt = WriteAll("gdelt", {e});
  EXPECT_NE(gdelt.find("\t4\tGeneva\tCHE\t\t\t46.2022\t6.1457\t2660646\t"), std::string::npos)
      << gdelt;
}

TEST(EventWriterJsonl, ParsesBackWithKeysInContractOrder) {
  const std::string out = WriteAll("jsonl", Events());
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 3u);
  const std::vector<std::string> keys = {
      "doc_id",     "sentence_index", "date",          "date_precision", "story_date",
      "zone",       "source",         "target",        "cameo",          "root",
      "quad_class", "goldstein",      "plover",        "negated",        "modality",
      "location",   "duplicate_of",   "attributed_to", "evidence"};
  for (const std::string& line : lines) {
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
    std::vector<std::string> got;
    for (const auto& [key, value] : j.items()) got.push_back(key);
    EXPECT_EQ(got, keys) << line;
    std::vector<std::string> evidence;
    for (const auto& [key, value] : j["evidence"].items()) evidence.push_back(key);
    EXPECT_EQ(evidence, (std::vector<std::string>{"sentence", "sentence_span", "verb", "pattern"}));
  }

  const nlohmann::json nasty = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(nasty["doc_id"], "d\"2");
  EXPECT_EQ(nasty["date"], "") << "an empty date is written, never omitted";
  EXPECT_EQ(nasty["zone"], "title");
  EXPECT_EQ(nasty["source"]["text"], "Pres.\t\"Joe\"\nBiden, \xEF\xBF\xBD jr");
  EXPECT_FALSE(nasty["source"].contains("resolved_from"));
  EXPECT_EQ(nasty["target"]["resolved_from"], nlohmann::json::array({5, 20}));
  EXPECT_EQ(nasty["target"]["span"], nlohmann::json::array({40, 44}));
  EXPECT_EQ(nasty["goldstein"].get<double>(), -10.0);
  EXPECT_NE(lines[1].find("\"goldstein\":-10.0,"), std::string::npos);
  EXPECT_EQ(nasty["negated"], true);
  EXPECT_EQ(nasty["modality"], "possible");
  EXPECT_EQ(nasty["plover"]["mode"], "kill");
  EXPECT_TRUE(nasty["location"].is_null());
  EXPECT_TRUE(nasty["attributed_to"].is_null());
  EXPECT_EQ(nasty["evidence"]["sentence"], "line one\r\nline\xE2\x80\xA8two\tend\0x"s);
  EXPECT_EQ(nasty["evidence"]["verb"]["span"], nlohmann::json::array({30, 36}));

  const nlohmann::json reported = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(reported["attributed_to"],
            nlohmann::json::parse(R"({"code":"IGOUNO","country":"IGOUNO","sector":"",)"
                                  R"("text":"UN officials","span":[0,12]})"));
  EXPECT_EQ(reported["goldstein"].get<double>(), -6.5);
  EXPECT_EQ(reported["modality"], "asserted");
  EXPECT_EQ(reported["quad_class"], 4);
}

TEST(EventWriterJsonl, HasNoHeaderAndWritesNullForANonFiniteScore) {
  std::unique_ptr<EventWriter> writer = EventWriter::Create("jsonl");
  std::string out;
  writer->Begin(&out);
  EXPECT_EQ(out, "");
  Event e = PlainEvent();
  e.goldstein = std::numeric_limits<double>::quiet_NaN();
  writer->Write(e, &out);
  EXPECT_TRUE(nlohmann::json::parse(out)["goldstein"].is_null());
}

// ---------------------------------------------------------------------------------------------
// Phoenix TSV

// Column indices of the Phoenix layout.
// clang-format off
enum PhoenixColumn {
  kEventID, kDate, kYear, kMonth, kDay,
  kSourceFull, kSourceEntity, kSourceRole, kSourceAttribute,
  kTargetFull, kTargetEntity, kTargetRole, kTargetAttribute,
  kEventCode, kEventRootCode, kPentaClass, kGoldsteinScore, kIssues,
  kLat, kLon, kLocationName, kStateName, kCountryCode,
  kSentenceID, kURLs, kNewsSources, kPhoenixColumns
};
// clang-format on

TEST(EventWriterPhoenix, WritesTwentySixColumnsWithoutHeader) {
  const std::string out = WriteAll("phoenix", Events());
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 3u) << "no header line; sanitized fields keep one line per event";
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : lines) {
    rows.push_back(Split(line, '\t'));
    ASSERT_EQ(rows.back().size(), static_cast<size_t>(kPhoenixColumns)) << line;
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }

  const std::vector<std::string> plain = {"rt-2021-12-03-0001-2-1",
                                          "20211203",
                                          "2021",
                                          "12",
                                          "03",
                                          "USAGOV",
                                          "USA",
                                          "GOV",
                                          "",
                                          "RUSGOV",
                                          "RUS",
                                          "GOV",
                                          "",
                                          "036",
                                          "03",
                                          "1",
                                          "4.0",
                                          "",
                                          "",
                                          "",
                                          "",
                                          "",
                                          "",
                                          "rt-2021-12-03-0001_2",
                                          "https://example.org/a?x=1,2",
                                          "RT"};
  EXPECT_EQ(rows[0], plain);

  const std::vector<std::string>& nasty = rows[1];
  EXPECT_EQ(nasty[kEventID], "d\"2-0-1");
  for (int c : {kDate, kYear, kMonth, kDay}) EXPECT_EQ(nasty[c], "") << "empty date, column " << c;
  EXPECT_EQ(nasty[kEventCode], "1823");
  EXPECT_EQ(nasty[kEventRootCode], "18");
  EXPECT_EQ(nasty[kPentaClass], "4");
  EXPECT_EQ(nasty[kGoldsteinScore], "-10.0");
  EXPECT_EQ(nasty[kSentenceID], "d\"2_0");
  EXPECT_EQ(nasty[kNewsSources], "Wire Service") << "tab inside a field becomes a space";

  const std::vector<std::string>& reported = rows[2];
  EXPECT_EQ(reported[kEventID], "d\"2-0-2") << "second event of the same sentence";
  EXPECT_EQ(reported[kDate], "20200229");
  EXPECT_EQ(reported[kMonth], "02");
  EXPECT_EQ(reported[kDay], "29");
  EXPECT_EQ(reported[kTargetFull], "IGOUNO");
  EXPECT_EQ(reported[kTargetEntity], "IGOUNO");
  EXPECT_EQ(reported[kTargetRole], "");
  EXPECT_EQ(reported[kPentaClass], "3") << "Phoenix counts root 16 as verbal conflict";
  EXPECT_EQ(reported[kGoldsteinScore], "-6.5");
}

TEST(EventWriterPhoenix, NumbersEventsPerSentenceAndRestartsPerDocument) {
  Event e = PlainEvent();
  std::vector<Event> events;
  for (auto [doc, sentence] : std::vector<std::pair<std::string, uint32_t>>{
           {"a", 0}, {"a", 1}, {"a", 0}, {"b", 0}, {"b", 0}, {"a", 0}}) {
    e.doc_id = doc;
    e.sentence_index = sentence;
    events.push_back(e);
  }
  std::vector<std::string> ids;
  for (const std::string& line : Lines(WriteAll("phoenix", events))) {
    ids.push_back(Split(line, '\t')[kEventID]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a-0-1", "a-1-1", "a-0-2", "b-0-1", "b-0-2", "a-0-1"}));
}

TEST(EventWriterPhoenix, TurnsEveryLineBreakIntoASpaceAndRepairsUtf8) {
  Event e = PlainEvent();
  e.source.code =
      "A\tB\nC\rD\0E\x0B"
      "F\xC2\x85G\xE2\x80\xA8H\xE2\x80\xA9I\xFFJ"s;
  const std::vector<std::string> row = Split(Lines(WriteAll("phoenix", {e}))[0], '\t');
  ASSERT_EQ(row.size(), static_cast<size_t>(kPhoenixColumns));
  EXPECT_EQ(row[kSourceFull], "A B C D E F G H I\xEF\xBF\xBDJ");
}

TEST(EventWriterPhoenix, LeavesPentaClassEmptyForAnUnknownRoot) {
  Event e = PlainEvent();
  e.root = "";
  const std::vector<std::string> row = Split(Lines(WriteAll("phoenix", {e}))[0], '\t');
  EXPECT_EQ(row[kPentaClass], "");
}

// ---------------------------------------------------------------------------------------------
// GDELT TSV

// Column indices of the GDELT 2.0 event table.
constexpr int kGlobalEventID = 0, kGDay = 1, kMonthYear = 2, kGYear = 3, kFractionDate = 4;
constexpr int kActor1 = 5, kActor2 = 15;  // then Code, Name, CountryCode, KnownGroupCode, ...
constexpr int kCodeOff = 0, kNameOff = 1, kCountryOff = 2, kKnownGroupOff = 3, kType1Off = 7;
constexpr int kIsRootEvent = 25, kEventCodeG = 26, kEventBaseCode = 27, kEventRootCodeG = 28;
constexpr int kQuadClass = 29, kGoldsteinScale = 30, kNumMentions = 31, kNumSources = 32;
constexpr int kNumArticles = 33, kAvgTone = 34, kActor1Geo = 35, kActor2Geo = 43;
constexpr int kActionGeo = 51, kDateAdded = 59, kSourceUrl = 60, kGdeltColumns = 61;

TEST(EventWriterGdelt, WritesSixtyOneColumnsWithoutHeader) {
  const std::string out = WriteAll("gdelt", Events());
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 3u);
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : lines) {
    rows.push_back(Split(line, '\t'));
    ASSERT_EQ(rows.back().size(), static_cast<size_t>(kGdeltColumns)) << line;
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::vector<std::string>& r = rows[i];
    EXPECT_EQ(r[kGlobalEventID], std::to_string(i + 1));
    EXPECT_EQ(r[kNumMentions], "1");
    EXPECT_EQ(r[kNumSources], "1");
    EXPECT_EQ(r[kNumArticles], "1");
    EXPECT_EQ(r[kIsRootEvent], "");
    EXPECT_EQ(r[kAvgTone], "");
    EXPECT_EQ(r[kDateAdded], "");
    for (int geo = kActor1Geo; geo < kDateAdded; ++geo) EXPECT_EQ(r[geo], "") << geo;
    for (int actor : {kActor1, kActor2}) {
      for (int off : {4, 5, 6, 8, 9}) EXPECT_EQ(r[actor + off], "") << actor + off;
    }
  }

  const std::vector<std::string>& plain = rows[0];
  EXPECT_EQ(plain[kGDay], "20211203");
  EXPECT_EQ(plain[kMonthYear], "202112");
  EXPECT_EQ(plain[kGYear], "2021");
  EXPECT_EQ(plain[kFractionDate], "2021.9233");  // day 337 of 365
  EXPECT_EQ(plain[kActor1 + kCodeOff], "USAGOV");
  EXPECT_EQ(plain[kActor1 + kNameOff], "US President Joe Biden");
  EXPECT_EQ(plain[kActor1 + kCountryOff], "USA");
  EXPECT_EQ(plain[kActor1 + kKnownGroupOff], "");
  EXPECT_EQ(plain[kActor1 + kType1Off], "GOV");
  EXPECT_EQ(plain[kActor2 + kCodeOff], "RUSGOV");
  EXPECT_EQ(plain[kActor2 + kNameOff], "Vladimir Putin");
  EXPECT_EQ(plain[kEventCodeG], "036");
  EXPECT_EQ(plain[kEventBaseCode], "036");
  EXPECT_EQ(plain[kEventRootCodeG], "03");
  EXPECT_EQ(plain[kQuadClass], "1");
  EXPECT_EQ(plain[kGoldsteinScale], "4.0");
  EXPECT_EQ(plain[kSourceUrl], "https://example.org/a?x=1,2");

  const std::vector<std::string>& nasty = rows[1];
  for (int c : {kGDay, kMonthYear, kGYear, kFractionDate}) EXPECT_EQ(nasty[c], "") << c;
  EXPECT_EQ(nasty[kActor1 + kNameOff], "Pres. \"Joe\" Biden, \xEF\xBF\xBD jr");
  EXPECT_EQ(nasty[kEventBaseCode], "182");
  EXPECT_EQ(nasty[kQuadClass], "4");
  EXPECT_EQ(nasty[kGoldsteinScale], "-10.0");

  const std::vector<std::string>& reported = rows[2];
  EXPECT_EQ(reported[kFractionDate], "2020.1644");  // 29 February: day 60
  EXPECT_EQ(reported[kActor2 + kCountryOff], "") << "an IGO is not a country";
  EXPECT_EQ(reported[kActor2 + kKnownGroupOff], "IGOUNO");
  EXPECT_EQ(reported[kEventBaseCode], "163");
  EXPECT_EQ(reported[kEventRootCodeG], "16");
}

TEST(EventWriterGdelt, FractionDateStaysInsideItsYear) {
  struct Case {
    std::string date;
    std::string fraction;
  };
  const std::vector<Case> cases = {
      {"2021-01-01", "2021.0027"}, {"2021-12-31", "2021.9999"}, {"2020-12-31", "2020.9999"},
      {"2021-07-02", "2021.5014"}, {"2021-02-28", "2021.1616"},
  };
  for (const Case& c : cases) {
    Event e = PlainEvent();
    e.date = c.date;
    const std::vector<std::string> row = Split(Lines(WriteAll("gdelt", {e}))[0], '\t');
    ASSERT_EQ(row.size(), static_cast<size_t>(kGdeltColumns));
    EXPECT_EQ(row[kFractionDate], c.fraction) << c.date;
  }
}

TEST(EventWriterGdelt, MonthAndYearDatesTakeTheFirstDay) {
  for (const auto& [date, day] : {std::pair<std::string, std::string>{"2021-06", "20210601"},
                                  {"2021", "20210101"}}) {
    Event e = PlainEvent();
    e.date = date;
    const std::vector<std::string> row = Split(Lines(WriteAll("gdelt", {e}))[0], '\t');
    ASSERT_EQ(row.size(), static_cast<size_t>(kGdeltColumns));
    EXPECT_EQ(row[kGDay], day) << date;
  }
}

TEST(EventWriterGdelt, MalformedDatesLeaveTheDateColumnsEmpty) {
  for (std::string_view date : {"2021/12/03", "20211203", "2021-1a-03", "2021-12-03x", "2021-13",
                                "202", "2021-13-01", "2021-00-10", "2021-12-00", "2021-12-32"}) {
    Event e = PlainEvent();
    e.date = std::string(date);
    const std::vector<std::string> row = Split(Lines(WriteAll("gdelt", {e}))[0], '\t');
    ASSERT_EQ(row.size(), static_cast<size_t>(kGdeltColumns));
    for (int c : {kGDay, kMonthYear, kGYear, kFractionDate}) EXPECT_EQ(row[c], "") << date;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

// A reference RFC 4180 reader: records of fields; quoted fields may hold commas, quotes ("")
// and line breaks. Expects every record to end in '\n'.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "quote inside an unquoted field";
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      records.push_back(std::move(record));
      record.clear();
    } else {
      EXPECT_FALSE(was_quoted) << "text after a closing quote";
      EXPECT_NE(c, '\r') << "bare CR outside quotes";
      field.push_back(c);
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(record.empty() && field.empty()) << "last record without a line end";
  return records;
}

TEST(EventWriterCsv, WritesAHeaderAndQuotesPerRfc4180) {
  const std::string out = WriteAll("csv", Events());
  const std::vector<std::vector<std::string>> records = ParseCsv(out);
  ASSERT_EQ(records.size(), 4u);
  const std::vector<std::string> header = {"doc_id",         "sentence_index",
                                           "date",           "zone",
                                           "source_code",    "source_country",
                                           "source_sector",  "source_text",
                                           "source_begin",   "source_end",
                                           "target_code",    "target_country",
                                           "target_sector",  "target_text",
                                           "target_begin",   "target_end",
                                           "cameo",          "root",
                                           "quad_class",     "goldstein",
                                           "plover_event",   "plover_mode",
                                           "plover_context", "negated",
                                           "modality",       "attributed_to_code",
                                           "verb",           "pattern",
                                           "sentence",       "date_precision",
                                           "story_date",     "location_name",
                                           "location_country", "location_lat",
                                           "location_lon",   "duplicate_of"};
  EXPECT_EQ(records[0], header);
  for (const auto& r : records) ASSERT_EQ(r.size(), header.size());

  const std::vector<std::string> plain = {"rt-2021-12-03-0001",
                                          "2",
                                          "2021-12-03",
                                          "text",
                                          "USAGOV",
                                          "USA",
                                          "GOV",
                                          "US President Joe Biden",
                                          "100",
                                          "122",
                                          "RUSGOV",
                                          "RUS",
                                          "GOV",
                                          "Vladimir Putin",
                                          "141",
                                          "155",
                                          "036",
                                          "03",
                                          "1",
                                          "4.0",
                                          "AGREE",
                                          "",
                                          "diplomatic",
                                          "false",
                                          "intent",
                                          "",
                                          "will meet",
                                          "dict/verbs/03_intend.txt:12",
                                          "US President Joe Biden will meet Vladimir Putin.",
                                          "day",
                                          "2021-12-03",
                                          "",
                                          "",
                                          "",
                                          "",
                                          ""};
  EXPECT_EQ(records[1], plain);

  const std::vector<std::string>& nasty = records[2];
  EXPECT_EQ(nasty[0], "d\"2");
  EXPECT_EQ(nasty[2], "") << "empty date";
  EXPECT_EQ(nasty[7], "Pres.\t\"Joe\"\nBiden, \xEF\xBF\xBD jr")
      << "tabs, quotes, newlines and commas survive inside quotes; bad bytes become U+FFFD";
  EXPECT_EQ(nasty[13], "they");
  EXPECT_EQ(nasty[19], "-10.0");
  EXPECT_EQ(nasty[23], "true");
  EXPECT_EQ(nasty[24], "possible");
  EXPECT_EQ(nasty[28], "line one\r\nline\xE2\x80\xA8two\tend x") << "NUL becomes a space";

  const std::vector<std::string>& reported = records[3];
  EXPECT_EQ(reported[24], "asserted");
  EXPECT_EQ(reported[25], "IGOUNO");
  EXPECT_EQ(reported[18], "4");
  EXPECT_EQ(reported[19], "-6.5");

  // The raw text quotes only where needed and doubles inner quotes.
  EXPECT_NE(out.find("\n\"d\"\"2\",0,,title,"), std::string::npos) << out;
  EXPECT_NE(out.find(",\"Pres.\t\"\"Joe\"\"\nBiden, \xEF\xBF\xBD jr\",0,24,"), std::string::npos);
}

TEST(EventWriterCsv, BeginWritesOnlyTheHeader) {
  std::unique_ptr<EventWriter> writer = EventWriter::Create("csv");
  std::string out;
  writer->Begin(&out);
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Split(lines[0], ',').size(), 36u);
}

}  // namespace
}  // namespace parley::io
