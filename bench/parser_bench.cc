// Dependency parser throughput, greedy against beam search, on UD English EWT dev sentences with
// their gold tags (so the figures are the parser's alone, without the tagger).
//
// The model is the parser of the syntax model Parley finds ($PARLEY_MODEL, else
// models/en-ewt.model); without one, a quick 2-epoch parser is trained on EWT train first
// (weaker and smaller, so its speed is only indicative). Each benchmark reports tokens/s
// (items_per_second) and the dev UAS/LAS of that beam width as counters.
//
//   build-x/bench/parser_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/error.h"
#include "parley/paths.h"
#include "parley/syntax/model_file.h"
#include "parley/syntax/parser.h"
#include "parley/syntax/parser_trainer.h"
#include "parley/text/conllu.h"

namespace {

using parley::syntax::DependencyParser;

const std::string kEwt = std::string(PARLEY_SHARED_DATA) + "/ud-english-ewt/";

struct BenchData {
  DependencyParser parser;
  std::vector<parley::text::ConlluSentence> dev;
  std::vector<parley::text::Sentence> sentences;
  int64_t tokens = 0;
  std::string model_source;
};

// Loaded once; nullptr (with a message) when neither a model nor the treebank is available.
const BenchData* Data() {
  static std::unique_ptr<BenchData> data = []() -> std::unique_ptr<BenchData> {
    if (!std::filesystem::exists(kEwt + "en_ewt-ud-dev.conllu")) return nullptr;
    auto d = std::make_unique<BenchData>();
    d->dev = parley::text::ReadConlluFile(kEwt + "en_ewt-ud-dev.conllu");
    try {
      const std::string path = parley::DefaultModelPath();
      const auto file = parley::syntax::ModelFileReader::Open(path);
      auto section = file.Section("PARS");
      d->parser = DependencyParser::Load(&section);
      d->model_source = path;
    } catch (const parley::Error& e) {
      std::cerr << "parser_bench: no syntax model (" << e.what()
                << "); training a 2-epoch parser on EWT train\n";
      const auto train = parley::text::ReadConlluFile(kEwt + "en_ewt-ud-train.conllu");
      parley::syntax::ParserTrainOptions options;
      options.epochs = 2;
      d->parser = parley::syntax::TrainParser(train, {}, options, std::cerr);
      d->model_source = "2-epoch parser trained by the benchmark";
    }
    for (const auto& s : d->dev) {
      parley::text::Sentence sentence;
      for (const auto& w : s.words) {
        parley::text::Token t;
        t.form = w.form;
        t.upos = w.upos;
        t.xpos = w.xpos;
        sentence.tokens.push_back(std::move(t));
      }
      d->tokens += static_cast<int64_t>(sentence.tokens.size());
      d->sentences.push_back(std::move(sentence));
    }
    std::cerr << "parser_bench: model " << d->model_source << ", "
              << d->parser.weights().num_features() << " features, "
              << d->parser.weights().memory_bytes() / 1000000 << " MB of weights\n";
    return d;
  }();
  return data.get();
}

void BM_Parse(benchmark::State& state) {
  const BenchData* data = Data();
  if (data == nullptr) {
    state.SkipWithError("UD English EWT not found under ../shared/data");
    return;
  }
  DependencyParser parser = data->parser;
  parser.set_beam_width(static_cast<int>(state.range(0)));
  std::vector<parley::text::Sentence> sentences = data->sentences;
  parley::syntax::ParserWorkspace ws;
  for (auto _ : state) {
    for (auto& s : sentences) parser.Parse(&s, &ws);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * data->tokens);
  const auto score = parley::syntax::EvaluateParser(parser, data->dev);
  state.counters["UAS"] = score.Uas();
  state.counters["LAS"] = score.Las();
}
BENCHMARK(BM_Parse)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
