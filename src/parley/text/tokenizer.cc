#include "parley/text/tokenizer.h"

#include <algorithm>
#include <cstring>

#include "parley/text/char_class.h"
#include "parley/text/rule_file.h"

namespace parley::text {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";

// Length of an apostrophe (' or U+2019) at text[p], or 0.
uint32_t ApostropheAt(std::string_view text, uint32_t p, uint32_t end) {
  if (p >= end) return 0;
  if (text[p] == '\'') return 1;
  if (end - p >= 3 && text.compare(p, 3, kRightSingleQuote) == 0) return 3;
  return 0;
}

// The character that ends at text[q] (q > begin), decoded by walking back over UTF-8
// continuation bytes.
CharInfo PrevChar(std::string_view text, uint32_t begin, uint32_t q) {
  uint32_t p = q - 1;
  int steps = 0;
  while (p > begin && steps < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++steps;
  }
  CharInfo c = DecodeChar(text, p, q);
  if (p + c.len != q) return {CharClass::kLetter, 1, -1};
  return c;
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '-'; }

void Emit(std::string_view body, uint32_t b, uint32_t e, std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.form = body.substr(b, e - b);
  t.span = {b, e};
}

}  // namespace

uint64_t ShortStringTable::Pack(std::string_view key) {
  uint64_t v = 0;
  std::memcpy(&v, key.data(), key.size());
  // The length goes into the top byte's spare bits so "a" and "a\0" differ.
  return v ^ (static_cast<uint64_t>(key.size()) << 59);
}

bool ShortStringTable::Add(std::string_view key, uint32_t value) {
  if (key.size() > 8 || key.empty()) return long_.emplace(std::string(key), value).second;
  const uint64_t k = Pack(key);
  auto it = std::lower_bound(packed_.begin(), packed_.end(), std::make_pair(k, uint32_t{0}));
  if (it != packed_.end() && it->first == k) return false;
  packed_.insert(it, {k, value});
  return true;
}

bool ShortStringTable::Find(std::string_view key, uint32_t* value) const {
  if (key.size() > 8 || key.empty()) {
    if (long_.empty()) return false;
    auto it = long_.find(key);
    if (it == long_.end()) return false;
    *value = it->second;
    return true;
  }
  const uint64_t k = Pack(key);
  auto it = std::lower_bound(packed_.begin(), packed_.end(), k,
                             [](const std::pair<uint64_t, uint32_t>& e, uint64_t x) {
                               return e.first < x;
                             });
  if (it == packed_.end() || it->first != k) return false;
  *value = it->second;
  return true;
}

Tokenizer::Tokenizer(const std::string& data_dir, TokenizerOptions options)
    : options_(options) {
  LoadAbbreviations(data_dir + "/abbreviations.txt");
  LoadSplits(data_dir + "/splits.txt");
  LoadClitics(data_dir + "/clitics.txt");
  LoadHyphenPrefixes(data_dir + "/hyphen_prefixes.txt");
  LoadWholeTokens(data_dir + "/whole_tokens.txt");
}

void Tokenizer::LoadAbbreviations(const std::string& path) {
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    size_t space = line.find_first_of(" \t");
    std::string_view word = line.substr(0, space);
    std::string_view kind_name;
    if (space != std::string_view::npos) {
      kind_name = line.substr(space);
      kind_name.remove_prefix(std::min(kind_name.find_first_not_of(" \t"), kind_name.size()));
    }
    if (word.size() < 2 || word.back() != '.') {
      RuleError(path, n, "abbreviation must end in a period: '" + std::string(word) + "'");
    }
    for (char c : word) {
      if (!IsAsciiAlpha(c) && c != '.') {
        RuleError(path, n, "abbreviation may hold only ASCII letters and periods: '" +
                                std::string(word) + "'");
      }
    }
    AbbreviationKind kind = AbbreviationKind::kPlain;
    if (kind_name == "title") {
      kind = AbbreviationKind::kTitle;
    } else if (kind_name == "number") {
      kind = AbbreviationKind::kNumber;
    } else if (!kind_name.empty()) {
      RuleError(path, n, "unknown abbreviation class '" + std::string(kind_name) +
                             "' (expected title or number)");
    }
    if (!abbreviations_.Add(word, static_cast<uint32_t>(kind))) {
      RuleError(path, n, "duplicate abbreviation '" + std::string(word) + "'");
    }
    max_abbreviation_ = std::max(max_abbreviation_, word.size());
  });
}

void Tokenizer::LoadSplits(const std::string& path) {
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    std::string word;
    std::vector<uint8_t> pieces;
    size_t start = 0;
    while (true) {
      size_t bar = line.find('|', start);
      std::string_view piece = line.substr(start, bar == std::string_view::npos ? line.npos
                                                                                : bar - start);
      if (piece.empty() || piece.size() > 32) RuleError(path, n, "empty or overlong piece");
      for (char c : piece) {
        if (!IsAsciiAlpha(c) || IsAsciiUpper(c)) {
          RuleError(path, n, "pieces must be lower-case ASCII letters: '" + std::string(line) +
                                 "'");
        }
      }
      word += piece;
      pieces.push_back(static_cast<uint8_t>(piece.size()));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    if (pieces.size() < 2) RuleError(path, n, "a split needs at least two pieces joined by '|'");
    split_first_[static_cast<unsigned char>(word[0])] = true;
    split_first_[static_cast<unsigned char>(word[0] - 'a' + 'A')] = true;
    split_pieces_.push_back(std::move(pieces));
    if (!splits_.Add(word, static_cast<uint32_t>(split_pieces_.size() - 1))) {
      RuleError(path, n, "duplicate split for '" + word + "'");
    }
    max_split_ = std::max(max_split_, word.size());
  });
}

void Tokenizer::LoadClitics(const std::string& path) {
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    if (line.size() < 2 || line.find('\'') == std::string_view::npos || line.size() > 8) {
      RuleError(path, n, "a clitic is a short suffix containing an apostrophe: '" +
                             std::string(line) + "'");
    }
    for (char c : line) {
      if (c != '\'' && (!IsAsciiAlpha(c) || IsAsciiUpper(c))) {
        RuleError(path, n, "clitics are lower-case ASCII letters and one apostrophe");
      }
    }
    clitics_.emplace_back(line);
  });
  std::stable_sort(clitics_.begin(), clitics_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void Tokenizer::LoadHyphenPrefixes(const std::string& path) {
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    for (char c : line) {
      if (!IsAsciiAlpha(c) || IsAsciiUpper(c)) {
        RuleError(path, n, "a hyphen prefix is lower-case ASCII letters: '" + std::string(line) +
                               "'");
      }
    }
    hyphen_prefixes_.emplace(std::string(line), 1);
  });
}

void Tokenizer::LoadWholeTokens(const std::string& path) {
  ReadRuleFile(
      path,
      [&](std::string_view line, uint64_t n) {
        if (line.find_first_of(" \t") != std::string_view::npos) {
          RuleError(path, n, "a whole token may not contain spaces");
        }
        whole_tokens_.emplace(std::string(line), 1);
        whole_first_[static_cast<unsigned char>(line[0])] = true;
        max_whole_token_ = std::max(max_whole_token_, line.size());
      },
      /*comments_anywhere=*/false);
}

Tokenizer::AbbreviationKind Tokenizer::Abbreviation(std::string_view word) const {
  if (word.size() > max_abbreviation_) return AbbreviationKind::kNone;
  uint32_t kind = 0;
  return abbreviations_.Find(word, &kind) ? static_cast<AbbreviationKind>(kind)
                                          : AbbreviationKind::kNone;
}

void Tokenizer::Tokenize(std::string_view body, Span span, std::vector<Token>* out) const {
  const uint32_t limit = std::min<uint32_t>(span.end, static_cast<uint32_t>(body.size()));
  uint32_t p = span.begin;
  while (p < limit) {
    CharInfo c = DecodeChar(body, p, limit);
    if (c.cls == CharClass::kSpace) {
      p += c.len;
      continue;
    }
    uint32_t q = p + c.len;
    while (q < limit) {
      CharInfo d = DecodeChar(body, q, limit);
      if (d.cls == CharClass::kSpace) break;
      q += d.len;
    }
    const size_t first = out->size();
    TokenizeChunk(body, p, q, limit, out);
    // Tokens of one whitespace-free chunk are glued together; only the last one is followed
    // by a space (or by the end of the span).
    for (size_t i = first; i + 1 < out->size(); ++i) (*out)[i].space_after = false;
    p = q;
  }
}

void Tokenizer::TokenizeChunk(std::string_view body, uint32_t begin, uint32_t end,
                              uint32_t limit, std::vector<Token>* out) const {
  while (begin < end) {
    if (end - begin <= max_whole_token_ && whole_first_[static_cast<unsigned char>(body[begin])] &&
        whole_tokens_.find(body.substr(begin, end - begin)) != whole_tokens_.end()) {
      Emit(body, begin, end, out);
      return;
    }
    uint32_t s_begin = 0;
    uint32_t s_end = 0;
    if (!FindSpecial(body, begin, end, &s_begin, &s_end)) {
      ScanGeneral(body, begin, end, limit, out);
      return;
    }
    ScanGeneral(body, begin, s_begin, limit, out);
    Emit(body, s_begin, s_end, out);
    begin = s_end;
  }
}

bool Tokenizer::FindSpecial(std::string_view body, uint32_t begin, uint32_t end,
                            uint32_t* s_begin, uint32_t* s_end) const {
  std::string_view chunk = body.substr(begin, end - begin);
  // Cheap filter: URLs need ':' or "www.", e-mail addresses '@'.
  bool has_colon = false;
  bool has_at = false;
  bool has_dot = false;
  for (char c : chunk) {
    has_colon |= c == ':';
    has_at |= c == '@';
    has_dot |= c == '.';
  }
  if (!has_colon && !has_at && !has_dot) return false;
  const bool has_www = has_dot && chunk.size() >= 4 &&
                       (chunk.find("www.") != std::string_view::npos ||
                        chunk.find("WWW.") != std::string_view::npos);
  if (!has_colon && !has_at && !has_www) return false;

  uint32_t url = UINT32_MAX;
  if (has_colon) {
    size_t scheme = chunk.find("://");
    if (scheme != std::string_view::npos && scheme >= 2) {
      size_t s = scheme;
      while (s > 0 && IsAsciiAlpha(chunk[s - 1])) --s;
      if (scheme - s >= 2 && scheme + 3 < chunk.size()) url = begin + static_cast<uint32_t>(s);
    }
  }
  if (url == UINT32_MAX && has_www) {
    size_t w = chunk.find("www.");
    if (w == std::string_view::npos) w = chunk.find("WWW.");
    if ((w == 0 || !IsAsciiAlnum(chunk[w - 1])) && w + 4 < chunk.size() &&
        IsAsciiAlnum(chunk[w + 4])) {
      url = begin + static_cast<uint32_t>(w);
    }
  }
  if (url != UINT32_MAX) {
    uint32_t e = end;
    // Sentence punctuation and closing quotes glued to the end are not part of the address;
    // a closing bracket is, when the address opened one.
    while (e > url + 1) {
      const char c = body[e - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
          c == '"' || c == ']' || c == '>' || c == '}') {
        --e;
      } else if (c == ')') {
        std::string_view u = body.substr(url, e - url);
        if (std::count(u.begin(), u.end(), '(') >= std::count(u.begin(), u.end(), ')')) break;
        --e;
      } else if (e - url > 3 && static_cast<unsigned char>(c) >= 0x80 &&
                 body.compare(e - 3, 2, "\xE2\x80") == 0) {
        e -= 3;  // closing curly quotes, ellipsis
      } else {
        break;
      }
    }
    *s_begin = url;
    *s_end = e;
    return true;
  }
  if (has_at) {
    size_t at = chunk.find('@');
    while (at != std::string_view::npos) {
      uint32_t a = begin + static_cast<uint32_t>(at);
      uint32_t s = a;
      while (s > begin && IsEmailLocalChar(body[s - 1])) --s;
      while (s < a && !IsAsciiAlnum(body[s])) ++s;
      uint32_t e = a + 1;
      while (e < end && IsDomainChar(body[e])) ++e;
      while (e > a + 1 && (body[e - 1] == '.' || body[e - 1] == '-')) --e;
      std::string_view domain = body.substr(a + 1, e - a - 1);
      const size_t dot = domain.find('.');
      if (s < a && !domain.empty() && IsAsciiAlnum(domain[0]) && dot != std::string_view::npos &&
          dot + 1 < domain.size()) {
        *s_begin = s;
        *s_end = e;
        return true;
      }
      at = chunk.find('@', at + 1);
    }
  }
  return false;
}

void Tokenizer::ScanGeneral(std::string_view body, uint32_t begin, uint32_t end, uint32_t limit,
                            std::vector<Token>* out) const {
  uint32_t p = begin;
  while (p < end) {
    const CharInfo ch = DecodeChar(body, p, end);
    if (IsWordClass(ch.cls)) {
      bool has_apostrophe = false;
      const uint32_t q = ScanWord(body, p, end, limit, &has_apostrophe);
      EmitWord(body, p, q, has_apostrophe, out);
      p = q;
      continue;
    }
    if (ch.cls == CharClass::kSpace) {
      p += ch.len;
      continue;
    }
    const int32_t c = ch.cp;
    const uint32_t after = p + ch.len;
    const bool word_after = after < end && IsWordClass(DecodeChar(body, after, end).cls);
    // @handles and #tags stay whole.
    if ((c == '@' || c == '#') && word_after) {
      uint32_t q = after;
      while (q < end) {
        const CharInfo d = DecodeChar(body, q, end);
        if (!IsWordClass(d.cls)) break;
        q += d.len;
      }
      Emit(body, p, q, out);
      p = q;
      continue;
    }
    // A currency symbol glued to an amount ("$1.1") stays with it unless options say split.
    if (!options_.split_currency && IsCurrency(c) && after < end && IsAsciiDigit(body[after])) {
      bool unused = false;
      const uint32_t q = ScanWord(body, after, end, limit, &unused);
      Emit(body, p, q, out);
      p = q;
      continue;
    }
    // A clitic glued to a token that is not a plain word ("U.S.'s", "Trump’s" after a quote
    // mark was split) is still a clitic.
    if (const uint32_t apos = ApostropheAt(body, p, end); apos > 0 && p > begin) {
      uint32_t matched = 0;
      for (const std::string& clitic : clitics_) {
        if (clitic[0] != '\'') continue;
        uint32_t q = p + apos;
        size_t i = 1;
        while (i < clitic.size() && q < end && AsciiLower(body[q]) == clitic[i]) {
          ++q;
          ++i;
        }
        if (i == clitic.size() && (q >= end || !IsWordClass(DecodeChar(body, q, end).cls))) {
          matched = q;
          break;
        }
      }
      if (matched > 0) {
        Emit(body, p, matched, out);
        p = matched;
        continue;
      }
    }
    // Runs of sentence punctuation ("...", "?!"), dashes ("--") and decoration ("***")
    // are one token each.
    if (c == '.' || c == '!' || c == '?') {
      uint32_t q = after;
      while (q < end && (body[q] == '.' || body[q] == '!' || body[q] == '?')) ++q;
      Emit(body, p, q, out);
      p = q;
      continue;
    }
    if (c < 0x80 && std::strchr("-*=~_#+<>$/&^|:", static_cast<char>(c)) != nullptr) {
      uint32_t q = after;
      while (q < end && body[q] == body[p]) ++q;
      Emit(body, p, q, out);
      p = q;
      continue;
    }
    Emit(body, p, after, out);
    p = after;
  }
}

uint32_t Tokenizer::MatchAbbreviation(std::string_view body, uint32_t p, uint32_t end,
                                      uint32_t limit) const {
  // The candidate is a run of ASCII letters and periods; try its period-ended prefixes from
  // the longest down.
  uint32_t q = p;
  uint32_t dots[8];
  int n_dots = 0;
  while (q < end && q - p < max_abbreviation_) {
    const char c = body[q];
    if (c == '.') {
      if (n_dots < 8) dots[n_dots++] = q;
    } else if (!IsAsciiAlpha(c)) {
      break;
    }
    ++q;
  }
  for (int i = n_dots - 1; i >= 0; --i) {
    const uint32_t stop = dots[i] + 1;
    if (stop < end && IsAsciiAlnum(body[stop])) continue;
    const AbbreviationKind kind = Abbreviation(body.substr(p, stop - p));
    if (kind == AbbreviationKind::kNone) continue;
    if (kind == AbbreviationKind::kNumber) {
      uint32_t r = stop;
      while (r < limit && (body[r] == ' ' || body[r] == '\t')) ++r;
      if (r >= limit || !IsAsciiDigit(body[r])) continue;
    }
    return stop - p;
  }
  return 0;
}

bool Tokenizer::KeepHyphen(std::string_view body, uint32_t word_start, uint32_t word_begin,
                           uint32_t hyphen, uint32_t end) const {
  const uint32_t after = hyphen + 1;
  // Between two numbers: ranges and scores ("1946-1954", "16-18", "4-0") are split as in UD;
  // phone numbers, postcodes and ISO dates ("853-7906", "94305-5015", "2021-12-03") stay whole.
  if (hyphen > word_begin && after < end && IsAsciiDigit(body[after])) {
    bool digits = true;
    for (uint32_t i = word_begin; i < hyphen && digits; ++i) digits = IsAsciiDigit(body[i]);
    if (digits) {
      const uint32_t left = hyphen - word_begin;
      uint32_t r = after;
      while (r < end && IsAsciiDigit(body[r])) ++r;
      const uint32_t right = r - after;
      const bool iso_date = left == 4 && right == 2 && r + 3 <= end && body[r] == '-' &&
                            IsAsciiDigit(body[r + 1]) && IsAsciiDigit(body[r + 2]);
      const bool part_of_date = left == 2 && word_begin > word_start;  // "12-03" of a date
      if (iso_date || part_of_date) return true;
      if (r < end && IsWordClass(DecodeChar(body, r, end).cls)) {
        // A number glued to a word after the hyphen part ("5-3rd") is not a plain range.
      } else {
        return left == 3 || left >= 5;
      }
    }
  }
  if (!options_.split_hyphens) {
    // News conventions: names ("Rostov-on-Don", "US-Russia") and anything with a number
    // ("30-day", "F-16", "Covid-19") stay whole; ordinary lower-case compounds ("long-time")
    // are split as in UD unless the first part is a listed prefix.
    const CharClass first = DecodeChar(body, word_start, end).cls;
    if (first == CharClass::kUpper || first == CharClass::kDigit) return true;
    if (after < end && (IsAsciiDigit(body[after]) || IsAsciiUpper(body[after]))) return true;
    for (uint32_t i = word_start; i < hyphen; ++i) {
      if (IsAsciiDigit(body[i])) return true;
    }
  } else if (hyphen > word_begin && IsAsciiDigit(body[hyphen - 1]) && after < end &&
             IsAsciiDigit(body[after])) {
    // Codes mixing digits and letters with hyphens stay whole.
    return true;
  }
  // So do listed prefixes ("e-mail", "co-founder"), looked up in lower case.
  char buf[16];
  const uint32_t len = hyphen - word_begin;
  if (len == 0 || len > sizeof(buf)) return false;
  for (uint32_t i = 0; i < len; ++i) {
    const char c = body[word_begin + i];
    if (!IsAsciiAlpha(c)) return false;
    buf[i] = AsciiLower(c);
  }
  return hyphen_prefixes_.find(std::string_view(buf, len)) != hyphen_prefixes_.end();
}

uint32_t Tokenizer::ScanWord(std::string_view body, uint32_t p, uint32_t end, uint32_t limit,
                             bool* has_apostrophe) const {
  // Abbreviations and letter-period sequences begin with ASCII letters followed by a
  // period; most words fail that test after one pass over their letters.
  uint32_t run = p;
  while (run < end && IsAsciiAlpha(body[run])) ++run;
  const bool dotted = run > p && run < end && body[run] == '.';
  if (dotted) {
    if (const uint32_t n = MatchAbbreviation(body, p, end, limit); n > 0) return p + n;
  }
  // Letter-period sequences: "U.S.", "e.g.", "a.m." and single capital initials ("J.").
  if (dotted && run == p + 1) {
    uint32_t q = p;
    int count = 0;
    while (q + 1 < end && IsAsciiAlpha(body[q]) && body[q + 1] == '.') {
      q += 2;
      ++count;
    }
    const bool boundary = q >= end || !IsWordClass(DecodeChar(body, q, end).cls);
    if (boundary && count >= 2) return q;
    if (boundary && count == 1 && IsAsciiUpper(body[p]) &&
        !(p + 2 < end && body[p + 2] == '.')) {
      return p + 2;
    }
  }
  uint32_t segment_begin = p;  // start of the current hyphen-separated part
  uint32_t q = run;
  while (q < end) {
    const CharInfo ch = DecodeChar(body, q, end);
    if (IsWordClass(ch.cls)) {
      q += ch.len;
      continue;
    }
    // Joiners sit between two word characters.
    const uint32_t after = q + ch.len;
    if (after >= end) break;
    const CharInfo next = DecodeChar(body, after, end);
    if (!IsWordClass(next.cls)) break;
    const CharInfo prev = PrevChar(body, p, q);
    const bool prev_digit = prev.cls == CharClass::kDigit;
    const bool next_digit = next.cls == CharClass::kDigit;
    bool join = false;
    switch (ch.cp) {
      case '.':
        // Decimals and versions ("1.1", "3.5.2"), domain-like words ("example.com").
        join = (prev_digit && next_digit) ||
               (next.cls == CharClass::kLower && prev.cls != CharClass::kDigit);
        break;
      case ',':
        // Thousands separators: exactly three digits follow.
        join = prev_digit && after + 3 <= end && IsAsciiDigit(body[after]) &&
               IsAsciiDigit(body[after + 1]) && IsAsciiDigit(body[after + 2]) &&
               (after + 3 == end || !IsAsciiDigit(body[after + 3]));
        break;
      case ':':
        join = prev_digit && next_digit;  // times, ratios
        break;
      case '/':
        // Dates ("12/3/2021") and letter/letter shorthands ("w/o", "b/c").
        join = (prev_digit && next_digit) ||
               (q == p + 1 && prev.cls != CharClass::kDigit && !next_digit &&
                (after + next.len >= end ||
                 !IsWordClass(DecodeChar(body, after + next.len, end).cls)));
        break;
      case '\'':
      case 0x2019:
        join = next.cls == CharClass::kLower || next.cls == CharClass::kUpper;
        if (join) *has_apostrophe = true;
        break;
      case '-':
      case 0x2010:
      case 0x2011:
        join = KeepHyphen(body, p, segment_begin, q, end);
        if (join) segment_begin = after;
        break;
      case '&':
        join = prev.cls == CharClass::kUpper && next.cls == CharClass::kUpper;  // AT&T
        break;
      default:
        break;
    }
    if (!join) break;
    q = after + next.len;
  }
  return q;
}

void Tokenizer::EmitWord(std::string_view body, uint32_t begin, uint32_t end,
                         bool has_apostrophe, std::vector<Token>* out) const {
  const uint32_t len = end - begin;
  if (len <= max_split_ && len >= 2 && split_first_[static_cast<unsigned char>(body[begin])]) {
    char buf[64];
    bool ascii = true;
    for (uint32_t i = 0; i < len; ++i) {
      const char c = body[begin + i];
      if (!IsAsciiAlpha(c)) {
        ascii = false;
        break;
      }
      buf[i] = AsciiLower(c);
    }
    if (ascii) {
      uint32_t index = 0;
      if (splits_.Find(std::string_view(buf, len), &index)) {
        uint32_t b = begin;
        for (uint8_t piece : split_pieces_[index]) {
          Emit(body, b, b + piece, out);
          b += piece;
        }
        return;
      }
    }
  }
  if (has_apostrophe) {
    for (const std::string& clitic : clitics_) {
      uint32_t w = end;
      size_t i = clitic.size();
      bool ok = true;
      while (i > 0 && ok) {
        const char c = clitic[i - 1];
        if (c == '\'') {
          if (w > begin && body[w - 1] == '\'') {
            w -= 1;
          } else if (w >= begin + 3 && body.compare(w - 3, 3, kRightSingleQuote) == 0) {
            w -= 3;
          } else {
            ok = false;
          }
        } else if (w > begin && AsciiLower(body[w - 1]) == c) {
          --w;
        } else {
          ok = false;
        }
        --i;
      }
      // Decades and numbers keep their "'s" ("1970's"), as in the treebanks.
      if (ok && w > begin && !IsAsciiDigit(body[w - 1])) {
        Emit(body, begin, w, out);
        Emit(body, w, end, out);
        return;
      }
    }
  }
  Emit(body, begin, end, out);
}

}  // namespace parley::text
