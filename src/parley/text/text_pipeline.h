#pragma once

#include <string>

#include "parley/text/cleaner.h"
#include "parley/text/document.h"
#include "parley/text/segmenter.h"

namespace parley::text {

// The whole text stage for one document: clean (skipped for pretokenized documents, which
// keep their sentences), then segment and tokenize the text zones. Immutable after
// construction; Process is thread-safe.
class TextPipeline {
 public:
  // Loads the cleaner's, segmenter's and tokenizer's rule files from `data_dir` (normally
  // parley::DataDir() + "/text"). Throws parley::Error with file:line on bad files.
  explicit TextPipeline(const std::string& data_dir);

  // Fills doc->zones (plus date/title when empty) and doc->sentences. Never throws for any
  // document content.
  void Process(Document* doc) const;

  const Cleaner& cleaner() const { return cleaner_; }
  const Segmenter& segmenter() const { return segmenter_; }

 private:
  Cleaner cleaner_;
  Segmenter segmenter_;
};

}  // namespace parley::text
