// `parley eval segment --conllu FILE`: scores the segmenter and tokenizer against a CoNLL-U
// treebank whose raw text is rebuilt from its "# text" lines.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "parley/paths.h"
#include "parley/text/conllu.h"
#include "parley/text/segment_eval.h"
#include "parley/text/segmenter.h"

namespace parley::cli {

namespace {

void PrintScore(const char* name, const text::SegmentScore& s) {
  std::printf("%s: gold=%llu system=%llu correct=%llu precision=%.4f recall=%.4f f1=%.4f\n", name,
              static_cast<unsigned long long>(s.gold), static_cast<unsigned long long>(s.system),
              static_cast<unsigned long long>(s.correct), s.Precision(), s.Recall(), s.F1());
}

}  // namespace

int RunEvalSegment(int argc, char** argv) {
  CLI::App app{"Score sentence splitting and tokenization against a CoNLL-U treebank. The raw "
               "text is rebuilt from the '# text' lines (a space between sentences, a blank "
               "line between paragraphs, one document per '# newdoc'); tokens and sentences "
               "match when their byte spans are identical.",
               argv[0]};
  std::string conllu;
  std::string data_dir;
  std::string conventions = "parley";
  app.add_option("--conllu", conllu, "gold CoNLL-U file")->required()->check(CLI::ExistingFile);
  app.add_option("--data-dir", data_dir, "rule directory (default: <parley data dir>/text)");
  app.add_option("--conventions", conventions,
                 "tokenization conventions to score: 'parley' (default; the tokenizer as "
                 "shipped, which keeps names, number compounds and currency amounts such as "
                 "'Rostov-on-Don', '30-day' and '$1.1' whole) or 'ewt' (split them as the "
                 "English Web Treebank does)")
      ->check(CLI::IsMember({"ewt", "parley"}));
  CLI11_PARSE(app, argc, argv);

  if (data_dir.empty()) data_dir = DataDir() + "/text";
  text::TokenizerOptions options;
  const bool ewt = conventions == "ewt";
  options.split_hyphens = ewt;
  options.split_currency = ewt;
  const text::Segmenter segmenter(data_dir, options);
  const std::vector<text::GoldDocument> gold =
      text::BuildGoldDocuments(text::ReadConlluFile(conllu));
  const text::SegmentEvaluation eval = text::EvaluateSegmentation(gold, segmenter);

  std::printf("file=%s documents=%llu conventions=%s unaligned_gold_tokens=%llu\n",
              conllu.c_str(), static_cast<unsigned long long>(eval.documents),
              conventions.c_str(),
              static_cast<unsigned long long>(eval.unaligned_gold_tokens));
  PrintScore("tokens", eval.tokens);
  PrintScore("sentences", eval.sentences);
  std::printf("tokens_f1=%.4f sentences_f1=%.4f\n", eval.tokens.F1(), eval.sentences.F1());
  return 0;
}

}  // namespace parley::cli
