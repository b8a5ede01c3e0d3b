#include "parley/io/document_json.h"

#include "parley/io/event_writer.h"
#include "parley/io/json_append.h"

#include <charconv>

#include <nlohmann/json.hpp>
#include <utf8proc.h>

namespace parley::io {

namespace {

std::string_view Slice(std::string_view body, text::Span span) {
  if (span.begin > span.end || span.end > body.size()) return {};
  return body.substr(span.begin, span.size());
}

// A metadata value is raw JSON from the reader; one that does not parse is written as a string
// so that the output line stays valid.
void AppendRawJson(const std::string& raw, std::string* out) {
  if (nlohmann::json::accept(raw)) {
    out->append(nlohmann::json::parse(raw).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace));
  } else {
    AppendJsonString(raw, out);
  }
}

}  // namespace


void WriteDocumentJson(const text::Document& doc, const DocumentJsonOptions& options,
                       std::string* out) {
  const std::string_view body = doc.body;
  out->push_back('{');
  AppendMember("id", doc.id, out);
  out->push_back(',');
  AppendMember("date", doc.date, out);
  out->push_back(',');
  AppendMember("source", doc.source, out);
  out->push_back(',');
  AppendMember("url", doc.url, out);
  out->push_back(',');
  AppendMember("title", doc.title, out);
  out->push_back(',');
  AppendKey("metadata", out);
  out->push_back('{');
  for (size_t i = 0; i < doc.metadata.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(doc.metadata[i].first, out);
    out->push_back(':');
    AppendRawJson(doc.metadata[i].second, out);
  }
  out->append("},");
  AppendKey("origin", out);
  out->push_back('{');
  AppendMember("file", doc.origin_file, out);
  out->push_back(',');
  AppendKey("line", out);
  AppendInt(static_cast<int64_t>(doc.origin_line), out);
  out->append("},");
  AppendKey("zones", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.zones.size(); ++i) {
    const text::Zone& z = doc.zones[i];
    if (i > 0) out->push_back(',');
    out->push_back('{');
    AppendMember("kind", text::ZoneKindName(z.kind), out);
    out->push_back(',');
    AppendKey("span", out);
    AppendSpan(z.span, out);
    out->push_back(',');
    AppendMember("text", Slice(body, z.span), out);
    out->push_back('}');
  }
  out->append("],");
  AppendKey("sentences", out);
  out->push_back('[');
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const text::Sentence& s = doc.sentences[i];
    if (i > 0) out->push_back(',');
    out->push_back('{');
    AppendKey("span", out);
    AppendSpan(s.span, out);
    out->push_back(',');
    AppendMember("text", Slice(body, s.span), out);
    out->push_back(',');
    AppendKey("tokens", out);
    out->push_back('[');
    for (size_t t = 0; t < s.tokens.size(); ++t) {
      const text::Token& token = s.tokens[t];
      if (t > 0) out->push_back(',');
      out->push_back('{');
      AppendMember("form", token.form, out);
      out->push_back(',');
      AppendKey("span", out);
      AppendSpan(token.span, out);
      if (options.syntax) {
        out->push_back(',');
        AppendMember("upos", token.upos, out);
        out->push_back(',');
        AppendMember("xpos", token.xpos, out);
        out->push_back(',');
        AppendMember("lemma", token.lemma, out);
        out->push_back(',');
        AppendKey("head", out);
        AppendInt(token.head, out);
        out->push_back(',');
        AppendMember("deprel", token.deprel, out);
      }
      out->push_back('}');
    }
    out->push_back(']');
    if (options.sentence_members != nullptr && i < options.sentence_members->size() &&
        !(*options.sentence_members)[i].empty()) {
      out->push_back(',');
      out->append((*options.sentence_members)[i]);
    }
    out->push_back('}');
  }
  out->append("]}\n");
}

void WriteAnnotatedDocumentJson(const text::Document& doc, const coding::DocumentResult& result,
                                std::string* out) {
  std::vector<std::string> members(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size() && i < result.actors.size(); ++i) {
    std::string& m = members[i];
    m.append("\"actors\":[");
    bool first = true;
    for (const coding::ActorMention& a : result.actors[i]) {
      if (!first) m.push_back(',');
      first = false;
      m.append("{\"code\":");
      AppendJsonString(a.mention.code, &m);
      m.append(",\"country\":");
      AppendJsonString(a.mention.country, &m);
      m.append(",\"sector\":");
      AppendJsonString(a.mention.sector, &m);
      m.append(",\"text\":");
      std::string_view text;
      if (a.span.end <= doc.body.size()) {
        text = std::string_view(doc.body).substr(a.span.begin, a.span.size());
      }
      AppendJsonString(text, &m);
      m.append(",\"span\":[" + std::to_string(a.span.begin) + "," + std::to_string(a.span.end) +
               "],\"tokens\":[" + std::to_string(a.mention.token_begin) + "," +
               std::to_string(a.mention.token_end) + "],\"rule\":");
      AppendJsonString(lexicon::MatchRuleName(a.mention.rule), &m);
      m.append(a.mention.place ? ",\"place\":true" : ",\"place\":false");
      m.append(a.mention.stale ? ",\"stale\":true" : ",\"stale\":false");
      if (a.resolved) {
        m.append(",\"resolved_from\":");
        AppendSpan(a.resolved_from, &m);
      }
      m.push_back('}');
    }
    m.push_back(']');
  }
  // the document context: time expressions and places, per sentence of the text
  auto text_of = [&](text::Span span) {
    return span.end <= doc.body.size() ? std::string_view(doc.body).substr(span.begin, span.size())
                                       : std::string_view();
  };
  for (std::string& m : members) m.append(",\"times\":[");
  for (const coding::DocumentResult::Time& t : result.times) {
    if (t.title || t.sentence >= members.size()) continue;
    std::string& m = members[t.sentence];
    if (m.back() != '[') m.push_back(',');
    m.push_back('{');
    AppendMember("text", text_of(t.span), &m);
    m.push_back(',');
    AppendKey("span", &m);
    AppendSpan(t.span, &m);
    m.push_back(',');
    AppendMember("date", t.date.Format(), &m);
    m.push_back(',');
    AppendMember("precision", coding::DatePrecisionName(t.date.precision), &m);
    m.push_back('}');
  }
  for (std::string& m : members) m.append("],\"places\":[");
  for (const coding::DocumentResult::PlaceFound& p : result.places) {
    if (p.title || p.sentence >= members.size()) continue;
    std::string& m = members[p.sentence];
    if (m.back() != '[') m.push_back(',');
    m.push_back('{');
    AppendMember("text", text_of(p.span), &m);
    m.push_back(',');
    AppendKey("span", &m);
    AppendSpan(p.span, &m);
    m.push_back(',');
    AppendMember("name", p.place.name, &m);
    m.push_back(',');
    AppendMember("country", p.place.country, &m);
    m.append(",\"lat\":");
    AppendCoordinate(p.place.lat, &m);
    m.append(",\"lon\":");
    AppendCoordinate(p.place.lon, &m);
    m.append(p.place.dateline ? ",\"dateline\":true}" : ",\"dateline\":false}");
  }
  for (std::string& m : members) m.push_back(']');
  WriteDocumentJson(doc, {.syntax = true, .sentence_members = &members}, out);
}

}  // namespace parley::io
