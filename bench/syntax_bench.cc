// Syntax benchmarks on one core: tagging, tagging + lemmatizing + parsing, and model loading,
// with the shipped model (models/en-ewt.model, or $PARLEY_MODEL) over the EWT dev sentences
// (gold tokenization). Tokens/s is reported as items_per_second; peak memory (max RSS) as a
// counter.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "parley/syntax/model.h"
#include "parley/text/conllu.h"

namespace {

using parley::syntax::SyntaxModel;
using parley::syntax::Workspace;

std::string ModelPath() {
  const char* env = std::getenv("PARLEY_MODEL");
  if (env != nullptr && *env != '\0') return env;
  return std::string(PARLEY_SOURCE_DIR) + "/models/en-ewt.model";
}

struct Corpus {
  std::vector<parley::text::ConlluSentence> conllu;
  std::vector<parley::text::Sentence> sentences;  // forms view `conllu`
  size_t tokens = 0;
};

const Corpus* LoadCorpus() {
  static Corpus* corpus = [] {
    std::string path =
        std::string(PARLEY_SHARED_DATA) + "/ud-english-ewt/en_ewt-ud-dev.conllu";
    if (!std::filesystem::exists(path)) return static_cast<Corpus*>(nullptr);
    auto* c = new Corpus;
    c->conllu = parley::text::ReadConlluFile(path);
    for (const auto& s : c->conllu) {
      parley::text::Sentence sentence;
      for (const auto& w : s.words) {
        parley::text::Token t;
        t.form = w.form;
        sentence.tokens.push_back(t);
      }
      c->tokens += sentence.tokens.size();
      c->sentences.push_back(std::move(sentence));
    }
    return c;
  }();
  return corpus;
}

const SyntaxModel* LoadModel() {
  static SyntaxModel* model = [] {
    if (!std::filesystem::exists(ModelPath())) return static_cast<SyntaxModel*>(nullptr);
    return new SyntaxModel(SyntaxModel::Load(ModelPath()));
  }();
  return model;
}

double PeakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

bool Ready(benchmark::State& state) {
  if (LoadModel() == nullptr) {
    state.SkipWithError(("no model at " + ModelPath()).c_str());
    return false;
  }
  if (LoadCorpus() == nullptr) {
    state.SkipWithError("no ../shared/data/ud-english-ewt (EWT dev set)");
    return false;
  }
  return true;
}

void BM_Tagging(benchmark::State& state) {
  if (!Ready(state)) return;
  const SyntaxModel& model = *LoadModel();
  std::vector<parley::text::Sentence> sentences = LoadCorpus()->sentences;
  Workspace ws;
  for (auto _ : state) {
    for (auto& s : sentences) model.tagger().Tag(&s, &ws.tagger);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * LoadCorpus()->tokens));
  state.counters["peak_MB"] = PeakMemoryMb();
}
BENCHMARK(BM_Tagging)->Unit(benchmark::kMillisecond);

void BM_TagLemmatizeParse(benchmark::State& state) {
  if (!Ready(state)) return;
  const SyntaxModel& model = *LoadModel();
  std::vector<parley::text::Sentence> sentences = LoadCorpus()->sentences;
  Workspace ws;
  for (auto _ : state) {
    for (auto& s : sentences) model.Annotate(&s, &ws);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * LoadCorpus()->tokens));
  state.counters["peak_MB"] = PeakMemoryMb();
}
BENCHMARK(BM_TagLemmatizeParse)->Unit(benchmark::kMillisecond);

void BM_ModelLoad(benchmark::State& state) {
  if (!std::filesystem::exists(ModelPath())) {
    state.SkipWithError(("no model at " + ModelPath()).c_str());
    return;
  }
  for (auto _ : state) {
    SyntaxModel model = SyntaxModel::Load(ModelPath());
    benchmark::DoNotOptimize(&model);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() *
                                               std::filesystem::file_size(ModelPath())));
  state.counters["peak_MB"] = PeakMemoryMb();
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
