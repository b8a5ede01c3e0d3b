#include "parley/text/tabari_reader.h"

#include <nlohmann/json.hpp>

#include <string_view>

#include "parley/text/reader_common.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (!IsBlank(c) && c != '\r') return false;
  }
  return true;
}

struct Header {
  std::string date;   // YYYYMMDD
  std::string id;
  std::string extra;  // text after the id, trimmed
};

// header := DIGITS{6|8} BLANK+ ID (BLANK+ EXTRA)? ; ID := one or more non-blank characters.
bool ParseHeader(std::string_view line, Header* header) {
  size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits != 6 && digits != 8) return false;
  size_t pos = digits;
  if (pos >= line.size() || !IsBlank(line[pos])) return false;
  while (pos < line.size() && IsBlank(line[pos])) ++pos;
  size_t id_start = pos;
  while (pos < line.size() && !IsBlank(line[pos])) ++pos;
  if (pos == id_start) return false;
  header->id = std::string(line.substr(id_start, pos - id_start));
  while (pos < line.size() && IsBlank(line[pos])) ++pos;
  std::string_view extra = line.substr(pos);
  while (!extra.empty() && IsBlank(extra.back())) extra.remove_suffix(1);
  header->extra = std::string(extra);
  if (digits == 8) {
    header->date = std::string(line.substr(0, 8));
  } else {
    int yy = (line[0] - '0') * 10 + (line[1] - '0');
    header->date = (yy < 50 ? "20" : "19") + std::string(line.substr(0, 6));
  }
  return true;
}

}  // namespace

TabariReader::TabariReader(std::unique_ptr<InputSource> source, std::string name,
                           InputReport* report, const ReaderOptions& options)
    : source_(std::move(source)), name_(std::move(name)), report_(report), options_(options) {}

bool TabariReader::ReadLine() {
  InputSource::Status status = source_->ReadLine(&line_, options_.max_record_bytes, &line_length_);
  if (status == InputSource::Status::kEnd) return false;
  ++line_number_;
  line_too_long_ = status == InputSource::Status::kTooLong;
  if (line_number_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
  return true;
}

void TabariReader::SkipBlock() {
  while (ReadLine()) {
    if (!line_too_long_ && IsBlankLine(line_)) return;
  }
}

ReadStatus TabariReader::Next(Document* doc) {
  *doc = Document();
  // Find the first line of the next block.
  do {
    if (!ReadLine()) return ReadStatus::kEnd;
  } while (!line_too_long_ && IsBlankLine(line_));

  uint64_t start_line = line_number_;
  Header header;
  if (line_too_long_ || !ParseHeader(line_, &header)) {
    std::string reason = line_too_long_ ? TooLargeReason(line_length_, options_.max_record_bytes)
                                        : "record does not start with a 'YYMMDD id' header";
    report_->Reject({name_, start_line, "", reason});
    SkipBlock();
    return ReadStatus::kRejected;
  }
  doc->id = header.id;
  doc->origin_file = name_;
  doc->origin_line = start_line;
  if (!header.extra.empty()) {
    // Repaired first: the JSON serializer refuses invalid UTF-8.
    (void)RepairUtf8(&header.extra);
    doc->metadata.emplace_back("header_extra", nlohmann::json(header.extra).dump());
  }

  bool too_large = false;
  uint64_t total = 0;
  while (ReadLine()) {
    if (!line_too_long_ && IsBlankLine(line_)) break;
    total += (line_too_long_ ? line_length_ : line_.size()) + 1;
    if (line_too_long_ || total > options_.max_record_bytes) {
      too_large = true;
      doc->body.clear();
      doc->body.shrink_to_fit();
      SkipBlock();
      break;
    }
    if (!doc->body.empty()) doc->body += '\n';
    doc->body += line_;
  }
  if (too_large) {
    report_->Reject({name_, start_line, doc->id, TooLargeReason(total, options_.max_record_bytes)});
    return ReadStatus::kRejected;
  }
  SetDocumentDate(header.date, doc, report_);
  AcceptDocument(doc, report_);
  return ReadStatus::kDocument;
}

}  // namespace parley::text
