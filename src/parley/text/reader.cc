#include "parley/text/reader.h"

#include <algorithm>
#include <array>
#include <utility>

namespace parley::text {

namespace {

constexpr std::array<std::pair<std::string_view, InputFormat>, 7> kFormatNames = {{
    {"auto", InputFormat::kAuto},
    {"text", InputFormat::kText},
    {"jsonl", InputFormat::kJsonl},
    {"petrarch-xml", InputFormat::kPetrarchXml},
    {"tabari", InputFormat::kTabari},
    {"html", InputFormat::kHtml},
    {"conllu", InputFormat::kConllu},
}};

// Reasons are counted by their stable head ("malformed JSON"), not by the varying detail.
std::string ReasonKey(const std::string& reason) {
  size_t colon = reason.find(": ");
  return colon == std::string::npos ? reason : reason.substr(0, colon);
}

void AppendProblem(const InputProblem& p, std::string* out) {
  *out += "  ";
  *out += p.file;
  if (p.line > 0) {
    *out += ':';
    *out += std::to_string(p.line);
  }
  *out += ": ";
  if (!p.record_id.empty()) {
    *out += '[';
    *out += p.record_id;
    *out += "] ";
  }
  *out += p.reason;
  *out += '\n';
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A TABARI header: 6 or 8 digits, blanks, then a non-blank id.
bool LooksLikeTabariHeader(std::string_view line) {
  size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits != 6 && digits != 8) return false;
  size_t pos = digits;
  if (pos >= line.size() || !IsBlank(line[pos])) return false;
  while (pos < line.size() && IsBlank(line[pos])) ++pos;
  return pos < line.size() && line[pos] != '\r' && line[pos] != '\n';
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* out) {
  for (const auto& [format_name, format] : kFormatNames) {
    if (name == format_name) {
      *out = format;
      return true;
    }
  }
  return false;
}

std::string_view InputFormatName(InputFormat format) {
  for (const auto& [format_name, value] : kFormatNames) {
    if (value == format) return format_name;
  }
  return "unknown";
}

void InputReport::Reject(InputProblem problem) {
  ++rejected_count_;
  ++rejection_counts_[ReasonKey(problem.reason)];
  if (rejected_.size() < kMaxKept) rejected_.push_back(std::move(problem));
}

void InputReport::Warn(InputProblem problem) {
  ++warned_count_;
  ++warning_counts_[ReasonKey(problem.reason)];
  if (warnings_.size() < kMaxKept) warnings_.push_back(std::move(problem));
}

std::string InputReport::Summary() const {
  std::string out = "input: " + std::to_string(documents_ + empty_) + " documents (" +
                    std::to_string(empty_) + " empty), " + std::to_string(rejected_count_) +
                    " rejected, " + std::to_string(warned_count_) + " repaired\n";
  if (rejected_count_ > 0) {
    out += "rejected:\n";
    for (const InputProblem& p : rejected_) AppendProblem(p, &out);
    if (rejected_count_ > rejected_.size()) {
      out += "  ... and " + std::to_string(rejected_count_ - rejected_.size()) + " more; by reason:\n";
      for (const auto& [reason, count] : rejection_counts_) {
        out += "    " + reason + ": " + std::to_string(count) + "\n";
      }
    }
  }
  if (warned_count_ > 0) {
    out += "repaired:\n";
    for (const InputProblem& p : warnings_) AppendProblem(p, &out);
    if (warned_count_ > warnings_.size()) {
      out += "  ... and " + std::to_string(warned_count_ - warnings_.size()) + " more; by reason:\n";
      for (const auto& [reason, count] : warning_counts_) {
        out += "    " + reason + ": " + std::to_string(count) + "\n";
      }
    }
  }
  return out;
}

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) {
    std::string ext;
    for (char c : name.substr(dot + 1)) ext += Lower(c);
    if (ext == "txt") return InputFormat::kText;
    if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
    if (ext == "xml") return InputFormat::kPetrarchXml;
    if (ext == "html" || ext == "htm") return InputFormat::kHtml;
    if (ext == "conllu") return InputFormat::kConllu;
  }
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t start = 0;
  while (start < head.size() && (IsBlank(head[start]) || head[start] == '\n' ||
                                 head[start] == '\r')) {
    ++start;
  }
  std::string_view rest = head.substr(start);
  if (rest.empty()) return InputFormat::kText;
  if (rest[0] == '{') return InputFormat::kJsonl;
  if (StartsWithNoCase(rest, "<!doctype html") || StartsWithNoCase(rest, "<html")) {
    return InputFormat::kHtml;
  }
  if (rest.substr(0, 10) == "<Sentences" || rest.substr(0, 9) == "<Sentence") {
    return InputFormat::kPetrarchXml;
  }
  // An XML declaration or a leading comment: look for the root element inside the head.
  if (rest.substr(0, 5) == "<?xml" || rest.substr(0, 4) == "<!--") {
    if (rest.find("<Sentence") != std::string_view::npos) return InputFormat::kPetrarchXml;
    if (StartsWithNoCase(rest.substr(0, 5), "<?xml") &&
        rest.find("<html") != std::string_view::npos) {
      return InputFormat::kHtml;
    }
  }
  // CoNLL-U: skip comment lines, then a word line starting "1<TAB>".
  size_t pos = 0;
  while (pos < rest.size() && rest[pos] == '#') {
    size_t nl = rest.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  if (rest.substr(pos, 2) == "1\t") return InputFormat::kConllu;
  size_t nl = rest.find('\n');
  if (LooksLikeTabariHeader(rest.substr(0, nl))) return InputFormat::kTabari;
  return InputFormat::kText;
}

}  // namespace parley::text
