#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text {

// PETRARCH XML: <Sentence date="yyyymmdd" id="..." source="..." sentence="true"> elements
// with <Text> and optional <Parse> and <EventCoding .../> children, anywhere in the file
// (normally under <Sentences>). Streams one <Sentence> element at a time, so memory is bounded
// by the largest element; everything outside those elements (root, comments, <Config>) is
// skipped. One Document per element: body = the <Text> content with each whitespace run
// collapsed to one space and the ends trimmed; parse = the <Parse> content trimmed; date
// normalized to YYYY-MM-DD; other attributes and the <EventCoding> elements go to metadata as
// JSON. Broken elements are rejected naming file and line; reading resumes at the next
// <Sentence>.
class PetrarchXmlReader : public DocumentReader {
 public:
  PetrarchXmlReader(std::unique_ptr<InputSource> source, std::string name, InputReport* report,
                    const ReaderOptions& options);

  [[nodiscard]] ReadStatus Next(Document* doc) override;

 private:
  // Absolute input offsets: pending_ holds the bytes [base_, base_ + pending_.size()).
  char At(uint64_t pos) const { return pending_[pos - base_]; }
  uint64_t End() const { return base_ + pending_.size(); }
  // Reads one more chunk; false at the end of input. Drops bytes before keep_ first.
  bool More();
  // Ensures at least n bytes from scan_ are buffered if the input has them.
  bool Have(uint64_t n);
  // Moves scan_ forward to pos, counting lines.
  void AdvanceTo(uint64_t pos);
  // Finds `pattern` at or after scan_; returns its offset, or UINT64_MAX at the end of input.
  // Moves scan_ up to the match (not past it). While inside an element, stops with
  // element_too_large_ when the element outgrows the limit.
  uint64_t Find(std::string_view pattern);
  bool StartsWithAtScan(std::string_view text);
  // True when scan_ is at "<Sentence" followed by a blank, '>' or '/'.
  bool AtSentenceStart();
  // Moves scan_ past the next occurrence of `terminator`; false at the end of input.
  bool SkipPast(std::string_view terminator);
  // Turns the element bytes [element_start_, scan_) into *doc.
  ReadStatus ParseElement(Document* doc);

  std::unique_ptr<InputSource> source_;
  std::string name_;
  InputReport* report_;
  ReaderOptions options_;
  std::string pending_;
  std::vector<char> chunk_;  // read buffer, allocated on first use
  bool source_done_ = false;
  uint64_t base_ = 0;
  uint64_t scan_ = 0;
  uint64_t keep_ = 0;  // bytes before this offset may be dropped
  uint64_t line_ = 1;  // line number at scan_
  bool in_element_ = false;
  bool element_too_large_ = false;
  uint64_t element_start_ = 0;
  uint64_t element_line_ = 0;
  bool finished_ = false;
};

}  // namespace parley::text
