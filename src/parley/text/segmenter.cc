#include "parley/text/segmenter.h"

#include <algorithm>
#include <cstring>

#include "parley/text/char_class.h"
#include "parley/text/rule_file.h"

namespace parley::text {

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The kind of a token as far as sentence boundaries are concerned.
enum class Kind : uint8_t {
  kWord,
  kFinal,         // "." "!" "?" runs
  kEllipsis,      // "..." "…"
  kAbbreviation,  // a word ending in "." (listed abbreviation, "U.S.", initial)
  kCloser,        // closing quote or bracket
  kStraightQuote, // " or ', direction depends on spacing
  kOpener,        // opening quote or bracket
  kOther,         // other punctuation and symbols
};

Kind KindOf(std::string_view form) {
  const char c = form[0];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return form.size() >= 2 && form.back() == '.' ? Kind::kAbbreviation : Kind::kWord;
  }
  if (c == '.' || c == '!' || c == '?') {
    if (form.size() >= 2 && form.find_first_not_of('.') == std::string_view::npos) {
      return Kind::kEllipsis;
    }
    return Kind::kFinal;
  }
  if (form == "\xE2\x80\xA6") return Kind::kEllipsis;  // …
  if (form == ")" || form == "]" || form == "}" || form == "\xE2\x80\x9D" ||  // ”
      form == "\xE2\x80\x99" || form == "\xC2\xBB") {                           // ’ »
    return Kind::kCloser;
  }
  if (form == "\"" || form == "'") return Kind::kStraightQuote;
  if (form == "(" || form == "[" || form == "{" || form == "\xE2\x80\x9C" ||  // “
      form == "\xE2\x80\x98" || form == "\xC2\xAB") {                           // ‘ «
    return Kind::kOpener;
  }
  if (form.size() >= 2 && form.back() == '.') return Kind::kAbbreviation;
  const CharInfo ch = DecodeChar(form, 0, static_cast<uint32_t>(form.size()));
  if (IsWordClass(ch.cls)) return Kind::kWord;
  return Kind::kOther;
}

CharClass FirstClass(std::string_view form) {
  return DecodeChar(form, 0, static_cast<uint32_t>(form.size())).cls;
}

}  // namespace

Segmenter::Segmenter(const std::string& data_dir, TokenizerOptions options)
    : tokenizer_(data_dir, options) {
  const std::string path = data_dir + "/sentence_starters.txt";
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    if (line.find_first_of(" \t") != std::string_view::npos) {
      RuleError(path, n, "one word per line");
    }
    starters_.emplace(std::string(line), 1);
  });
}

bool Segmenter::IsStarter(std::string_view word) const {
  return starters_.find(word) != starters_.end();
}

void Segmenter::Segment(Document* doc) const {
  if (doc->pretokenized) return;
  doc->sentences.clear();
  if (doc->zones.empty()) {
    SegmentSpan(doc->body, {0, static_cast<uint32_t>(doc->body.size())}, &doc->sentences);
    return;
  }
  for (const Zone& zone : doc->zones) {
    if (zone.kind == ZoneKind::kText) SegmentSpan(doc->body, zone.span, &doc->sentences);
  }
}

void Segmenter::SegmentSpan(std::string_view body, Span span, std::vector<Sentence>* out) const {
  const uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(body.size()));
  uint32_t p = std::min(span.begin, end);
  // Walk paragraph by paragraph (blank lines are hard breaks).
  while (p < end) {
    // Find the end of this paragraph: a newline followed by only spaces and another newline.
    uint32_t para_end = p;
    uint32_t next = end;
    {
      uint32_t q = p;
      para_end = end;
      while (q < end) {
        const void* nl = std::memchr(body.data() + q, '\n', end - q);
        if (nl == nullptr) break;
        const uint32_t at = static_cast<uint32_t>(static_cast<const char*>(nl) - body.data());
        uint32_t r = at + 1;
        while (r < end && IsSpaceByte(body[r])) ++r;
        if (r < end && body[r] == '\n') {
          para_end = at;
          next = r;
          break;
        }
        q = at + 1;
      }
    }
    // Lines of the paragraph: a paragraph whose lines are long and of similar length is
    // hard-wrapped prose, where a line break is just a space except after a short line.
    std::string_view para = body.substr(p, para_end - p);
    size_t lines = 1 + static_cast<size_t>(std::count(para.begin(), para.end(), '\n'));
    if (lines == 1) {
      SegmentBlock(body, {p, para_end}, out);
    } else {
      uint32_t max_len = 0;
      uint32_t long_lines = 0;
      {
        uint32_t b = 0;
        for (uint32_t i = 0; i <= para.size(); ++i) {
          if (i == para.size() || para[i] == '\n') {
            max_len = std::max(max_len, i - b);
            b = i + 1;
          }
        }
        b = 0;
        for (uint32_t i = 0; i < para.size(); ++i) {
          if (para[i] == '\n') {
            if (i - b >= 40 && (i - b) * 10 >= max_len * 7) ++long_lines;
            b = i + 1;
          }
        }
      }
      const bool wrapped = max_len <= 120 && long_lines * 4 >= (lines - 1) * 3;
      uint32_t block_begin = p;
      uint32_t line_begin = p;
      for (uint32_t i = p; i <= para_end; ++i) {
        if (i < para_end && body[i] != '\n') continue;
        const uint32_t line_len = i - line_begin;
        const bool hard = i == para_end || !wrapped || line_len * 10 < max_len * 6;
        if (hard) {
          SegmentBlock(body, {block_begin, i}, out);
          block_begin = i + 1;
        }
        line_begin = i + 1;
      }
    }
    // Skip the blank line(s) so that the next paragraph starts at its first character.
    p = next;
    while (p < end && (body[p] == '\n' || IsSpaceByte(body[p]))) ++p;
  }
}

bool Segmenter::EndsSentence(const std::vector<Token>& tokens, size_t i, size_t* last) const {
  const size_t n = tokens.size();
  const Kind kind = KindOf(tokens[i].form);
  // Absorb closing quotes and brackets glued to the punctuation, and further final marks.
  size_t j = i;
  while (j + 1 < n) {
    const Kind k = KindOf(tokens[j + 1].form);
    if (k == Kind::kCloser || k == Kind::kFinal ||
        (k == Kind::kStraightQuote && !tokens[j].space_after)) {
      ++j;
      continue;
    }
    break;
  }
  *last = j;
  if (j + 1 >= n) return true;
  // The first word of what follows, past opening quotes and brackets.
  size_t w = j + 1;
  while (w < n) {
    const Kind k = KindOf(tokens[w].form);
    if (k != Kind::kOpener && k != Kind::kStraightQuote) break;
    ++w;
  }
  if (w >= n) return true;
  std::string_view next = tokens[w].form;
  const Kind next_kind = KindOf(next);
  const CharClass first = FirstClass(next);
  const bool next_lower = first == CharClass::kLower;
  const bool next_upper = first == CharClass::kUpper;
  // Punctuation that continues a clause never starts a sentence.
  if (w == j + 1 && (next == "," || next == ";" || next == ":" || next == ")" ||
                     next == "%" || next == "-" || next == "&")) {
    return false;
  }
  switch (kind) {
    case Kind::kFinal: {
      if (!next_lower || next_kind != Kind::kWord) return true;
      // A lower-case word after "?" or "!" inside quotes continues the sentence
      // ("Why?" he asked); elsewhere informal text starts sentences in lower case.
      if (tokens[i].form[0] != '.') return j == i;
      // After a period, a lower-case word means an unlisted abbreviation when the period
      // follows a single letter or is glued to punctuation; after a word it is a new,
      // informally written sentence (listed abbreviations never reach this point).
      if (i == 0) return false;
      std::string_view prev = tokens[i - 1].form;
      if (tokens[i - 1].space_after || KindOf(prev) != Kind::kWord) return false;
      return prev.size() >= 2 || FirstClass(prev) == CharClass::kDigit;
    }
    case Kind::kEllipsis:
      return next_upper && next != "I";
    case Kind::kAbbreviation: {
      const Tokenizer::AbbreviationKind ak = tokenizer_.Abbreviation(tokens[i].form);
      if (ak == Tokenizer::AbbreviationKind::kTitle || ak == Tokenizer::AbbreviationKind::kNumber) {
        return false;
      }
      // After "U.S." or "Dec." a capitalised name may follow in the same sentence; only a
      // clear sentence opener ends it. Quoted speech opening ends it too.
      return IsStarter(next) || w > j + 1;
    }
    default:
      return false;
  }
}

void Segmenter::SegmentBlock(std::string_view body, Span span, std::vector<Sentence>* out) const {
  // Tokens go into a thread-local scratch vector and then in slices into the sentences, so
  // a document costs one allocation per sentence rather than per token.
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokenizer_.Tokenize(body, span, &tokens);
  const size_t n = tokens.size();
  size_t start = 0;
  auto flush = [&](size_t last) {
    Sentence& s = out->emplace_back();
    // Tokens fresh from the tokenizer carry only form, span and spacing; copying those into
    // default-constructed tokens is cheaper than moving four empty strings per token.
    s.tokens.resize(last + 1 - start);
    for (size_t k = start; k <= last; ++k) {
      Token& t = s.tokens[k - start];
      t.form = tokens[k].form;
      t.span = tokens[k].span;
      t.space_after = tokens[k].space_after;
    }
    s.span = {s.tokens.front().span.begin, s.tokens.back().span.end};
    start = last + 1;
  };
  for (size_t i = 0; i < n; ++i) {
    const Kind k = KindOf(tokens[i].form);
    if (k != Kind::kFinal && k != Kind::kEllipsis && k != Kind::kAbbreviation) continue;
    size_t last = i;
    if (EndsSentence(tokens, i, &last)) {
      flush(last);
      i = last;
    }
  }
  if (start < n) flush(n - 1);
  // A huge block (a megabyte without a paragraph break) must not pin its scratch forever.
  if (tokens.capacity() > (size_t{1} << 16)) std::vector<Token>().swap(tokens);
}

}  // namespace parley::text
