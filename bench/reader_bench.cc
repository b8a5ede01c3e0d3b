// Throughput of the input readers over in-memory inputs (parsing + UTF-8 check/repair, no
// disk I/O): plain text, JSONL, PETRARCH XML, TABARI and HTML, in bytes/s.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parley/text/html_reader.h"
#include "parley/text/input_source.h"
#include "parley/text/jsonl_reader.h"
#include "parley/text/petrarch_xml_reader.h"
#include "parley/text/plain_text_reader.h"
#include "parley/text/tabari_reader.h"
#include "parley/text/utf8_repair.h"

namespace {

using parley::text::Document;
using parley::text::InputReport;
using parley::text::InputSource;
using parley::text::ReaderOptions;
using parley::text::ReadStatus;

constexpr size_t kTargetBytes = size_t{32} << 20;

// News prose to fill the inputs: the shared sample article if present, else a fixed paragraph.
std::string Prose() {
  std::ifstream in(std::string(PARLEY_SHARED_DATA) + "/samples/news-2021-12-03-biden-putin.txt",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() < 200) {
    text =
        "US President Joe Biden will soon tell his Russian counterpart that Washington wants a "
        "more predictable relationship with Moscow, the top American diplomat said on Friday. "
        "\xE2\x80\x9CThere are areas where we have overlapping interests,\xE2\x80\x9D he said.\n\n";
  }
  return text;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out += c;
  }
  return out;
}

const std::string& PlainInput() {
  static const std::string data = [] {
    std::string prose = Prose(), out;
    while (out.size() < kTargetBytes) out += prose;
    return out;
  }();
  return data;
}

const std::string& JsonlInput() {
  static const std::string data = [] {
    std::string body = Escape(Prose()), out;
    for (int i = 0; out.size() < kTargetBytes; ++i) {
      out += "{\"id\":\"doc-" + std::to_string(i) +
             "\",\"date\":\"2021-12-03T21:46:00Z\",\"source\":\"RT\",\"url\":\"https://example."
             "com/" + std::to_string(i) + "\",\"title\":\"Biden to call Putin\",\"text\":\"" +
             body + "\",\"lang\":\"en\"}\n";
    }
    return out;
  }();
  return data;
}

const std::string& XmlInput() {
  static const std::string data = [] {
    std::string out = "<Sentences>\n";
    for (int i = 0; out.size() < kTargetBytes; ++i) {
      out += "<Sentence date=\"20080801\" id=\"AFP-" + std::to_string(i) +
             "\" source=\"AFP\" sentence=\"True\">\n<Text>\nThe stopover came as the US leader "
             "prepared to attend the Beijing Olympics, an \nevent which will test his vow.\n"
             "</Text>\n<Parse>\n(ROOT (S (NP (DT The) (NN stopover)) (VP (VBD came)) (. .)))\n"
             "</Parse>\n</Sentence>\n";
    }
    return out + "</Sentences>\n";
  }();
  return data;
}

const std::string& TabariInput() {
  static const std::string data = [] {
    std::string prose = Prose(), out;
    for (int i = 0; out.size() < kTargetBytes; ++i) {
      out += "211203 RT-" + std::to_string(i) + "\n";
      for (char c : prose) {
        if (c != '\r') out += c;
      }
      // Records are separated by one blank line, so blank lines inside the prose are removed.
      size_t pos;
      while ((pos = out.find("\n\n", out.size() - prose.size())) != std::string::npos) {
        out.erase(pos, 1);
      }
      out += "\n\n";
    }
    return out;
  }();
  return data;
}

const std::string& HtmlPage() {
  static const std::string data = [] {
    std::string out =
        "<!DOCTYPE html><html><head><title>Biden | News</title><meta property=\"og:title\" "
        "content=\"Biden to propose\"><meta property=\"article:published_time\" "
        "content=\"2021-12-03T21:46:00Z\"></head><body><nav><a>Home</a><a>World</a></nav>"
        "<article><h1>Biden to propose</h1>";
    std::string prose = Prose();
    size_t start = 0;
    while (start < prose.size()) {
      size_t end = prose.find('\n', start);
      if (end == std::string::npos) end = prose.size();
      out += "<p>" + prose.substr(start, end - start) + "</p>\n";
      start = end + 1;
    }
    return out + "</article><footer>(c) News</footer></body></html>";
  }();
  return data;
}

template <typename Make>
void Drain(benchmark::State& state, const std::string& input, Make make) {
  Document doc;
  size_t docs = 0;
  for (auto _ : state) {
    InputReport report;
    auto reader = make(InputSource::FromString(input), &report);
    while (reader->Next(&doc) != ReadStatus::kEnd) ++docs;
    benchmark::DoNotOptimize(doc.body.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}

void BM_PlainText(benchmark::State& state) {
  Drain(state, PlainInput(), [](std::unique_ptr<InputSource> s, InputReport* r) {
    return std::make_unique<parley::text::PlainTextReader>(std::move(s), "bench", "bench", r,
                                                           ReaderOptions());
  });
}
BENCHMARK(BM_PlainText)->Unit(benchmark::kMillisecond);

void BM_Jsonl(benchmark::State& state) {
  Drain(state, JsonlInput(), [](std::unique_ptr<InputSource> s, InputReport* r) {
    return std::make_unique<parley::text::JsonlReader>(std::move(s), "bench", r, ReaderOptions());
  });
}
BENCHMARK(BM_Jsonl)->Unit(benchmark::kMillisecond);

void BM_PetrarchXml(benchmark::State& state) {
  Drain(state, XmlInput(), [](std::unique_ptr<InputSource> s, InputReport* r) {
    return std::make_unique<parley::text::PetrarchXmlReader>(std::move(s), "bench", r,
                                                             ReaderOptions());
  });
}
BENCHMARK(BM_PetrarchXml)->Unit(benchmark::kMillisecond);

void BM_Tabari(benchmark::State& state) {
  Drain(state, TabariInput(), [](std::unique_ptr<InputSource> s, InputReport* r) {
    return std::make_unique<parley::text::TabariReader>(std::move(s), "bench", r, ReaderOptions());
  });
}
BENCHMARK(BM_Tabari)->Unit(benchmark::kMillisecond);

void BM_Html(benchmark::State& state) {
  Drain(state, HtmlPage(), [](std::unique_ptr<InputSource> s, InputReport* r) {
    return std::make_unique<parley::text::HtmlReader>(std::move(s), "bench", "bench", r,
                                                      ReaderOptions());
  });
}
BENCHMARK(BM_Html)->Unit(benchmark::kMicrosecond);

void BM_IsCleanUtf8(benchmark::State& state) {
  const std::string& input = PlainInput();
  for (auto _ : state) benchmark::DoNotOptimize(parley::text::IsCleanUtf8(input));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_IsCleanUtf8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
