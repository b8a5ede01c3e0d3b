#include "parley/text/reader_common.h"

#include "parley/text/date_parse.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

void AcceptDocument(Document* doc, InputReport* report, Utf8RepairStats prior) {
  Utf8RepairStats stats = prior;
  stats += RepairUtf8(&doc->body);
  stats += RepairUtf8(&doc->id);
  stats += RepairUtf8(&doc->title);
  stats += RepairUtf8(&doc->source);
  stats += RepairUtf8(&doc->url);
  stats += RepairUtf8(&doc->parse);
  // An id made only of control bytes is empty after repair; every document needs one.
  if (doc->id.empty()) doc->id = FallbackId(doc->origin_file, doc->origin_line);
  if (stats.changed()) {
    report->Warn({doc->origin_file, doc->origin_line, doc->id, RepairReason(stats)});
  }
  bool empty = doc->body.find_first_not_of(" \t\r\n") == std::string::npos;
  report->CountDocument(empty);
}

void SetDocumentDate(std::string_view raw, Document* doc, InputReport* report) {
  doc->date.clear();
  if (raw.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  if (auto date = NormalizeDate(raw)) {
    doc->date = *date;
    return;
  }
  std::string shown(raw.substr(0, 64));
  (void)RepairUtf8(&shown);  // the cut may split a character
  report->Warn({doc->origin_file, doc->origin_line, doc->id,
                "unreadable date: '" + shown + "'"});
}

bool ReadWholeFile(InputSource* source, const std::string& name, const std::string& id,
                   const ReaderOptions& options, InputReport* report, std::string* out) {
  uint64_t length = 0;
  if (source->ReadAll(out, options.max_record_bytes, &length) ==
      InputSource::Status::kTooLong) {
    report->Reject({name, 0, id, TooLargeReason(length, options.max_record_bytes)});
    return false;
  }
  if (source->failed()) {
    report->Reject({name, 0, id, "read error: the file could not be read to its end"});
    return false;
  }
  return true;
}

std::string TooLargeReason(uint64_t size, uint64_t limit) {
  return "record too large: " + std::to_string(size) + " bytes (limit " + std::to_string(limit) +
         ")";
}

std::string FallbackId(const std::string& file, uint64_t line) {
  return file + ":" + std::to_string(line);
}

}  // namespace parley::text
