#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/tokenizer.h"

namespace parley::text {

// Splits a document's text into sentences and tokens. Boundaries are decided on tokens: after
// sentence-final punctuation (. ! ? and ellipses, with closing quotes and brackets attached),
// unless the period belongs to an abbreviation or an initial and the next word is not a clear
// sentence opener (sentence_starters.txt); always at blank lines; at single line breaks unless
// the paragraph looks hard-wrapped (then only after a short line). Immutable after
// construction; Segment is thread-safe.
class Segmenter {
 public:
  // Loads the tokenizer's and the segmenter's rule files from `data_dir` (normally
  // parley::DataDir() + "/text"). Throws parley::Error with file:line on bad files.
  explicit Segmenter(const std::string& data_dir, TokenizerOptions options = {});

  // Replaces doc->sentences with the sentences (and their tokens) of the kText zones, or of
  // the whole body when doc->zones is empty. Pretokenized documents are left unchanged.
  void Segment(Document* doc) const;

  // Appends the sentences of body[span] to *out. Sentence spans run from the first token's
  // begin to the last token's end, absolute into body; a sentence has at least one token.
  void SegmentSpan(std::string_view body, Span span, std::vector<Sentence>* out) const;

  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  // Splits one stretch with no hard line breaks inside.
  void SegmentBlock(std::string_view body, Span span, std::vector<Sentence>* out) const;
  // Decides whether a sentence ends at tokens[i] (a candidate), returning the index of the
  // sentence's last token (closing quotes / brackets absorbed) in *last.
  [[nodiscard]] bool EndsSentence(const std::vector<Token>& tokens, size_t i,
                                  size_t* last) const;
  [[nodiscard]] bool IsStarter(std::string_view word) const;

  Tokenizer tokenizer_;
  std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>> starters_;
};

}  // namespace parley::text
