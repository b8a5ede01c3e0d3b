// `parley eval syntax`: scores the syntax model against a gold CoNLL-U file.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "parley/paths.h"
#include "parley/syntax/model.h"
#include "parley/syntax/syntax_eval.h"
#include "parley/text/conllu.h"
#include "parley/text/segmenter.h"

namespace parley::cli {

int RunEvalSyntax(int argc, char** argv) {
  CLI::App app{"Score the syntax model on gold CoNLL-U. Without --raw the gold tokenization is "
               "annotated; with --raw Parley segments and tokenizes the text itself and words "
               "are aligned by character span (CoNLL 2018). The last line reads "
               "UPOS=.. XPOS=.. LEMMA=.. UAS=.. LAS=.. (F1 percentages).",
               "parley eval syntax"};
  std::string conllu_path, model_path;
  bool raw = false;
  int beam = 0;
  app.add_option("--conllu", conllu_path, "gold CoNLL-U file")->required();
  app.add_option("--model", model_path, "model file (default: the shipped model)");
  app.add_flag("--raw", raw, "run Parley's own sentence splitter and tokenizer");
  app.add_option("--beam", beam, "override the model's parser beam width");
  CLI11_PARSE(app, argc, argv);
  if (model_path.empty()) model_path = DefaultModelPath();

  auto t0 = std::chrono::steady_clock::now();
  syntax::SyntaxModel model = syntax::SyntaxModel::Load(model_path);
  auto t1 = std::chrono::steady_clock::now();
  if (beam > 0 && model.mutable_parser() != nullptr) model.mutable_parser()->set_beam_width(beam);
  std::vector<text::ConlluSentence> gold = text::ReadConlluFile(conllu_path);

  syntax::SyntaxScores scores;
  uint64_t system_sentences = gold.size();
  if (raw) {
    text::Segmenter segmenter(DataDir() + "/text");
    scores = syntax::EvaluateRaw(model, segmenter, gold, &system_sentences);
  } else {
    scores = syntax::EvaluateGoldTokenized(model, gold);
  }
  auto t2 = std::chrono::steady_clock::now();
  double load_s = std::chrono::duration<double>(t1 - t0).count();
  double run_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("model %s (load %.2f s)\n", model_path.c_str(), load_s);
  std::printf("gold: %zu sentences, %ju words; system: %ju sentences, %ju words; aligned %ju\n",
              gold.size(), static_cast<uintmax_t>(scores.gold_words),
              static_cast<uintmax_t>(system_sentences), static_cast<uintmax_t>(scores.system_words),
              static_cast<uintmax_t>(scores.aligned));
  std::printf("words F1=%.2f  LAS (universal relations only, CoNLL 2018)=%.2f  %.0f words/s\n",
              scores.F1(scores.aligned), scores.F1(scores.las_ud),
              run_s > 0 ? static_cast<double>(scores.system_words) / run_s : 0.0);
  std::printf("%s\n", scores.Summary().c_str());
  return 0;
}

}  // namespace parley::cli
