#pragma once

#include <memory>
#include <string>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text {

// TABARI/KEDS text records: blank-line separated blocks, each a header line
// "YYMMDD id" or "YYYYMMDD id" followed by the story's text lines (see docs/FORMATS.md for
// the exact grammar). One Document per block: id from the header, date from its digits
// (two-digit years 00-49 -> 20xx, 50-99 -> 19xx), body = the text lines joined by '\n'.
// A block whose first line is not a header is rejected; a header with no text is an empty
// document.
class TabariReader : public DocumentReader {
 public:
  TabariReader(std::unique_ptr<InputSource> source, std::string name, InputReport* report,
               const ReaderOptions& options);

  [[nodiscard]] ReadStatus Next(Document* doc) override;

 private:
  // Reads the next line into line_; false at the end of input. Over-long lines set
  // line_too_long_ (and leave line_ empty).
  bool ReadLine();
  // Skips the rest of the current block (up to a blank line or the end).
  void SkipBlock();

  std::unique_ptr<InputSource> source_;
  std::string name_;
  InputReport* report_;
  ReaderOptions options_;
  uint64_t line_number_ = 0;
  std::string line_;
  uint64_t line_length_ = 0;
  bool line_too_long_ = false;
};

}  // namespace parley::text
