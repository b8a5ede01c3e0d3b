#include "parley/lexicon/normalize.h"

#include <utf8proc.h>

namespace parley::lexicon {

namespace {

void CloseWord(std::string* buffer, std::vector<WordSpan>* words, WordSpan* current, bool* open,
               bool* has_lower) {
  if (!*open) return;
  current->end = static_cast<uint32_t>(buffer->size());
  current->upper = current->letters > 0 && !*has_lower;
  if (current->end > current->begin) words->push_back(*current);
  *open = false;
  *has_lower = false;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

void NormalizeWords(std::string_view text, std::string* buffer, std::vector<WordSpan>* words) {
  WordSpan current;
  bool open = false;
  bool has_lower = false;
  size_t i = 0;
  auto start_word = [&] {
    if (!open) {
      current = WordSpan{};
      current.begin = static_cast<uint32_t>(buffer->size());
      open = true;
    }
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // A possessive "'s" (or "’s") is the word "s" marked possessive, whether the tokenizer
    // split it off or not, so that matching can treat both spellings alike.
    size_t apostrophe = c == '\'' ? 1 : (text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0);
    if (apostrophe > 0 && i + apostrophe < text.size() &&
        (text[i + apostrophe] == 's' || text[i + apostrophe] == 'S') &&
        (i + apostrophe + 1 == text.size() || !IsAsciiAlnum(text[i + apostrophe + 1]))) {
      CloseWord(buffer, words, &current, &open, &has_lower);
      WordSpan s;
      s.begin = static_cast<uint32_t>(buffer->size());
      buffer->push_back('s');
      s.end = s.begin + 1;
      s.letters = 1;
      s.upper = text[i + apostrophe] == 'S';
      s.possessive = true;
      words->push_back(s);
      i += apostrophe + 1;
      continue;
    }
    if (c < 0x80) {
      // ASCII fast path: the overwhelmingly common case in news text.
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        start_word();
        if (c >= 'a') {
          has_lower = true;
          buffer->push_back(static_cast<char>(c));
        } else {
          buffer->push_back(static_cast<char>(c - 'A' + 'a'));
        }
        if (current.letters < 255) ++current.letters;
      } else if (c >= '0' && c <= '9') {
        start_word();
        buffer->push_back(static_cast<char>(c));
      } else if (c != '.') {
        CloseWord(buffer, words, &current, &open, &has_lower);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                          static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      // Invalid UTF-8 byte: treat as a separator and move on.
      CloseWord(buffer, words, &current, &open, &has_lower);
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    utf8proc_category_t cat = utf8proc_category(cp);
    bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    bool digit = cat == UTF8PROC_CATEGORY_ND;
    bool mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
    if (mark) continue;  // a combining accent belongs to the previous letter; dropped
    if (!letter && !digit) {
      CloseWord(buffer, words, &current, &open, &has_lower);
      continue;
    }
    start_word();
    if (letter) {
      if (current.letters < 255) ++current.letters;
      if (cat == UTF8PROC_CATEGORY_LL) has_lower = true;
    }
    // Case-fold and strip accents so "Wörner" = "WORNER" = "worner"; a fixed buffer keeps
    // this allocation-free.
    utf8proc_int32_t decomposed[8];
    int last_boundclass = 0;
    utf8proc_ssize_t count = utf8proc_decompose_char(
        cp, decomposed, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                       UTF8PROC_COMPAT),
        &last_boundclass);
    if (count <= 0 || count > 8) {
      decomposed[0] = utf8proc_tolower(cp);
      count = 1;
    }
    for (utf8proc_ssize_t k = 0; k < count; ++k) {
      utf8proc_uint8_t bytes[4];
      utf8proc_ssize_t len = utf8proc_encode_char(decomposed[k], bytes);
      buffer->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(len));
    }
  }
  CloseWord(buffer, words, &current, &open, &has_lower);
}

std::vector<std::string> NormalizedWords(std::string_view text) {
  std::string buffer;
  std::vector<WordSpan> spans;
  NormalizeWords(text, &buffer, &spans);
  std::vector<std::string> out;
  out.reserve(spans.size());
  for (const WordSpan& s : spans) out.emplace_back(buffer.substr(s.begin, s.end - s.begin));
  return out;
}

std::string NormalizedKey(std::string_view text) {
  std::string key;
  for (const std::string& w : NormalizedWords(text)) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

}  // namespace parley::lexicon
