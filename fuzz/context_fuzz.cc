// libFuzzer target: the document context without the syntax model, on arbitrary bytes split
// into whitespace tokens and into sentences at '.': time expressions (found and resolved in
// both tenses against several story dates), places (with the shipped dictionaries' actors and
// the gazetteer), coreference across the sentences, and the near-duplicate signature. Checks
// that every expression and place lies inside its sentence, that resolved dates are real
// dates, and that resolved mentions point into the body.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "parley/coding/coreference.h"
#include "parley/coding/dedup.h"
#include "parley/coding/places.h"
#include "parley/coding/time_expressions.h"
#include "parley/paths.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  static const std::shared_ptr<const lexicon::DictionarySet> dict =
      lexicon::DictionarySet::Load(DataDir());
  static const std::unique_ptr<const lexicon::Gazetteer> gazetteer =
      lexicon::Gazetteer::Load(DataDir() + "/places");
  const std::string body(reinterpret_cast<const char*>(data), size);

  // sentences of whitespace tokens, cut after a token ending in '.'
  std::vector<text::Sentence> sentences(1);
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\t')) ++i;
    size_t j = i;
    while (j < body.size() && body[j] != ' ' && body[j] != '\n' && body[j] != '\t') ++j;
    if (j == i) break;
    text::Token t;
    t.form = std::string_view(body).substr(i, j - i);
    t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    sentences.back().tokens.push_back(t);
    if (body[j - 1] == '.' && sentences.size() < 64) sentences.emplace_back();
    i = j;
  }

  coding::DocumentContext context;
  context.Reset(dict.get(), 20211203);
  lexicon::LookupWorkspace lookup;
  std::vector<lexicon::Mention> mentions;
  std::vector<std::string_view> forms;
  uint32_t index = 0;
  for (const text::Sentence& s : sentences) {
    if (s.tokens.empty() || s.tokens.size() > 200) continue;
    std::vector<coding::TimeExpression> times;
    coding::FindTimeExpressions(s, &times);
    for (const coding::TimeExpression& t : times) {
      Check(t.token_begin < t.token_end && t.token_end <= s.tokens.size());
      Check(t.head >= t.token_begin && t.head < t.token_end);
      for (lexicon::Date anchor : {20211203, 20240229, 20000101, lexicon::kUnknownDate}) {
        for (coding::Tense tense : {coding::Tense::kPast, coding::Tense::kFuture}) {
          const coding::ResolvedDate d = t.Resolve(anchor, tense);
          if (!d.known()) continue;
          Check(lexicon::IsValidDate(lexicon::YearOf(d.date), lexicon::MonthOf(d.date),
                                     lexicon::DayOf(d.date)));
          Check(!d.Format().empty());
        }
      }
    }
    forms.clear();
    for (const text::Token& t : s.tokens) forms.push_back(t.form);
    dict->Lookup(forms, {}, 20211203, &lookup, &mentions);
    std::vector<coding::ActorMention> actors;
    for (const lexicon::Mention& m : mentions) {
      coding::ActorMention a;
      a.mention = m;
      a.span = {s.tokens[m.token_begin].span.begin, s.tokens[m.token_end - 1].span.end};
      actors.push_back(a);
    }
    context.Resolve(s, &actors);
    for (size_t k = 0; k < actors.size(); ++k) {
      const coding::ActorMention& a = actors[k];
      Check(a.mention.token_begin < a.mention.token_end && a.mention.token_end <= s.tokens.size());
      if (k > 0) Check(actors[k - 1].mention.token_begin <= a.mention.token_begin);
      if (a.resolved) Check(a.resolved_from.end <= body.size());
    }
    context.Observe(s, actors, true);
    std::vector<coding::PlaceMention> places;
    coding::FindPlaces(s, actors, *dict, *gazetteer, index == 0, &places);
    for (const coding::PlaceMention& p : places) {
      Check(p.token_begin < p.token_end && p.token_end <= s.tokens.size());
      Check(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180);
    }
    ++index;
  }
  coding::DocumentSignature signature;
  coding::ComputeSignature(body, &signature);
  Check(!signature.valid || coding::EstimatedSimilarity(signature, signature) == 1.0);
  return 0;
}
