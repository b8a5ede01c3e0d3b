#include "parley/syntax/syntax_trainer.h"

#include <chrono>
#include <cstdio>
#include <sstream>

#include "parley/error.h"
#include "parley/syntax/lemmatizer_trainer.h"

namespace parley::syntax {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::vector<text::ConlluSentence> WithPredictedTags(
    const std::vector<text::ConlluSentence>& sentences, const Tagger& tagger,
    const Lemmatizer& lemmatizer) {
  std::vector<text::ConlluSentence> out = sentences;
  TaggerWorkspace ws;
  std::vector<std::string_view> forms;
  std::string scratch;
  for (text::ConlluSentence& sentence : out) {
    forms.clear();
    for (const auto& word : sentence.words) forms.push_back(word.form);
    tagger.TagForms(forms, &ws);
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      text::ConlluWord& word = sentence.words[i];
      const TagClass& c = tagger.classes()[static_cast<size_t>(ws.classes[i])];
      word.upos = c.upos;
      word.xpos = c.xpos;
      std::string lemma;
      lemmatizer.Lemmatize(word.form, word.upos, word.xpos, &scratch, &lemma);
      word.lemma = std::move(lemma);
    }
  }
  return out;
}

SyntaxModel TrainSyntaxModel(const std::vector<text::ConlluSentence>& train,
                             const std::vector<text::ConlluSentence>& dev,
                             const SyntaxTrainOptions& options, std::ostream& log) {
  if (train.empty()) throw Error("no training sentences");
  auto start = std::chrono::steady_clock::now();
  char line[200];

  log << "training tagger on " << train.size() << " sentences\n";
  int tagger_epochs = options.tagger.epochs;
  Tagger tagger = TrainTagger(train, dev, options.tagger, log, &tagger_epochs);
  Lemmatizer lemmatizer = TrainLemmatizer(train);
  if (!dev.empty()) {
    std::snprintf(line, sizeof(line), "lemmatizer: dev LEMMA=%.2f (gold tags)\n",
                  100 * EvaluateLemmatizer(lemmatizer, dev));
    log << line;
  }
  std::snprintf(line, sizeof(line), "tagger and lemmatizer done in %.0f s\n", SecondsSince(start));
  log << line << std::flush;

  std::optional<DependencyParser> parser;
  if (options.train_parser) {
    std::vector<text::ConlluSentence> parser_train;
    const int folds = options.jackknife_folds;
    if (folds > 1) {
      parser_train = train;
      TaggerTrainOptions fold_options = options.tagger;
      fold_options.epochs =
          options.jackknife_epochs > 0 ? options.jackknife_epochs : tagger_epochs;
      uint64_t words = 0, upos_correct = 0;
      for (int fold = 0; fold < folds; ++fold) {
        std::vector<text::ConlluSentence> rest, held_out;
        std::vector<size_t> held_out_index;
        for (size_t i = 0; i < train.size(); ++i) {
          if (static_cast<int>(i % static_cast<size_t>(folds)) == fold) {
            held_out.push_back(train[i]);
            held_out_index.push_back(i);
          } else {
            rest.push_back(train[i]);
          }
        }
        std::ostringstream quiet;
        Tagger fold_tagger = TrainTagger(rest, {}, fold_options, quiet);
        Lemmatizer fold_lemmatizer = TrainLemmatizer(rest);
        std::vector<text::ConlluSentence> tagged =
            WithPredictedTags(held_out, fold_tagger, fold_lemmatizer);
        for (size_t j = 0; j < tagged.size(); ++j) {
          for (size_t w = 0; w < tagged[j].words.size(); ++w) {
            upos_correct += tagged[j].words[w].upos == held_out[j].words[w].upos;
            ++words;
          }
          parser_train[held_out_index[j]] = std::move(tagged[j]);
        }
        std::snprintf(line, sizeof(line), "jackknife fold %d/%d done (%.0f s)\n", fold + 1, folds,
                      SecondsSince(start));
        log << line << std::flush;
      }
      std::snprintf(line, sizeof(line), "jackknifed training tags: UPOS=%.2f\n",
                    words ? 100.0 * upos_correct / words : 0.0);
      log << line;
    } else {
      parser_train = train;
    }
    std::vector<text::ConlluSentence> parser_dev = WithPredictedTags(dev, tagger, lemmatizer);
    log << "training parser\n" << std::flush;
    parser = TrainParser(parser_train, parser_dev, options.parser, log);
    std::snprintf(line, sizeof(line), "parser done (%.0f s)\n", SecondsSince(start));
    log << line << std::flush;
  }

  SyntaxModel model(std::move(tagger), std::move(lemmatizer), std::move(parser),
                    options.provenance);
  const std::vector<text::ConlluSentence>& source = dev.empty() ? train : dev;
  std::vector<std::vector<std::string>> self_test;
  for (const auto& sentence : source) {
    if (static_cast<int>(self_test.size()) >= options.self_test_sentences) break;
    if (sentence.words.size() < 5) continue;  // short lines exercise little
    std::vector<std::string> forms;
    for (const auto& word : sentence.words) forms.push_back(word.form);
    self_test.push_back(std::move(forms));
  }
  model.SetSelfTest(self_test);
  return model;
}

}  // namespace parley::syntax
