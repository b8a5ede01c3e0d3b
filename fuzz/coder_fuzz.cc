// libFuzzer target: the whole library pipeline (text, syntax, actors, event coder) on
// arbitrary bytes as one dated document. Checks that every event points into the body: actor,
// verb and sentence spans inside it and in order, texts equal to the bytes they span, codes
// from the codebook, the story date the document's and the event date one of its forms, the
// antecedents of resolved actors inside the body, and locations with real coordinates.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "parley/coding/pipeline.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSpan(const std::string& body, parley::text::Span span, const std::string& text) {
  Check(span.begin <= span.end && span.end <= body.size());
  Check(body.compare(span.begin, span.size(), text) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<const parley::coding::Pipeline> pipeline = [] {
    parley::coding::PipelineOptions options;
    options.coder.keep_negated = true;
    options.coder.keep_one_sided = true;
    return parley::coding::Pipeline::Load(options);
  }();
  static parley::coding::PipelineWorkspace ws;
  parley::coding::DocumentResult result;
  parley::text::Document doc;
  doc.id = "fuzz";
  doc.date = "2021-12-03";
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  pipeline->Code(&doc, &ws, &result);
  Check(result.counts.events == result.events.size());
  for (const parley::coding::Event& e : result.events) {
    Check(e.story_date == "2021-12-03");
    Check(!e.date.empty() && !e.date_precision.empty());
    Check((e.date.size() == 10) == (e.date_precision == "day" || e.date_precision == "week"));
    Check((e.date.size() == 7) == (e.date_precision == "month"));
    Check((e.date.size() == 4) == (e.date_precision == "year"));
    if (e.located) {
      Check(e.location.lat >= -90 && e.location.lat <= 90);
      Check(e.location.lon >= -180 && e.location.lon <= 180);
      Check(!e.location.name.empty());
    }
    Check(pipeline->codebook().Contains(e.cameo));
    Check(e.zone == "text" || e.zone == "title");
    CheckSpan(doc.body, e.sentence_span, e.sentence_text);
    CheckSpan(doc.body, e.verb_span, e.verb_text);
    Check(e.verb_span.begin >= e.sentence_span.begin && e.verb_span.end <= e.sentence_span.end);
    for (const parley::coding::EventActor* a : {&e.source, &e.target}) {
      if (a->code.empty()) continue;
      CheckSpan(doc.body, a->span, a->text);
      if (a->resolved) {
        Check(a->resolved_from.begin <= a->resolved_from.end &&
              a->resolved_from.end <= doc.body.size());
      }
      Check(a->span.begin >= e.sentence_span.begin && a->span.end <= e.sentence_span.end);
    }
  }
  return 0;
}
