#pragma once

// The one object every front end calls (CLI, store ingest, HTTP server, Python): it holds the
// syntax model, the dictionaries, the codebook and the text rules, and runs the stages
//   text (clean, segment, tokenize) -> syntax (tag, lemmatize, parse) -> lexicon (actors on
//   the document's date) -> coding (events)
// on one document at a time. Nobody else composes the stages.
//
// Usage:
//   auto pipeline = Pipeline::Load(options);   // once; immutable, shared by all threads
//   PipelineWorkspace ws;                      // one per thread
//   DocumentResult result;
//   pipeline->Code(&doc, &ws, &result);        // result.events
// OrderedRunner runs a pipeline over a stream of documents on N threads with output in input
// order and a bounded number of documents in flight.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "parley/coding/coreference.h"
#include "parley/coding/dedup.h"
#include "parley/coding/event.h"
#include "parley/coding/event_coder.h"
#include "parley/coding/places.h"
#include "parley/coding/time_expressions.h"
#include "parley/lexicon/codebook.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/lexicon/gazetteer.h"
#include "parley/syntax/model.h"
#include "parley/text/text_pipeline.h"

namespace parley::coding {

struct PipelineOptions {
  std::string model_path;     // empty: the shipped model (DefaultModelPath())
  std::string dictionaries;   // empty: the shipped dictionaries (DataDir()); or DIR, petrarch:DIR
  std::string codebook_path;  // empty: the shipped codebook
  // empty: the shipped gazetteer (dict/places); "none": events get no location
  std::string gazetteer_path;
  // Document context (docs/FORMATS.md, "Document context"): resolve pronouns, descriptions and
  // short names to actors of earlier sentences; date events by their time expressions.
  bool coreference = true;
  bool event_dates = true;
  // Compute each coded document's MinHash signature (DocumentResult::signature) for
  // near-duplicate detection (coding/dedup.h).
  bool signatures = true;
  std::string default_date;   // YYYY-MM-DD for documents without a date; empty: none
  CoderOptions coder;
  // Load fails when the dictionaries have no event pattern (coding would yield nothing);
  // `annotate`, which codes nothing, turns this off.
  bool require_patterns = true;
  bool code_title = true;  // code the headline zone (events carry zone "title")
  // Sentences longer than this many tokens are not tagged, parsed or coded (counted as capped):
  // real news sentences are far shorter, and a run-on "sentence" of a million tokens (a 6 MB
  // line without punctuation) must not cost gigabytes.
  uint32_t max_sentence_tokens = 200;
  // Code segments and codes a document a piece at a time (kCodeChunkBytes), so its memory
  // does not grow with the document; only a body beyond this is cut (counted).
  uint64_t max_document_bytes = uint64_t{64} << 20;
  // Annotate keeps every token of a document for its output: documents are cut (at a line or
  // word boundary, counted) after this many bytes or words (a megabyte of one-letter words is
  // half a million tokens; real text has about 170,000 words in a megabyte).
  uint64_t max_annotate_bytes = uint64_t{1} << 20;
  uint64_t max_document_words = 200000;
};

// The tense a time expression at `token` is read in: future when its clause has "will" or
// `modality` is intent, else past (needs the parse).
[[nodiscard]] Tense ClauseTense(const text::Sentence& sentence, uint32_t token, Modality modality);

// Counts a run reports in its summary; per document in DocumentResult, summed by the caller.
struct PipelineCounts {
  uint64_t documents = 0;
  uint64_t sentences = 0;         // sentences segmented (text and title zones)
  uint64_t tokens = 0;            // their tokens
  uint64_t parsed = 0;            // sentences tagged and parsed
  uint64_t skipped = 0;           // not parsed: no two actors that could form a dyad, or no
                                  // predicate word
  uint64_t capped_sentences = 0;  // over max_sentence_tokens
  uint64_t capped_documents = 0;  // over max_document_bytes
  uint64_t undated = 0;           // documents without a usable date (events keep date "")
  uint64_t events = 0;
  uint64_t stale_mentions = 0;  // actor mentions in documents dated after `verified:`
  uint64_t resolved_mentions = 0;  // mentions resolved to an earlier actor (coreference)
  uint64_t dated_events = 0;       // events dated by a time expression of their clause
  uint64_t located_events = 0;     // events with a location
  DedupCounts dedup;               // set by the runner's Deduplicator
  std::map<std::string, uint64_t> stale_by_country;
  void Add(const PipelineCounts& other);
};

// What the pipeline made of one document.
struct DocumentResult {
  // Headline sentences (tokens into Document::body), coded with zone "title".
  std::vector<text::Sentence> title_sentences;
  // Per sentence of Document::sentences (then per title sentence): its actors. Filled by
  // Annotate; Code streams the body and keeps neither the sentences nor their actors.
  std::vector<std::vector<ActorMention>> actors;
  std::vector<std::vector<ActorMention>> title_actors;
  std::vector<Event> events;
  DocumentSignature signature;  // Code: of the document's text zones (options().signatures)
  std::string date;  // the date codes were resolved on (document date or the default), or ""
  // Annotate only: the document context found, sentence by sentence (indices as in `actors`,
  // title sentences after the text's).
  std::vector<Resolution> resolutions;
  struct Time {
    uint32_t sentence = 0;
    bool title = false;
    text::Span span;
    ResolvedDate date;
  };
  struct PlaceFound {
    uint32_t sentence = 0;
    bool title = false;
    text::Span span;
    PlaceMention place;
  };
  std::vector<Time> times;
  std::vector<PlaceFound> places;
  PipelineCounts counts;
  void Clear();
};

// Per-thread scratch: syntax, lookup and coder buffers. One per worker; never shared.
struct PipelineWorkspace {
  syntax::Workspace syntax;
  lexicon::LookupWorkspace lookup;
  CoderWorkspace coder;
  std::vector<std::string_view> forms;
  std::vector<std::string_view> lemmas;
  std::vector<std::string_view> parts;
  std::vector<lexicon::Mention> mentions;
  std::vector<lexicon::Mention> part_mentions;
  DocumentContext context;
  std::vector<TimeExpression> times;
  std::vector<PlaceMention> places;
  text::Sentence reduced;  // a sentence with its actor mentions reduced
  std::vector<int32_t> reduced_index;
  std::vector<uint32_t> original_index;
};

class Pipeline {
 public:
  // Loads the model, dictionaries, codebook and text rules. Throws parley::Error naming the
  // file (and line) of the first problem, a bad default date, or dictionaries without any
  // event pattern.
  [[nodiscard]] static std::unique_ptr<const Pipeline> Load(const PipelineOptions& options);

  // Every stage on every sentence: tokens with syntax, actors per sentence; no events.
  // Fills doc (zones, sentences) and *out. Thread-safe; never throws for document content.
  void Annotate(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out) const;

  // Cuts an over-long document body at a line or word boundary (for `code`:
  // max_document_bytes; otherwise max_annotate_bytes and max_document_words); true when it
  // did. Code/Annotate call it; OrderedRunner calls it before queueing so that documents
  // waiting for a worker hold little memory.
  bool CapDocument(text::Document* doc, bool code) const;

  // Code segments a document's text this many bytes at a time.
  static constexpr size_t kCodeChunkBytes = 256 * 1024;

  // Raw document to events. The body is segmented and coded a piece at a time, so
  // doc->sentences is empty afterwards and memory does not grow with the document. Sentences
  // that cannot yield an event (no two actors that could form a dyad, or no word that is a
  // pattern predicate) are not parsed. Thread-safe; never throws for document content.
  void Code(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out) const;

  [[nodiscard]] const syntax::SyntaxModel& model() const { return model_; }
  [[nodiscard]] const lexicon::DictionarySet& dictionaries() const { return *dictionaries_; }
  [[nodiscard]] const lexicon::Codebook& codebook() const { return codebook_; }
  [[nodiscard]] const text::TextPipeline& text() const { return *text_; }
  [[nodiscard]] const EventCoder& coder() const { return *coder_; }
  // nullptr when loaded with gazetteer_path "none"
  [[nodiscard]] const lexicon::Gazetteer* gazetteer() const { return gazetteer_.get(); }
  [[nodiscard]] const PipelineOptions& options() const { return options_; }

 private:
  Pipeline() = default;
  void Run(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out, bool code) const;
  // Caps, cleaning (and for annotate the whole text stage), title segmentation, the date.
  void Prepare(text::Document* doc, DocumentResult* out, bool code) const;
  void ParseWithActors(text::Sentence* sentence, const std::vector<ActorMention>& actors,
                       PipelineWorkspace* ws) const;
  // The actors of a sentence on `date`, from its forms, and its lemmas when `use_lemmas`
  // (after tagging); hyphenated compounds yield one mention per named part.
  void LookupActors(const text::Sentence& sentence, lexicon::Date date, bool use_lemmas,
                    PipelineWorkspace* ws, std::vector<ActorMention>* actors) const;
  // Document context on a sentence's actors: coreference, then a country for bare roles
  // ("police") from the sentence's one place country.
  void ContextActors(const text::Sentence& sentence, PipelineWorkspace* ws,
                     std::vector<ActorMention>* actors) const;
  // Dates and places the events [first, events.size()) of a parsed sentence.
  void AttachContext(const text::Sentence& sentence, std::span<const ActorMention> actors,
                     lexicon::Date story, PipelineWorkspace* ws, std::vector<Event>* events,
                     size_t first, PipelineCounts* counts) const;

  PipelineOptions options_;
  syntax::SyntaxModel model_;
  std::shared_ptr<const lexicon::DictionarySet> dictionaries_;
  lexicon::Codebook codebook_;
  std::unique_ptr<text::TextPipeline> text_;
  std::unique_ptr<EventCoder> coder_;
  std::unique_ptr<const lexicon::Gazetteer> gazetteer_;
  lexicon::Date default_date_ = lexicon::kUnknownDate;
};

// Runs Annotate or Code over a stream of documents on `threads` workers. Push() hands over a
// document (blocking while too many are in flight); `sink` is called on the pushing thread,
// once per document, in input order, with the document and its result. Finish() drains.
class OrderedRunner {
 public:
  enum class Mode : uint8_t { kAnnotate, kCode };
  using Sink = std::function<void(text::Document&, DocumentResult&)>;

  // `dedup` (may be null; not owned) links near-duplicate documents and applies one-a-day, in
  // input order, before the sink sees a document's events.
  OrderedRunner(const Pipeline& pipeline, Mode mode, int threads, Sink sink,
                Deduplicator* dedup = nullptr);
  ~OrderedRunner();
  OrderedRunner(const OrderedRunner&) = delete;
  OrderedRunner& operator=(const OrderedRunner&) = delete;

  void Push(text::Document doc);
  void Finish();

 private:
  struct Slot {
    text::Document doc;
    DocumentResult result;
    bool taken = false;
    bool done = false;
    bool cut = false;  // the body was cut by CapDocument before queueing
  };
  void Work();
  void Process(Slot* slot, PipelineWorkspace* ws) const;
  void DrainReady(std::unique_lock<std::mutex>& lock);

  void Emit(Slot* slot);

  const Pipeline& pipeline_;
  Mode mode_;
  Sink sink_;
  Deduplicator* dedup_;
  size_t window_;
  std::vector<std::thread> workers_;
  PipelineWorkspace inline_ws_;  // threads <= 1: everything on the caller's thread
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::unique_ptr<Slot>> queue_;  // in input order; front is the next to emit
  bool stopping_ = false;
};

}  // namespace parley::coding
