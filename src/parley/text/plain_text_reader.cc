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
  if (!ReadWholeFile(source_.get(), name_, id_, options_, report_, &doc->body)) {
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
