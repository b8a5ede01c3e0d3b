#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace parley::text {

// Reads a dict/text rule file: UTF-8 lines, "#" at the start of a line (after optional
// spaces) or after a space starts a comment, blank lines are skipped, the rest is trimmed.
// Calls `on_line(text, line_number)` for every remaining line; the callback throws
// parley::Error (use RuleError) for a bad line. Throws parley::Error when the file cannot be
// read. `comments_anywhere` false keeps " #" inside a line (for token lists that contain "#").
void ReadRuleFile(const std::string& path,
                  const std::function<void(std::string_view, uint64_t)>& on_line,
                  bool comments_anywhere = true);

// Throws parley::Error(path, line, message).
[[noreturn]] void RuleError(const std::string& path, uint64_t line, std::string_view message);

}  // namespace parley::text
