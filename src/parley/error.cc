#include "parley/error.h"

namespace parley {

std::string Error::Format(std::string_view file, uint64_t line, std::string_view message) {
  std::string out;
  out.reserve(file.size() + message.size() + 24);
  out.append(file);
  if (line > 0) {
    out.push_back(':');
    out.append(std::to_string(line));
  }
  out.append(": ");
  out.append(message);
  return out;
}

}  // namespace parley
