#pragma once

// Small string helpers shared by every module (the lowest layer: includes nothing of Parley).

#include <string>
#include <string_view>
#include <vector>

namespace parley::base {

// `s` without leading and trailing ASCII spaces, tabs, CR and LF.
[[nodiscard]] inline std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) {
    --e;
  }
  return s.substr(b, e - b);
}

// ASCII lower-casing; bytes >= 0x80 (UTF-8) are copied unchanged.
[[nodiscard]] inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Writes the ASCII lower-case form of `s` into *out (replacing it); no allocation once *out
// has the capacity.
inline void AsciiLowerInto(std::string_view s, std::string* out) {
  out->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) (*out)[i] = AsciiLower(s[i]);
}

[[nodiscard]] inline std::string AsciiLowerCopy(std::string_view s) {
  std::string out;
  AsciiLowerInto(s, &out);
  return out;
}

// The fields of `s` separated by runs of spaces and tabs (views into `s`).
[[nodiscard]] inline std::vector<std::string_view> SplitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Transparent hash for unordered containers keyed by std::string and looked up by
// std::string_view without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

}  // namespace parley::base
