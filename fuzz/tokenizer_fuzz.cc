// libFuzzer target: the tokenizer and segmenter on arbitrary bytes. Checks that every token
// and sentence span lies inside the input, spans are ordered and non-empty, and forms view
// exactly their span.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text/segmenter.h"

namespace {

const parley::text::Segmenter& SharedSegmenter() {
  static const parley::text::Segmenter segmenter(std::string(PARLEY_SOURCE_DIR) + "/dict/text");
  return segmenter;
}

const parley::text::Tokenizer& EwtTokenizer() {
  static const parley::text::Tokenizer tokenizer(std::string(PARLEY_SOURCE_DIR) + "/dict/text",
                                                 {.split_hyphens = true, .split_currency = true});
  return tokenizer;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckTokens(std::string_view body, const std::vector<parley::text::Token>& tokens,
                 uint32_t* last_end) {
  for (const parley::text::Token& t : tokens) {
    Check(t.span.begin >= *last_end);
    Check(t.span.begin < t.span.end);
    Check(t.span.end <= body.size());
    Check(t.form.data() == body.data() + t.span.begin);
    Check(t.form.size() == t.span.size());
    *last_end = t.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  std::vector<parley::text::Token> tokens;
  EwtTokenizer().Tokenize(body, {0, static_cast<uint32_t>(body.size())}, &tokens);
  uint32_t last_end = 0;
  CheckTokens(body, tokens, &last_end);

  // A sub-span: tokens must stay inside it.
  const uint32_t begin = static_cast<uint32_t>(size / 3);
  tokens.clear();
  SharedSegmenter().tokenizer().Tokenize(body, {begin, static_cast<uint32_t>(size)}, &tokens);
  last_end = begin;
  CheckTokens(body, tokens, &last_end);

  std::vector<parley::text::Sentence> sentences;
  SharedSegmenter().SegmentSpan(body, {0, static_cast<uint32_t>(body.size())}, &sentences);
  last_end = 0;
  for (const parley::text::Sentence& s : sentences) {
    Check(!s.tokens.empty());
    Check(s.span.begin == s.tokens.front().span.begin);
    Check(s.span.end == s.tokens.back().span.end);
    CheckTokens(body, s.tokens, &last_end);
  }
  return 0;
}
