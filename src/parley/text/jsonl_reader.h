#pragma once

#include <memory>
#include <string>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text {

// JSON Lines: one JSON object a line, one Document per non-blank line. Recognised fields
// (strings): "id", "date" (or "published", "publish_date", "published_at"), "source", "url",
// "title" (or "headline"), "text" (or "body", "content"); other fields go to
// Document::metadata as raw JSON. Malformed lines, non-objects and non-string text are
// rejected with file:line and reading goes on; blank lines are skipped; a missing id becomes
// "<file>:<line>"; missing text gives an empty document.
class JsonlReader : public DocumentReader {
 public:
  // `name` is the file as shown in messages and fallback ids ("-" for stdin).
  JsonlReader(std::unique_ptr<InputSource> source, std::string name, InputReport* report,
              const ReaderOptions& options);

  [[nodiscard]] ReadStatus Next(Document* doc) override;

 private:
  std::unique_ptr<InputSource> source_;
  std::string name_;
  InputReport* report_;
  ReaderOptions options_;
  uint64_t line_number_ = 0;
  std::string line_;
};

}  // namespace parley::text
