#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text/document.h"

namespace parley::text {

// Input formats Parley reads. kAuto picks one per file from its extension and first bytes.
enum class InputFormat : uint8_t { kAuto, kText, kJsonl, kPetrarchXml, kTabari, kHtml, kConllu };

// Parses "auto", "text", "jsonl", "petrarch-xml", "tabari", "html", "conllu".
// Returns false (and leaves *out alone) for anything else.
[[nodiscard]] bool ParseInputFormat(std::string_view name, InputFormat* out);
std::string_view InputFormatName(InputFormat format);

// A record that could not be turned into a Document, or a repair made to one.
struct InputProblem {
  std::string file;   // "-" for stdin
  uint64_t line = 0;  // 1-based; 0 when the problem concerns the file as a whole
  std::string record_id;
  std::string reason;  // short, stable, e.g. "malformed JSON: unexpected end of input"
};

// Accounting for one run over some inputs: every record read is counted as a document, an
// empty document, or a rejection; repairs (invalid UTF-8, NUL bytes, unreadable dates) are
// counted as warnings. The first kMaxKept rejections and warnings are kept in full; all are
// counted by reason (the part of the reason before the first ": "). Not thread-safe; one per run.
class InputReport {
 public:
  static constexpr size_t kMaxKept = 20;

  void CountDocument(bool empty) { empty ? ++empty_ : ++documents_; }
  void Reject(InputProblem problem);
  void Warn(InputProblem problem);  // the record was kept (repaired, or its date unreadable)

  uint64_t documents() const { return documents_; }
  uint64_t empty() const { return empty_; }
  uint64_t rejected() const { return rejected_count_; }
  uint64_t warned() const { return warned_count_; }
  // The first kMaxKept rejections / warnings, in order.
  const std::vector<InputProblem>& rejections() const { return rejected_; }
  const std::vector<InputProblem>& warnings() const { return warnings_; }
  // Counts of each rejection / warning reason (e.g. "invalid UTF-8 repaired") for the summary.
  const std::map<std::string, uint64_t>& rejection_counts() const { return rejection_counts_; }
  const std::map<std::string, uint64_t>& warning_counts() const { return warning_counts_; }

  // The one-paragraph summary printed on stderr at the end of every run: totals, the kept
  // problems as "file:line: [id] reason" lines, and counts by reason for the rest.
  std::string Summary() const;

 private:
  uint64_t documents_ = 0;
  uint64_t empty_ = 0;
  uint64_t rejected_count_ = 0;
  uint64_t warned_count_ = 0;
  std::vector<InputProblem> rejected_;  // first kMaxKept kept in full, the rest only counted
  std::vector<InputProblem> warnings_;
  std::map<std::string, uint64_t> rejection_counts_;
  std::map<std::string, uint64_t> warning_counts_;
};

// Limits that keep memory bounded on hostile input.
struct ReaderOptions {
  // A record (a line, a whole text/HTML file, an XML element) longer than this is rejected
  // with a reason instead of being buffered.
  uint64_t max_record_bytes = uint64_t{64} << 20;
};

// Result of one DocumentReader::Next call.
enum class ReadStatus : uint8_t {
  kDocument,  // *doc holds the next document
  kRejected,  // the next record was rejected; the reason went to the InputReport
  kEnd,       // no more input
};

// Streams Documents out of one input. Memory stays flat in input size: a reader holds at most
// one record (plus a bounded read buffer) at a time.
class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Reads the next record into *doc (which is cleared first). Never throws for bad data:
  // problems become rejections or warnings in the report given at construction, and every
  // document returned has been counted there (CountDocument) by the reader.
  [[nodiscard]] virtual ReadStatus Next(Document* doc) = 0;
};

// Opens `path` ("-" = stdin; a directory is walked recursively in sorted order, one reader after
// another) in the given format. Problems are recorded in *report, which must outlive the reader.
// Throws parley::Error only when `path` cannot be opened at all.
std::unique_ptr<DocumentReader> OpenReader(const std::string& path, InputFormat format,
                                           InputReport* report,
                                           const ReaderOptions& options = ReaderOptions());

// The format auto-detection picks for a file: by extension (.txt .jsonl .ndjson .xml .html
// .htm .conllu), else by `head` (the file's first bytes): '{' -> jsonl, '<Sentences' or
// '<Sentence' -> petrarch-xml, '<!doctype html' or '<html' -> html, "1<TAB>" or a '#' comment
// followed by one -> conllu, a "YYMMDD id" / "YYYYMMDD id" first line -> tabari, else text.
[[nodiscard]] InputFormat DetectFormat(std::string_view path, std::string_view head);

}  // namespace parley::text
