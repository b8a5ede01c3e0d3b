// `parley eval events FILES|DIRS`: code hand-coded gold sentences and print precision and
// recall per CAMEO root (format of the gold files: docs/ACCURACY.md).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/pipeline_options.h"
#include "parley/coding/event_eval.h"

namespace parley::cli {

int RunEvalEvents(int argc, char** argv) {
  CLI::App app{
      "Code gold sentences (tests/golden/events/*.txt) and print precision, recall "
      "and F1 per CAMEO root, matching events on root, source and target actors.",
      argv[0]};
  std::vector<std::string> inputs;
  app.add_option("inputs", inputs, "gold files or directories of *.txt")->required();
  PipelineCliOptions pipeline;
  pipeline.AddTo(app);
  bool show_mistakes = false;
  app.add_flag("--mistakes", show_mistakes, "list every missed, extra and inexact event");
  CLI11_PARSE(app, argc, argv);

  std::vector<coding::GoldSentence> gold;
  for (const GoldFile& f : ReadGoldFiles(inputs)) {
    std::vector<coding::GoldSentence> part = coding::ReadGoldEvents(f.path, f.text);
    gold.insert(gold.end(), std::make_move_iterator(part.begin()),
                std::make_move_iterator(part.end()));
  }
  coding::PipelineOptions options = pipeline.Options();
  auto loaded = coding::Pipeline::Load(options);
  coding::EventScore score = coding::ScoreEvents(*loaded, gold);

  if (show_mistakes) {
    for (const std::string& m : score.mistakes) std::printf("%s\n", m.c_str());
    std::printf("\n");
  }
  std::printf("root  gold  coded  correct  precision  recall    F1  exact-code\n");
  for (int r = 1; r <= 20; ++r) {
    const coding::RootScore& s = score.roots[r];
    std::printf("%02d   %5llu  %5llu  %7llu  %9.3f  %6.3f  %5.3f  %10llu\n", r,
                static_cast<unsigned long long>(s.tp + s.fn),
                static_cast<unsigned long long>(s.tp + s.fp), static_cast<unsigned long long>(s.tp),
                s.Precision(), s.Recall(), s.F1(), static_cast<unsigned long long>(s.exact));
  }
  const coding::RootScore& t = score.total;
  std::printf("all  %5llu  %5llu  %7llu  %9.3f  %6.3f  %5.3f  %10llu\n",
              static_cast<unsigned long long>(t.tp + t.fn),
              static_cast<unsigned long long>(t.tp + t.fp), static_cast<unsigned long long>(t.tp),
              t.Precision(), t.Recall(), t.F1(), static_cast<unsigned long long>(t.exact));
  std::printf(
      "sentences=%llu no-event-sentences=%llu no-event-sentences-with-events=%llu "
      "precision=%.4f recall=%.4f f1=%.4f\n",
      static_cast<unsigned long long>(score.sentences),
      static_cast<unsigned long long>(score.empty_sentences),
      static_cast<unsigned long long>(score.empty_with_events), t.Precision(), t.Recall(), t.F1());
  return 0;
}

}  // namespace parley::cli
