#include "parley/syntax/syntax_eval.h"

#include <cstdio>
#include <string_view>
#include <unordered_map>

namespace parley::syntax {

namespace {

// A word as the scorer sees it: annotation strings, and the head as an index into the whole
// word list (-1 root, -2 none). `base` is the index of the sentence's first word.
template <typename Word>
EvalWord MakeEvalWord(const Word& w, int64_t base, uint32_t begin, uint32_t end) {
  EvalWord word;
  word.begin = begin;
  word.end = end;
  word.upos = w.upos;
  word.xpos = w.xpos;
  word.lemma = w.lemma;
  word.deprel = w.deprel;
  word.head = w.head < 0 ? -2 : (w.head == 0 ? -1 : base + w.head - 1);
  return word;
}

std::string_view UniversalPart(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// Appends one sentence's gold words, with spans into `text` starting the search at `pos`.
void AppendGoldSentence(const text::ConlluSentence& sentence, const std::string& text,
                        size_t pos, std::vector<EvalWord>* words) {
  const int64_t base = static_cast<int64_t>(words->size());
  for (const text::ConlluWord& w : sentence.words) words->push_back(MakeEvalWord(w, base, 0, 0));
  // Locate each surface token (a multiword token or a plain word) in order.
  auto locate = [&](std::string_view form, uint32_t* begin, uint32_t* end) {
    size_t found = text.find(form, pos);
    if (form.empty() || found == std::string::npos) return false;
    *begin = static_cast<uint32_t>(found);
    *end = static_cast<uint32_t>(found + form.size());
    pos = found + form.size();
    return true;
  };
  size_t mw = 0;
  const int32_t n = static_cast<int32_t>(sentence.words.size());
  for (int32_t id = 1; id <= n;) {
    while (mw < sentence.multiwords.size() && sentence.multiwords[mw].first < id) ++mw;
    if (mw < sentence.multiwords.size() && sentence.multiwords[mw].first == id) {
      const text::ConlluMultiword& m = sentence.multiwords[mw];
      int32_t last = std::min(m.last, n);
      uint32_t begin = 0, end = 0;
      if (locate(m.form, &begin, &end)) {
        std::string joined;
        for (int32_t k = id; k <= last; ++k) joined += sentence.words[k - 1].form;
        uint32_t at = begin;
        for (int32_t k = id; k <= last; ++k) {
          EvalWord& word = (*words)[static_cast<size_t>(base + k - 1)];
          if (joined == m.form) {
            word.begin = at;
            at += static_cast<uint32_t>(sentence.words[k - 1].form.size());
            word.end = at;
          } else {
            word.begin = begin;
            word.end = end;
          }
        }
      }
      id = last + 1;
      continue;
    }
    EvalWord& word = (*words)[static_cast<size_t>(base + id - 1)];
    locate(sentence.words[id - 1].form, &word.begin, &word.end);
    ++id;
  }
}

uint64_t SpanKey(uint32_t begin, uint32_t end) {
  return (static_cast<uint64_t>(begin) << 32) | end;
}

}  // namespace

double SyntaxScores::F1(uint64_t correct) const {
  uint64_t denominator = gold_words + system_words;
  return denominator == 0 ? 0.0 : 100.0 * 2.0 * static_cast<double>(correct) / denominator;
}

std::string SyntaxScores::Summary() const {
  char line[160];
  std::snprintf(line, sizeof(line), "UPOS=%.2f XPOS=%.2f LEMMA=%.2f UAS=%.2f LAS=%.2f", F1(upos),
                F1(xpos), F1(lemma), F1(uas), F1(las));
  return line;
}

void SyntaxScores::Add(const SyntaxScores& o) {
  gold_words += o.gold_words;
  system_words += o.system_words;
  aligned += o.aligned;
  upos += o.upos;
  xpos += o.xpos;
  lemma += o.lemma;
  uas += o.uas;
  las += o.las;
  las_ud += o.las_ud;
}

SyntaxScores ScoreWords(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& system) {
  SyntaxScores scores;
  scores.gold_words = gold.size();
  scores.system_words = system.size();
  std::unordered_map<uint64_t, int64_t> by_span;
  by_span.reserve(system.size());
  for (size_t i = 0; i < system.size(); ++i) {
    if (system[i].begin == system[i].end) continue;
    by_span.emplace(SpanKey(system[i].begin, system[i].end), static_cast<int64_t>(i));
  }
  // gold index -> aligned system index (-1 none); each system word aligns at most once.
  std::vector<int64_t> to_system(gold.size(), -1);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold[g].begin == gold[g].end) continue;
    auto it = by_span.find(SpanKey(gold[g].begin, gold[g].end));
    if (it == by_span.end()) continue;
    to_system[g] = it->second;
    by_span.erase(it);
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (to_system[g] < 0) continue;
    const EvalWord& gw = gold[g];
    const EvalWord& sw = system[static_cast<size_t>(to_system[g])];
    ++scores.aligned;
    scores.upos += gw.upos == sw.upos;
    scores.xpos += gw.xpos == sw.xpos;
    scores.lemma += gw.lemma == sw.lemma;
    bool head_ok = false;
    if (gw.head == -1) {
      head_ok = sw.head == -1;
    } else if (gw.head >= 0) {
      head_ok = sw.head >= 0 && to_system[static_cast<size_t>(gw.head)] == sw.head;
    }
    if (!head_ok) continue;
    ++scores.uas;
    scores.las += gw.deprel == sw.deprel;
    scores.las_ud += UniversalPart(gw.deprel) == UniversalPart(sw.deprel);
  }
  return scores;
}

void BuildGoldText(const std::vector<text::ConlluSentence>& gold, std::string* text,
                   std::vector<EvalWord>* words) {
  text->clear();
  words->clear();
  for (size_t s = 0; s < gold.size(); ++s) {
    const text::ConlluSentence& sentence = gold[s];
    if (s > 0) *text += (sentence.newpar || !sentence.newdoc_id.empty()) ? "\n\n" : " ";
    size_t start = text->size();
    *text += sentence.SurfaceText();
    AppendGoldSentence(sentence, *text, start, words);
  }
}

SyntaxScores EvaluateGoldTokenized(const SyntaxModel& model,
                                   const std::vector<text::ConlluSentence>& gold) {
  std::vector<EvalWord> gold_words, system_words;
  Workspace ws;
  text::Sentence sentence;
  uint32_t position = 0;  // spans are simply word positions: tokenization is shared
  for (const text::ConlluSentence& g : gold) {
    const int64_t base = static_cast<int64_t>(gold_words.size());
    sentence.tokens.resize(g.words.size());
    for (size_t i = 0; i < g.words.size(); ++i) {
      const text::ConlluWord& w = g.words[i];
      sentence.tokens[i] = text::Token();
      sentence.tokens[i].form = w.form;
      EvalWord word;
      word.begin = position;
      word.end = position + 1;
      ++position;
      word.upos = w.upos;
      word.xpos = w.xpos;
      word.lemma = w.lemma;
      word.deprel = w.deprel;
      word.head = w.head < 0 ? -2 : (w.head == 0 ? -1 : base + w.head - 1);
      gold_words.push_back(std::move(word));
    }
    model.Annotate(&sentence, &ws);
    for (size_t i = 0; i < sentence.tokens.size(); ++i) {
      const uint32_t begin = gold_words[static_cast<size_t>(base) + i].begin;
      system_words.push_back(MakeEvalWord(sentence.tokens[i], base, begin, begin + 1));
    }
  }
  return ScoreWords(gold_words, system_words);
}

SyntaxScores EvaluateRaw(const SyntaxModel& model, const text::Segmenter& segmenter,
                         const std::vector<text::ConlluSentence>& gold,
                         uint64_t* system_sentences) {
  text::Document doc;
  std::vector<EvalWord> gold_words;
  BuildGoldText(gold, &doc.body, &gold_words);
  segmenter.Segment(&doc);
  if (system_sentences != nullptr) *system_sentences = doc.sentences.size();
  std::vector<EvalWord> system_words;
  Workspace ws;
  for (text::Sentence& sentence : doc.sentences) {
    model.Annotate(&sentence, &ws);
    const int64_t base = static_cast<int64_t>(system_words.size());
    for (const text::Token& t : sentence.tokens) {
      system_words.push_back(MakeEvalWord(t, base, t.span.begin, t.span.end));
    }
  }
  return ScoreWords(gold_words, system_words);
}

}  // namespace parley::syntax
