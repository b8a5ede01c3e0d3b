#include "parley/text/segmenter.h"

namespace parley::text {

// Minimal first version: one sentence per text zone; the rule-driven splitter replaces it.
Segmenter::Segmenter(const std::string& data_dir) : tokenizer_(data_dir) {}

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
  Sentence s;
  tokenizer_.Tokenize(body, span, &s.tokens);
  if (s.tokens.empty()) return;
  s.span = {s.tokens.front().span.begin, s.tokens.back().span.end};
  out->push_back(std::move(s));
}

}  // namespace parley::text
