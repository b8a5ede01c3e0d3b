#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

// Final step of every reader for a record it keeps: repairs invalid UTF-8 and control bytes in
// all text fields (one warning for the record when anything changed, naming
// doc->origin_file:origin_line and doc->id), gives a document whose id is empty after repair
// the fallback id, and counts the document (empty when the body is
// only whitespace). `prior` holds repairs already made to the raw record (a JSON line, an XML
// element) so that a record still gets one warning in all.
void AcceptDocument(Document* doc, InputReport* report, Utf8RepairStats prior = {});

// Sets doc->date from a raw date string through NormalizeDate; an unreadable non-empty date
// leaves doc->date empty and adds a warning "unreadable date: '<raw>'".
void SetDocumentDate(std::string_view raw, Document* doc, InputReport* report);

// The rejection reason for an over-long record: "record too large: N bytes (limit M)".
std::string TooLargeReason(uint64_t size, uint64_t limit);

// Reads all of `source` into *out for a one-document-per-file reader. Returns false after
// rejecting the record (file too large for options.max_record_bytes, or a read error) in
// *report under `name` and `id`.
[[nodiscard]] bool ReadWholeFile(InputSource* source, const std::string& name,
                                 const std::string& id, const ReaderOptions& options,
                                 InputReport* report, std::string* out);

// The id of a record that has none: "<file>:<line>".
std::string FallbackId(const std::string& file, uint64_t line);

}  // namespace parley::text
