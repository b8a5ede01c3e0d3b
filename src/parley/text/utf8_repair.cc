#include "parley/text/utf8_repair.h"

#include <utf8proc.h>

#include <cstring>

namespace parley::text {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kSpaces = 0x2020202020202020ULL;

bool IsAllowedControl(unsigned char c) { return c == '\t' || c == '\n' || c == '\r'; }

// Offset of the first byte that is not printable ASCII (>= 0x80, or < 0x20), checked eight
// bytes at a time because almost all news text is ASCII.
size_t SkipPlainAscii(const unsigned char* data, size_t size, size_t pos) {
  while (pos + 8 <= size) {
    uint64_t word;
    std::memcpy(&word, data + pos, 8);
    // High bit set, or (for bytes below 0x80) a byte below 0x20: the subtraction borrows.
    uint64_t suspicious = (word | ((word - kSpaces) & ~word)) & kHighBits;
    if (suspicious != 0) break;
    pos += 8;
  }
  while (pos < size && data[pos] >= 0x20 && data[pos] < 0x80) ++pos;
  return pos;
}

// Bytes a lead byte announces (1 for bytes that cannot start a sequence).
size_t DeclaredLength(unsigned char lead) {
  if (lead >= 0xC0 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  return 1;
}

// Length of the valid sequence at pos, or 0 if it is ill-formed.
size_t ValidSequenceLength(const unsigned char* data, size_t size, size_t pos) {
  utf8proc_int32_t code_point = 0;
  utf8proc_ssize_t n = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(size - pos),
                                        &code_point);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

// Length of the ill-formed sequence at pos: its lead byte plus the continuation bytes that
// follow, up to the length the lead byte declares.
size_t BadSequenceLength(const unsigned char* data, size_t size, size_t pos) {
  size_t declared = DeclaredLength(data[pos]);
  size_t n = 1;
  while (n < declared && pos + n < size && (data[pos + n] & 0xC0) == 0x80) ++n;
  return n;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

}  // namespace

bool IsCleanUtf8(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t size = text.size();
  size_t pos = 0;
  while (true) {
    pos = SkipPlainAscii(data, size, pos);
    if (pos >= size) return true;
    unsigned char c = data[pos];
    if (c < 0x80) {
      if (!IsAllowedControl(c)) return false;
      ++pos;
      continue;
    }
    size_t n = ValidSequenceLength(data, size, pos);
    if (n == 0) return false;
    pos += n;
  }
}

Utf8RepairStats RepairUtf8(std::string* text) {
  Utf8RepairStats stats;
  if (IsCleanUtf8(*text)) return stats;
  const auto* data = reinterpret_cast<const unsigned char*>(text->data());
  size_t size = text->size();
  std::string out;
  out.reserve(size + 16);
  size_t pos = 0;
  while (pos < size) {
    size_t plain_end = SkipPlainAscii(data, size, pos);
    out.append(text->data() + pos, plain_end - pos);
    pos = plain_end;
    if (pos >= size) break;
    unsigned char c = data[pos];
    if (c < 0x80) {
      if (IsAllowedControl(c)) {
        out.push_back(static_cast<char>(c));
      } else {
        ++stats.removed_controls;
      }
      ++pos;
      continue;
    }
    size_t n = ValidSequenceLength(data, size, pos);
    if (n > 0) {
      out.append(text->data() + pos, n);
      pos += n;
    } else {
      out.append(kReplacement, 3);
      ++stats.invalid_sequences;
      pos += BadSequenceLength(data, size, pos);
    }
  }
  text->swap(out);
  return stats;
}

std::string RepairReason(const Utf8RepairStats& stats) {
  auto plural = [](uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (stats.invalid_sequences > 0) {
    std::string reason = "invalid UTF-8 repaired: " +
                         plural(stats.invalid_sequences, "sequence", "sequences") +
                         " replaced by U+FFFD";
    if (stats.removed_controls > 0) {
      reason += ", " + plural(stats.removed_controls, "control byte", "control bytes") +
                " removed";
    }
    return reason;
  }
  if (stats.removed_controls > 0) {
    return "control bytes removed: " + plural(stats.removed_controls, "NUL/C0 control byte",
                                              "NUL/C0 control bytes");
  }
  return "";
}

}  // namespace parley::text
