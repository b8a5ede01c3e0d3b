// libFuzzer target: the whole text pipeline (cleaner, segmenter, tokenizer) on arbitrary
// bytes. Checks that zones are ordered, non-overlapping and inside the body, that a found
// date has the YYYY-MM-DD shape, and that sentences lie inside text zones.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parley/text/text_pipeline.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const parley::text::TextPipeline pipeline(std::string(PARLEY_SOURCE_DIR) + "/dict/text");
  parley::text::Document doc;
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  pipeline.Process(&doc);
  uint32_t last = 0;
  for (const parley::text::Zone& z : doc.zones) {
    Check(z.span.begin >= last);
    Check(z.span.begin < z.span.end);
    Check(z.span.end <= doc.body.size());
    last = z.span.end;
  }
  Check(doc.date.empty() || (doc.date.size() == 10 && doc.date[4] == '-' && doc.date[7] == '-'));
  size_t zone = 0;
  for (const parley::text::Sentence& s : doc.sentences) {
    while (zone < doc.zones.size() &&
           (doc.zones[zone].kind != parley::text::ZoneKind::kText ||
            doc.zones[zone].span.end < s.span.end)) {
      ++zone;
    }
    Check(zone < doc.zones.size());
    Check(doc.zones[zone].span.begin <= s.span.begin);
  }
  return 0;
}
