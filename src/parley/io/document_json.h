#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/text/document.h"

namespace parley::io {

// What DocumentJson writes beyond the document header, zones and sentence spans.
struct DocumentJsonOptions {
  bool syntax = false;  // per token: upos, xpos, lemma, head, deprel
};

// One document as a JSON object, keys in a fixed order: id, date, source, url, title,
// metadata (input fields passed through; a raw value that does not parse is kept as a string),
// origin {file, line}, zones [{kind, span, text}], sentences [{span, text, tokens [{form,
// span, ...}]}]. Spans are [begin, end) byte offsets into the body. Never throws for any
// document content.
[[nodiscard]] nlohmann::ordered_json DocumentJson(const text::Document& doc,
                                                  const DocumentJsonOptions& options);

// `value` as one JSON line (invalid UTF-8 replaced), with the trailing newline.
[[nodiscard]] std::string JsonLine(const nlohmann::ordered_json& value);

}  // namespace parley::io
