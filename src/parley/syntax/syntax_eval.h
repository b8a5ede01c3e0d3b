#pragma once

// Scoring the syntax model against gold CoNLL-U: UPOS, XPOS, LEMMA, UAS and LAS.
//
// With gold tokenization every gold word is annotated and compared one to one. With raw input,
// Parley's own segmenter and tokenizer run over the gold text and words are aligned as in the
// CoNLL 2018 shared task: a system word and a gold word align when they cover the same
// characters of the text; a metric counts aligned words that are right, and is reported as
// F1 = 2 x correct / (gold words + system words) (equal to accuracy with gold tokenization).
// Words of a gold multiword token ("don't" = do + n't) get the character spans of their forms
// inside the token when the forms spell it, else the whole token. UAS needs the head aligned
// too; LAS also the full relation (subtypes included, so "nsubj:pass" must match exactly);
// LAS_UD compares only the universal part before ':' (the CoNLL 2018 definition). Punctuation
// counts like any word.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/syntax/model.h"
#include "parley/text/conllu.h"
#include "parley/text/segmenter.h"

namespace parley::syntax {

// One word for scoring: its character span in the evaluated text, annotations, and its head
// as an index into the same word list (-1 = root, -2 = unknown).
struct EvalWord {
  uint32_t begin = 0, end = 0;
  std::string upos, xpos, lemma, deprel;
  int64_t head = -2;
};

struct SyntaxScores {
  uint64_t gold_words = 0, system_words = 0, aligned = 0;
  uint64_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_ud = 0;

  // F1 (as a percentage) of `correct` aligned words against gold and system word counts.
  double F1(uint64_t correct) const;
  // "UPOS=95.10 XPOS=94.80 LEMMA=97.20 UAS=88.00 LAS=85.00" (F1 percentages, 2 decimals).
  std::string Summary() const;
  void Add(const SyntaxScores& other);
};

// Compares word lists (spans into the same text). Words without a span (begin == end) never
// align. Pure function; used by both evaluation modes.
[[nodiscard]] SyntaxScores ScoreWords(const std::vector<EvalWord>& gold,
                                      const std::vector<EvalWord>& system);

// Annotates the gold words of every sentence with `model` and scores them.
[[nodiscard]] SyntaxScores EvaluateGoldTokenized(const SyntaxModel& model,
                                                 const std::vector<text::ConlluSentence>& gold);

// Rebuilds the raw text of `gold` (sentences joined by a space, paragraphs and documents by a
// blank line), segments and tokenizes it with `segmenter`, annotates the result with `model`
// and scores it against the gold words by character alignment. *system_sentences (optional)
// receives the number of sentences the segmenter found.
[[nodiscard]] SyntaxScores EvaluateRaw(const SyntaxModel& model, const text::Segmenter& segmenter,
                                       const std::vector<text::ConlluSentence>& gold,
                                       uint64_t* system_sentences = nullptr);

// The raw text used by EvaluateRaw and the gold words with their spans in it.
void BuildGoldText(const std::vector<text::ConlluSentence>& gold, std::string* text,
                   std::vector<EvalWord>* words);

}  // namespace parley::syntax
