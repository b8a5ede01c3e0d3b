#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parley/coding/pipeline.h"
#include "parley/io/json_append.h"
#include "parley/text/document.h"

namespace parley::io {

// What WriteDocumentJson writes beyond the document header, zones and sentence spans.
struct DocumentJsonOptions {
  bool syntax = false;  // per token: upos, xpos, lemma, head, deprel
  // When set, one entry per sentence: members appended to that sentence's object, written as
  // given (each a `"key":value` list of valid JSON, without braces; empty adds nothing).
  const std::vector<std::string>* sentence_members = nullptr;
};

// Appends one document as a JSON object and a newline to *out, keys in a fixed order: id, date,
// source, url, title, metadata (input fields passed through; a raw value that does not parse
// is kept as a string), origin {file, line}, zones [{kind, span, text}], sentences [{span,
// text, tokens [{form, span, ...}], ...}]. Spans are [begin, end) byte offsets into the body.
// Streams straight into the buffer (no JSON tree), so output keeps pace with the pipeline.
// Invalid UTF-8 is written as U+FFFD. Never throws for any document content.
void WriteDocumentJson(const text::Document& doc, const DocumentJsonOptions& options,
                       std::string* out);

// Appends one annotated document (`parley annotate`): WriteDocumentJson with syntax, and each
// sentence with "actors": [{code, country, sector, text, span, tokens, rule, place, stale}]
// from result.actors (parallel to doc.sentences). Never throws for any content.
void WriteAnnotatedDocumentJson(const text::Document& doc, const coding::DocumentResult& result,
                                std::string* out);

}  // namespace parley::io
