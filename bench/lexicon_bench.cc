// Lexicon benchmarks: loading the shipped dictionaries, and actor lookup over running text
// (the sentences of the UD English EWT training set plus a real news page, tokenized with
// Parley's tokenizer). Reports tokens/s through SetItemsProcessed.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/lexicon/dictionary_set.h"
#include "parley/paths.h"
#include "parley/text/tokenizer.h"

namespace {

using parley::lexicon::DictionarySet;

struct Corpus {
  std::vector<std::string> sentences;
  std::vector<std::vector<std::string_view>> tokens;
  size_t token_count = 0;
};

// Sentences from the EWT training file (its "# text =" lines), tokenized by Parley.
const Corpus& LoadCorpus() {
  static Corpus* corpus = [] {
    auto* c = new Corpus;
    std::ifstream in(std::string(PARLEY_SHARED_DATA) + "/ud-english-ewt/en_ewt-ud-train.conllu");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("# text = ", 0) == 0) c->sentences.push_back(line.substr(9));
    }
    std::ifstream news(std::string(PARLEY_SHARED_DATA) +
                       "/samples/news-2021-12-03-biden-putin.txt");
    while (std::getline(news, line)) {
      if (!line.empty()) c->sentences.push_back(line);
    }
    parley::text::Tokenizer tokenizer(parley::DataDir() + "/text");
    std::vector<parley::text::Token> tokens;
    for (const std::string& s : c->sentences) {
      tokens.clear();
      tokenizer.Tokenize(s, parley::text::Span{0, static_cast<uint32_t>(s.size())}, &tokens);
      std::vector<std::string_view> forms;
      for (const auto& t : tokens) forms.push_back(t.form);
      c->token_count += forms.size();
      c->tokens.push_back(std::move(forms));
    }
    return c;
  }();
  return *corpus;
}

void BM_LoadDefaultDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    auto set = DictionarySet::Load(parley::DataDir());
    benchmark::DoNotOptimize(set.get());
  }
}
BENCHMARK(BM_LoadDefaultDictionaries)->Unit(benchmark::kMillisecond);

void BM_LoadPetrarchPhoenix(benchmark::State& state) {
  std::string dir = std::string(PARLEY_SHARED_DATA) + "/petrarch2";
  if (!std::ifstream(dir + "/CAMEO.2.0.txt")) {
    state.SkipWithError("../shared/data/petrarch2 not found");
    return;
  }
  for (auto _ : state) {
    auto set = DictionarySet::Load("petrarch:" + dir);
    benchmark::DoNotOptimize(set.get());
  }
}
BENCHMARK(BM_LoadPetrarchPhoenix)->Unit(benchmark::kMillisecond);

void RunLookup(benchmark::State& state, const DictionarySet& set) {
  const Corpus& corpus = LoadCorpus();
  if (corpus.token_count == 0) {
    state.SkipWithError("no running text (../shared/data/ud-english-ewt missing)");
    return;
  }
  parley::lexicon::LookupWorkspace ws;
  std::vector<parley::lexicon::Mention> mentions;
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& forms : corpus.tokens) {
      set.Lookup(forms, {}, 20211203, &ws, &mentions);
      found += mentions.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.token_count));
  state.counters["mentions_per_pass"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_LookupDefaultDictionaries(benchmark::State& state) {
  static auto set = DictionarySet::Load(parley::DataDir());
  RunLookup(state, *set);
}
BENCHMARK(BM_LookupDefaultDictionaries)->Unit(benchmark::kMillisecond);

void BM_LookupPetrarchPhoenix(benchmark::State& state) {
  std::string dir = std::string(PARLEY_SHARED_DATA) + "/petrarch2";
  if (!std::ifstream(dir + "/CAMEO.2.0.txt")) {
    state.SkipWithError("../shared/data/petrarch2 not found");
    return;
  }
  static auto set = DictionarySet::Load("petrarch:" + dir);
  RunLookup(state, *set);
}
BENCHMARK(BM_LookupPetrarchPhoenix)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
