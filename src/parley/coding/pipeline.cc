#include "parley/coding/pipeline.h"

#include <algorithm>
#include <future>

#include "parley/error.h"
#include "parley/paths.h"

namespace parley::coding {

void PipelineCounts::Add(const PipelineCounts& o) {
  documents += o.documents;
  sentences += o.sentences;
  tokens += o.tokens;
  parsed += o.parsed;
  skipped += o.skipped;
  capped_sentences += o.capped_sentences;
  capped_documents += o.capped_documents;
  undated += o.undated;
  events += o.events;
  stale_mentions += o.stale_mentions;
  resolved_mentions += o.resolved_mentions;
  dated_events += o.dated_events;
  located_events += o.located_events;
  dedup.Add(o.dedup);
  for (const auto& [country, n] : o.stale_by_country) stale_by_country[country] += n;
}

void DocumentResult::Clear() {
  title_sentences.clear();
  actors.clear();
  title_actors.clear();
  events.clear();
  date.clear();
  resolutions.clear();
  times.clear();
  places.clear();
  signature = DocumentSignature{};
  counts = PipelineCounts{};
}

std::unique_ptr<const Pipeline> Pipeline::Load(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  if (!options.default_date.empty() &&
      !lexicon::ParseIsoDate(options.default_date, &p->default_date_)) {
    throw Error("default date '" + options.default_date + "' is not a YYYY-MM-DD date");
  }
  const std::string data_dir = DataDir();
  // "default" (alone or in a comma-separated list) names the shipped dictionaries
  std::string dictionaries;
  std::string_view spec = options.dictionaries;
  if (spec.empty()) spec = "default";
  while (!spec.empty()) {
    const size_t comma = spec.find(',');
    const std::string_view part = spec.substr(0, comma);
    if (!dictionaries.empty()) dictionaries += ',';
    dictionaries += part == "default" ? data_dir : std::string(part);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
  }
  // The dictionaries load on a second thread while the model loads: the two are independent
  // and together are most of the start-up time.
  std::future<std::shared_ptr<const lexicon::DictionarySet>> dictionary_set = std::async(
      std::launch::async, [dictionaries] { return lexicon::DictionarySet::Load(dictionaries); });
  std::future<std::unique_ptr<const lexicon::Gazetteer>> gazetteer;
  if (options.gazetteer_path != "none") {
    const std::string places =
        options.gazetteer_path.empty() ? data_dir + "/places" : options.gazetteer_path;
    gazetteer = std::async(std::launch::async,
                           [places] { return lexicon::Gazetteer::Load(places); });
  }
  p->model_ = syntax::SyntaxModel::Load(options.model_path.empty() ? DefaultModelPath()
                                                                   : options.model_path);
  if (gazetteer.valid()) p->gazetteer_ = gazetteer.get();
  p->dictionaries_ = dictionary_set.get();  // rethrows a load error
  p->codebook_ = options.codebook_path.empty() ? lexicon::Codebook::LoadDefault()
                                               : lexicon::Codebook::Load(options.codebook_path);
  p->text_ = std::make_unique<text::TextPipeline>(data_dir + "/text");
  p->coder_ = std::make_unique<EventCoder>(p->dictionaries_, &p->codebook_, options.coder);
  if (options.require_patterns && p->dictionaries_->patterns().patterns().empty()) {
    // PETRARCH verb dictionaries are read but not yet compiled into event patterns: coding
    // with them alone would silently yield nothing
    throw Error("dictionaries '" + dictionaries +
                "' have no event patterns (Parley's patterns are in dict/verbs; PETRARCH verb "
                "files are not compiled into patterns yet): add 'default', e.g. "
                "--dictionaries petrarch:DIR,default");
  }
  return p;
}

namespace {

// The largest cut <= limit that ends a line, else a word, else a UTF-8 character.
size_t CutPoint(const std::string& body, size_t limit) {
  size_t nl = body.rfind('\n', limit);
  if (nl != std::string::npos && nl > limit / 2) return nl;
  size_t sp = body.rfind(' ', limit);
  if (sp != std::string::npos && sp > limit / 2) return sp;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool Pipeline::CapDocument(text::Document* doc, bool code) const {
  if (doc->pretokenized) return false;
  size_t limit = std::min<uint64_t>(
      doc->body.size(), code ? options_.max_document_bytes : options_.max_annotate_bytes);
  if (!code && doc->body.size() > 2 * options_.max_document_words) {
    // fewer bytes than two per word cannot hold too many words; more must be counted
    uint64_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < limit; ++i) {
      const char c = doc->body[i];
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (!space && !in_word && ++words > options_.max_document_words) {
        limit = i;
        break;
      }
      in_word = !space;
    }
  }
  if (limit >= doc->body.size()) return false;
  doc->body.resize(CutPoint(doc->body, limit));
  doc->body.shrink_to_fit();
  return true;
}

void Pipeline::Prepare(text::Document* doc, DocumentResult* out, bool code) const {
  out->Clear();
  out->counts.documents = 1;
  if (CapDocument(doc, code)) out->counts.capped_documents = 1;
  if (code) {
    // Code streams the body: the cleaner labels zones here, Run segments them chunk by chunk.
    if (!doc->pretokenized) {
      doc->sentences.clear();
      text_->cleaner().Clean(doc);
    }
  } else {
    text_->Process(doc);
  }
  if (options_.code_title && !doc->pretokenized) {
    for (const text::Zone& zone : doc->zones) {
      if (zone.kind == text::ZoneKind::kTitle) {
        text_->segmenter().SegmentSpan(doc->body, zone.span, &out->title_sentences);
      }
    }
  }
  lexicon::Date date = lexicon::kUnknownDate;
  if (lexicon::ParseIsoDate(doc->date, &date)) {
    out->date = doc->date;
  } else {
    out->counts.undated = 1;
    if (default_date_ != lexicon::kUnknownDate) out->date = options_.default_date;
  }
}

void Pipeline::LookupActors(const text::Sentence& sentence, lexicon::Date date, bool use_lemmas,
                            PipelineWorkspace* ws, std::vector<ActorMention>* actors) const {
  actors->clear();
  ws->forms.clear();
  ws->lemmas.clear();
  for (const text::Token& t : sentence.tokens) {
    ws->forms.push_back(t.form);
    if (use_lemmas) ws->lemmas.push_back(t.lemma);
  }
  dictionaries_->Lookup(ws->forms, ws->lemmas, date, &ws->lookup, &ws->mentions);
  size_t next = 0;  // mentions are in token order
  for (uint32_t i = 0; i < sentence.tokens.size(); ++i) {
    while (next < ws->mentions.size() && ws->mentions[next].token_begin <= i) {
      const lexicon::Mention& m = ws->mentions[next++];
      ActorMention a;
      a.mention = m;
      a.span = text::Span{sentence.tokens[m.token_begin].span.begin,
                          sentence.tokens[m.token_end - 1].span.end};
      actors->push_back(std::move(a));
    }
    // A hyphenated compound the tokenizer keeps whole ("US-Russia", "Israel-Hamas") names
    // each side when at least two of its parts are actors.
    const text::Token& tok = sentence.tokens[i];
    bool covered = !actors->empty() && actors->back().mention.token_end > i;
    if (covered || tok.form.find('-') == std::string_view::npos || tok.form.size() > 64 ||
        !IsAsciiUpper(tok.form[0])) {
      continue;
    }
    ws->parts.clear();
    std::vector<text::Span> part_spans;
    size_t start = 0;
    while (start <= tok.form.size()) {
      size_t dash = tok.form.find('-', start);
      size_t end = dash == std::string_view::npos ? tok.form.size() : dash;
      if (end > start) {
        ws->parts.push_back(tok.form.substr(start, end - start));
        part_spans.push_back(text::Span{static_cast<uint32_t>(tok.span.begin + start),
                                        static_cast<uint32_t>(tok.span.begin + end)});
      }
      start = end + 1;
    }
    if (ws->parts.size() < 2) continue;
    // each part alone, so that "Russia" in "US-Russia" cannot join with a neighbour
    std::vector<ActorMention> found;
    for (size_t k = 0; k < ws->parts.size(); ++k) {
      std::span<const std::string_view> one(&ws->parts[k], 1);
      dictionaries_->Lookup(one, {}, date, &ws->lookup, &ws->part_mentions);
      if (ws->part_mentions.size() != 1) continue;
      lexicon::Mention m = ws->part_mentions[0];
      m.token_begin = i;
      m.token_end = i + 1;
      ActorMention a;
      a.mention = m;
      a.span = part_spans[k];
      found.push_back(std::move(a));
    }
    if (found.size() >= 2) actors->insert(actors->end(), found.begin(), found.end());
  }
  // "Russian and Chinese warships", "American and Filipino troops": a country adjective alone,
  // then "and"/"or"/",", then an adjective + agent mention: the first shares the agent.
  for (size_t a = 0; a + 1 < actors->size(); ++a) {
    ActorMention& first = (*actors)[a];
    const ActorMention& second = (*actors)[a + 1];
    const lexicon::Mention& m1 = first.mention;
    const lexicon::Mention& m2 = second.mention;
    if (!m1.sector.empty() || m2.sector.empty() || m2.agent_name < 0 || m2.modifier_name < 0 ||
        m1.token_end + 1 != m2.token_begin || m1.token_end - m1.token_begin != 1 ||
        m2.token_end - m2.token_begin < 2) {
      continue;
    }
    const lexicon::NameRecord& name = dictionaries_->names()[m1.name];
    const std::string_view link = sentence.tokens[m1.token_end].form;
    if (name.role != lexicon::NameRole::kAdjective ||
        (link != "and" && link != "or" && link != ",")) {
      continue;
    }
    first.mention.sector = m2.sector;
    first.mention.code = m1.country + m2.sector;
    first.mention.agent_name = m2.agent_name;
    first.shares_head_of = static_cast<int32_t>(a + 1);
  }
}

// Parses a sentence with each multi-word actor mention reduced to its last word ("German
// Chancellor Angela Merkel spoke ..." is parsed as "Merkel spoke ..."): news titles and name
// chains are where a parser trained on web text goes wrong, and the dictionary has already
// said what they are. The other words of a mention are attached to that word (flat for
// names, compound otherwise), so the tree still covers every token.
void Pipeline::ParseWithActors(text::Sentence* sentence, const std::vector<ActorMention>& actors,
                               PipelineWorkspace* ws) const {
  const size_t n = sentence->tokens.size();
  std::vector<int32_t>& keep = ws->reduced_index;  // original -> reduced index, or -1
  keep.assign(n, 0);
  bool reduce = false;
  for (const ActorMention& a : actors) {
    const lexicon::Mention& m = a.mention;
    if (m.token_end - m.token_begin < 2 || m.token_end > n) continue;
    for (uint32_t t = m.token_begin; t + 1 < m.token_end; ++t) keep[t] = -1;
    reduce = true;
  }
  if (!reduce) {
    model_.Parse(sentence, &ws->syntax);
    return;
  }
  text::Sentence& reduced = ws->reduced;
  reduced.span = sentence->span;
  reduced.tokens.clear();
  std::vector<uint32_t>& original = ws->original_index;  // reduced -> original
  original.clear();
  for (size_t t = 0; t < n; ++t) {
    if (keep[t] < 0) continue;
    keep[t] = static_cast<int32_t>(reduced.tokens.size());
    original.push_back(static_cast<uint32_t>(t));
    reduced.tokens.push_back(sentence->tokens[t]);
  }
  model_.Parse(&reduced, &ws->syntax);
  for (size_t r = 0; r < reduced.tokens.size(); ++r) {
    text::Token& tok = sentence->tokens[original[r]];
    const int32_t head = reduced.tokens[r].head;
    tok.head = head <= 0 ? head : static_cast<int32_t>(original[head - 1]) + 1;
    tok.deprel = reduced.tokens[r].deprel;
  }
  for (const ActorMention& a : actors) {
    const lexicon::Mention& m = a.mention;
    if (m.token_end - m.token_begin < 2 || m.token_end > n) continue;
    for (uint32_t t = m.token_begin; t + 1 < m.token_end; ++t) {
      text::Token& tok = sentence->tokens[t];
      tok.head = static_cast<int32_t>(m.token_end);  // the last word, 1-based
      tok.deprel = tok.upos == "PROPN" ? "flat" : "compound";
    }
  }
}

namespace {

// The clause a word belongs to: its nearest VERB ancestor outside [skip_begin, skip_end) (the
// words of its own phrase), or the root; -1 when the sentence has no tree.
int ClauseOf(const text::Sentence& s, uint32_t token, uint32_t skip_begin, uint32_t skip_end) {
  int node = static_cast<int>(token);
  const int n = static_cast<int>(s.tokens.size());
  for (int steps = 0; steps < 64 && node >= 0 && node < n; ++steps) {
    const text::Token& t = s.tokens[static_cast<size_t>(node)];
    const bool inside = node >= static_cast<int>(skip_begin) && node < static_cast<int>(skip_end);
    // a verb, or a word the parse makes a clause ("will no longer travel" with "travel"
    // tagged as a noun is still a ccomp)
    const bool clause = t.upos == "VERB" || t.deprel == "ccomp" || t.deprel == "xcomp" ||
                        t.deprel == "advcl" || t.deprel == "acl:relcl" || t.deprel == "parataxis";
    if (!inside && clause) return node;
    if (t.head < 0) return -1;
    if (t.head == 0) return node;
    node = t.head - 1;
  }
  return -1;
}

// Future when the clause has "will"/"shall"/"'ll" or the event is announced; else past.
Tense ClauseTenseOf(const text::Sentence& s, int clause, Modality modality) {
  if (modality == Modality::kIntent) return Tense::kFuture;
  if (clause < 0) return Tense::kPast;
  for (const text::Token& t : s.tokens) {
    if (t.head != clause + 1 || t.deprel != "aux") continue;
    if (t.lemma == "will" || t.lemma == "shall" || t.form == "'ll" || t.form == "wo" ||
        t.form == "Will") {
      return Tense::kFuture;
    }
  }
  return Tense::kPast;
}

}  // namespace

Tense ClauseTense(const text::Sentence& sentence, uint32_t token, Modality modality) {
  return ClauseTenseOf(sentence, ClauseOf(sentence, token, token, token + 1), modality);
}

void Pipeline::ContextActors(const text::Sentence& sentence, PipelineWorkspace* ws,
                             std::vector<ActorMention>* actors) const {
  if (options_.coreference) ws->context.Resolve(sentence, actors);
  if (gazetteer_ == nullptr) return;
  // "Police fired on protesters in Nairobi": roles without a country take the country of the
  // sentence's places when those all agree and no actor of another country or organisation
  // could be the roles' owner ("Israel called up reservists ... in Gaza": Israeli reservists)
  bool bare = false;
  for (const ActorMention& a : *actors) {
    if (a.mention.country.empty() && !a.mention.sector.empty()) bare = true;
  }
  if (!bare) return;
  std::string_view owner;
  for (const ActorMention& a : *actors) {
    const std::string& c = a.mention.country;
    if (c.empty() || a.mention.place) continue;
    if (c.size() != 3 || (!owner.empty() && owner != c)) return;
    owner = c;
  }
  ws->places.clear();
  FindPlaces(sentence, *actors, *dictionaries_, *gazetteer_, false, &ws->places);
  std::string country;
  for (const PlaceMention& p : ws->places) {
    if (p.country.empty() || (!country.empty() && p.country != country)) return;
    country = p.country;
  }
  if (country.empty() || (!owner.empty() && owner != country)) return;
  for (ActorMention& a : *actors) {
    if (!a.mention.country.empty() || a.mention.sector.empty()) continue;
    a.mention.country = country;
    a.mention.code = country + a.mention.sector;
  }
}

void Pipeline::AttachContext(const text::Sentence& sentence, std::span<const ActorMention> actors,
                             lexicon::Date story, PipelineWorkspace* ws,
                             std::vector<Event>* events, size_t first,
                             PipelineCounts* counts) const {
  ws->times.clear();
  if (options_.event_dates) FindTimeExpressions(sentence, &ws->times);
  ws->places.clear();
  if (gazetteer_ != nullptr) {
    FindPlaces(sentence, actors, *dictionaries_, *gazetteer_, false, &ws->places);
  }
  for (size_t k = first; k < events->size(); ++k) {
    Event& e = (*events)[k];
    e.story_date = story == lexicon::kUnknownDate ? std::string() : lexicon::FormatDate(story);
    if (!e.date.empty()) e.date_precision = "day";
    int pred = -1;
    for (size_t t = 0; t < sentence.tokens.size(); ++t) {
      if (sentence.tokens[t].span.begin == e.verb_span.begin) {
        pred = static_cast<int>(t);
        break;
      }
    }
    if (pred < 0) continue;
    const auto p = static_cast<uint32_t>(pred);
    const int clause = ClauseOf(sentence, p, p, p);
    if (clause < 0) continue;
    for (const TimeExpression& t : ws->times) {
      if (t.bound || ClauseOf(sentence, t.head, t.token_begin, t.token_end) != clause) continue;
      const ResolvedDate d = t.Resolve(story, ClauseTenseOf(sentence, clause, e.modality));
      if (!d.known()) continue;
      e.date = d.Format();
      e.date_precision = std::string(DatePrecisionName(d.precision));
      ++counts->dated_events;
      break;
    }
    // the place of the event's clause, else of a clause above it ("In Geneva, Biden said he
    // would meet Putin")
    const PlaceMention* best = nullptr;
    int best_depth = 1 << 30;
    for (const PlaceMention& pm : ws->places) {
      if (pm.dateline) continue;
      const int place_clause = ClauseOf(sentence, pm.head, pm.token_begin, pm.token_end);
      int node = clause;
      for (int depth = 0; node >= 0 && depth < 16; ++depth) {
        if (node == place_clause) {
          if (depth < best_depth) {
            best = &pm;
            best_depth = depth;
          }
          break;
        }
        const int head = sentence.tokens[static_cast<size_t>(node)].head;
        node = head > 0 ? head - 1 : -1;
      }
    }
    if (best != nullptr) {
      e.located = true;
      e.location.name = best->name;
      e.location.text = best->text;
      e.location.country = best->country;
      e.location.lat = best->lat;
      e.location.lon = best->lon;
      e.location.geonames_id = best->geonames_id;
      ++counts->located_events;
    }
  }
}

namespace {

// The text zones' spans (the whole body when the cleaner found no zones), cut into pieces of
// at most `chunk` bytes at a paragraph break, else a line break, else a space, so that a long
// document is segmented and coded a piece at a time.
std::vector<text::Span> TextChunks(const text::Document& doc, size_t chunk) {
  std::vector<text::Span> spans;
  if (doc.zones.empty()) {
    spans.push_back({0, static_cast<uint32_t>(doc.body.size())});
  } else {
    for (const text::Zone& z : doc.zones) {
      if (z.kind == text::ZoneKind::kText) spans.push_back(z.span);
    }
  }
  std::vector<text::Span> out;
  const std::string_view body = doc.body;
  for (text::Span s : spans) {
    while (s.size() > chunk) {
      const std::string_view window = body.substr(s.begin, chunk);
      size_t cut = window.rfind("\n\n");
      if (cut == std::string_view::npos || cut < chunk / 2) cut = window.rfind('\n');
      if (cut == std::string_view::npos || cut < chunk / 2) cut = window.rfind(' ');
      if (cut == std::string_view::npos || cut < chunk / 2) cut = chunk;
      while (cut < chunk && cut > 0 &&
             (static_cast<unsigned char>(body[s.begin + cut]) & 0xC0) == 0x80) {
        --cut;
      }
      out.push_back({s.begin, static_cast<uint32_t>(s.begin + cut)});
      s.begin += static_cast<uint32_t>(cut);
    }
    if (s.size() > 0) out.push_back(s);
  }
  return out;
}

}  // namespace

void Pipeline::Run(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out,
                   bool code) const {
  Prepare(doc, out, code);
  lexicon::Date date = default_date_;
  if (!lexicon::ParseIsoDate(out->date, &date)) date = lexicon::kUnknownDate;

  ws->context.Reset(dictionaries_.get(), date);
  const bool keep_context = !code;

  // Codes (or annotates) `sentences`, whose first has index `first_index` in its zone.
  auto process = [&](std::vector<text::Sentence>& sentences,
                     std::vector<std::vector<ActorMention>>& actors, std::string_view zone,
                     size_t first_index) {
    out->counts.sentences += sentences.size();
    actors.resize(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) {
      text::Sentence& sentence = sentences[i];
      out->counts.tokens += sentence.tokens.size();
      if (sentence.tokens.size() > options_.max_sentence_tokens) {
        // the tokens of a capped sentence are kept (offsets stay exact) but carry no syntax
        ++out->counts.capped_sentences;
        actors[i].clear();
        continue;
      }
      bool may_yield = true;
      if (code) {
        // Before tagging: a sentence whose words name no two actors that could form a dyad
        // (counting those it refers back to) cannot yield an event, so it is neither tagged
        // nor parsed.
        LookupActors(sentence, date, false, ws, &actors[i]);
        ContextActors(sentence, ws, &actors[i]);
        may_yield = coder_->CouldPair(actors[i]);
      }
      if (may_yield) {
        model_.Tag(&sentence, &ws->syntax);
        LookupActors(sentence, date, true, ws, &actors[i]);
        ContextActors(sentence, ws, &actors[i]);
        may_yield = !code || coder_->MayYieldEvent(sentence, actors[i]);
      }
      if (options_.coreference) ws->context.Observe(sentence, actors[i], keep_context);
      for (const ActorMention& a : actors[i]) {
        if (a.resolved) ++out->counts.resolved_mentions;
      }
      for (const ActorMention& a : actors[i]) {
        if (a.mention.stale) {
          ++out->counts.stale_mentions;
          ++out->counts.stale_by_country[a.mention.country];
        }
      }
      if (!may_yield) {
        ++out->counts.skipped;
        continue;
      }
      ParseWithActors(&sentence, actors[i], ws);
      ++out->counts.parsed;
      if (!code) {
        // annotate: the sentence's time expressions and places, as resolved for its clauses
        const bool title = zone == "title";
        const auto index = static_cast<uint32_t>(first_index + i);
        ws->times.clear();
        FindTimeExpressions(sentence, &ws->times);
        for (const TimeExpression& t : ws->times) {
          DocumentResult::Time rec;
          rec.sentence = index;
          rec.title = title;
          rec.span = {sentence.tokens[t.token_begin].span.begin,
                      sentence.tokens[t.token_end - 1].span.end};
          rec.date = t.Resolve(date, ClauseTense(sentence, t.head, Modality::kAsserted));
          out->times.push_back(rec);
        }
        if (gazetteer_ != nullptr) {
          ws->places.clear();
          FindPlaces(sentence, actors[i], *dictionaries_, *gazetteer_, !title && index == 0,
                     &ws->places);
          for (PlaceMention& p : ws->places) {
            DocumentResult::PlaceFound rec;
            rec.sentence = index;
            rec.title = title;
            rec.span = {sentence.tokens[p.token_begin].span.begin,
                        sentence.tokens[p.token_end - 1].span.end};
            rec.place = std::move(p);
            out->places.push_back(std::move(rec));
          }
        }
        continue;
      }
      const size_t first_event = out->events.size();
      SentenceInput in;
      in.doc = doc;
      in.sentence = &sentence;
      in.sentence_index = static_cast<uint32_t>(first_index + i);
      in.zone = zone;
      in.date = out->date;
      in.actors = actors[i];
      coder_->CodeSentence(in, &ws->coder, &out->events);
      if (out->events.size() > first_event) {
        AttachContext(sentence, actors[i], date, ws, &out->events, first_event, &out->counts);
      }
    }
  };
  process(out->title_sentences, out->title_actors, "title", 0);
  if (!code || doc->pretokenized) {
    process(doc->sentences, out->actors, "text", 0);
  } else {
    // Segment and code a piece of the body at a time: memory stays flat in document length.
    size_t index = 0;
    for (const text::Span& piece : TextChunks(*doc, kCodeChunkBytes)) {
      doc->sentences.clear();
      text_->segmenter().SegmentSpan(doc->body, piece, &doc->sentences);
      process(doc->sentences, out->actors, "text", index);
      index += doc->sentences.size();
    }
    doc->sentences.clear();
    out->actors.clear();
  }
  if (keep_context) out->resolutions = ws->context.resolutions();
  out->counts.events = out->events.size();
}

void Pipeline::Annotate(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out) const {
  Run(doc, ws, out, false);
}

void Pipeline::Code(text::Document* doc, PipelineWorkspace* ws, DocumentResult* out) const {
  Run(doc, ws, out, true);
  if (options_.signatures) {
    if (doc->zones.empty()) {
      ComputeSignature(doc->body, &out->signature);
    } else {
      std::string text;
      for (const text::Zone& z : doc->zones) {
        if (z.kind != text::ZoneKind::kText || z.span.end > doc->body.size()) continue;
        text.append(doc->body, z.span.begin, z.span.size());
        text.push_back('\n');
      }
      ComputeSignature(text, &out->signature);
    }
  }
}

// ----- OrderedRunner -----

OrderedRunner::OrderedRunner(const Pipeline& pipeline, Mode mode, int threads, Sink sink,
                             Deduplicator* dedup)
    : pipeline_(pipeline), mode_(mode), sink_(std::move(sink)), dedup_(dedup) {
  if (threads < 1) threads = 1;
  window_ = threads <= 1 ? 1 : static_cast<size_t>(threads) * 2;
  if (threads > 1) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
}

OrderedRunner::~OrderedRunner() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void OrderedRunner::Process(Slot* slot, PipelineWorkspace* ws) const {
  if (mode_ == Mode::kCode) {
    pipeline_.Code(&slot->doc, ws, &slot->result);
  } else {
    pipeline_.Annotate(&slot->doc, ws, &slot->result);
  }
  if (slot->cut) slot->result.counts.capped_documents = 1;
}

void OrderedRunner::Push(text::Document doc) {
  auto slot = std::make_unique<Slot>();
  slot->doc = std::move(doc);
  slot->cut = pipeline_.CapDocument(&slot->doc, mode_ == Mode::kCode);
  // Pre-tokenized documents arrive with tokens viewing the body; a short body lives inside the
  // string object (small-string optimisation), so the move can leave them dangling: re-point.
  if (slot->doc.pretokenized) {
    const std::string_view body = slot->doc.body;
    for (text::Sentence& s : slot->doc.sentences) {
      for (text::Token& t : s.tokens) {
        if (t.span.end <= body.size() && t.span.begin <= t.span.end) {
          t.form = body.substr(t.span.begin, t.span.size());
        }
      }
    }
  }
  if (workers_.empty()) {
    Process(slot.get(), &inline_ws_);
    Emit(slot.get());
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] {
    DrainReady(lock);
    return queue_.size() < window_;
  });
  queue_.push_back(std::move(slot));
  work_cv_.notify_one();
}

// Emits finished documents at the front of the queue, in order. Called with the lock held;
// releases it around the sink so that workers keep going.
void OrderedRunner::DrainReady(std::unique_lock<std::mutex>& lock) {
  while (!queue_.empty() && queue_.front()->done) {
    std::unique_ptr<Slot> slot = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Emit(slot.get());
    lock.lock();
  }
}

void OrderedRunner::Emit(Slot* slot) {
  if (dedup_ != nullptr && mode_ == Mode::kCode) {
    dedup_->Apply(slot->doc.id, slot->result.signature, &slot->result.events,
                  &slot->result.counts.dedup);
    slot->result.counts.events = slot->result.events.size();
  }
  sink_(slot->doc, slot->result);
}

void OrderedRunner::Finish() {
  if (workers_.empty()) return;
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] {
    DrainReady(lock);
    return queue_.empty();
  });
}

void OrderedRunner::Work() {
  PipelineWorkspace ws;
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    Slot* slot = nullptr;
    work_cv_.wait(lock, [&] {
      if (stopping_) return true;
      for (auto& s : queue_) {
        if (!s->taken) {
          slot = s.get();
          return true;
        }
      }
      return false;
    });
    if (slot == nullptr) return;  // stopping
    slot->taken = true;
    lock.unlock();
    Process(slot, &ws);
    lock.lock();
    slot->done = true;
    done_cv_.notify_all();
  }
}

}  // namespace parley::coding
