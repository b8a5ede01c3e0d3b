// Event coding benchmarks on one core, with the shipped model and dictionaries over the
// team's news sentences (tests/golden/events, about 17 tokens a sentence), ten to a dated
// document: the whole pipeline (raw text to events; sentences/s as items_per_second, tokens/s
// as a counter), the event coder alone on sentences parsed beforehand, and the load of the
// model, dictionaries and codebook.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "parley/coding/event_eval.h"
#include "parley/coding/pipeline.h"

namespace {

using parley::coding::DocumentResult;
using parley::coding::Pipeline;
using parley::coding::PipelineWorkspace;

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<const Pipeline> pipeline =
      Pipeline::Load(parley::coding::PipelineOptions{});
  return *pipeline;
}

// The same without the document context (coreference, event dates, places, signatures): the
// context's cost is the difference between BM_CodeDocuments/1 and /0.
const Pipeline& PlainPipeline() {
  static const std::unique_ptr<const Pipeline> pipeline = [] {
    parley::coding::PipelineOptions options;
    options.coreference = false;
    options.event_dates = false;
    options.signatures = false;
    options.gazetteer_path = "none";
    return Pipeline::Load(options);
  }();
  return *pipeline;
}

// The news sentences as documents of ten.
const std::vector<parley::text::Document>& Documents() {
  static const std::vector<parley::text::Document> docs = [] {
    std::vector<std::string> sentences;
    const std::string dir = std::string(PARLEY_SOURCE_DIR) + "/tests/golden/events";
    std::vector<std::string> files;
    for (const auto& item : std::filesystem::directory_iterator(dir)) {
      if (item.path().extension() == ".txt") files.push_back(item.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      std::ifstream in(f);
      std::stringstream text;
      text << in.rdbuf();
      for (const auto& g : parley::coding::ReadGoldEvents(f, text.str())) {
        sentences.push_back(g.text);
      }
    }
    std::vector<parley::text::Document> out;
    for (size_t i = 0; i < sentences.size(); i += 10) {
      parley::text::Document doc;
      doc.id = "bench-" + std::to_string(i / 10);
      doc.date = "2024-03-01";
      for (size_t k = i; k < std::min(i + 10, sentences.size()); ++k) {
        doc.body += sentences[k];
        doc.body += ' ';
      }
      out.push_back(std::move(doc));
    }
    return out;
  }();
  return docs;
}

void BM_CodeDocuments(benchmark::State& state) {
  const Pipeline& pipeline = state.range(0) != 0 ? SharedPipeline() : PlainPipeline();
  PipelineWorkspace ws;
  DocumentResult result;
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t events = 0;
  for (auto _ : state) {
    for (const parley::text::Document& original : Documents()) {
      parley::text::Document doc = original;
      pipeline.Code(&doc, &ws, &result);
      sentences += result.counts.sentences;
      tokens += result.counts.tokens;
      events += result.events.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CodeDocuments)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The coder alone: the documents annotated once, then only CodeSentence timed.
void BM_EventCoderOnly(benchmark::State& state) {
  const Pipeline& pipeline = SharedPipeline();
  struct Annotated {
    parley::text::Document doc;
    DocumentResult result;
  };
  static std::vector<Annotated>* annotated = [&] {
    auto* out = new std::vector<Annotated>();
    PipelineWorkspace ws;
    for (const parley::text::Document& d : Documents()) {
      Annotated a{d, {}};
      pipeline.Annotate(&a.doc, &ws, &a.result);
      out->push_back(std::move(a));
    }
    return out;
  }();
  parley::coding::CoderWorkspace ws;
  std::vector<parley::coding::Event> events;
  uint64_t sentences = 0;
  for (auto _ : state) {
    for (const Annotated& a : *annotated) {
      for (size_t i = 0; i < a.doc.sentences.size(); ++i) {
        parley::coding::SentenceInput in;
        in.doc = &a.doc;
        in.sentence = &a.doc.sentences[i];
        in.sentence_index = static_cast<uint32_t>(i);
        in.date = a.doc.date;
        in.actors = a.result.actors[i];
        events.clear();
        pipeline.coder().CodeSentence(in, &ws, &events);
        benchmark::DoNotOptimize(events.data());
        ++sentences;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
}
BENCHMARK(BM_EventCoderOnly)->Unit(benchmark::kMillisecond);

void BM_LoadPipeline(benchmark::State& state) {
  for (auto _ : state) {
    auto pipeline = Pipeline::Load(parley::coding::PipelineOptions{});
    benchmark::DoNotOptimize(pipeline.get());
  }
}
BENCHMARK(BM_LoadPipeline)->Unit(benchmark::kMillisecond)->Iterations(3);

// The gazetteer alone (dict/places): the document context's load cost.
void BM_LoadGazetteer(benchmark::State& state) {
  for (auto _ : state) {
    auto gazetteer = parley::lexicon::Gazetteer::Load(std::string(PARLEY_SOURCE_DIR) + "/dict/places");
    benchmark::DoNotOptimize(gazetteer->size());
  }
}
BENCHMARK(BM_LoadGazetteer)->Unit(benchmark::kMillisecond)->Iterations(5);

// MinHash signature of a 4 KB story (near-duplicate detection's per-document cost).
void BM_DocumentSignature(benchmark::State& state) {
  std::string text;
  while (text.size() < 4096) {
    text += "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in ";
    text += std::to_string(text.size()) + " talks on grain exports and the war. ";
  }
  parley::coding::DocumentSignature signature;
  for (auto _ : state) {
    parley::coding::ComputeSignature(text, &signature);
    benchmark::DoNotOptimize(signature.min[0]);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DocumentSignature);

}  // namespace

BENCHMARK_MAIN();
