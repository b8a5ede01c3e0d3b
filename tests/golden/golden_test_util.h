#pragma once

// Helpers shared by the golden tests: reading a whole file, and running the `parley` binary
// from the source tree (so that document ids are repository-relative paths).

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::golden {

// The whole file, or "" when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `parley ARGS` in the source tree with stderr discarded; returns stdout and sets *status
// to the exit status as pclose reports it (0 on success).
inline std::string RunParley(const std::string& args, int* status) {
  const std::string command = "cd '" + std::string(PARLEY_SOURCE_DIR) + "' && '" +
                              std::string(PARLEY_BINARY) + "' " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *status = -1;
    return std::string();
  }
  std::string output;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) output.append(buf, n);
  *status = pclose(pipe);
  return output;
}

}  // namespace parley::golden
