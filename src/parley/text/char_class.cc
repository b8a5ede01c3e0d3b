#include "parley/text/char_class.h"

#include <array>

#include <utf8proc.h>

namespace parley::text {

namespace {

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kPunct;
    if (c <= 0x20 || c == 0x7f) {
      k = CharClass::kSpace;
    } else if (c >= 'a' && c <= 'z') {
      k = CharClass::kLower;
    } else if (c >= 'A' && c <= 'Z') {
      k = CharClass::kUpper;
    } else if (c >= '0' && c <= '9') {
      k = CharClass::kDigit;
    } else if (c == '_') {
      k = CharClass::kLetter;
    } else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' ||
               c == '`' || c == '|' || c == '~') {
      k = CharClass::kSymbol;
    }
    t[c] = k;
  }
  return t;
}


CharClass ClassOf(int32_t cp) {
  // Zero-width space, word joiner and byte-order mark separate words without showing.
  if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) return CharClass::kSpace;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return CharClass::kLower;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return CharClass::kSymbol;
    default:
      return CharClass::kLetter;
  }
}

}  // namespace

const std::array<CharClass, 128> kAsciiClass = MakeAsciiTable();

CharInfo DecodeNonAscii(std::string_view text, uint32_t pos, uint32_t end) {
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos, end - pos, &cp);
  if (n <= 0 || cp < 0) return {CharClass::kLetter, 1, -1};
  return {ClassOf(cp), static_cast<uint8_t>(n), cp};
}

bool IsCurrency(int32_t cp) {
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC;
}

}  // namespace parley::text
