// `parley train-syntax`: trains the tagger, lemmatizer and parser from CoNLL-U and writes one
// model file. Progress and dev scores go to stderr.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "parley/syntax/model.h"
#include "parley/syntax/syntax_eval.h"
#include "parley/syntax/syntax_trainer.h"
#include "parley/text/conllu.h"

namespace parley::cli {

int RunTrainSyntax(int argc, char** argv) {
  CLI::App app{"Train Parley's syntax model (tagger, lemmatizer, dependency parser) from "
               "CoNLL-U. Deterministic given --seed.",
               "parley train-syntax"};
  std::string train_path, dev_path, out_path, note;
  syntax::SyntaxTrainOptions options;
  bool no_parser = false;
  app.add_option("--train", train_path, "training CoNLL-U file")->required();
  app.add_option("--dev", dev_path,
                 "development CoNLL-U file: scored every epoch, the best epoch is kept");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--seed", options.tagger.seed, "random seed (shuffling, exploration)")
      ->default_val(1);
  app.add_option("--tagger-epochs", options.tagger.epochs, "tagger training epochs")
      ->default_val(options.tagger.epochs);
  app.add_option("--parser-epochs", options.parser.epochs, "parser training epochs")
      ->default_val(options.parser.epochs);
  app.add_option("--beam", options.parser.beam, "parser beam width stored in the model")
      ->default_val(options.parser.beam);
  app.add_option("--folds", options.jackknife_folds,
                 "jackknifing folds for the parser's training tags (1 = gold tags)")
      ->default_val(options.jackknife_folds);
  app.add_option("--jackknife-epochs", options.jackknife_epochs,
                 "tagger epochs per jackknifing fold (0 = the main tagger's best epoch)")
      ->default_val(options.jackknife_epochs);
  app.add_option("--parser-prune", options.parser.prune_below,
                 "drop parser weights whose averaged magnitude is below this (model size)")
      ->default_val(options.parser.prune_below);
  app.add_flag("--no-parser", no_parser, "train a tag-only model (tagger and lemmatizer)");
  app.add_option("--note", note, "extra provenance text stored in the model");
  CLI11_PARSE(app, argc, argv);
  options.parser.seed = options.tagger.seed;
  options.train_parser = !no_parser;

  auto start = std::chrono::steady_clock::now();
  std::vector<text::ConlluSentence> train = text::ReadConlluFile(train_path);
  std::vector<text::ConlluSentence> dev;
  if (!dev_path.empty()) dev = text::ReadConlluFile(dev_path);
  std::fprintf(stderr, "read %zu training and %zu dev sentences\n", train.size(), dev.size());

  options.provenance =
      "trained by parley train-syntax from " +
      std::filesystem::path(train_path).filename().string() +
      (dev_path.empty() ? "" : " (dev " + std::filesystem::path(dev_path).filename().string() +
                                   ")") +
      ", seed " + std::to_string(options.tagger.seed) + ", tagger epochs " +
      std::to_string(options.tagger.epochs) + ", parser epochs " +
      std::to_string(options.parser.epochs) + ", folds " +
      std::to_string(options.jackknife_folds) + "x" +
      std::to_string(options.jackknife_epochs) + " epochs, beam " + std::to_string(options.parser.beam) +
      ", parser prune " + std::to_string(options.parser.prune_below) +
      (note.empty() ? "" : "; " + note);

  syntax::SyntaxModel model = syntax::TrainSyntaxModel(train, dev, options, std::cerr);
  model.Save(out_path);
  // Reload what was written: this runs the file checks and the self-test exactly as users will.
  syntax::SyntaxModel reloaded = syntax::SyntaxModel::Load(out_path);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "wrote %s (%ju bytes) in %.0f s\n", out_path.c_str(),
               static_cast<uintmax_t>(std::filesystem::file_size(out_path)), seconds);
  if (!dev.empty()) {
    syntax::SyntaxScores scores = syntax::EvaluateGoldTokenized(reloaded, dev);
    std::printf("dev %s\n", scores.Summary().c_str());
  }
  return 0;
}

}  // namespace parley::cli
