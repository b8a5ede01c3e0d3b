#include "parley/text/text_pipeline.h"

namespace parley::text {

TextPipeline::TextPipeline(const std::string& data_dir)
    : cleaner_(data_dir), segmenter_(data_dir) {}

void TextPipeline::Process(Document* doc) const {
  // Pre-tokenized input (CoNLL-U) already carries its sentences; its body is rebuilt from
  // them, so there is no page furniture to clean and no boundaries to re-decide.
  if (doc->pretokenized) return;
  cleaner_.Clean(doc);
  segmenter_.Segment(doc);
}

}  // namespace parley::text
