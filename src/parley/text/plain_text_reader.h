#pragma once

#include <memory>
#include <string>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text {

// Plain text: the whole input is one Document whose body is the file's bytes exactly (after
// UTF-8 repair; a leading byte-order mark is dropped). An empty file gives one empty document.
// An input larger than the record limit is rejected as a whole.
class PlainTextReader : public DocumentReader {
 public:
  // `name` is the file as shown in messages; `id` is the document id (the path relative to
  // the input root, or "-" for stdin).
  PlainTextReader(std::unique_ptr<InputSource> source, std::string name, std::string id,
                  InputReport* report, const ReaderOptions& options);

  [[nodiscard]] ReadStatus Next(Document* doc) override;

 private:
  std::unique_ptr<InputSource> source_;
  std::string name_;
  std::string id_;
  InputReport* report_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace parley::text
