// `parley annotate [FILES]`: every stage but the event coder, on any input: read, clean,
// segment, tokenize, tag, lemmatize, parse, and find the actors of every sentence with the
// date-aware dictionaries. Prints one JSON object per document.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/pipeline_options.h"
#include "parley/io/document_json.h"

namespace parley::cli {

int RunAnnotate(int argc, char** argv) {
  CLI::App app{
      "Read documents, clean, segment and tokenize them, tag, lemmatize and parse every "
      "sentence, and find its actors with the date-aware dictionaries (codes resolved on the "
      "document's date). Prints one JSON object per document on stdout: the fields of "
      "`parley segment`, each token with upos, xpos, lemma, head and deprel, and each sentence "
      "with actors [{code, country, sector, text, span, tokens, rule, place, stale}].",
      argv[0]};
  InputOptions input;
  input.AddTo(app);
  PipelineCliOptions pipeline;
  pipeline.AddTo(app);
  CLI11_PARSE(app, argc, argv);
  pipeline.library.require_patterns = false;  // annotate codes nothing

  std::string line;
  return RunPipeline("parley annotate", input, pipeline, coding::OrderedRunner::Mode::kAnnotate,
                     [&](text::Document& doc, coding::DocumentResult& result) {
                       line.clear();
                       io::WriteAnnotatedDocumentJson(doc, result, &line);
                       std::fwrite(line.data(), 1, line.size(), stdout);
                     });
}

}  // namespace parley::cli
