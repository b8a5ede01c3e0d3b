#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::text {

// What RepairUtf8 changed in one piece of text.
struct Utf8RepairStats {
  uint64_t invalid_sequences = 0;  // ill-formed UTF-8 sequences, each replaced by U+FFFD
  uint64_t removed_controls = 0;   // NUL and other C0 control bytes (not \t \n \r) dropped

  bool changed() const { return invalid_sequences > 0 || removed_controls > 0; }
  Utf8RepairStats& operator+=(const Utf8RepairStats& other) {
    invalid_sequences += other.invalid_sequences;
    removed_controls += other.removed_controls;
    return *this;
  }
};

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points above
// U+10FFFF, as utf8proc judges) with no C0 control bytes other than \t \n \r.
[[nodiscard]] bool IsCleanUtf8(std::string_view text);

// Makes *text clean in place: each ill-formed sequence (a bad lead byte, or a lead byte with
// the continuation bytes that follow it up to its declared length) becomes one U+FFFD; NUL and
// the other C0 controls except \t \n \r are removed. Leaves clean text untouched without
// copying. Thread-safe.
[[nodiscard]] Utf8RepairStats RepairUtf8(std::string* text);

// The warning reason for a repair, e.g. "invalid UTF-8 repaired: 2 sequences replaced by
// U+FFFD, 1 control byte removed" or "control bytes removed: 3". Empty when nothing changed.
[[nodiscard]] std::string RepairReason(const Utf8RepairStats& stats);

}  // namespace parley::text
