// `parley eval context FILES|DIRS`: annotate and code team-written documents and score the
// document context: coreference, time expressions, places, and the events' dates and places
// (format of the gold files: tests/golden/context/README.md).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/pipeline_options.h"
#include "parley/coding/context_eval.h"

namespace parley::cli {

int RunEvalContext(int argc, char** argv) {
  CLI::App app{
      "Annotate and code gold documents (tests/golden/context/*.txt) and print the accuracy "
      "of coreference, time expressions, places and the events' dates and places.",
      argv[0]};
  std::vector<std::string> inputs;
  app.add_option("inputs", inputs, "gold files or directories of *.txt")->required();
  PipelineCliOptions pipeline;
  pipeline.AddTo(app);
  bool show_mistakes = false;
  app.add_flag("--mistakes", show_mistakes, "list every expectation that was not met");
  bool no_context = false;
  app.add_flag("--no-context", no_context,
               "score the pipeline without the document context (a baseline)");
  CLI11_PARSE(app, argc, argv);
  if (no_context) {
    pipeline.library.coreference = false;
    pipeline.library.event_dates = false;
    pipeline.library.gazetteer_path = "none";
  }

  std::vector<coding::GoldContextDocument> gold;
  for (const GoldFile& f : ReadGoldFiles(inputs)) {
    std::vector<coding::GoldContextDocument> part = coding::ReadGoldContext(f.path, f.text);
    gold.insert(gold.end(), std::make_move_iterator(part.begin()),
                std::make_move_iterator(part.end()));
  }
  auto loaded = coding::Pipeline::Load(pipeline.Options());
  const coding::ContextScore score = coding::ScoreContext(*loaded, gold);

  if (show_mistakes) {
    for (const std::string& m : score.mistakes) std::printf("%s\n", m.c_str());
    std::printf("\n");
  }
  auto row = [](const char* name, const coding::ContextScore::Count& c, const char* what) {
    std::printf("%-14s %6llu %8llu %9.3f  %s\n", name, static_cast<unsigned long long>(c.total),
                static_cast<unsigned long long>(c.correct), c.Accuracy(), what);
  };
  std::printf("%-14s %6s %8s %9s\n", "expectation", "gold", "correct", "accuracy");
  row("resolve", score.resolve, "pronouns, descriptions, short names: right actor and antecedent");
  row("resolve-found", score.resolve_found, "... resolved to some actor");
  row("time", score.time, "time expressions: right date and precision");
  row("place", score.place, "places end to end: found, right country (and place)");
  row("place-found", score.place_found, "... place mention found");
  row("place-given", score.place_given,
      "... right country (and place) where the mention was found");
  row("noplace", score.noplace, "no place found where there is none");
  row("event", score.event, "events: source, target and code found");
  row("event-date", score.event_date, "... with the right date");
  row("event-place", score.event_place, "... with the right place");
  std::printf(
      "documents=%llu resolve=%.4f time=%.4f place=%.4f place_given=%.4f noplace=%.4f "
      "event=%.4f event_date=%.4f event_place=%.4f\n",
      static_cast<unsigned long long>(score.documents), score.resolve.Accuracy(),
      score.time.Accuracy(), score.place.Accuracy(), score.place_given.Accuracy(),
      score.noplace.Accuracy(), score.event.Accuracy(), score.event_date.Accuracy(),
      score.event_place.Accuracy());
  return 0;
}

}  // namespace parley::cli
