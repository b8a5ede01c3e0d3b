#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "parley/version.h"

namespace parley::cli {

int RunHelp(int argc, char** argv) {
  int count = 0;
  const Command* commands = Commands(&count);
  if (argc >= 2) {
    // `parley help NAME` is the same as `parley NAME --help`.
    for (int i = 0; i < count; ++i) {
      if (std::strcmp(commands[i].name, argv[1]) == 0 && commands[i].run != RunHelp) {
        std::string program = std::string("parley ") + argv[1];
        char help_flag[] = "--help";
        char* args[] = {program.data(), help_flag, nullptr};
        return commands[i].run(2, args);
      }
    }
    std::fprintf(stderr, "parley help: unknown command '%s'\n", argv[1]);
    return 2;
  }
  std::printf("parley %s: political event data from news text\n\n", kVersion);
  std::printf("usage: parley <command> [options] [FILES]\n\ncommands:\n");
  for (int i = 0; i < count; ++i) {
    std::printf("  %-14s %s\n", commands[i].name, commands[i].summary);
  }
  std::printf("\n'parley help <command>' or 'parley <command> --help' shows a command's options.\n"
              "'parley --version' prints the version.\n");
  return 0;
}

}  // namespace parley::cli
