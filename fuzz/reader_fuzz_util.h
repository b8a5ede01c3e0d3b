#pragma once

// Shared driver for the reader fuzz targets: reads every record out of the input and checks
// the invariants every reader promises (clean UTF-8 in all text fields, a bounded number of
// Next() calls, ids always set), trapping when one breaks.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"
#include "parley/text/utf8_repair.h"

namespace parley::fuzz {

// Small enough that fuzz inputs reach the over-limit paths.
inline text::ReaderOptions FuzzOptions() {
  text::ReaderOptions options;
  options.max_record_bytes = 512;
  return options;
}

inline void Check(bool ok) {
  if (!ok) __builtin_trap();
}

inline void DrainAndCheck(text::DocumentReader* reader, const text::InputReport& report,
                          size_t input_size) {
  text::Document doc;
  size_t calls = 0;
  while (true) {
    text::ReadStatus status = reader->Next(&doc);
    if (status == text::ReadStatus::kEnd) break;
    ++calls;
    // Every call consumes at least one byte of input, so this bounds the loop.
    Check(calls <= input_size + 1);
    if (status == text::ReadStatus::kRejected) continue;
    Check(!doc.id.empty());
    Check(text::IsCleanUtf8(doc.body));
    Check(text::IsCleanUtf8(doc.title));
    Check(text::IsCleanUtf8(doc.id));
    Check(text::IsCleanUtf8(doc.parse));
    Check(doc.date.empty() || doc.date.size() == 10);
  }
  Check(report.documents() + report.empty() + report.rejected() == calls);
}

}  // namespace parley::fuzz
