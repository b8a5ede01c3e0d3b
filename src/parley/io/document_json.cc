#include "parley/io/document_json.h"

#include <string_view>
#include <utility>

namespace parley::io {

namespace {

using json = nlohmann::ordered_json;

json SpanJson(text::Span span) { return json::array({span.begin, span.end}); }

std::string Slice(std::string_view body, text::Span span) {
  if (span.begin > span.end || span.end > body.size()) return std::string();
  return std::string(body.substr(span.begin, span.size()));
}

}  // namespace

json DocumentJson(const text::Document& doc, const DocumentJsonOptions& options) {
  json out = json::object();
  out["id"] = doc.id;
  out["date"] = doc.date;
  out["source"] = doc.source;
  out["url"] = doc.url;
  out["title"] = doc.title;
  json metadata = json::object();
  for (const auto& [key, raw] : doc.metadata) {
    json value = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    metadata[key] = value.is_discarded() ? json(raw) : std::move(value);
  }
  out["metadata"] = std::move(metadata);
  out["origin"] = {{"file", doc.origin_file}, {"line", doc.origin_line}};
  const std::string_view body = doc.body;
  json zones = json::array();
  for (const text::Zone& z : doc.zones) {
    zones.push_back({{"kind", std::string(text::ZoneKindName(z.kind))},
                     {"span", SpanJson(z.span)},
                     {"text", Slice(body, z.span)}});
  }
  out["zones"] = std::move(zones);
  json sentences = json::array();
  for (const text::Sentence& s : doc.sentences) {
    json tokens = json::array();
    for (const text::Token& t : s.tokens) {
      json token = {{"form", std::string(t.form)}, {"span", SpanJson(t.span)}};
      if (options.syntax) {
        token["upos"] = t.upos;
        token["xpos"] = t.xpos;
        token["lemma"] = t.lemma;
        token["head"] = t.head;
        token["deprel"] = t.deprel;
      }
      tokens.push_back(std::move(token));
    }
    sentences.push_back(
        {{"span", SpanJson(s.span)}, {"text", Slice(body, s.span)}, {"tokens", std::move(tokens)}});
  }
  out["sentences"] = std::move(sentences);
  return out;
}

std::string JsonLine(const json& value) {
  std::string line = value.dump(-1, ' ', false, json::error_handler_t::replace);
  line.push_back('\n');
  return line;
}

}  // namespace parley::io
