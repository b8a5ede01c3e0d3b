#pragma once

// The options and the document loop shared by the subcommands that run the library pipeline
// (`annotate`, `code`): model, dictionaries, default date, threads; read every input, run
// coding::OrderedRunner over it, print the run summary.

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "cli/input_options.h"
#include "parley/coding/pipeline.h"

namespace CLI {
class App;
}

namespace parley::cli {

struct PipelineCliOptions {
  std::string model_path;
  std::string dictionaries;
  std::string default_date;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  coding::PipelineOptions library;  // filled by Options()
  // Adds --model, --dictionaries, --date and --threads. The options must outlive app.
  void AddTo(CLI::App& app);
  // The library options these arguments describe.
  [[nodiscard]] coding::PipelineOptions Options() const;
};

// Loads the pipeline, runs it over every input document in `mode` on `options.threads`
// threads and calls sink(doc, result) in input order. Prints the input report and the
// pipeline's counts on stderr, prefixed with `command`. `dedup` (may be null) is handed to the
// runner. Returns the exit status (0, or 1 after a --strict stop); throws parley::Error when
// loading fails.
int RunPipeline(const char* command, const InputOptions& input, const PipelineCliOptions& options,
                coding::OrderedRunner::Mode mode,
                const std::function<void(text::Document&, coding::DocumentResult&)>& sink,
                coding::Deduplicator* dedup = nullptr);

// For `parley eval events|context`: the *.txt files of the given files and directories,
// sorted, each with its whole text. Throws parley::Error naming a file that cannot be read.
struct GoldFile {
  std::string path;
  std::string text;
};
[[nodiscard]] std::vector<GoldFile> ReadGoldFiles(const std::vector<std::string>& inputs);

}  // namespace parley::cli
