#include "parley/text/segment_eval.h"

#include <algorithm>

namespace parley::text {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Gold surface units of a sentence: words, except that a multiword token whose words do not
// spell it ("won't" -> "will" "not" in some treebanks) counts as its surface form.
void GoldUnits(const ConlluSentence& s, std::vector<std::string_view>* units) {
  units->clear();
  size_t next_mwt = 0;
  const size_t n = s.words.size();
  for (size_t i = 0; i < n;) {
    const int32_t id = static_cast<int32_t>(i) + 1;
    while (next_mwt < s.multiwords.size() && s.multiwords[next_mwt].first < id) ++next_mwt;
    if (next_mwt < s.multiwords.size() && s.multiwords[next_mwt].first == id) {
      const ConlluMultiword& m = s.multiwords[next_mwt];
      const size_t last = std::min<size_t>(static_cast<size_t>(m.last), n);
      std::string joined;
      for (size_t k = i; k < last; ++k) joined += s.words[k].form;
      if (joined == m.form) {
        for (size_t k = i; k < last; ++k) units->push_back(s.words[k].form);
      } else {
        units->push_back(m.form);
      }
      i = std::max(last, i + 1);
      continue;
    }
    units->push_back(s.words[i].form);
    ++i;
  }
}

uint64_t CountMatches(const std::vector<Span>& gold, const std::vector<Span>& system) {
  uint64_t correct = 0;
  size_t g = 0;
  for (const Span& s : system) {
    while (g < gold.size() &&
           (gold[g].begin < s.begin || (gold[g].begin == s.begin && gold[g].end < s.end))) {
      ++g;
    }
    if (g < gold.size() && gold[g] == s) ++correct;
  }
  return correct;
}

}  // namespace

std::vector<GoldDocument> BuildGoldDocuments(const std::vector<ConlluSentence>& sentences) {
  std::vector<GoldDocument> docs;
  std::vector<std::string_view> units;
  for (const ConlluSentence& s : sentences) {
    if (docs.empty() || !s.newdoc_id.empty()) docs.emplace_back();
    GoldDocument& doc = docs.back();
    const std::string text = s.text.empty() ? s.SurfaceText() : s.text;
    if (!doc.text.empty()) doc.text += s.newpar ? "\n\n" : " ";
    const uint32_t base = static_cast<uint32_t>(doc.text.size());
    doc.text += text;
    GoldUnits(s, &units);
    uint32_t pos = 0;
    uint32_t first = UINT32_MAX;
    uint32_t last = 0;
    for (std::string_view unit : units) {
      while (pos < text.size() && IsSpace(text[pos])) ++pos;
      size_t at = text.compare(pos, unit.size(), unit) == 0 ? pos : std::string::npos;
      if (at == std::string::npos) {
        // Tolerate a few stray characters the treebank dropped from its tokens.
        const size_t found = text.find(unit, pos);
        if (found != std::string::npos && found - pos <= 4) at = found;
      }
      if (at == std::string::npos || unit.empty()) {
        ++doc.unaligned_tokens;
        continue;
      }
      const uint32_t b = base + static_cast<uint32_t>(at);
      const uint32_t e = b + static_cast<uint32_t>(unit.size());
      doc.tokens.push_back({b, e});
      first = std::min(first, b);
      last = std::max(last, e);
      pos = static_cast<uint32_t>(at + unit.size());
    }
    if (first != UINT32_MAX) doc.sentences.push_back({first, last});
  }
  return docs;
}

SegmentEvaluation EvaluateSegmentation(const std::vector<GoldDocument>& gold,
                                       const Segmenter& segmenter) {
  SegmentEvaluation eval;
  std::vector<Sentence> sentences;
  std::vector<Span> tokens;
  std::vector<Span> spans;
  for (const GoldDocument& doc : gold) {
    ++eval.documents;
    eval.unaligned_gold_tokens += doc.unaligned_tokens;
    sentences.clear();
    segmenter.SegmentSpan(doc.text, {0, static_cast<uint32_t>(doc.text.size())}, &sentences);
    tokens.clear();
    spans.clear();
    for (const Sentence& s : sentences) {
      spans.push_back(s.span);
      for (const Token& t : s.tokens) tokens.push_back(t.span);
    }
    eval.tokens.gold += doc.tokens.size() + doc.unaligned_tokens;
    eval.tokens.system += tokens.size();
    eval.tokens.correct += CountMatches(doc.tokens, tokens);
    eval.sentences.gold += doc.sentences.size();
    eval.sentences.system += spans.size();
    eval.sentences.correct += CountMatches(doc.sentences, spans);
  }
  return eval;
}

}  // namespace parley::text
