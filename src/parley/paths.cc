#include "parley/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "parley/error.h"

namespace parley {

namespace {

namespace fs = std::filesystem;

// Where to look for a shipped file or folder `relative` (e.g. "dict"): next to an installed
// binary, next to a build-tree binary, then in the source tree this binary was built from.
std::vector<fs::path> Candidates(const fs::path& relative) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(exe.parent_path().parent_path() / relative);
    out.push_back(exe.parent_path() / relative);
  }
#ifdef PARLEY_SOURCE_DIR
  out.push_back(fs::path(PARLEY_SOURCE_DIR) / relative);
#endif
  return out;
}

std::string Locate(const char* env, const fs::path& relative, const char* what) {
  if (const char* value = std::getenv(env); value != nullptr && *value != '\0') {
    if (!fs::exists(value)) {
      throw Error(std::string(env) + "=" + value + ": no such " + what);
    }
    return value;
  }
  std::string tried;
  for (const fs::path& candidate : Candidates(relative)) {
    std::error_code ec;
    if (fs::exists(candidate, ec)) return candidate.lexically_normal().string();
    tried += (tried.empty() ? "" : ", ") + candidate.string();
  }
  throw Error(std::string("cannot find the ") + what + " (tried " + tried + "; set " + env + ")");
}

}  // namespace

std::string DataDir() { return Locate("PARLEY_DICT", "dict", "data directory"); }

std::string DefaultModelPath() {
  return Locate("PARLEY_MODEL", fs::path("models") / "en-ewt.model", "syntax model");
}

}  // namespace parley
