#include "parley/text/reader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <istream>
#include <system_error>
#include <utility>

#include "parley/error.h"
#include "parley/text/conllu.h"
#include "parley/text/html_reader.h"
#include "parley/text/input_source.h"
#include "parley/text/jsonl_reader.h"
#include "parley/text/petrarch_xml_reader.h"
#include "parley/text/plain_text_reader.h"
#include "parley/text/tabari_reader.h"

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

// How many leading bytes content detection looks at.
constexpr size_t kDetectBytes = 4096;

// A std::istream that owns its stream buffer, for MakeConlluReader.
class SourceIstream : public std::istream {
 public:
  explicit SourceIstream(std::unique_ptr<InputSource> source)
      : std::istream(nullptr), buffer_(std::move(source)) {
    rdbuf(&buffer_);
  }

 private:
  InputSourceStreambuf buffer_;
};

std::unique_ptr<DocumentReader> MakeReader(InputFormat format, std::unique_ptr<InputSource> source,
                                           const std::string& name, const std::string& id,
                                           InputReport* report, const ReaderOptions& options) {
  if (format == InputFormat::kAuto) format = DetectFormat(name, source->Peek(kDetectBytes));
  switch (format) {
    case InputFormat::kJsonl:
      return std::make_unique<JsonlReader>(std::move(source), name, report, options);
    case InputFormat::kPetrarchXml:
      return std::make_unique<PetrarchXmlReader>(std::move(source), name, report, options);
    case InputFormat::kTabari:
      return std::make_unique<TabariReader>(std::move(source), name, report, options);
    case InputFormat::kHtml:
      return std::make_unique<HtmlReader>(std::move(source), name, id, report, options);
    case InputFormat::kConllu:
      return MakeConlluReader(std::make_unique<SourceIstream>(std::move(source)), name, report);
    case InputFormat::kText:
    case InputFormat::kAuto:
      break;
  }
  return std::make_unique<PlainTextReader>(std::move(source), name, id, report, options);
}

// Reads every regular file under a directory, in sorted path order, one reader after another.
// Hidden files and directories (names starting with '.') are skipped.
class DirectoryReader : public DocumentReader {
 public:
  DirectoryReader(const std::string& root, InputFormat format, InputReport* report,
                  const ReaderOptions& options)
      : format_(format), report_(report), options_(options) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path root_path(root);
    fs::recursive_directory_iterator it(
        root_path, fs::directory_options::skip_permission_denied, error);
    if (error) throw Error(root, 0, "cannot read directory: " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        report_->Reject({root, 0, "", "cannot read directory: " + error.message()});
        break;
      }
      const fs::path& path = it->path();
      if (path.filename().string().starts_with(".")) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(error)) continue;
      files_.push_back({path.string(), path.lexically_relative(root_path).generic_string()});
    }
    std::sort(files_.begin(), files_.end());
  }

  ReadStatus Next(Document* doc) override {
    while (true) {
      if (current_ == nullptr) {
        if (next_file_ >= files_.size()) {
          *doc = Document();
          return ReadStatus::kEnd;
        }
        const auto& [name, id] = files_[next_file_++];
        std::unique_ptr<InputSource> source;
        try {
          source = InputSource::Open(name);
        } catch (const Error& e) {
          // One unreadable file does not stop the batch.
          report_->Reject({name, 0, id, e.what()});
          *doc = Document();
          return ReadStatus::kRejected;
        }
        current_ = MakeReader(format_, std::move(source), name, id, report_, options_);
      }
      ReadStatus status = current_->Next(doc);
      if (status != ReadStatus::kEnd) return status;
      current_.reset();
    }
  }

 private:
  InputFormat format_;
  InputReport* report_;
  ReaderOptions options_;
  std::vector<std::pair<std::string, std::string>> files_;  // (path, path relative to root)
  size_t next_file_ = 0;
  std::unique_ptr<DocumentReader> current_;
};

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
                    " rejected, " + std::to_string(warned_count_) + " warnings\n";
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
    out += "warnings (records kept):\n";
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

std::unique_ptr<DocumentReader> OpenReader(const std::string& path, InputFormat format,
                                           InputReport* report, const ReaderOptions& options) {
  if (path != "-") {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      return std::make_unique<DirectoryReader>(path, format, report, options);
    }
  }
  // A whole-input document read from stdin is called "stdin" (its file name is "-").
  const std::string id = path == "-" ? "stdin" : path;
  return MakeReader(format, InputSource::Open(path), path, id, report, options);
}

}  // namespace parley::text
