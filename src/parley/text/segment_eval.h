#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parley/text/conllu.h"
#include "parley/text/document.h"
#include "parley/text/segmenter.h"

namespace parley::text {

// Precision / recall / F1 counts for one kind of unit (tokens or sentences): a system unit is
// correct when a gold unit has exactly the same byte span.
struct SegmentScore {
  uint64_t gold = 0;
  uint64_t system = 0;
  uint64_t correct = 0;

  [[nodiscard]] double Precision() const { return system == 0 ? 0.0 : double(correct) / system; }
  [[nodiscard]] double Recall() const { return gold == 0 ? 0.0 : double(correct) / gold; }
  [[nodiscard]] double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
  }
};

// The raw text of one gold document with the spans of its gold tokens and sentences.
struct GoldDocument {
  std::string text;
  std::vector<Span> tokens;     // sorted, non-overlapping
  std::vector<Span> sentences;  // sorted
  uint64_t unaligned_tokens = 0;  // gold tokens whose form was not found in the text
};

// Rebuilds raw documents from CoNLL-U: a new document at each "# newdoc", sentences' "# text"
// joined by a space within a paragraph and by a blank line between paragraphs ("# newpar").
// Gold tokens are the syntactic words where a multiword token's words concatenate to its
// surface form ("do" + "n't"), otherwise the surface token.
[[nodiscard]] std::vector<GoldDocument> BuildGoldDocuments(
    const std::vector<ConlluSentence>& sentences);

// Scores of a segmenter against gold documents.
struct SegmentEvaluation {
  uint64_t documents = 0;
  uint64_t unaligned_gold_tokens = 0;
  SegmentScore tokens;
  SegmentScore sentences;
};

// Runs `segmenter` on each gold document's whole text and counts exact span matches.
[[nodiscard]] SegmentEvaluation EvaluateSegmentation(const std::vector<GoldDocument>& gold,
                                                     const Segmenter& segmenter);

}  // namespace parley::text
