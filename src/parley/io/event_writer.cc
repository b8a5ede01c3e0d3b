#include "parley/io/event_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <utf8proc.h>

#include "parley/error.h"
#include "parley/io/json_append.h"

namespace parley::io {

namespace {

using coding::Event;
using coding::EventActor;

// ---------------------------------------------------------------------------------------------
// Plain-text fields (TSV and CSV).

enum class TextMode : uint8_t {
  // Every line break or tab a line-based reader could split on becomes a space: C0 controls
  // (tab, LF, CR included), NEL, LINE and PARAGRAPH SEPARATOR.
  kTsv,
  // Tab, LF and CR stay (the field is quoted); the other C0 controls become spaces.
  kCsv,
};

// Appends `text` as valid UTF-8 (an invalid byte becomes U+FFFD), with control characters
// handled as `mode` says.
void AppendCleanText(std::string_view text, TextMode mode, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {
      size_t j = i + 1;  // copy the run of printable ASCII in one go
      while (j < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[j]);
        if (d < 0x20 || d >= 0x80) break;
        ++j;
      }
      out->append(text.data() + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x20) {
      const bool keep = mode == TextMode::kCsv && (c == '\t' || c == '\n' || c == '\r');
      out->push_back(keep ? static_cast<char>(c) : ' ');
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (n <= 0) {
      out->append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    if (mode == TextMode::kTsv &&
        (code_point == 0x85 || code_point == 0x2028 || code_point == 0x2029)) {
      out->push_back(' ');
    } else {
      out->append(text.data() + i, static_cast<size_t>(n));
    }
    i += static_cast<size_t>(n);
  }
}

// One delimited line, field by field: TSV (fields cleaned, never quoted) or RFC 4180 CSV
// (fields quoted when they hold a comma, quote, CR or LF; quotes doubled).
class Row {
 public:
  Row(TextMode mode, std::string* scratch, std::string* out)
      : mode_(mode), scratch_(scratch), out_(out) {}

  void Text(std::string_view text) {
    Separate();
    if (mode_ == TextMode::kTsv) {
      AppendCleanText(text, mode_, out_);
      return;
    }
    scratch_->clear();
    AppendCleanText(text, mode_, scratch_);
    if (scratch_->find_first_of(",\"\r\n") == std::string::npos) {
      out_->append(*scratch_);
      return;
    }
    out_->push_back('"');
    for (char c : *scratch_) {
      if (c == '"') out_->push_back('"');
      out_->push_back(c);
    }
    out_->push_back('"');
  }
  void Int(int64_t value) {
    Separate();
    AppendInt(value, out_);
  }
  void Goldstein(double value) {
    Separate();
    AppendGoldstein(value, out_);
  }
  void Coordinate(double value) {
    Separate();
    AppendCoordinate(value, out_);
  }
  // `count` empty fields.
  void Empty(int count = 1) {
    for (int i = 0; i < count; ++i) Separate();
  }
  void End() { out_->push_back('\n'); }

 private:
  void Separate() {
    if (!first_) out_->push_back(mode_ == TextMode::kTsv ? '\t' : ',');
    first_ = false;
  }

  TextMode mode_;
  std::string* scratch_;
  std::string* out_;
  bool first_ = true;
};

// The parts of a "YYYY-MM-DD" date, with the month and day as numbers.
struct DateParts {
  std::string_view year, month, day;  // all empty when the date is missing or malformed
  int month_number = 0, day_number = 0;
  bool ok() const { return !year.empty(); }
};

// Splits `date`; returns empty parts unless it is YYYY-MM-DD with a month 01-12 and a day 01-31
// (the day is not checked against the month: the cleaner's dates are already valid).
// A date of any precision ("2021-12-03", "2021-06", "2021") as the first day of its period:
// the formats below have day columns only.
DateParts SplitDate(std::string_view date) {
  static constexpr std::string_view kFirst = "01";
  if (date.size() == 4 || (date.size() == 7 && date[4] == '-')) {
    for (size_t i = 0; i < date.size(); ++i) {
      if (i != 4 && (date[i] < '0' || date[i] > '9')) return {};
    }
    DateParts parts{date.substr(0, 4), date.size() == 7 ? date.substr(5, 2) : kFirst, kFirst};
    parts.month_number = date.size() == 7 ? (date[5] - '0') * 10 + (date[6] - '0') : 1;
    parts.day_number = 1;
    if (parts.month_number < 1 || parts.month_number > 12) return {};
    return parts;
  }
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return {};
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return {};
  }
  DateParts parts{date.substr(0, 4), date.substr(5, 2), date.substr(8, 2)};
  parts.month_number = (date[5] - '0') * 10 + (date[6] - '0');
  parts.day_number = (date[8] - '0') * 10 + (date[9] - '0');
  if (parts.month_number < 1 || parts.month_number > 12) return {};
  if (parts.day_number < 1 || parts.day_number > 31) return {};
  return parts;
}

// Appends GDELT's FractionDate of a valid date: YYYY.FFFF with FFFF the share of the year
// reached on that day, day-of-year / 365, rounded, capped at .9999 so that 31 December stays in
// its year.
void AppendFractionDate(const DateParts& d, std::string* out) {
  static constexpr int kDaysBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int year = 0;
  std::from_chars(d.year.data(), d.year.data() + d.year.size(), year);
  const int month = d.month_number;
  const int day = d.day_number;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int day_of_year = kDaysBefore[month - 1] + day + (leap && month > 2 ? 1 : 0);
  int fraction = (day_of_year * 10000 + 182) / 365;
  if (fraction > 9999) fraction = 9999;
  out->append(d.year);
  out->push_back('.');
  char buf[8];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), fraction);
  out->append(4 - static_cast<size_t>(end - buf), '0');
  out->append(buf, end);
}

// ---------------------------------------------------------------------------------------------
// JSON pieces. Keys are fixed ASCII names that need no escaping.

void AppendActor(const EventActor& actor, std::string* out) {
  out->push_back('{');
  AppendMember("code", actor.code, out);
  out->push_back(',');
  AppendMember("country", actor.country, out);
  out->push_back(',');
  AppendMember("sector", actor.sector, out);
  out->push_back(',');
  AppendMember("text", actor.text, out);
  out->push_back(',');
  AppendKey("span", out);
  AppendSpan(actor.span, out);
  if (actor.resolved) {
    out->push_back(',');
    AppendKey("resolved_from", out);
    AppendSpan(actor.resolved_from, out);
  }
  out->push_back('}');
}

// ---------------------------------------------------------------------------------------------
// The writers.

class JsonlWriter final : public EventWriter {
 public:
  std::string_view format() const override { return "jsonl"; }
  void Begin(std::string*) override {}

  void Write(const Event& e, std::string* out) override {
    out->push_back('{');
    AppendMember("doc_id", e.doc_id, out);
    out->push_back(',');
    AppendKey("sentence_index", out);
    AppendInt(e.sentence_index, out);
    out->push_back(',');
    AppendMember("date", e.date, out);
    out->push_back(',');
    AppendMember("date_precision", e.date_precision, out);
    out->push_back(',');
    AppendMember("story_date", e.story_date, out);
    out->push_back(',');
    AppendMember("zone", e.zone, out);
    out->push_back(',');
    AppendKey("source", out);
    AppendActor(e.source, out);
    out->push_back(',');
    AppendKey("target", out);
    AppendActor(e.target, out);
    out->push_back(',');
    AppendMember("cameo", e.cameo, out);
    out->push_back(',');
    AppendMember("root", e.root, out);
    out->push_back(',');
    AppendKey("quad_class", out);
    AppendInt(e.quad_class, out);
    out->push_back(',');
    AppendKey("goldstein", out);
    if (std::isfinite(e.goldstein)) {
      AppendGoldstein(e.goldstein, out);
    } else {
      out->append("null");  // JSON has no NaN; the codebook never produces one
    }
    out->push_back(',');
    AppendKey("plover", out);
    out->push_back('{');
    AppendMember("event", e.plover_event, out);
    out->push_back(',');
    AppendMember("mode", e.plover_mode, out);
    out->push_back(',');
    AppendMember("context", e.plover_context, out);
    out->append("},");
    AppendKey("negated", out);
    out->append(e.negated ? "true" : "false");
    out->push_back(',');
    AppendMember("modality", coding::ModalityName(e.modality), out);
    out->push_back(',');
    AppendKey("location", out);
    if (e.located) {
      out->push_back('{');
      AppendMember("name", e.location.name, out);
      out->push_back(',');
      AppendMember("text", e.location.text, out);
      out->push_back(',');
      AppendMember("country", e.location.country, out);
      out->push_back(',');
      AppendKey("lat", out);
      AppendCoordinate(e.location.lat, out);
      out->push_back(',');
      AppendKey("lon", out);
      AppendCoordinate(e.location.lon, out);
      out->push_back(',');
      AppendKey("geonames_id", out);
      if (e.location.geonames_id != 0) {
        AppendInt(e.location.geonames_id, out);
      } else {
        out->append("null");
      }
      out->append("},");
    } else {
      out->append("null,");
    }
    AppendKey("duplicate_of", out);
    if (e.duplicate_of.empty()) {
      out->append("null,");
    } else {
      AppendJsonString(e.duplicate_of, out);
      out->push_back(',');
    }
    AppendKey("attributed_to", out);
    if (e.attributed) {
      AppendActor(e.attributed_to, out);
    } else {
      out->append("null");
    }
    out->push_back(',');
    AppendKey("evidence", out);
    out->push_back('{');
    AppendMember("sentence", e.sentence_text, out);
    out->push_back(',');
    AppendKey("sentence_span", out);
    AppendSpan(e.sentence_span, out);
    out->push_back(',');
    AppendKey("verb", out);
    out->push_back('{');
    AppendMember("text", e.verb_text, out);
    out->push_back(',');
    AppendKey("span", out);
    AppendSpan(e.verb_span, out);
    out->append("},");
    AppendMember("pattern", e.pattern, out);
    out->append("}}\n");
  }
};

class PhoenixWriter final : public EventWriter {
 public:
  std::string_view format() const override { return "phoenix"; }
  void Begin(std::string*) override {}  // Phoenix data files had no header line

  void Write(const Event& e, std::string* out) override {
    // The EventID ordinal counts events per (document, sentence). Events of one document come
    // together, so the counts are reset when the document changes and memory stays bounded.
    if (e.doc_id != ordinal_doc_) {
      ordinal_doc_ = e.doc_id;
      ordinals_.clear();
    }
    const uint32_t ordinal = ++ordinals_[e.sentence_index];

    Row row(TextMode::kTsv, &scratch_, out);
    scratch_id_ = e.doc_id;
    scratch_id_.push_back('-');
    AppendInt(e.sentence_index, &scratch_id_);
    scratch_id_.push_back('-');
    AppendInt(ordinal, &scratch_id_);
    row.Text(scratch_id_);  // EventID

    const DateParts date = SplitDate(e.date);
    if (date.ok()) {
      scratch_date_.assign(date.year);
      scratch_date_.append(date.month);
      scratch_date_.append(date.day);
      row.Text(scratch_date_);  // Date
      row.Text(date.year);
      row.Text(date.month);
      row.Text(date.day);
    } else {
      row.Empty(4);
    }
    for (const EventActor* actor : {&e.source, &e.target}) {
      row.Text(actor->code);     // ...ActorFull
      row.Text(actor->country);  // ...ActorEntity
      row.Text(actor->sector);   // ...ActorRole
      row.Empty();               // ...ActorAttribute
    }
    row.Text(e.cameo);  // EventCode
    row.Text(e.root);   // EventRootCode
    const int penta = PhoenixPentaClass(e.root);
    if (penta >= 0) {
      row.Int(penta);
    } else {
      row.Empty();
    }
    row.Goldstein(e.goldstein);
    row.Empty();  // Issues
    if (e.located) {
      row.Coordinate(e.location.lat);   // Lat
      row.Coordinate(e.location.lon);   // Lon
      row.Text(e.location.name);        // LocationName
      row.Empty();                      // StateName
      row.Text(e.location.country);     // CountryCode
    } else {
      row.Empty(5);
    }
    scratch_id_ = e.doc_id;
    scratch_id_.push_back('_');
    AppendInt(e.sentence_index, &scratch_id_);
    row.Text(scratch_id_);    // SentenceID
    row.Text(e.url);          // URLs
    row.Text(e.source_name);  // NewsSources
    row.End();
  }

 private:
  std::string ordinal_doc_;
  std::unordered_map<uint32_t, uint32_t> ordinals_;
  std::string scratch_, scratch_id_, scratch_date_;
};

// True for the three-letter roots CAMEO uses for organisations rather than countries.
bool IsOrganisationRoot(std::string_view code) {
  return code == "IGO" || code == "NGO" || code == "IMG" || code == "MNC";
}

class GdeltWriter final : public EventWriter {
 public:
  std::string_view format() const override { return "gdelt"; }
  void Begin(std::string*) override {}  // GDELT files have no header line

  void Write(const Event& e, std::string* out) override {
    Row row(TextMode::kTsv, &scratch_, out);
    row.Int(static_cast<int64_t>(next_id_++));  // GlobalEventID
    const DateParts date = SplitDate(e.date);
    if (date.ok()) {
      scratch_date_.assign(date.year);
      scratch_date_.append(date.month);
      scratch_date_.append(date.day);
      row.Text(scratch_date_);                                 // Day
      row.Text(std::string_view(scratch_date_).substr(0, 6));  // MonthYear
      row.Text(date.year);                                     // Year
      scratch_fraction_.clear();
      AppendFractionDate(date, &scratch_fraction_);
      row.Text(scratch_fraction_);  // FractionDate
    } else {
      row.Empty(4);
    }
    for (const EventActor* actor : {&e.source, &e.target}) {
      // A country goes to CountryCode; an organisation code ("IGOUNO", bare "IGO") to
      // KnownGroupCode, which is where GDELT puts IGOs, NGOs and armed groups.
      const bool country = actor->country.size() == 3 && !IsOrganisationRoot(actor->country);
      const std::string_view code = actor->country;
      row.Text(actor->code);                          // Code
      row.Text(actor->text);                          // Name
      row.Text(country ? code : std::string_view());  // CountryCode
      row.Text(country ? std::string_view() : code);  // KnownGroupCode
      row.Empty(3);                                   // EthnicCode, Religion1Code, Religion2Code
      row.Text(actor->sector);                        // Type1Code
      row.Empty(2);                                   // Type2Code, Type3Code
    }
    row.Empty();  // IsRootEvent
    row.Text(e.cameo);
    row.Text(std::string_view(e.cameo).substr(0, 3));  // EventBaseCode
    row.Text(e.root);
    if (e.quad_class >= 1 && e.quad_class <= 4) {
      row.Int(e.quad_class);
    } else {
      row.Empty();
    }
    row.Goldstein(e.goldstein);
    row.Int(1);       // NumMentions
    row.Int(1);       // NumSources
    row.Int(1);       // NumArticles
    row.Empty();       // AvgTone
    row.Empty(2 * 8);  // Actor1Geo_*, Actor2Geo_*
    if (e.located) {
      // ActionGeo_Type: 1 a country, 4 a place in one (GDELT's "world city"); CountryCode is
      // ISO alpha-3 here, where GDELT has FIPS 10-4 (docs/FORMATS.md)
      row.Int(e.location.geonames_id != 0 ? 4 : 1);
      row.Text(e.location.name);      // ActionGeo_FullName
      row.Text(e.location.country);   // ActionGeo_CountryCode
      row.Empty(2);                   // ActionGeo_ADM1Code, ActionGeo_ADM2Code
      row.Coordinate(e.location.lat);
      row.Coordinate(e.location.lon);
      if (e.location.geonames_id != 0) {
        row.Int(e.location.geonames_id);  // ActionGeo_FeatureID
      } else {
        row.Empty();
      }
    } else {
      row.Empty(8);  // ActionGeo_*
    }
    row.Empty();       // DATEADDED
    row.Text(e.url);   // SOURCEURL
    row.End();
  }

 private:
  uint64_t next_id_ = 1;
  std::string scratch_, scratch_date_, scratch_fraction_;
};

class CsvWriter final : public EventWriter {
 public:
  std::string_view format() const override { return "csv"; }

  void Begin(std::string* out) override {
    out->append(
        "doc_id,sentence_index,date,zone,"
        "source_code,source_country,source_sector,source_text,source_begin,source_end,"
        "target_code,target_country,target_sector,target_text,target_begin,target_end,"
        "cameo,root,quad_class,goldstein,plover_event,plover_mode,plover_context,"
        "negated,modality,attributed_to_code,verb,pattern,sentence,"
        "date_precision,story_date,location_name,location_country,location_lat,location_lon,"
        "duplicate_of\n");
  }

  void Write(const Event& e, std::string* out) override {
    Row row(TextMode::kCsv, &scratch_, out);
    row.Text(e.doc_id);
    row.Int(e.sentence_index);
    row.Text(e.date);
    row.Text(e.zone);
    for (const EventActor* actor : {&e.source, &e.target}) {
      row.Text(actor->code);
      row.Text(actor->country);
      row.Text(actor->sector);
      row.Text(actor->text);
      row.Int(actor->span.begin);
      row.Int(actor->span.end);
    }
    row.Text(e.cameo);
    row.Text(e.root);
    row.Int(e.quad_class);
    row.Goldstein(e.goldstein);
    row.Text(e.plover_event);
    row.Text(e.plover_mode);
    row.Text(e.plover_context);
    row.Text(e.negated ? "true" : "false");
    row.Text(coding::ModalityName(e.modality));
    row.Text(e.attributed ? std::string_view(e.attributed_to.code) : std::string_view());
    row.Text(e.verb_text);
    row.Text(e.pattern);
    row.Text(e.sentence_text);
    row.Text(e.date_precision);
    row.Text(e.story_date);
    if (e.located) {
      row.Text(e.location.name);
      row.Text(e.location.country);
      row.Coordinate(e.location.lat);
      row.Coordinate(e.location.lon);
    } else {
      row.Empty(4);
    }
    row.Text(e.duplicate_of);
    row.End();
  }

 private:
  std::string scratch_;
};

}  // namespace

std::unique_ptr<EventWriter> EventWriter::Create(std::string_view format) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>();
  if (format == "phoenix") return std::make_unique<PhoenixWriter>();
  if (format == "gdelt") return std::make_unique<GdeltWriter>();
  if (format == "csv") return std::make_unique<CsvWriter>();
  std::string message = "unknown event output format '";
  message.append(format);
  message.append("'; valid formats: ");
  for (size_t i = 0; i < kEventFormats.size(); ++i) {
    if (i > 0) message.append(", ");
    message.append(kEventFormats[i]);
  }
  throw Error(message);
}

void AppendCoordinate(double value, std::string* out) {
  if (!std::isfinite(value)) value = 0;
  char buf[32];
  // four decimals: about 11 m, finer than any gazetteer point
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::fixed, 4);
  out->append(buf, static_cast<size_t>(end - buf));
}

void AppendGoldstein(double value, std::string* out) {
  if (!std::isfinite(value)) return;
  if (value == 0) value = 0;  // -0.0 prints as "0.0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  const std::string_view text(buf, static_cast<size_t>(end - buf));
  if (text.find('.') != std::string_view::npos) {
    out->append(text);
    return;
  }
  // No decimal point: "4" -> "4.0", "1e+20" -> "1.0e+20".
  const size_t exponent = text.find('e');
  out->append(text.substr(0, exponent));
  out->append(".0");
  if (exponent != std::string_view::npos) out->append(text.substr(exponent));
}

int PhoenixPentaClass(std::string_view root) {
  if (root.size() != 2 || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9') {
    return -1;
  }
  static constexpr int kPenta[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
                                     3,  3, 3, 4, 4, 3, 4, 4, 4, 4};
  const int n = (root[0] - '0') * 10 + (root[1] - '0');
  return n >= 1 && n <= 20 ? kPenta[n] : -1;
}

}  // namespace parley::io
