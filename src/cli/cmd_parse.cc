// `parley parse`: reads documents in any input format, segments and tokenizes them (CoNLL-U
// input keeps its tokenization), and prints every sentence tagged, lemmatized and parsed, in
// CoNLL-U, on stdout.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "parley/paths.h"
#include "parley/syntax/model.h"
#include "parley/text/conllu.h"
#include "parley/text/text_pipeline.h"

namespace parley::cli {

int RunParse(int argc, char** argv) {
  CLI::App app{"Tag, lemmatize and dependency-parse documents; print CoNLL-U on stdout.",
               "parley parse"};
  InputOptions input;
  input.AddTo(app);
  std::string model_path;
  int beam = 0;
  app.add_option("--model", model_path, "syntax model file (default: the shipped model)");
  app.add_option("--beam", beam, "override the model's parser beam width");
  CLI11_PARSE(app, argc, argv);
  if (model_path.empty()) model_path = DefaultModelPath();

  syntax::SyntaxModel model = syntax::SyntaxModel::Load(model_path);
  if (beam > 0 && model.mutable_parser() != nullptr) model.mutable_parser()->set_beam_width(beam);
  text::TextPipeline pipeline(DataDir() + "/text");
  syntax::Workspace ws;
  text::InputReport report;
  std::ios::sync_with_stdio(false);
  uint64_t documents = 0;
  return ForEachDocument(input, &report, [&](text::Document& doc) {
    ++documents;
    // Sentence ids are "<doc id>-<n>"; documents without an id are numbered in input order.
    if (doc.id.empty()) doc.id = "doc" + std::to_string(documents);
    pipeline.Process(&doc);
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      model.Annotate(&doc.sentences[i], &ws);
      text::WriteConllu(doc, i, std::cout);
    }
    std::cout.flush();
  });
}

}  // namespace parley::cli
