#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley {

// The one exception type Parley throws, for problems that end an operation: unreadable or
// malformed model and dictionary files, bad configuration. Per-record data problems are
// values, never exceptions. what() reads "file:line: message" when a location is known.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}

  // Error at a place in a file; line 0 means "the file as a whole".
  Error(std::string_view file, uint64_t line, std::string_view message)
      : std::runtime_error(Format(file, line, message)), file_(file), line_(line) {}

  const std::string& file() const { return file_; }
  uint64_t line() const { return line_; }

 private:
  // "file:line: message" ("file: message" for line 0). Out of line: GCC 12 reports a false
  // -Wrestrict when the string building is inlined into callers.
  static std::string Format(std::string_view file, uint64_t line, std::string_view message);

  std::string file_;
  uint64_t line_ = 0;
};

}  // namespace parley
