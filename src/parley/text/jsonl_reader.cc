#include "parley/text/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string_view>

#include "parley/text/reader_common.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

namespace {

enum class Field : uint8_t { kId, kDate, kSource, kUrl, kTitle, kText, kOther };

// Alternative names feeds use for the same field; the first one present wins, later ones are
// kept as metadata.
struct FieldName {
  std::string_view name;
  Field field;
};
constexpr std::array<FieldName, 12> kFieldNames = {{
    {"id", Field::kId},
    {"date", Field::kDate},
    {"published", Field::kDate},
    {"publish_date", Field::kDate},
    {"published_at", Field::kDate},
    {"source", Field::kSource},
    {"url", Field::kUrl},
    {"title", Field::kTitle},
    {"headline", Field::kTitle},
    {"text", Field::kText},
    {"body", Field::kText},
    {"content", Field::kText},
}};

Field FieldOf(std::string_view key) {
  for (const FieldName& f : kFieldNames) {
    if (f.name == key) return f.field;
  }
  return Field::kOther;
}

// A field value as text: strings as themselves, and for ids also numbers as written; false
// for anything else.
bool FieldText(Field field, const nlohmann::json& value, std::string* out) {
  if (value.is_string()) {
    *out = value.get<std::string>();
    return true;
  }
  if (field == Field::kId && value.is_number()) {
    *out = value.dump();
    return true;
  }
  return false;
}

bool IsBlankLine(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

JsonlReader::JsonlReader(std::unique_ptr<InputSource> source, std::string name,
                         InputReport* report, const ReaderOptions& options)
    : source_(std::move(source)), name_(std::move(name)), report_(report), options_(options) {}

ReadStatus JsonlReader::Next(Document* doc) {
  *doc = Document();
  while (true) {
    uint64_t length = 0;
    InputSource::Status status = source_->ReadLine(&line_, options_.max_record_bytes, &length);
    if (status == InputSource::Status::kEnd) return ReadStatus::kEnd;
    ++line_number_;
    if (status == InputSource::Status::kTooLong) {
      report_->Reject({name_, line_number_, "", TooLargeReason(length, options_.max_record_bytes)});
      return ReadStatus::kRejected;
    }
    if (line_number_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
    if (IsBlankLine(line_)) continue;
    break;
  }

  // nlohmann::json refuses invalid UTF-8 and we want the record, so repair first.
  Utf8RepairStats repaired = RepairUtf8(&line_);
  nlohmann::json record = nlohmann::json::parse(line_, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) {
    // Parse again with exceptions only on this rare path to get the position and reason.
    std::string detail = "syntax error";
    try {
      nlohmann::json unused = nlohmann::json::parse(line_);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for numbers
      detail = e.what();
      // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, ...".
      size_t bracket = detail.find("] ");
      if (bracket != std::string::npos) detail = detail.substr(bracket + 2);
    }
    report_->Reject({name_, line_number_, "", "malformed JSON: " + detail});
    return ReadStatus::kRejected;
  }
  if (!record.is_object()) {
    report_->Reject({name_, line_number_, "",
                     std::string("not a JSON object: got ") + record.type_name()});
    return ReadStatus::kRejected;
  }

  doc->origin_file = name_;
  doc->origin_line = line_number_;
  std::array<bool, 6> seen{};
  std::string raw_date;
  std::string value;
  for (auto it = record.begin(); it != record.end(); ++it) {
    Field field = FieldOf(it.key());
    size_t slot = static_cast<size_t>(field);
    if (field == Field::kOther || seen[slot] || it.value().is_null()) {
      if (!it.value().is_null() || field == Field::kOther) {
        doc->metadata.emplace_back(it.key(), it.value().dump());
      }
      continue;
    }
    if (!FieldText(field, it.value(), &value)) {
      if (field == Field::kText) {
        std::string id = record.contains("id") && record["id"].is_string()
                             ? record["id"].get<std::string>()
                             : "";
        report_->Reject({name_, line_number_, id,
                         std::string("field '") + it.key() + "' is not a string: got " +
                             it.value().type_name()});
        return ReadStatus::kRejected;
      }
      doc->metadata.emplace_back(it.key(), it.value().dump());
      continue;
    }
    seen[slot] = true;
    switch (field) {
      case Field::kId: doc->id = std::move(value); break;
      case Field::kDate: raw_date = std::move(value); break;
      case Field::kSource: doc->source = std::move(value); break;
      case Field::kUrl: doc->url = std::move(value); break;
      case Field::kTitle: doc->title = std::move(value); break;
      case Field::kText: doc->body = std::move(value); break;
      case Field::kOther: break;
    }
  }
  if (doc->id.empty()) doc->id = FallbackId(name_, line_number_);
  SetDocumentDate(raw_date, doc, report_);
  AcceptDocument(doc, report_, repaired);
  return ReadStatus::kDocument;
}

}  // namespace parley::text
