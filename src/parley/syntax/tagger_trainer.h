#pragma once

// Training of the POS tagger from CoNLL-U sentences (gold tokenization, UPOS and XPOS).

#include <cstdint>
#include <ostream>
#include <vector>

#include "parley/syntax/tagger.h"
#include "parley/text/conllu.h"

namespace parley::syntax {

struct TaggerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;  // shuffles the sentence order each epoch; same seed, same model
  // A form seen at least this often with one class in at least this share of its uses is
  // tagged from the tag dictionary without scoring.
  int dictionary_min_count = 20;
  double dictionary_min_share = 0.995;
  // Forms seen at least this often get an ambiguity-class feature (the set of classes taking
  // at least ambiguity_min_share of their uses).
  int ambiguity_min_count = 3;
  double ambiguity_min_share = 0.05;
};

// Trains a tagger on `train`. With a non-empty `dev`, prints "tagger epoch N: dev UPOS=.. XPOS=.."
// to `log` after every epoch and returns the epoch with the best dev joint accuracy; otherwise
// returns the model after the last epoch. Deterministic given the options. When `best_epoch`
// is given it receives the (1-based) epoch returned.
[[nodiscard]] Tagger TrainTagger(const std::vector<text::ConlluSentence>& train,
                                 const std::vector<text::ConlluSentence>& dev,
                                 const TaggerTrainOptions& options, std::ostream& log,
                                 int* best_epoch = nullptr);

// Fraction of words of `gold` whose predicted UPOS / XPOS equal the gold ones.
struct TagAccuracy {
  double upos = 0;
  double xpos = 0;
  double both = 0;
};
[[nodiscard]] TagAccuracy EvaluateTagger(const Tagger& tagger,
                                         const std::vector<text::ConlluSentence>& gold);

}  // namespace parley::syntax
