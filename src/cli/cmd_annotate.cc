// `parley annotate [FILES]`: the whole pipeline Parley has so far, on any input: read, clean,
// segment, tokenize, tag, lemmatize, parse, and find the actors of every sentence with the
// date-aware dictionaries. Prints one JSON object per document.
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "parley/io/document_json.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/paths.h"
#include "parley/syntax/model.h"
#include "parley/text/text_pipeline.h"

namespace parley::cli {

namespace {

// Appends `"actors":[...]` for one sentence's mentions.
void AppendActors(const std::vector<lexicon::Mention>& mentions, const text::Sentence& sentence,
                  std::string_view body, std::string* out) {
  out->append("\"actors\":[");
  for (size_t i = 0; i < mentions.size(); ++i) {
    const lexicon::Mention& m = mentions[i];
    const text::Span span{sentence.tokens[m.token_begin].span.begin,
                          sentence.tokens[m.token_end - 1].span.end};
    if (i > 0) out->push_back(',');
    out->append("{\"code\":");
    io::AppendJsonString(m.code, out);
    out->append(",\"country\":");
    io::AppendJsonString(m.country, out);
    out->append(",\"sector\":");
    io::AppendJsonString(m.sector, out);
    out->append(",\"text\":");
    io::AppendJsonString(body.substr(span.begin, span.size()), out);
    out->append(",\"span\":[" + std::to_string(span.begin) + "," + std::to_string(span.end) +
                "],\"tokens\":[" + std::to_string(m.token_begin) + "," +
                std::to_string(m.token_end) + "],\"rule\":");
    io::AppendJsonString(lexicon::MatchRuleName(m.rule), out);
    out->append(m.place ? ",\"place\":true" : ",\"place\":false");
    out->append(m.stale ? ",\"stale\":true}" : ",\"stale\":false}");
  }
  out->push_back(']');
}

}  // namespace

int RunAnnotate(int argc, char** argv) {
  CLI::App app{
      "Read documents, clean, segment and tokenize them, tag, lemmatize and parse every "
      "sentence, and find its actors with the date-aware dictionaries (codes resolved on the "
      "document's date). Prints one JSON object per document on stdout: the fields of "
      "`parley segment`, each token with upos, xpos, lemma, head and deprel, and each sentence "
      "with actors [{code, country, sector, text, span, tokens, rule, place, stale}].",
      argv[0]};
  InputOptions input;
  input.AddTo(app);
  std::string model_path;
  std::string dictionaries;
  app.add_option("--model", model_path, "syntax model file (default: the shipped model)");
  app.add_option("--dictionaries", dictionaries,
                 "dictionary directory with a manifest.txt, or petrarch:DIR (default: the "
                 "shipped dictionaries)");
  std::string default_date;
  app.add_option("--date", default_date,
                 "YYYY-MM-DD to use for documents that carry no date (default: none, so "
                 "date-bounded codes fall back to each entry's default code)");
  CLI11_PARSE(app, argc, argv);
  lexicon::Date fallback_date = lexicon::kUnknownDate;
  if (!default_date.empty() && !lexicon::ParseIsoDate(default_date, &fallback_date)) {
    std::fprintf(stderr, "parley annotate: --date '%s' is not a YYYY-MM-DD date\n",
                 default_date.c_str());
    return 2;
  }
  if (model_path.empty()) model_path = DefaultModelPath();
  if (dictionaries.empty()) dictionaries = DataDir();

  const syntax::SyntaxModel model = syntax::SyntaxModel::Load(model_path);
  const auto dictionary = lexicon::DictionarySet::Load(dictionaries);
  const text::TextPipeline pipeline(DataDir() + "/text");
  syntax::Workspace ws;
  lexicon::LookupWorkspace lookup_ws;
  std::vector<std::string_view> forms;
  std::vector<std::string_view> lemmas;
  std::vector<lexicon::Mention> mentions;
  std::vector<std::string> actors;  // per sentence: its "actors" member
  std::string line;
  std::map<std::string, uint64_t> stale_by_country;
  uint64_t undated = 0;
  text::InputReport report;

  const int status = ForEachDocument(input, &report, [&](text::Document& doc) {
    pipeline.Process(&doc);
    lexicon::Date date = fallback_date;
    if (!lexicon::ParseIsoDate(doc.date, &date)) {
      date = fallback_date;
      ++undated;
    }
    actors.resize(doc.sentences.size());
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      text::Sentence& sentence = doc.sentences[i];
      model.Annotate(&sentence, &ws);
      forms.clear();
      lemmas.clear();
      for (const text::Token& t : sentence.tokens) {
        forms.push_back(t.form);
        lemmas.push_back(t.lemma);
      }
      dictionary->Lookup(forms, lemmas, date, &lookup_ws, &mentions);
      actors[i].clear();
      AppendActors(mentions, sentence, doc.body, &actors[i]);
      for (const lexicon::Mention& m : mentions) {
        if (m.stale) ++stale_by_country[m.country];
      }
    }
    line.clear();
    io::WriteDocumentJson(doc, {.syntax = true, .sentence_members = &actors}, &line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  });

  if (undated > 0) {
    std::fprintf(stderr,
                 "parley annotate: %llu document(s) without a date: actor codes resolved %s\n",
                 static_cast<unsigned long long>(undated),
                 default_date.empty() ? "to the dictionaries' defaults"
                                      : ("on --date " + default_date).c_str());
  }
  if (!stale_by_country.empty()) {
    std::string list;
    uint64_t total = 0;
    for (const auto& [country, count] : stale_by_country) {
      list += (list.empty() ? "" : ", ") + country + " " + std::to_string(count);
      total += count;
    }
    std::fprintf(stderr,
                 "parley annotate: staleness: %llu actor mention(s) in documents dated after "
                 "their country's dictionary was verified (%s)\n",
                 static_cast<unsigned long long>(total), list.c_str());
  }
  return status;
}

}  // namespace parley::cli
