// The library pipeline with the shipped model and dictionaries: the worker pool keeps input
// order and gives the same events on any number of threads, caps bound what one document or
// sentence can cost, and undated documents keep an empty event date.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "parley/coding/pipeline.h"

namespace parley::coding {
namespace {

const char* const kSentences[] = {
    "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday.",
    "China and Russia held talks in Beijing.",
    "The European Union imposed new sanctions on Iran over its nuclear programme.",
    "Turkish President Tayyip Erdogan met Syrian President Bashar al-Assad in Moscow.",
    "The weather was mild across most of Europe.",
    "Israel did not attack Iran on Friday.",
    "Japan pledged $500 million in aid to Ukraine.",
};

const Pipeline& Shared() {
  static const std::unique_ptr<const Pipeline> pipeline = Pipeline::Load(PipelineOptions{});
  return *pipeline;
}

std::vector<text::Document> MakeDocuments(size_t count) {
  std::vector<text::Document> docs;
  for (size_t d = 0; d < count; ++d) {
    text::Document doc;
    doc.id = "doc-" + std::to_string(d);
    doc.date = "2024-03-0" + std::to_string(1 + d % 9);
    for (size_t k = 0; k < 4; ++k) {
      doc.body += kSentences[(d + k) % std::size(kSentences)];
      doc.body += ' ';
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

// "doc sentence source target code" per event, in output order.
std::vector<std::string> RunWithThreads(int threads, size_t docs) {
  std::vector<std::string> out;
  std::vector<std::string> order;
  {
    OrderedRunner runner(Shared(), OrderedRunner::Mode::kCode, threads,
                         [&](text::Document& doc, DocumentResult& result) {
                           order.push_back(doc.id);
                           for (const Event& e : result.events) {
                             out.push_back(e.doc_id + " " + std::to_string(e.sentence_index) + " " +
                                           e.source.code + " " + e.target.code + " " + e.cameo +
                                           " " + e.date);
                           }
                         });
    for (text::Document& doc : MakeDocuments(docs)) runner.Push(std::move(doc));
    runner.Finish();
  }
  EXPECT_EQ(order.size(), docs);
  for (size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], "doc-" + std::to_string(i));
  return out;
}

TEST(PipelineSlow, ThreadsGiveTheSameEventsInTheSameOrder) {
  const std::vector<std::string> one = RunWithThreads(1, 60);
  ASSERT_GT(one.size(), 30u);
  EXPECT_EQ(RunWithThreads(2, 60), one);
  EXPECT_EQ(RunWithThreads(4, 60), one);
}

TEST(PipelineSlow, CodesTheSentencesItShould) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.id = "d";
  doc.date = "2024-03-01";
  doc.body = std::string(kSentences[0]) + " " + kSentences[4] + " " + kSentences[5];
  Shared().Code(&doc, &ws, &result);
  ASSERT_EQ(result.events.size(), 1u);  // the weather and the negated attack yield nothing
  EXPECT_EQ(result.events[0].source.code, "RUSMIL");
  EXPECT_EQ(result.events[0].target.country, "UKR");
  EXPECT_EQ(result.events[0].root, "19");
  EXPECT_EQ(result.counts.sentences, 3u);
  EXPECT_EQ(result.counts.parsed + result.counts.skipped, 3u);
  EXPECT_GE(result.counts.skipped, 1u);  // the weather sentence is not parsed
}

// "American and Filipino troops": the bare adjective shares the agent of the mention after it,
// and both are sources wherever the coder finds the troops.
TEST(PipelineSlow, CoordinatedAdjectivesShareTheirAgent) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2024-03-01";
  doc.body = "American and Filipino troops attacked Chinese ships.";
  Shared().Code(&doc, &ws, &result);
  std::vector<std::string> sources;
  for (const Event& e : result.events) sources.push_back(e.source.code + ">" + e.target.country);
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<std::string>{"PHLMIL>CHN", "USAMIL>CHN"}));
}

TEST(PipelineSlow, UndatedDocumentsKeepAnEmptyDate) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.body = kSentences[0];
  Shared().Code(&doc, &ws, &result);
  ASSERT_FALSE(result.events.empty());
  EXPECT_EQ(result.events[0].date, "");
  EXPECT_EQ(result.counts.undated, 1u);

  PipelineOptions options;
  options.default_date = "2022-02-24";
  auto dated = Pipeline::Load(options);
  doc = text::Document();
  doc.body = kSentences[0];
  dated->Code(&doc, &ws, &result);
  ASSERT_FALSE(result.events.empty());
  // the story date is the default; "on Tuesday" dates the shelling two days before it
  EXPECT_EQ(result.events[0].story_date, "2022-02-24");
  EXPECT_EQ(result.events[0].date, "2022-02-22");
  EXPECT_EQ(result.events[0].date_precision, "day");
}

TEST(PipelineSlow, CapsRunOnSentencesAndAnnotatedDocuments) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2024-03-01";
  // a 4.8 MB "sentence" without punctuation: coded a piece at a time, every piece capped
  for (int i = 0; i < 300000; ++i) doc.body += "Russia attacked ";
  Shared().Code(&doc, &ws, &result);
  EXPECT_EQ(result.counts.capped_documents, 0u);
  EXPECT_GE(result.counts.capped_sentences, 4800000 / Pipeline::kCodeChunkBytes);
  EXPECT_EQ(result.counts.parsed, 0u);
  EXPECT_TRUE(result.events.empty());
  // annotate keeps every token, so it cuts: at max_annotate_bytes ...
  EXPECT_TRUE(Shared().CapDocument(&doc, /*code=*/false));
  EXPECT_LE(doc.body.size(), Shared().options().max_annotate_bytes);
  // ... or, for one-letter words, at max_document_words
  doc = text::Document();
  for (int i = 0; i < 400000; ++i) doc.body += "a ";
  EXPECT_FALSE(Shared().CapDocument(&doc, /*code=*/true));
  EXPECT_TRUE(Shared().CapDocument(&doc, /*code=*/false));
  EXPECT_LE(doc.body.size(), 2 * Shared().options().max_document_words);
}

// A 10,000-sentence document is coded whole, a piece at a time, with sentence indices that
// run on across the pieces and spans into the one body.
TEST(PipelineSlow, CodesALongDocumentWhole) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2024-03-01";
  for (int i = 0; i < 10000; ++i) {
    doc.body += (i % 100 == 99) ? "Russian troops attacked Ukraine on Tuesday.\n\n"
                                : "Russian troops attacked Ukraine on Tuesday. ";
  }
  ASSERT_GT(doc.body.size(), Pipeline::kCodeChunkBytes);
  Shared().Code(&doc, &ws, &result);
  EXPECT_EQ(result.counts.sentences, 10000u);
  ASSERT_EQ(result.events.size(), 10000u);
  for (size_t i = 0; i < result.events.size(); ++i) {
    const Event& e = result.events[i];
    EXPECT_EQ(e.sentence_index, i);
    EXPECT_EQ(doc.body.substr(e.verb_span.begin, e.verb_span.size()), "attacked");
    EXPECT_EQ(doc.body.substr(e.source.span.begin, e.source.span.size()), "Russian troops");
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_TRUE(doc.sentences.empty());  // nothing kept: memory is flat in document length
}

TEST(PipelineSlow, AllCapsHeadlinesAndVerblessLinesDoNotCrash) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2024-03-01";
  doc.body = "RUSSIA ATTACKS UKRAINE\n\nUkraine, Russia, China, India.\n\n!!! ??? ...\n\n";
  Shared().Code(&doc, &ws, &result);
  EXPECT_EQ(result.counts.documents, 1u);
  for (const Event& e : result.events) {
    EXPECT_EQ(doc.body.substr(e.verb_span.begin, e.verb_span.size()), e.verb_text);
  }
}

// Documents of many sentences with no actor, or with only pronouns after one name, cost time in
// proportion to their length: the document context is bounded (kMaxEntities, a window of
// sentences), never a scan of everything seen before.
TEST(PipelineSlow, ContextCostsLinearTime) {
  auto seconds = [](const std::string& unit, int repeat, std::vector<Event>* events) {
    PipelineWorkspace ws;
    DocumentResult result;
    text::Document doc;
    doc.date = "2024-03-01";
    doc.body = "Russian President Vladimir Putin spoke on Monday. ";
    for (int i = 0; i < repeat; ++i) doc.body += unit;
    const auto start = std::chrono::steady_clock::now();
    Shared().Code(&doc, &ws, &result);
    if (events != nullptr) *events = result.events;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  for (const std::string& unit : {std::string("The weather was mild in the north. "),
                                 std::string("He said they would not accept it. "),
                                 std::string("He accused Ukraine of shelling its cities. ")}) {
    (void)seconds(unit, 200, nullptr);  // warm up
    const double small = seconds(unit, 1000, nullptr);
    std::vector<Event> events;
    const double large = seconds(unit, 10000, &events);
    // ten times the text, about ten times the time (generous for a noisy machine)
    EXPECT_LT(large, 25 * small + 0.05) << unit << small << " s vs " << large << " s";
    if (unit.rfind("He accused", 0) == 0) {
      // each "He" is Putin, named once at the start (resolution does not fade with length:
      // every sentence refers to him again)
      ASSERT_GE(events.size(), 9990u);
      EXPECT_EQ(events.back().source.code, "RUSGOV");
      EXPECT_TRUE(events.back().source.resolved);
    }
  }
}

// "He met Lavrov": a pronoun subject resolved to the person of the sentence before; the event
// carries the pronoun's span and the antecedent's (resolved_from).
TEST(PipelineSlow, PronounsAndDescriptionsReferBack) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2021-12-03";
  doc.body =
      "U.S. Secretary of State Antony Blinken arrived in Stockholm on Thursday. "
      "He met Russian Foreign Minister Sergey Lavrov there. "
      "Blinken later criticized Moscow. "
      "The Russian minister rejected the criticism.";
  Shared().Code(&doc, &ws, &result);
  bool met = false;
  bool short_name = false;
  for (const Event& e : result.events) {
    if (e.verb_text == "met") {
      met = true;
      EXPECT_EQ(e.source.code, "USAGOV");
      EXPECT_EQ(e.source.text, "He");
      EXPECT_TRUE(e.source.resolved);
      EXPECT_EQ(doc.body.substr(e.source.resolved_from.begin, e.source.resolved_from.size()),
                "U.S. Secretary of State Antony Blinken");
      EXPECT_EQ(e.target.code, "RUSGOV");
    }
    if (e.verb_text == "criticized") {
      short_name = true;
      EXPECT_EQ(e.source.text, "Blinken");
      EXPECT_TRUE(e.source.resolved);
    }
  }
  EXPECT_TRUE(met);
  EXPECT_TRUE(short_name);
  EXPECT_GE(result.counts.resolved_mentions, 2u);
}

// Roles without a country take the country of the sentence's one place, unless an actor of
// another country could own them.
TEST(PipelineSlow, BareRolesTakeTheirPlacesCountry) {
  PipelineWorkspace ws;
  DocumentResult result;
  text::Document doc;
  doc.date = "2024-06-25";
  doc.body = "Police fired tear gas at protesters in Nairobi on Tuesday.";
  Shared().Code(&doc, &ws, &result);
  ASSERT_FALSE(result.events.empty());
  EXPECT_EQ(result.events[0].source.code, "KENCOP");
  EXPECT_EQ(result.events[0].target.code, "KENCVL");
  EXPECT_TRUE(result.events[0].located);
  EXPECT_EQ(result.events[0].location.country, "KEN");
  EXPECT_EQ(result.events[0].date, "2024-06-25");

  doc = text::Document();
  doc.date = "2023-10-09";
  doc.body = "Israel called up 300,000 reservists to fight Hamas in Gaza.";
  Shared().Code(&doc, &ws, &result);
  for (const Event& e : result.events) EXPECT_NE(e.target.code, "PSEMIL");
}

// Places: a qualifier decides ("Paris, Texas"), a place inside an organisation's name is no
// place ("the Bank of England"), a demonym is no place, and the sea is where it happened.
TEST(PipelineSlow, PlacesFollowTheDocumentedPolicy) {
  PipelineWorkspace ws;
  DocumentResult result;
  auto places = [&](const std::string& body) {
    text::Document doc;
    doc.date = "2024-01-10";
    doc.body = body;
    Shared().Annotate(&doc, &ws, &result);
    std::vector<std::string> out;
    for (const auto& p : result.places) out.push_back(p.place.name + "/" + p.place.country);
    return out;
  };
  EXPECT_EQ(places("A tornado hit homes in Paris, Texas on Monday."),
            std::vector<std::string>{"Paris/USA"});
  EXPECT_EQ(places("Protesters gathered in Paris on Monday."),
            std::vector<std::string>{"Paris/FRA"});
  EXPECT_EQ(places("Biden spoke in Washington on Monday."),
            std::vector<std::string>{"Washington/USA"});
  EXPECT_EQ(places("Russian troops advanced in eastern Ukraine."),
            std::vector<std::string>{"Ukraine/UKR"});
  EXPECT_EQ(places("Houthi rebels attacked a ship in the Red Sea."),
            std::vector<std::string>{"Red Sea/"});
  EXPECT_EQ(places("Georgia's parliament met in Tbilisi."),
            std::vector<std::string>{"Tbilisi/GEO"});
  EXPECT_TRUE(places("He spoke at the Bank of England on Monday.").empty());
  EXPECT_TRUE(places("Ukrainian forces shelled the town.").empty());
  EXPECT_TRUE(places("He told the Tehran Times that talks were over.").empty());
}

}  // namespace
}  // namespace parley::coding
