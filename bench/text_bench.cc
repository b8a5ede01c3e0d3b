// Throughput of the text stage (read, clean, segment, tokenize) on one core. The corpus is the
// raw text of the UD English Web Treebank training set from ../shared (one document per
// "# newdoc", paragraphs separated by blank lines), or, when that is absent, the repository's
// news sample repeated.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/text/conllu.h"
#include "parley/text/reader.h"
#include "parley/text/segment_eval.h"
#include "parley/text/text_pipeline.h"

namespace {

using parley::text::Document;

const std::string kRules = std::string(PARLEY_SOURCE_DIR) + "/dict/text";

// Documents of the corpus, built once.
const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = [] {
    std::vector<std::string> docs;
    const std::string ewt = std::string(PARLEY_SHARED_DATA) + "/ud-english-ewt/en_ewt-ud-train.conllu";
    if (std::filesystem::exists(ewt)) {
      for (auto& d : parley::text::BuildGoldDocuments(parley::text::ReadConlluFile(ewt))) {
        docs.push_back(std::move(d.text));
      }
    } else {
      std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/samples/news-sample.txt");
      std::stringstream ss;
      ss << in.rdbuf();
      for (int i = 0; i < 500; ++i) docs.push_back(ss.str());
    }
    return docs;
  }();
  return corpus;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const std::string& d : Corpus()) n += static_cast<int64_t>(d.size());
  return n;
}

// Clean + segment + tokenize, documents already in memory.
void BM_CleanSegmentTokenize(benchmark::State& state) {
  const parley::text::TextPipeline pipeline(kRules);
  const auto& corpus = Corpus();
  Document doc;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      doc.body = text;
      doc.date.clear();
      doc.title.clear();
      pipeline.Process(&doc);
      for (const auto& s : doc.sentences) tokens += static_cast<int64_t>(s.tokens.size());
      benchmark::DoNotOptimize(doc.sentences.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CleanSegmentTokenize)->Unit(benchmark::kMillisecond);

// Segment + tokenize only (no cleaner), as `parley eval segment` runs it.
void BM_SegmentTokenize(benchmark::State& state) {
  const parley::text::Segmenter segmenter(kRules);
  const auto& corpus = Corpus();
  std::vector<parley::text::Sentence> sentences;
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      sentences.clear();
      segmenter.SegmentSpan(text, {0, static_cast<uint32_t>(text.size())}, &sentences);
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_SegmentTokenize)->Unit(benchmark::kMillisecond);

// Tokenizer alone.
void BM_Tokenize(benchmark::State& state) {
  const parley::text::Tokenizer tokenizer(kRules);
  const auto& corpus = Corpus();
  std::vector<parley::text::Token> tokens;
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      tokens.clear();
      tokenizer.Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Read (JSONL reader over a temporary file holding the corpus) + clean + segment + tokenize.
void BM_ReadCleanSegmentTokenize(benchmark::State& state) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "parley_text_bench.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < Corpus().size(); ++i) {
      std::string escaped;
      for (char c : Corpus()[i]) {
        if (c == '"' || c == '\\') {
          escaped += '\\';
          escaped += c;
        } else if (c == '\n') {
          escaped += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          escaped += buf;
        } else {
          escaped += c;
        }
      }
      out << "{\"id\":\"d" << i << "\",\"text\":\"" << escaped << "\"}\n";
    }
  }
  const int64_t file_bytes = static_cast<int64_t>(std::filesystem::file_size(path));
  const parley::text::TextPipeline pipeline(kRules);
  Document doc;
  for (auto _ : state) {
    parley::text::InputReport report;
    auto reader = parley::text::OpenReader(path, parley::text::InputFormat::kJsonl, &report);
    while (true) {
      const parley::text::ReadStatus status = reader->Next(&doc);
      if (status == parley::text::ReadStatus::kEnd) break;
      if (status != parley::text::ReadStatus::kDocument) continue;
      pipeline.Process(&doc);
      benchmark::DoNotOptimize(doc.sentences.data());
    }
    if (report.documents() + report.empty() != Corpus().size()) {
      state.SkipWithError("reader lost documents");
      break;
    }
  }
  state.SetBytesProcessed(state.iterations() * file_bytes);
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadCleanSegmentTokenize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
