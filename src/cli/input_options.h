#pragma once

#include <functional>
#include <string>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/reader.h"

namespace CLI {
class App;
}

namespace parley::cli {

// The input arguments every document-reading subcommand shares.
struct InputOptions {
  std::vector<std::string> files;  // empty = stdin
  std::string format = "auto";
  bool strict = false;
  // Adds positional FILES, --input-format and --strict to app. The options must outlive app.
  void AddTo(CLI::App& app);
};

// Calls fn(doc) for every document of every input in order; rejections and repairs go to
// *report. With strict, stops at the first problem and returns 1. Prints report->Summary()
// on stderr at the end. Returns 0, or 1 after a strict stop; throws parley::Error when an input
// cannot be opened or the format name is unknown.
int ForEachDocument(const InputOptions& options, text::InputReport* report,
                    const std::function<void(text::Document&)>& fn);

}  // namespace parley::cli
