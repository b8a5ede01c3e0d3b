// Fuzzes RepairUtf8 and IsCleanUtf8: repair must always yield clean text, leave clean text
// unchanged, be idempotent, and agree with utf8proc's own validation of the result.
#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "parley/text/utf8_repair.h"

namespace {
void Check(bool ok) {
  if (!ok) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string text = input;
  bool was_clean = parley::text::IsCleanUtf8(text);
  parley::text::Utf8RepairStats stats = parley::text::RepairUtf8(&text);
  Check(was_clean == !stats.changed());
  if (was_clean) Check(text == input);
  Check(parley::text::IsCleanUtf8(text));
  // Each repair either drops a byte or replaces at least one byte with three.
  Check(text.size() <= input.size() + 2 * stats.invalid_sequences);
  // Cross-check against utf8proc walking the result code point by code point.
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto n = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < n) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + pos, n - pos, &cp);
    Check(len > 0);
    Check(cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r');
    pos += len;
  }
  std::string again = text;
  Check(!parley::text::RepairUtf8(&again).changed());
  Check(again == text);
  return 0;
}
