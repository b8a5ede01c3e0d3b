#include "parley/text/tokenizer.h"

namespace parley::text {

// Minimal first version: whitespace tokens only; the rule-driven tokenizer replaces it.
Tokenizer::Tokenizer(const std::string&) {}

bool Tokenizer::IsAbbreviation(std::string_view, bool* never_final) const {
  *never_final = false;
  return false;
}

void Tokenizer::Tokenize(std::string_view body, Span span, std::vector<Token>* out) const {
  uint32_t i = span.begin;
  while (i < span.end) {
    while (i < span.end && (body[i] == ' ' || body[i] == '\n' || body[i] == '\t')) ++i;
    uint32_t b = i;
    while (i < span.end && !(body[i] == ' ' || body[i] == '\n' || body[i] == '\t')) ++i;
    if (i > b) {
      Token t;
      t.form = body.substr(b, i - b);
      t.span = {b, i};
      out->push_back(std::move(t));
    }
  }
}

}  // namespace parley::text
