#pragma once

// The small pieces every streaming JSON writer of parley::io appends with: strings (escaped,
// invalid UTF-8 replaced), numbers, keys, members and byte spans. No JSON tree is built.

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/text/document.h"

namespace parley::io {

// Appends `text` as a JSON string literal (quotes included) to *out: control characters
// escaped, invalid UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string_view text, std::string* out);

// Appends a decimal integer.
void AppendInt(int64_t value, std::string* out);

// `"key":` — keys are fixed ASCII names that need no escaping.
void AppendKey(std::string_view key, std::string* out);

// `"key":"value"` with the value escaped as by AppendJsonString.
void AppendMember(std::string_view key, std::string_view value, std::string* out);

// `[begin,end]`.
void AppendSpan(text::Span span, std::string* out);

}  // namespace parley::io
