#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/reader.h"

namespace parley::text {

// One syntactic word of a CoNLL-U sentence (a line whose ID is an integer), with owned strings.
// Underscore fields are read as empty strings and written back as "_".
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, deps, misc;
  int32_t head = -1;  // 0 = root; -1 when the column is "_"
  bool space_after = true;  // false when MISC has SpaceAfter=No
};

// A multiword token line ("3-4  don't"): covers words first..last (1-based, inclusive).
struct ConlluMultiword {
  int32_t first = 0;
  int32_t last = 0;
  std::string form;
  bool space_after = true;
};

// One CoNLL-U sentence. Empty nodes (IDs like "8.1") are skipped on reading.
struct ConlluSentence {
  std::vector<std::string> comments;  // comment lines without the leading "# "
  std::string sent_id;                // from "# sent_id = ..."
  std::string text;                   // from "# text = ...", or empty
  std::string newdoc_id;              // from "# newdoc id = ...", or empty
  bool newpar = false;                // a "# newpar" comment precedes the sentence
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;

  // The raw text of the sentence: `text` if present, otherwise rebuilt from the surface
  // tokens (multiword tokens replace their words) honouring SpaceAfter=No.
  std::string SurfaceText() const;
};

// Reads CoNLL-U sentences one at a time from a stream. Malformed lines (wrong column count,
// non-numeric IDs or heads, IDs out of sequence) make Next() return kRejected for that sentence
// with *error set to "file:line: reason"; reading continues with the next sentence.
class ConlluStreamReader {
 public:
  enum class Status : uint8_t { kSentence, kRejected, kEnd };

  ConlluStreamReader(std::istream& in, std::string name);
  [[nodiscard]] Status Next(ConlluSentence* sentence, std::string* error);
  // 1-based line number where the last sentence returned by Next() started.
  uint64_t sentence_line() const { return sentence_line_; }

 private:
  std::istream& in_;
  std::string name_;
  uint64_t line_ = 0;
  uint64_t sentence_line_ = 0;
  std::string buffer_;
  std::vector<uint64_t> word_lines_;  // line of each word of the sentence being read
};

// Reads a whole CoNLL-U file. Throws parley::Error naming file:line at the first malformed
// sentence (training and evaluation data must be clean).
std::vector<ConlluSentence> ReadConlluFile(const std::string& path);

// Writes one sentence in CoNLL-U (10 columns, comments first, blank line after).
void WriteConllu(const ConlluSentence& sentence, std::ostream& out);

// Writes a parsed Sentence of `doc` in CoNLL-U with "# sent_id = <doc id>-<index>" and
// "# text = ..." comments; empty annotation fields are written as "_".
void WriteConllu(const Document& doc, size_t sentence_index, std::ostream& out);

// A DocumentReader over CoNLL-U: one Document per "# newdoc" (or per file when there is none).
// The body is the sentences' surface text joined by single spaces (by newlines between
// paragraphs); sentences and tokens are delivered pre-tokenized, with the gold annotations.
std::unique_ptr<DocumentReader> MakeConlluReader(std::unique_ptr<std::istream> in,
                                                 std::string name, InputReport* report);

}  // namespace parley::text
