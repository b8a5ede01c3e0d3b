#include "parley/text/plain_text_reader.h"

#include "parley/text/reader_common.h"

namespace parley::text {

PlainTextReader::PlainTextReader(std::unique_ptr<InputSource> source, std::string name,
                                 std::string id, InputReport* report,
                                 const ReaderOptions& options)
    : source_(std::move(source)),
      name_(std::move(name)),
      id_(std::move(id)),
      report_(report),
      options_(options) {}

ReadStatus PlainTextReader::Next(Document* doc) {
  if (done_) return ReadStatus::kEnd;
  done_ = true;
  *doc = Document();
  uint64_t length = 0;
  InputSource::Status status = source_->ReadAll(&doc->body, options_.max_record_bytes, &length);
  if (status == InputSource::Status::kTooLong) {
    report_->Reject({name_, 0, id_, TooLargeReason(length, options_.max_record_bytes)});
    return ReadStatus::kRejected;
  }
  if (source_->failed()) {
    report_->Reject({name_, 0, id_, "read error: the file could not be read to its end"});
    return ReadStatus::kRejected;
  }
  if (doc->body.compare(0, 3, "\xEF\xBB\xBF") == 0) doc->body.erase(0, 3);
  doc->id = id_;
  doc->origin_file = name_;
  doc->origin_line = 1;
  AcceptDocument(doc, report_);
  return ReadStatus::kDocument;
}

}  // namespace parley::text
