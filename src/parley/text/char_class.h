#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace parley::text {

// Character classes used by the tokenizer, segmenter and cleaner. ASCII goes through a
// 128-entry table; other code points through utf8proc's Unicode category table.
enum class CharClass : uint8_t {
  kSpace,   // whitespace, control characters, zero-width spaces
  kLower,   // lower-case letter
  kUpper,   // upper- or title-case letter
  kDigit,   // decimal digit
  kLetter,  // other word character: uncased letters, marks, '_', bytes that are not UTF-8
  kPunct,   // punctuation
  kSymbol,  // symbols (currency, maths, emoji...)
};

// One decoded character: its class, byte length (>= 1) and code point (-1 for a byte that is
// not valid UTF-8).
struct CharInfo {
  CharClass cls;
  uint8_t len;
  int32_t cp;
};

// Classes of the 128 ASCII characters.
extern const std::array<CharClass, 128> kAsciiClass;

// Decodes a character whose first byte is >= 0x80 (out of line: rare in English news).
[[nodiscard]] CharInfo DecodeNonAscii(std::string_view text, uint32_t pos, uint32_t end);

// Decodes the character at text[pos] (pos < end <= text.size()). Never reads past `end`.
[[nodiscard]] inline CharInfo DecodeChar(std::string_view text, uint32_t pos, uint32_t end) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return {kAsciiClass[c], 1, c};
  return DecodeNonAscii(text, pos, end);
}

// True for letters, digits and other word characters.
[[nodiscard]] inline bool IsWordClass(CharClass c) {
  return c == CharClass::kLower || c == CharClass::kUpper || c == CharClass::kDigit ||
         c == CharClass::kLetter;
}

// True when a code point is a currency symbol (Unicode category Sc).
[[nodiscard]] bool IsCurrency(int32_t cp);

}  // namespace parley::text
