#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parley/text/document.h"

namespace parley::text {

// Marks up a scraped news page line by line: interface-label runs (icon names, menus, share
// buttons), metadata lines ("date 2021-12-03"), timestamps ("3 Dec, 2021 21:46"), bylines,
// photo captions and credits ("File photo: ... © REUTERS/..."), the headline, and the article
// text. The body is never modified: zones carry exact byte spans into it. The vocabularies
// (interface labels, caption and credit cues, byline cues, month names) come from data files.
// Immutable after construction; Clean is thread-safe.
class Cleaner {
 public:
  // Loads dict/text rule files from `data_dir` (normally parley::DataDir() + "/text").
  // Throws parley::Error naming file:line when a file is missing or malformed.
  explicit Cleaner(const std::string& data_dir);

  // Replaces doc->zones with a covering of the body's non-blank lines (in order, zones never
  // overlap). Sets doc->date (YYYY-MM-DD) from a metadata line or timestamp, and doc->title
  // from the headline, only when they are empty. Never throws on any body bytes.
  void Clean(Document* doc) const;

 private:
  struct Line {
    uint32_t begin = 0;  // first non-space byte
    uint32_t end = 0;    // one past the last non-space byte
  };

  [[nodiscard]] bool IsInterfaceRun(std::string_view line, size_t* label_end) const;
  [[nodiscard]] bool ParseDate(std::string_view text, std::string* date) const;
  [[nodiscard]] bool IsTimestamp(std::string_view line, std::string* date) const;
  [[nodiscard]] bool IsMetadata(std::string_view line, std::string* date) const;
  [[nodiscard]] bool IsByline(std::string_view line) const;
  [[nodiscard]] bool IsCaption(std::string_view line) const;
  [[nodiscard]] size_t CreditStart(std::string_view line) const;
  [[nodiscard]] bool LooksLikeHeadline(std::string_view line) const;
  [[nodiscard]] int MonthNumber(std::string_view word) const;

  void LoadWordList(const std::string& path, std::unordered_set<std::string>* out) const;

  std::unordered_set<std::string> interface_labels_;  // lower-case words and suffixes
  std::unordered_set<std::string> caption_cues_;      // lower-case line openings
  std::unordered_set<std::string> credit_cues_;       // lower-case agency / credit words
  std::unordered_set<std::string> byline_cues_;
  std::unordered_set<std::string> metadata_keys_;
  std::vector<std::pair<std::string, int>> months_;   // lower-case name/abbreviation -> 1..12
};

}  // namespace parley::text
