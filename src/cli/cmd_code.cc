// `parley code [FILES]`: raw news to coded events (the main job). Reads any input format,
// runs the library pipeline (text, syntax, actors, event coder) and prints one event per line
// in the chosen output format.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/pipeline_options.h"
#include "parley/io/event_writer.h"

namespace parley::cli {

int RunCode(int argc, char** argv) {
  CLI::App app{
      "Code documents into CAMEO/PLOVER events: read, clean, segment, tag, parse, find the "
      "actors on each document's date and match the verb patterns. Prints one event per line "
      "(jsonl: the event record of docs/FORMATS.md, with evidence) on stdout; a summary of "
      "documents, sentences and events goes to stderr.",
      argv[0]};
  InputOptions input;
  input.AddTo(app);
  PipelineCliOptions pipeline;
  pipeline.AddTo(app);
  std::string output_format = "jsonl";
  app.add_option("--output-format", output_format, "jsonl, phoenix, gdelt or csv")
      ->check(CLI::IsMember(std::vector<std::string>(io::kEventFormats.begin(),
                                                     io::kEventFormats.end())));
  app.add_flag("--keep-negated", pipeline.library.coder.keep_negated,
               "also emit events of negated clauses (\"did not meet\"), with negated: true");
  app.add_flag("--keep-one-sided", pipeline.library.coder.keep_one_sided,
               "also emit events with only a source or only a target");
  bool no_title = false;
  app.add_flag("--no-title", no_title, "do not code the headline");
  std::string dedup = "none";
  app.add_option("--dedup", dedup,
                 "none, or one-a-day: drop an event when one with the same date, source, "
                 "target and CAMEO code came earlier in the run")
      ->check(CLI::IsMember({"none", "one-a-day"}));
  bool no_near_duplicates = false;
  app.add_flag("--no-near-duplicates", no_near_duplicates,
               "do not link near-duplicate stories (wire copies); by default their events carry "
               "duplicate_of, the id of the first copy");
  bool no_context = false;
  app.add_flag("--no-context", no_context,
               "sentence by sentence only: no coreference across sentences, no event dates "
               "from time expressions, no places");
  CLI11_PARSE(app, argc, argv);
  pipeline.library.code_title = !no_title;
  if (no_context) {
    pipeline.library.coreference = false;
    pipeline.library.event_dates = false;
    pipeline.library.gazetteer_path = "none";
  }
  pipeline.library.signatures = !no_near_duplicates;
  coding::DedupOptions dedup_options;
  dedup_options.near_duplicates = !no_near_duplicates;
  dedup_options.events =
      dedup == "one-a-day" ? coding::EventDedup::kOneADay : coding::EventDedup::kNone;
  coding::Deduplicator deduplicator(dedup_options);

  std::unique_ptr<io::EventWriter> writer = io::EventWriter::Create(output_format);
  std::string buffer;
  writer->Begin(&buffer);
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  return RunPipeline("parley code", input, pipeline, coding::OrderedRunner::Mode::kCode,
                     [&](text::Document&, coding::DocumentResult& result) {
                       buffer.clear();
                       for (const coding::Event& e : result.events) writer->Write(e, &buffer);
                       std::fwrite(buffer.data(), 1, buffer.size(), stdout);
                     },
                     &deduplicator);
}

}  // namespace parley::cli
