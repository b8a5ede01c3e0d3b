// `parley segment [FILES]`: reads documents, cleans, splits and tokenizes them, and prints one
// JSON object per document (see docs in `parley segment --help`).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "parley/paths.h"
#include "parley/text/text_pipeline.h"

namespace parley::cli {

namespace {

nlohmann::ordered_json SpanJson(text::Span span) {
  return nlohmann::ordered_json::array({span.begin, span.end});
}

// One output line. Metadata values are raw JSON from the input; a value that does not parse
// is passed through as a string rather than dropped.
nlohmann::ordered_json DocumentJson(const text::Document& doc) {
  using json = nlohmann::ordered_json;
  json out = json::object();
  out["id"] = doc.id;
  out["date"] = doc.date;
  out["source"] = doc.source;
  out["url"] = doc.url;
  out["title"] = doc.title;
  json metadata = json::object();
  for (const auto& [key, raw] : doc.metadata) {
    json value = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    metadata[key] = value.is_discarded() ? json(raw) : value;
  }
  out["metadata"] = std::move(metadata);
  out["origin"] = {{"file", doc.origin_file}, {"line", doc.origin_line}};
  json zones = json::array();
  const std::string_view body = doc.body;
  for (const text::Zone& z : doc.zones) {
    zones.push_back({{"kind", std::string(text::ZoneKindName(z.kind))},
                     {"span", SpanJson(z.span)},
                     {"text", std::string(body.substr(z.span.begin, z.span.size()))}});
  }
  out["zones"] = std::move(zones);
  json sentences = json::array();
  for (const text::Sentence& s : doc.sentences) {
    json tokens = json::array();
    for (const text::Token& t : s.tokens) {
      tokens.push_back({{"form", std::string(t.form)}, {"span", SpanJson(t.span)}});
    }
    std::string sentence_text =
        s.span.end <= body.size() ? std::string(body.substr(s.span.begin, s.span.size())) : "";
    sentences.push_back(
        {{"span", SpanJson(s.span)}, {"text", sentence_text}, {"tokens", std::move(tokens)}});
  }
  out["sentences"] = std::move(sentences);
  return out;
}

}  // namespace

int RunSegment(int argc, char** argv) {
  CLI::App app{
      "Read documents, clean them (boilerplate, captions, credits, bylines, timestamps, "
      "metadata lines; date and title when the input gave none), split them into sentences "
      "and tokens, and print one JSON object per document on stdout: id, date, source, url, "
      "title, metadata, origin {file, line}, zones [{kind, span, text}], sentences [{span, "
      "text, tokens [{form, span}]}]. Spans are [begin, end) byte offsets into the document "
      "body as read.",
      argv[0]};
  InputOptions input;
  input.AddTo(app);
  std::string data_dir;
  app.add_option("--data-dir", data_dir, "rule directory (default: <parley data dir>/text)");
  CLI11_PARSE(app, argc, argv);

  if (data_dir.empty()) data_dir = DataDir() + "/text";
  const text::TextPipeline pipeline(data_dir);
  text::InputReport report;
  return ForEachDocument(input, &report, [&](text::Document& doc) {
    pipeline.Process(&doc);
    const std::string line =
        DocumentJson(doc).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  });
}

}  // namespace parley::cli
