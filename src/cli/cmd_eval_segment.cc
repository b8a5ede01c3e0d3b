// Placeholder until this subcommand is implemented; it says so and fails.
#include <cstdio>

#include "cli/commands.h"

namespace parley::cli {

int RunEvalSegment(int, char** argv) {
  std::fprintf(stderr, "%s: not implemented yet\n", argv[0]);
  return 2;
}

}  // namespace parley::cli
