#pragma once

// Learning the lemmatizer's exception lexicon and suffix rules from CoNLL-U training data.

#include <vector>

#include "parley/syntax/lemmatizer.h"
#include "parley/text/conllu.h"

namespace parley::syntax {

// Builds a lemmatizer from the words of `train` (form, XPOS, lemma). Words with an empty
// lemma are skipped. Deterministic.
[[nodiscard]] Lemmatizer TrainLemmatizer(const std::vector<text::ConlluSentence>& train);

// Fraction of words of `gold` whose lemma the lemmatizer gets right from their gold tags.
[[nodiscard]] double EvaluateLemmatizer(const Lemmatizer& lemmatizer,
                                        const std::vector<text::ConlluSentence>& gold);

}  // namespace parley::syntax
