#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::text {

// A half-open byte range [begin, end) into Document::body.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// One token. `form` views Document::body (or, for pre-tokenized input, the document's token
// storage) and stays valid while the Document lives and is not modified. The syntax fields are
// empty / -1 until a tagger or parser (or a pre-parsed CoNLL-U input) fills them.
struct Token {
  std::string_view form;
  Span span;
  std::string upos;    // Universal POS tag, e.g. "PROPN"
  std::string xpos;    // Penn Treebank tag, e.g. "NNP"
  std::string lemma;   // e.g. "deny" for "denied"
  int32_t head = -1;   // 1-based index of the head token in the sentence; 0 = root; -1 unknown
  std::string deprel;  // UD relation, e.g. "nsubj"
  bool space_after = true;
};

// One sentence: its byte span in the body and its tokens in order.
struct Sentence {
  Span span;
  std::vector<Token> tokens;
};

// What the cleaner decided a stretch of the body is. Only kText zones are segmented and coded;
// the others are kept aside with exact offsets so that nothing is lost.
enum class ZoneKind : uint8_t {
  kText,         // article body
  kTitle,        // headline
  kCaption,      // photo caption
  kCredit,       // photo / agency credit
  kByline,       // author line
  kTimestamp,    // "3 Dec, 2021 21:46"
  kMetadata,     // "date 2021-12-03", "source: ..." lines
  kBoilerplate,  // interface labels, menus, share widgets, related links
};

// Stable lower-case name of a zone kind ("text", "caption", ...), for output.
std::string_view ZoneKindName(ZoneKind kind);

struct Zone {
  ZoneKind kind = ZoneKind::kText;
  Span span;
};

// One input record (a news article, a PETRARCH sentence record, a CoNLL-U document...).
// Readers fill the header fields they know and `body`; the cleaner fills `zones` (and `date`,
// `title` when the input gave none); the segmenter fills `sentences`.
struct Document {
  std::string id;
  std::string date;    // "YYYY-MM-DD", or empty when unknown
  std::string source;  // publisher / feed name
  std::string url;
  std::string title;
  std::string body;    // text exactly as read (after UTF-8 repair); spans point into it
  // Input fields Parley does not interpret, as (key, raw JSON value) pairs, passed through to
  // outputs unchanged.
  std::vector<std::pair<std::string, std::string>> metadata;

  // Where the record came from, for error messages and bookkeeping.
  std::string origin_file;
  uint64_t origin_line = 0;  // 1-based line of the record's start; 0 if not line-based

  std::string parse;  // a PETRARCH <Parse> (Penn Treebank bracketing), kept for later use

  std::vector<Zone> zones;
  std::vector<Sentence> sentences;
  // True when a reader delivered sentences and tokens itself (CoNLL-U); the segmenter then
  // keeps them instead of re-tokenizing.
  bool pretokenized = false;
};

}  // namespace parley::text
