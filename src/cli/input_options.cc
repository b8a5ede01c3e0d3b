#include "cli/input_options.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "parley/error.h"

namespace parley::cli {

void InputOptions::AddTo(CLI::App& app) {
  app.add_option("files", files,
                 "input files or directories (walked recursively, sorted); none or '-' = stdin");
  // Checked by ForEachDocument rather than by a CLI11 validator so that a bad name is a
  // parley::Error (exit code 2) like every other usage problem.
  app.add_option("--input-format", format,
                 "auto, text, jsonl, petrarch-xml, tabari, html or conllu (default: auto, "
                 "per file by extension and first bytes)");
  app.add_flag("--strict", strict,
               "stop with exit code 1 at the first rejected or repaired input record");
}

int ForEachDocument(const InputOptions& options, text::InputReport* report,
                    const std::function<void(text::Document&)>& fn) {
  text::InputFormat format = text::InputFormat::kAuto;
  if (!text::ParseInputFormat(options.format, &format)) {
    throw Error("unknown input format '" + options.format +
                "' (expected auto, text, jsonl, petrarch-xml, tabari, html or conllu)");
  }
  std::vector<std::string> inputs = options.files;
  if (inputs.empty()) inputs.push_back("-");

  int status = 0;
  text::Document doc;
  for (const std::string& input : inputs) {
    std::unique_ptr<text::DocumentReader> reader = text::OpenReader(input, format, report);
    bool stop = false;
    while (!stop) {
      uint64_t problems_before = report->rejected() + report->warned();
      text::ReadStatus read = reader->Next(&doc);
      if (read == text::ReadStatus::kEnd) break;
      if (options.strict && report->rejected() + report->warned() > problems_before) {
        // The problem is reported in the summary; nothing after it is processed.
        status = 1;
        stop = true;
        break;
      }
      if (read == text::ReadStatus::kDocument) fn(doc);
    }
    if (stop) break;
  }
  std::string summary = report->Summary();
  std::fputs(summary.c_str(), stderr);
  return status;
}

}  // namespace parley::cli
