#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/tokenizer.h"

namespace parley::text {

// Splits a document's text into sentences and tokens. Boundaries are decided on tokens: after
// sentence-final punctuation (. ! ? and ellipses, with closing quotes and brackets attached),
// unless the period belongs to an abbreviation, an initial or a number and the next word does
// not look like a sentence start; always at blank lines; at single line breaks unless the text
// looks hard-wrapped. Immutable after construction; Segment is thread-safe.
class Segmenter {
 public:
  // Loads the tokenizer's and the segmenter's rule files from `data_dir` (normally
  // parley::DataDir() + "/text"). Throws parley::Error with file:line on bad files.
  explicit Segmenter(const std::string& data_dir);

  // Replaces doc->sentences with the sentences (and their tokens) of the kText zones, or of
  // the whole body when doc->zones is empty. Pretokenized documents are left unchanged.
  void Segment(Document* doc) const;

  // Appends the sentences of body[span] to *out (spans absolute into body).
  void SegmentSpan(std::string_view body, Span span, std::vector<Sentence>* out) const;

  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  // Splits one stretch of text with no hard breaks inside (a paragraph, or a single line).
  void SegmentBlock(std::string_view body, Span span, std::vector<Token>* scratch,
                    std::vector<Sentence>* out) const;
  [[nodiscard]] bool EndsSentence(std::string_view body, const std::vector<Token>& tokens,
                                  size_t i, size_t* last) const;

  Tokenizer tokenizer_;
};

}  // namespace parley::text
