#include "cli/pipeline_options.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "parley/error.h"

namespace parley::cli {

void PipelineCliOptions::AddTo(CLI::App& app) {
  app.add_option("--model", model_path, "syntax model file (default: the shipped model)");
  app.add_option("--dictionaries", dictionaries,
                 "default, a dictionary directory with a manifest.txt, petrarch:DIR, or a "
                 "comma-separated list of these (default: the shipped dictionaries)");
  app.add_option("--date", default_date,
                 "YYYY-MM-DD to use for documents that carry no date (default: none; their "
                 "events keep an empty date and codes fall back to each entry's default)");
  app.add_option("--threads", threads,
                 "worker threads (default: all cores); output order is "
                 "the input order whatever the number")
      ->check(CLI::Range(1, 256));
}

coding::PipelineOptions PipelineCliOptions::Options() const {
  coding::PipelineOptions o = library;
  o.model_path = model_path;
  o.dictionaries = dictionaries;
  o.default_date = default_date;
  return o;
}

int RunPipeline(const char* command, const InputOptions& input, const PipelineCliOptions& options,
                coding::OrderedRunner::Mode mode,
                const std::function<void(text::Document&, coding::DocumentResult&)>& sink,
                coding::Deduplicator* dedup) {
  std::unique_ptr<const coding::Pipeline> pipeline = coding::Pipeline::Load(options.Options());
  coding::PipelineCounts counts;
  text::InputReport report;
  int status = 0;
  {
    coding::OrderedRunner runner(*pipeline, mode, options.threads,
                                 [&](text::Document& doc, coding::DocumentResult& result) {
                                   counts.Add(result.counts);
                                   sink(doc, result);
                                 },
                                 dedup);
    status =
        ForEachDocument(input, &report, [&](text::Document& doc) { runner.Push(std::move(doc)); });
    runner.Finish();
  }
  std::fprintf(stderr,
               "%s: %llu sentence(s), %llu token(s): %llu parsed, %llu skipped (no possible "
               "event), %llu "
               "capped (over %u tokens); %llu document(s) cut at the size limit; %llu event(s)\n",
               command, static_cast<unsigned long long>(counts.sentences),
               static_cast<unsigned long long>(counts.tokens),
               static_cast<unsigned long long>(counts.parsed),
               static_cast<unsigned long long>(counts.skipped),
               static_cast<unsigned long long>(counts.capped_sentences),
               pipeline->options().max_sentence_tokens,
               static_cast<unsigned long long>(counts.capped_documents),
               static_cast<unsigned long long>(counts.events));
  if (mode == coding::OrderedRunner::Mode::kCode) {
    std::fprintf(stderr,
                 "%s: context: %llu mention(s) resolved to an earlier actor; %llu event(s) dated "
                 "by a time expression, %llu located; %llu near-duplicate document(s) (%llu "
                 "event(s) linked by duplicate_of); %llu event(s) dropped by one-a-day\n",
                 command, static_cast<unsigned long long>(counts.resolved_mentions),
                 static_cast<unsigned long long>(counts.dated_events),
                 static_cast<unsigned long long>(counts.located_events),
                 static_cast<unsigned long long>(counts.dedup.duplicate_documents),
                 static_cast<unsigned long long>(counts.dedup.linked_events),
                 static_cast<unsigned long long>(counts.dedup.dropped_events));
  }
  if (counts.undated > 0) {
    std::fprintf(stderr, "%s: %llu document(s) without a date: %s\n", command,
                 static_cast<unsigned long long>(counts.undated),
                 options.default_date.empty()
                     ? "their events have an empty date; actor codes use the dictionaries' "
                       "defaults"
                     : ("dated --date " + options.default_date).c_str());
  }
  if (!counts.stale_by_country.empty()) {
    std::string list;
    for (const auto& [country, n] : counts.stale_by_country) {
      list += (list.empty() ? "" : ", ") + country + " " + std::to_string(n);
    }
    std::fprintf(stderr,
                 "%s: staleness: %llu actor mention(s) in documents dated after their "
                 "country's dictionary was verified (%s)\n",
                 command, static_cast<unsigned long long>(counts.stale_mentions), list.c_str());
  }
  return status;
}

std::vector<GoldFile> ReadGoldFiles(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  for (const std::string& in : inputs) {
    if (fs::is_directory(in)) {
      for (const auto& item : fs::directory_iterator(in)) {
        if (item.path().extension() == ".txt") paths.push_back(item.path().string());
      }
    } else {
      paths.push_back(in);
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<GoldFile> files;
  for (const std::string& path : paths) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw Error(path, 0, "cannot open");
    std::stringstream text;
    text << stream.rdbuf();
    files.push_back(GoldFile{path, text.str()});
  }
  return files;
}

}  // namespace parley::cli
