// The `parley` command: a dispatch table from subcommand name to its entry point. Argument
// parsing and all logic live in the cmd_<name>.cc files and the library.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.h"
#include "parley/error.h"
#include "parley/version.h"

namespace parley::cli {

namespace {

constexpr Command kCommands[] = {
    {"code", "code documents into CAMEO/PLOVER events; print JSONL, Phoenix, GDELT or CSV", RunCode},
    {"annotate", "segment, parse and find date-coded actors; print JSONL", RunAnnotate},
    {"segment", "read, clean, split and tokenize documents; print JSONL", RunSegment},
    {"parse", "tag, lemmatize and dependency-parse text; print CoNLL-U", RunParse},
    {"train-syntax", "train the tagger, lemmatizer and parser from CoNLL-U", RunTrainSyntax},
    {"eval", "score a stage against gold data (eval segment | eval syntax)", RunEval},
    {"dict", "check, look up and convert actor and verb dictionaries", RunDict},
    {"help", "list the commands, or show one command's usage", RunHelp},
};

}  // namespace

const Command* Commands(int* count) {
  *count = static_cast<int>(sizeof(kCommands) / sizeof(kCommands[0]));
  return kCommands;
}

}  // namespace parley::cli

int main(int argc, char** argv) {
  using parley::cli::Command;
  if (argc < 2) return parley::cli::RunHelp(argc, argv);
  const char* name = argv[1];
  if (std::strcmp(name, "--version") == 0 || std::strcmp(name, "version") == 0) {
    std::printf("parley %s\n", parley::kVersion);
    return 0;
  }
  if (std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0) {
    return parley::cli::RunHelp(1, argv);
  }
  int count = 0;
  const Command* commands = parley::cli::Commands(&count);
  for (int i = 0; i < count; ++i) {
    if (std::strcmp(commands[i].name, name) != 0) continue;
    std::string program = std::string("parley ") + name;
    argv[1] = program.data();
    try {
      // Subcommands return 0, 1 or 2; CLI11 reports usage errors with its own larger codes,
      // which are usage errors here.
      const int status = commands[i].run(argc - 1, argv + 1);
      return status > 2 ? 2 : status;
    } catch (const parley::Error& e) {
      std::fprintf(stderr, "parley %s: error: %s\n", name, e.what());
      return 2;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "parley %s: internal error: %s\n", name, e.what());
      return 2;
    }
  }
  std::fprintf(stderr, "parley: unknown command '%s' (see 'parley help')\n", name);
  return 2;
}
