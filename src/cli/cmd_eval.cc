#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"

namespace parley::cli {

// `parley eval <stage> ...`: a second-level dispatch to one scorer per pipeline stage.
int RunEval(int argc, char** argv) {
  struct Stage {
    const char* name;
    int (*run)(int, char**);
  };
  static constexpr Stage kStages[] = {
      {"segment", RunEvalSegment}, {"syntax", RunEvalSyntax}, {"events", RunEvalEvents},
      {"context", RunEvalContext}};
  if (argc >= 2) {
    for (const Stage& stage : kStages) {
      if (std::strcmp(stage.name, argv[1]) != 0) continue;
      std::string program = std::string("parley eval ") + stage.name;
      argv[1] = program.data();
      return stage.run(argc - 1, argv + 1);
    }
  }
  std::fprintf(stderr,
               "usage: parley eval segment --conllu FILE\n"
               "       parley eval syntax --conllu FILE [--model FILE] [--raw]\n"
               "       parley eval events FILES|DIRS [--mistakes]\n"
               "       parley eval context FILES|DIRS [--mistakes]\n");
  return (argc >= 2 && (std::strcmp(argv[1], "--help") == 0)) ? 0 : 2;
}

}  // namespace parley::cli
