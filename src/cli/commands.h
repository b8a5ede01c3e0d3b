#pragma once

// Entry points of the `parley` subcommands, one file each (cmd_<name>.cc). Each receives the
// arguments after the subcommand name, with argv[0] set to "parley <name>", and returns the
// process exit code: 0 success, 1 problems found in the data (with --strict, or failed checks),
// 2 usage or load errors.

namespace parley::cli {

int RunHelp(int argc, char** argv);
int RunSegment(int argc, char** argv);
int RunParse(int argc, char** argv);
int RunTrainSyntax(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunEvalSegment(int argc, char** argv);
int RunEvalSyntax(int argc, char** argv);
int RunEvalEvents(int argc, char** argv);
int RunEvalContext(int argc, char** argv);
int RunDict(int argc, char** argv);
int RunAnnotate(int argc, char** argv);
int RunCode(int argc, char** argv);

// One row of the dispatch table.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

// The top-level commands in the order `parley help` lists them.
const Command* Commands(int* count);

}  // namespace parley::cli
