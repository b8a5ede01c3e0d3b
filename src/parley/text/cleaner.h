#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/tokenizer.h"

namespace parley::text {

// Marks up a scraped news page line by line: interface-label runs (icon names, menus, share
// buttons) and other furniture, metadata lines ("date 2021-12-03"), timestamps ("3 Dec, 2021
// 21:46"), bylines, photo captions and credits ("File photo: ... © REUTERS/..."), the
// headline, and the article text. The body is never modified: zones carry exact byte spans
// into it. The vocabularies come from files in the rule directory (dict/text). Immutable after
// construction; Clean is thread-safe.
class Cleaner {
 public:
  // Loads the rule files from `data_dir` (normally parley::DataDir() + "/text").
  // Throws parley::Error naming file:line when a file is missing or malformed.
  explicit Cleaner(const std::string& data_dir);

  // Replaces doc->zones with zones covering the body's non-blank lines, in order and never
  // overlapping (consecutive text lines share one zone). Sets doc->date (YYYY-MM-DD) from a
  // metadata line or else a timestamp, and doc->title from a metadata title or the headline,
  // only when they are empty. Never throws on any body bytes.
  void Clean(Document* doc) const;

 private:
  using WordSet = std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>>;
  enum class MetaKind : uint32_t { kOther = 0, kDate = 1, kTitle = 2 };

  struct Piece {
    ZoneKind kind;
    Span span;
    bool headline_candidate = false;
  };

  // Classifies body[begin, end) (trimmed, non-empty, no newline) into pieces appended to *out;
  // a found date goes to *meta_date or *stamp_date, a metadata title to *meta_title.
  void ClassifyLine(std::string_view body, uint32_t begin, uint32_t end,
                    std::vector<Piece>* out, std::string* meta_date, std::string* stamp_date,
                    std::string* meta_title) const;
  [[nodiscard]] bool IsLabelWord(std::string_view word) const;
  [[nodiscard]] bool IsInterfaceRun(std::string_view line) const;
  [[nodiscard]] bool IsBoilerplateLine(std::string_view line) const;
  [[nodiscard]] bool IsTimestamp(std::string_view line, std::string* date) const;
  [[nodiscard]] bool IsByline(std::string_view line) const;
  [[nodiscard]] bool StartsWithCue(std::string_view line, const std::vector<std::string>& cues,
                                   size_t* cue_len) const;
  // Offset of a credit inside `line`, or npos.
  [[nodiscard]] size_t CreditStart(std::string_view line) const;
  [[nodiscard]] bool LooksLikeHeadline(std::string_view line) const;

  WordSet interface_labels_;
  WordSet timestamp_words_;
  WordSet metadata_keys_;  // key -> MetaKind
  std::vector<std::string> boilerplate_lines_;
  std::vector<std::string> caption_cues_;
  std::vector<std::string> byline_cues_;
  std::vector<std::string> credit_phrases_;
  std::vector<std::string> credit_agencies_;
};

}  // namespace parley::text
