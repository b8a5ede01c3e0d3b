// `parley segment [FILES]`: reads documents, cleans, splits and tokenizes them, and prints one
// JSON object per document (see docs in `parley segment --help`).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "parley/io/document_json.h"
#include "parley/paths.h"
#include "parley/text/text_pipeline.h"

namespace parley::cli {

int RunSegment(int argc, char** argv) {
  CLI::App app{
      "Read documents, clean them (boilerplate, captions, credits, bylines, timestamps, "
      "metadata lines; date and title when the input gave none), split them into sentences "
      "and tokens, and print one JSON object per document on stdout: id, date, source, url, "
      "title, metadata, origin {file, line}, zones [{kind, span, text}], sentences [{span, "
      "text, tokens [{form, span}]}]. Spans are [begin, end) byte offsets into the document "
      "body as read.",
      argv[0]};
  InputOptions input;
  input.AddTo(app);
  std::string data_dir;
  app.add_option("--data-dir", data_dir, "rule directory (default: <parley data dir>/text)");
  CLI11_PARSE(app, argc, argv);

  if (data_dir.empty()) data_dir = DataDir() + "/text";
  const text::TextPipeline pipeline(data_dir);
  text::InputReport report;
  std::string line;
  return ForEachDocument(input, &report, [&](text::Document& doc) {
    pipeline.Process(&doc);
    line.clear();
    io::WriteDocumentJson(doc, {}, &line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  });
}

}  // namespace parley::cli
