#include "parley/text/rule_file.h"

#include <fstream>

#include "parley/error.h"

namespace parley::text {

namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

}  // namespace

void RuleError(const std::string& path, uint64_t line, std::string_view message) {
  throw Error(path, line, message);
}

void ReadRuleFile(const std::string& path,
                  const std::function<void(std::string_view, uint64_t)>& on_line,
                  bool comments_anywhere) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot open rule file");
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = Trim(line);
    if (text.empty() || text[0] == '#') continue;
    if (comments_anywhere) {
      // A comment after the value must be separated by a space so that values may contain
      // '#' when glued to other characters.
      size_t hash = text.find(" #");
      if (hash != std::string_view::npos) text = Trim(text.substr(0, hash));
    }
    if (text.empty()) continue;
    on_line(text, number);
  }
  if (in.bad()) throw Error(path, number, "read error");
}

}  // namespace parley::text
