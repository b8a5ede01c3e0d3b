#pragma once

// Training of the dependency parser (training-only code, linked into parley_train).
//
// Greedy arc-hybrid training with the dynamic oracle of Goldberg & Nivre (2013): at every
// configuration the model's best legal transition is compared with the zero-cost transitions;
// on a mistake the perceptron moves towards the best-scoring zero-cost transition. From epoch
// `explore_from` on, the parser follows its own prediction (with probability
// `explore_probability`) even when it is wrong, so it learns to recover from its mistakes.
// Non-projective training trees are lifted (projectivize.h); the count is logged.

#include <cstdint>
#include <ostream>
#include <vector>

#include "parley/syntax/parser.h"
#include "parley/text/conllu.h"

namespace parley::syntax {

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  // Beam width stored in the model and used for the dev evaluation; training is greedy.
  int beam = 1;
  // First epoch (0-based) that follows predicted transitions; 0 explores from the start.
  int explore_from = 1;
  double explore_probability = 0.9;
  // Averaged weights with magnitude below this are dropped from the model.
  float prune_below = 1e-3f;
  // Lifted labels ("x|y") seen fewer times than this in the projectivized training trees are
  // replaced by their plain part x: the arc stays lifted (projective) but is not moved back
  // after parsing. Rare lifted labels cannot be learned and each one adds two classes.
  int min_lifted_label_count = 5;
};

// Statistics of the training data preparation, for the caller's report.
struct ParserTrainStats {
  int sentences_used = 0;
  int sentences_skipped = 0;   // no or malformed gold tree (missing head, cycle, several roots)
  int trees_lifted = 0;        // non-projective trees made projective
  int arcs_lifted = 0;         // words whose arc was lifted
  int lifted_plain = 0;        // lifted arcs left with a plain label (rare lifted label)
  int best_epoch = 0;          // 1-based
  double best_dev_uas = 0, best_dev_las = 0;
};

// Attachment scores over all words (punctuation included), LAS with full labels (subtypes
// included, e.g. nsubj:pass).
struct AttachmentScore {
  int64_t words = 0, head_correct = 0, label_correct = 0;
  double Uas() const { return words == 0 ? 0 : 100.0 * head_correct / words; }
  double Las() const { return words == 0 ? 0 : 100.0 * label_correct / words; }
};

// Parses `gold` with `parser` (the sentences' upos/xpos are what it sees) and scores the result
// against the gold heads and relations. Words with no gold head are not counted.
AttachmentScore EvaluateParser(const DependencyParser& parser,
                               const std::vector<text::ConlluSentence>& gold);

// sentences' upos/xpos are the tags the parser should see (predicted, from jackknifing).
// Prints dev LAS/UAS each epoch to log; returns the best epoch's averaged model (the last
// epoch's when `dev` is empty). Throws parley::Error when `train` yields no usable tree.
DependencyParser TrainParser(const std::vector<text::ConlluSentence>& train,
                             const std::vector<text::ConlluSentence>& dev,
                             const ParserTrainOptions& options, std::ostream& log);
// As above, also filling *stats.
DependencyParser TrainParser(const std::vector<text::ConlluSentence>& train,
                             const std::vector<text::ConlluSentence>& dev,
                             const ParserTrainOptions& options, std::ostream& log,
                             ParserTrainStats* stats);

}  // namespace parley::syntax
