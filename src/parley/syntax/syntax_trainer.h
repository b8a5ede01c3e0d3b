#pragma once

// Training of the whole syntax model (training-only code): tagger, lemmatizer, and the parser
// trained on jackknifed tags so that it learns from the kind of tags it will see at run time.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "parley/syntax/model.h"
#include "parley/syntax/parser_trainer.h"
#include "parley/syntax/tagger_trainer.h"
#include "parley/text/conllu.h"

namespace parley::syntax {

struct SyntaxTrainOptions {
  TaggerTrainOptions tagger;
  ParserTrainOptions parser;
  // The parser's training tags come from taggers trained on all folds but the sentence's own
  // (sentence i belongs to fold i % jackknife_folds). 1 or less: gold tags are used instead.
  int jackknife_folds = 5;
  // Tagger epochs per fold (0: as many as the best epoch of the main tagger).
  int jackknife_epochs = 5;
  bool train_parser = true;
  // How many sentences of dev (or train, without dev) become the model's self-test.
  int self_test_sentences = 3;
  std::string provenance;  // stored in the model (data source, licence, command)
};

// Trains tagger, lemmatizer and (unless disabled) parser, logging progress and dev scores to
// `log`, and returns the finished model with its self-test set. Deterministic given the
// options. Throws parley::Error when the training data is unusable.
[[nodiscard]] SyntaxModel TrainSyntaxModel(const std::vector<text::ConlluSentence>& train,
                                           const std::vector<text::ConlluSentence>& dev,
                                           const SyntaxTrainOptions& options, std::ostream& log);

// Returns copies of `sentences` whose upos, xpos and lemma are the ones `tagger` and
// `lemmatizer` predict (heads and relations stay gold).
[[nodiscard]] std::vector<text::ConlluSentence> WithPredictedTags(
    const std::vector<text::ConlluSentence>& sentences, const Tagger& tagger,
    const Lemmatizer& lemmatizer);

}  // namespace parley::syntax
