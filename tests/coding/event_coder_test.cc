// The event coder on gold dependency trees: each case is a hand-written CoNLL-U sentence and
// the events it must yield, so these tests do not depend on the statistical tagger or parser.
// Actors are found as Pipeline::FindActors does (DictionarySet::Lookup on forms and lemmas);
// the dictionaries are the small set in tests/fixtures/coder, the codebook is the shipped one.
#include "parley/coding/event_coder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/error.h"
#include "parley/lexicon/codebook.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/text/conllu.h"
#include "parley/text/reader.h"

namespace parley::coding {
namespace {

const std::string kFixtureDir = std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/coder";

const lexicon::Codebook& SharedCodebook() {
  static const lexicon::Codebook* codebook =
      new lexicon::Codebook(lexicon::Codebook::LoadDefault());
  return *codebook;
}

std::shared_ptr<const lexicon::DictionarySet> SharedDictionaries() {
  static const auto set = lexicon::DictionarySet::Load(kFixtureDir);
  return set;
}

// The line of tests/fixtures/coder/patterns.txt that reads `pattern`, or 0.
uint32_t PatternLine(std::string_view pattern) {
  std::ifstream in(kFixtureDir + "/patterns.txt");
  std::string line;
  for (uint32_t number = 1; std::getline(in, line); ++number) {
    if (line == pattern) return number;
  }
  return 0;
}

// The tables write CoNLL-U with its 10 columns separated by runs of spaces, so that they line
// up for a reader; the CoNLL-U reader wants single tabs.
std::string Tabs(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (c == ' ') {
      gap = true;
      continue;
    }
    if (gap && c != '\n' && !out.empty() && out.back() != '\n') out += '\t';
    gap = false;
    out += c;
  }
  return out;
}

// A document read from CoNLL-U with the actors of each sentence. Not movable on purpose:
// token forms view `doc.body`.
struct Parsed {
  text::Document doc;
  std::vector<std::vector<ActorMention>> actors;  // per sentence
};

std::vector<ActorMention> FindActors(const lexicon::DictionarySet& dict,
                                     const text::Sentence& sentence) {
  std::vector<std::string_view> forms;
  std::vector<std::string_view> lemmas;
  for (const text::Token& t : sentence.tokens) {
    forms.push_back(t.form);
    lemmas.push_back(t.lemma);
  }
  lexicon::LookupWorkspace ws;
  std::vector<lexicon::Mention> mentions;
  dict.Lookup(forms, lemmas, lexicon::kUnknownDate, &ws, &mentions);
  std::vector<ActorMention> out;
  for (const lexicon::Mention& m : mentions) {
    ActorMention a;
    a.mention = m;
    a.span = text::Span{sentence.tokens[m.token_begin].span.begin,
                        sentence.tokens[m.token_end - 1].span.end};
    out.push_back(std::move(a));
  }
  return out;
}

// Reads one document of CoNLL-U (space-aligned columns) and looks up its actors; the test
// fails (and the result has no sentences) when the reader rejects a sentence.
std::unique_ptr<Parsed> Parse(std::string_view conllu) {
  auto parsed = std::make_unique<Parsed>();
  text::InputReport report;
  auto reader = text::MakeConlluReader(std::make_unique<std::istringstream>(Tabs(conllu)),
                                       "case", &report);
  EXPECT_EQ(reader->Next(&parsed->doc), text::ReadStatus::kDocument) << report.Summary();
  EXPECT_EQ(report.rejected(), 0u) << report.Summary();
  parsed->doc.id = "doc-1";
  for (const text::Sentence& s : parsed->doc.sentences) {
    parsed->actors.push_back(FindActors(*SharedDictionaries(), s));
  }
  return parsed;
}

// Codes the first sentence of `parsed` with `coder`.
std::vector<Event> CodeFirstSentence(const EventCoder& coder, const Parsed& parsed) {
  SentenceInput in;
  in.doc = &parsed.doc;
  in.sentence = &parsed.doc.sentences[0];
  in.actors = parsed.actors[0];
  CoderWorkspace ws;
  std::vector<Event> events;
  coder.CodeSentence(in, &ws, &events);
  return events;
}

std::string ActorCodes(const std::vector<ActorMention>& actors) {
  std::string out;
  for (const ActorMention& a : actors) out += (out.empty() ? "" : " ") + a.mention.code;
  return out;
}

std::string Text(const text::Document& doc, text::Span span) {
  if (span.end > doc.body.size() || span.begin > span.end) return "<bad span>";
  return doc.body.substr(span.begin, span.size());
}

// "SRC TGT CODE" ("-" for a missing side), then the flags that are set: negated, the
// modality when not asserted, attributed:SPEAKER, resolved.
std::string Render(const Event& e) {
  std::string out = e.source.code.empty() ? "-" : e.source.code;
  out += ' ';
  out += e.target.code.empty() ? "-" : e.target.code;
  out += ' ';
  out += e.cameo;
  if (e.negated) out += " negated";
  if (e.modality != Modality::kAsserted) {
    out += ' ';
    out += ModalityName(e.modality);
  }
  if (e.attributed) out += " attributed:" + e.attributed_to.code;
  if (e.source.resolved || e.target.resolved) out += " resolved";
  return out;
}

// What every event must satisfy whatever the sentence: its texts are the bytes its spans
// point at, and the evidence lies inside the sentence.
void ExpectConsistent(const text::Document& doc, const Event& e) {
  for (const EventActor* a : {&e.source, &e.target, &e.attributed_to}) {
    if (a->code.empty()) continue;
    EXPECT_EQ(Text(doc, a->span), a->text) << Render(e);
    EXPECT_EQ(a->resolved, a->resolved_from.size() > 0) << Render(e);
    EXPECT_GE(a->span.begin, e.sentence_span.begin) << Render(e);
    EXPECT_LE(a->span.end, e.sentence_span.end) << Render(e);
  }
  EXPECT_EQ(Text(doc, e.verb_span), e.verb_text) << Render(e);
  EXPECT_EQ(Text(doc, e.sentence_span), e.sentence_text) << Render(e);
  EXPECT_GE(e.verb_span.begin, e.sentence_span.begin) << Render(e);
  EXPECT_LE(e.verb_span.end, e.sentence_span.end) << Render(e);
}

struct CodeCase {
  const char* name;
  const char* conllu;  // one sentence
  const char* actors;  // the codes DictionarySet::Lookup finds, in order
  std::vector<std::string> events;  // Render() of each event, in order
  CoderOptions options = {};
};

// Codes the first sentence of `c` with a fresh coder and a shared workspace (so that the
// table also checks that a warm workspace carries nothing over between sentences).
std::vector<Event> Code(const CodeCase& c, const Parsed& parsed, CoderWorkspace* ws) {
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), c.options);
  SentenceInput in;
  in.doc = &parsed.doc;
  in.sentence = &parsed.doc.sentences[0];
  in.actors = parsed.actors[0];
  std::vector<Event> events;
  coder.CodeSentence(in, ws, &events);
  return events;
}

void RunTable(const std::vector<CodeCase>& cases) {
  CoderWorkspace ws;
  for (const CodeCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto parsed = Parse(c.conllu);
    ASSERT_EQ(parsed->doc.sentences.size(), 1u);
    EXPECT_EQ(ActorCodes(parsed->actors[0]), c.actors) << parsed->doc.body;
    std::vector<Event> events = Code(c, *parsed, &ws);
    std::vector<std::string> got;
    for (const Event& e : events) {
      got.push_back(Render(e));
      ExpectConsistent(parsed->doc, e);
    }
    EXPECT_EQ(got, c.events) << parsed->doc.body;
    // MayYieldEvent may say yes too often, never too rarely (one-sided events: see
    // MayYieldEventKeepsOneSidedSentences)
    EventCoder coder(SharedDictionaries(), &SharedCodebook(), c.options);
    if (!events.empty() && !c.options.keep_one_sided) {
      EXPECT_TRUE(coder.MayYieldEvent(parsed->doc.sentences[0], parsed->actors[0]));
    }
  }
}

TEST(EventCoder, FixtureDictionariesLoadCleanly) {
  auto set = SharedDictionaries();
  EXPECT_TRUE(set->problems().empty()) << set->problems()[0].ToString();
  EXPECT_TRUE(set->patterns().has_clauses());
  EXPECT_GT(set->patterns().patterns().size(), 10u);
  EXPECT_NE(PatternLine("190 attack"), 0u);
  EXPECT_NO_THROW(EventCoder(set, &SharedCodebook(), CoderOptions{}));
}

TEST(EventCoder, TakesSourceAndTargetFromVoiceAndControl) {
  RunTable({
      {"active",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ 2 obj   _ SpaceAfter=No\n"
       "4 .        .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR", {"RUS UKR 190"}},
      {"passive with a by-agent",
       "1 Ukraine  Ukraine PROPN NNP _ 3 nsubj:pass _ _\n"
       "2 was      be      AUX   VBD _ 3 aux:pass   _ _\n"
       "3 attacked attack  VERB  VBN _ 0 root       _ _\n"
       "4 by       by      ADP   IN  _ 5 case       _ _\n"
       "5 Russia   Russia  PROPN NNP _ 3 obl:agent  _ SpaceAfter=No\n"
       "6 .        .       PUNCT .   _ 3 punct      _ _\n",
       "UKR RUS", {"RUS UKR 190"}},
      {"passive without an agent has no source",
       "1 Ukraine  Ukraine PROPN NNP _ 3 nsubj:pass _ _\n"
       "2 was      be      AUX   VBD _ 3 aux:pass   _ _\n"
       "3 attacked attack  VERB  VBN _ 0 root       _ SpaceAfter=No\n"
       "4 .        .       PUNCT .   _ 3 punct      _ _\n",
       "UKR", {}},
      {"one-sided events are kept on request",
       "1 Ukraine  Ukraine PROPN NNP _ 3 nsubj:pass _ _\n"
       "2 was      be      AUX   VBD _ 3 aux:pass   _ _\n"
       "3 attacked attack  VERB  VBN _ 0 root       _ SpaceAfter=No\n"
       "4 .        .       PUNCT .   _ 3 punct      _ _\n",
       "UKR", {"- UKR 190"}, CoderOptions{.keep_one_sided = true}},
      {"raising: is expected to speak -> intent code",
       "1 Biden    Biden  PROPN NNP _ 3 nsubj:pass _ _\n"
       "2 is       be     AUX   VBZ _ 3 aux:pass   _ _\n"
       "3 expected expect VERB  VBN _ 0 root       _ _\n"
       "4 to       to     PART  TO  _ 5 mark       _ _\n"
       "5 speak    speak  VERB  VB  _ 3 xcomp      _ _\n"
       "6 with     with   ADP   IN  _ 7 case       _ _\n"
       "7 Putin    Putin  PROPN NNP _ 5 obl        _ SpaceAfter=No\n"
       "8 .        .      PUNCT .   _ 3 punct      _ _\n",
       "USAGOV RUSGOV", {"USAGOV RUSGOV 036 intent"}},
      {"subject control: agreed to meet -> intent code",
       "1 Biden  Biden PROPN NNP _ 2 nsubj _ _\n"
       "2 agreed agree VERB  VBD _ 0 root  _ _\n"
       "3 to     to    PART  TO  _ 4 mark  _ _\n"
       "4 meet   meet  VERB  VB  _ 2 xcomp _ _\n"
       "5 Putin  Putin PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
       "6 .      .     PUNCT .   _ 2 punct _ _\n",
       "USAGOV RUSGOV", {"USAGOV RUSGOV 036 intent"}},
      {"object control: the requested attack is not coded, the appeal is",
       "1 Poland  Poland  PROPN NNP _ 2 nsubj _ _\n"
       "2 urged   urge    VERB  VBD _ 0 root  _ _\n"
       "3 Germany Germany PROPN NNP _ 2 obj   _ _\n"
       "4 to      to      PART  TO  _ 5 mark  _ _\n"
       "5 attack  attack  VERB  VB  _ 2 xcomp _ _\n"
       "6 Russia  Russia  PROPN NNP _ 5 obj   _ SpaceAfter=No\n"
       "7 .       .       PUNCT .   _ 2 punct _ _\n",
       "POL DEU RUS", {"POL DEU 020"}},
      {"a second conjunct without a subject takes the first one's",
       "1 Biden   Biden  PROPN NNP _ 2 nsubj _ _\n"
       "2 met     meet   VERB  VBD _ 0 root  _ _\n"
       "3 Putin   Putin  PROPN NNP _ 2 obj   _ _\n"
       "4 and     and    CCONJ CC  _ 5 cc    _ _\n"
       "5 praised praise VERB  VBD _ 2 conj  _ _\n"
       "6 Macron  Macron PROPN NNP _ 5 obj   _ SpaceAfter=No\n"
       "7 .       .      PUNCT .   _ 2 punct _ _\n",
       "USAGOV RUSGOV FRAGOV", {"USAGOV RUSGOV 040", "USAGOV FRAGOV 051"}},
      {"relative clause: who takes the noun it modifies",
       "1 Biden   Biden  PROPN NNP _ 2 nsubj     _ _\n"
       "2 met     meet   VERB  VBD _ 0 root      _ _\n"
       "3 Putin   Putin  PROPN NNP _ 2 obj       _ SpaceAfter=No\n"
       "4 ,       ,      PUNCT ,   _ 6 punct     _ _\n"
       "5 who     who    PRON  WP  _ 6 nsubj     _ _\n"
       "6 praised praise VERB  VBD _ 3 acl:relcl _ _\n"
       "7 Macron  Macron PROPN NNP _ 6 obj       _ SpaceAfter=No\n"
       "8 .       .      PUNCT .   _ 2 punct     _ _\n",
       "USAGOV RUSGOV FRAGOV", {"USAGOV RUSGOV 040", "RUSGOV FRAGOV 051"}},
  });
}

TEST(EventCoder, ReadsModality) {
  RunTable({
      {"will -> intent code",
       "1 Russia  Russia  PROPN NNP _ 3 nsubj _ _\n"
       "2 will    will    AUX   MD  _ 3 aux   _ _\n"
       "3 attack  attack  VERB  VB  _ 0 root  _ _\n"
       "4 Ukraine Ukraine PROPN NNP _ 3 obj   _ SpaceAfter=No\n"
       "5 .       .       PUNCT .   _ 3 punct _ _\n",
       "RUS UKR", {"RUS UKR 1384 intent"}},
      {"may -> possible, coded like an intention",
       "1 Russia  Russia  PROPN NNP _ 3 nsubj _ _\n"
       "2 may     may     AUX   MD  _ 3 aux   _ _\n"
       "3 attack  attack  VERB  VB  _ 0 root  _ _\n"
       "4 Ukraine Ukraine PROPN NNP _ 3 obj   _ SpaceAfter=No\n"
       "5 .       .       PUNCT .   _ 3 punct _ _\n",
       "RUS UKR", {"RUS UKR 1384 possible"}},
      {"a whether-question is not coded",
       "1 Nobody  nobody  PRON  NN  _ 2 nsubj _ _\n"
       "2 knows   know    VERB  VBZ _ 0 root  _ _\n"
       "3 whether whether SCONJ IN  _ 6 mark  _ _\n"
       "4 Russia  Russia  PROPN NNP _ 6 nsubj _ _\n"
       "5 will    will    AUX   MD  _ 6 aux   _ _\n"
       "6 attack  attack  VERB  VB  _ 2 ccomp _ _\n"
       "7 Ukraine Ukraine PROPN NNP _ 6 obj   _ SpaceAfter=No\n"
       "8 .       .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR", {}},
  });
}

TEST(EventCoder, CodesEachPairOfCoordinatedActors) {
  const char* subjects =
      "1 India    India    PROPN NNP _ 4 nsubj _ _\n"
      "2 and      and      CCONJ CC  _ 3 cc    _ _\n"
      "3 Pakistan Pakistan PROPN NNP _ 1 conj  _ _\n"
      "4 attacked attack   VERB  VBD _ 0 root  _ _\n"
      "5 China    China    PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
      "6 .        .        PUNCT .   _ 4 punct _ _\n";
  RunTable({
      {"coordinated subjects", subjects, "IND PAK CHN", {"IND CHN 190", "PAK CHN 190"}},
      {"coordinated objects",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ 2 obj   _ _\n"
       "4 and      and     CCONJ CC  _ 5 cc    _ _\n"
       "5 Poland   Poland  PROPN NNP _ 3 conj  _ SpaceAfter=No\n"
       "6 .        .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR POL", {"RUS UKR 190", "RUS POL 190"}},
      {"max_events_per_sentence caps the pairs", subjects, "IND PAK CHN", {"IND CHN 190"},
       CoderOptions{.max_events_per_sentence = 1}},
      {"a reciprocal code without a target is coded both ways",
       "1 India    India    PROPN NNP _ 4 nsubj _ _\n"
       "2 and      and      CCONJ CC  _ 3 cc    _ _\n"
       "3 Pakistan Pakistan PROPN NNP _ 1 conj  _ _\n"
       "4 held     hold     VERB  VBD _ 0 root  _ _\n"
       "5 talks    talk     NOUN  NNS _ 4 obj   _ SpaceAfter=No\n"
       "6 .        .        PUNCT .   _ 4 punct _ _\n",
       "IND PAK", {"IND PAK 040", "PAK IND 040"}},
      {"a reciprocal code with a target is coded once",
       "1 India    India    PROPN NNP _ 2 nsubj _ _\n"
       "2 held     hold     VERB  VBD _ 0 root  _ _\n"
       "3 talks    talk     NOUN  NNS _ 2 obj   _ _\n"
       "4 with     with     ADP   IN  _ 5 case  _ _\n"
       "5 Pakistan Pakistan PROPN NNP _ 3 nmod  _ SpaceAfter=No\n"
       "6 .        .        PUNCT .   _ 2 punct _ _\n",
       "IND PAK", {"IND PAK 040"}},
  });
}

TEST(EventCoder, DropsNegatedEventsUnlessAskedToKeepThem) {
  const char* negated =
      "1 Russia  Russia  PROPN NNP _ 4 nsubj  _ _\n"
      "2 did     do      AUX   VBD _ 4 aux    _ _\n"
      "3 not     not     PART  RB  _ 4 advmod _ _\n"
      "4 attack  attack  VERB  VB  _ 0 root   _ _\n"
      "5 Ukraine Ukraine PROPN NNP _ 4 obj    _ SpaceAfter=No\n"
      "6 .       .       PUNCT .   _ 4 punct  _ _\n";
  const char* refused =
      "1 Russia  Russia  PROPN NNP _ 2 nsubj _ _\n"
      "2 refused refuse  VERB  VBD _ 0 root  _ _\n"
      "3 to      to      PART  TO  _ 4 mark  _ _\n"
      "4 meet    meet    VERB  VB  _ 2 xcomp _ _\n"
      "5 Ukraine Ukraine PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
      "6 .       .       PUNCT .   _ 2 punct _ _\n";
  const char* no_strike =
      "1 Russia  Russia  PROPN NNP _ 4 nsubj  _ _\n"
      "2 did     do      AUX   VBD _ 4 aux    _ _\n"
      "3 not     not     PART  RB  _ 4 advmod _ _\n"
      "4 launch  launch  VERB  VB  _ 0 root   _ _\n"
      "5 a       a       DET   DT  _ 6 det    _ _\n"
      "6 strike  strike  NOUN  NN  _ 4 obj    _ _\n"
      "7 on      on      ADP   IN  _ 8 case   _ _\n"
      "8 Ukraine Ukraine PROPN NNP _ 6 nmod   _ SpaceAfter=No\n"
      "9 .       .       PUNCT .   _ 4 punct  _ _\n";
  const CoderOptions keep{.keep_negated = true};
  RunTable({
      {"not: dropped by default", negated, "RUS UKR", {}},
      {"not: kept with keep_negated", negated, "RUS UKR", {"RUS UKR 190 negated"}, keep},
      {"refused to: dropped by default", refused, "RUS UKR", {}},
      {"refused to: kept with keep_negated", refused, "RUS UKR", {"RUS UKR 040 negated"}, keep},
      {"an event noun is negated with its light verb", no_strike, "RUS UKR", {}},
      {"a neg slot makes the negation part of the pattern: not negated, not dropped",
       "1 Russia  Russia  PROPN NNP _ 4 nsubj  _ _\n"
       "2 did     do      AUX   VBD _ 4 aux    _ _\n"
       "3 not     not     PART  RB  _ 4 advmod _ _\n"
       "4 agree   agree   VERB  VB  _ 0 root   _ _\n"
       "5 with    with    ADP   IN  _ 6 case   _ _\n"
       "6 Ukraine Ukraine PROPN NNP _ 4 obl    _ SpaceAfter=No\n"
       "7 .       .       PUNCT .   _ 4 punct  _ _\n",
       "RUS UKR", {"RUS UKR 120"}},
      {"an event noun negated, kept", no_strike, "RUS UKR", {"RUS UKR 195 negated"}, keep},
  });
}

TEST(EventCoder, AttributesReportedSpeechAndDropsTheStatement) {
  RunTable({
      {"X said Y attacked Z",
       "1 France   France  PROPN NNP _ 2 nsubj _ _\n"
       "2 said     say     VERB  VBD _ 0 root  _ _\n"
       "3 Russia   Russia  PROPN NNP _ 4 nsubj _ _\n"
       "4 attacked attack  VERB  VBD _ 2 ccomp _ _\n"
       "5 Ukraine  Ukraine PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
       "6 .        .       PUNCT .   _ 2 punct _ _\n",
       "FRA RUS UKR", {"RUS UKR 190 attributed:FRA"}},
      {"the statement alone is coded",
       "1 France  France  PROPN NNP _ 2 nsubj _ _\n"
       "2 told    tell    VERB  VBD _ 0 root  _ _\n"
       "3 Germany Germany PROPN NNP _ 2 obj   _ SpaceAfter=No\n"
       "4 .       .       PUNCT .   _ 2 punct _ _\n",
       "FRA DEU", {"FRA DEU 010"}},
      {"X told W that Y attacked Z: the statement X -> W is suppressed",
       "1 France   France  PROPN NNP   _ 2 nsubj _ _\n"
       "2 told     tell    VERB  VBD   _ 0 root  _ _\n"
       "3 Germany  Germany PROPN NNP   _ 2 obj   _ _\n"
       "4 that     that    SCONJ IN    _ 6 mark  _ _\n"
       "5 Russia   Russia  PROPN NNP   _ 6 nsubj _ _\n"
       "6 attacked attack  VERB  VBD   _ 2 ccomp _ _\n"
       "7 Ukraine  Ukraine PROPN NNP   _ 6 obj   _ SpaceAfter=No\n"
       "8 .        .       PUNCT .     _ 2 punct _ _\n",
       "FRA DEU RUS UKR", {"RUS UKR 190 attributed:FRA"}},
      {"Y attacked Z, X said",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj     _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root      _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ 2 obj       _ SpaceAfter=No\n"
       "4 ,        ,       PUNCT ,   _ 6 punct     _ _\n"
       "5 France   France  PROPN NNP _ 6 nsubj     _ _\n"
       "6 said     say     VERB  VBD _ 2 parataxis _ SpaceAfter=No\n"
       "7 .        .       PUNCT .   _ 2 punct     _ _\n",
       "RUS UKR FRA", {"RUS UKR 190 attributed:FRA"}},
  });
}

TEST(EventCoder, CodesEventNounsUnderLightVerbsAndPossessors) {
  RunTable({
      {"light verb: launched a strike on Y",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 launched launch  VERB  VBD _ 0 root  _ _\n"
       "3 a        a       DET   DT  _ 4 det   _ _\n"
       "4 strike   strike  NOUN  NN  _ 2 obj   _ _\n"
       "5 on       on      ADP   IN  _ 6 case  _ _\n"
       "6 Ukraine  Ukraine PROPN NNP _ 4 nmod  _ SpaceAfter=No\n"
       "7 .        .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR", {"RUS UKR 195"}},
      {"light verb: the on-phrase attached to the verb",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 launched launch  VERB  VBD _ 0 root  _ _\n"
       "3 a        a       DET   DT  _ 4 det   _ _\n"
       "4 strike   strike  NOUN  NN  _ 2 obj   _ _\n"
       "5 on       on      ADP   IN  _ 6 case  _ _\n"
       "6 Ukraine  Ukraine PROPN NNP _ 2 obl   _ SpaceAfter=No\n"
       "7 .        .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR", {"RUS UKR 195"}},
      {"light verb: imposed sanctions on Y",
       "1 The       the      DET   DT  _ 2 det   _ _\n"
       "2 US        US       PROPN NNP _ 3 nsubj _ _\n"
       "3 imposed   impose   VERB  VBD _ 0 root  _ _\n"
       "4 sanctions sanction NOUN  NNS _ 3 obj   _ _\n"
       "5 on        on       ADP   IN  _ 6 case  _ _\n"
       "6 Iran      Iran     PROPN NNP _ 4 nmod  _ SpaceAfter=No\n"
       "7 .         .        PUNCT .   _ 3 punct _ _\n",
       "USA IRN", {"USA IRN 163"}},
      {"not under a verb that is not a light verb: lifted its sanctions on Y",
       "1 The       the      DET   DT   _ 2 det       _ _\n"
       "2 US        US       PROPN NNP  _ 3 nsubj     _ _\n"
       "3 lifted    lift     VERB  VBD  _ 0 root      _ _\n"
       "4 its       its      PRON  PRP$ _ 5 nmod:poss _ _\n"
       "5 sanctions sanction NOUN  NNS  _ 3 obj       _ _\n"
       "6 on        on       ADP   IN   _ 7 case      _ _\n"
       "7 Iran      Iran     PROPN NNP  _ 5 nmod      _ SpaceAfter=No\n"
       "8 .         .        PUNCT .    _ 3 punct     _ _\n",
       "USA IRN", {}},
      {"the same noun as a subject: its possessor pronoun is the source",
       "1 The       the      DET   DT   _ 2 det       _ _\n"
       "2 US        US       PROPN NNP  _ 3 nsubj     _ _\n"
       "3 hoped     hope     VERB  VBD  _ 0 root      _ _\n"
       "4 its       its      PRON  PRP$ _ 5 nmod:poss _ _\n"
       "5 sanctions sanction NOUN  NNS  _ 8 nsubj     _ _\n"
       "6 on        on       ADP   IN   _ 7 case      _ _\n"
       "7 Iran      Iran     PROPN NNP  _ 5 nmod      _ _\n"
       "8 worked    work     VERB  VBD  _ 3 ccomp     _ SpaceAfter=No\n"
       "9 .         .        PUNCT .    _ 3 punct     _ _\n",
       "USA IRN", {"USA IRN 163 resolved"}},
      {"possessor: X's invasion of Y",
       "1 Russia   Russia   PROPN NNP _ 3 nmod:poss _ SpaceAfter=No\n"
       "2 's       's       PART  POS _ 1 case      _ _\n"
       "3 invasion invasion NOUN  NN  _ 6 nsubj     _ _\n"
       "4 of       of       ADP   IN  _ 5 case      _ _\n"
       "5 Ukraine  Ukraine  PROPN NNP _ 3 nmod      _ _\n"
       "6 failed   fail     VERB  VBD _ 0 root      _ SpaceAfter=No\n"
       "7 .        .        PUNCT .   _ 6 punct     _ _\n",
       "RUS UKR", {"RUS UKR 192"}},
      {"an adjective modifying the noun: the Russian strike on Y",
       "1 The     the     DET   DT  _ 3 det   _ _\n"
       "2 Russian Russian ADJ   JJ  _ 3 amod  _ _\n"
       "3 strike  strike  NOUN  NN  _ 7 nsubj _ _\n"
       "4 on      on      ADP   IN  _ 5 case  _ _\n"
       "5 Ukraine Ukraine PROPN NNP _ 3 nmod  _ _\n"
       "6 was     be      AUX   VBD _ 7 cop   _ _\n"
       "7 brief   brief   ADJ   JJ  _ 0 root  _ SpaceAfter=No\n"
       "8 .       .       PUNCT .   _ 7 punct _ _\n",
       "RUS UKR", {"RUS UKR 195"}},
      {"a target slot without an actor gives way to the next one (on Monday, against Y)",
       "1 The       the      DET   DT  _ 2 det   _ _\n"
       "2 US        US       PROPN NNP _ 3 nsubj _ _\n"
       "3 imposed   impose   VERB  VBD _ 0 root  _ _\n"
       "4 sanctions sanction NOUN  NNS _ 3 obj   _ _\n"
       "5 on        on       ADP   IN  _ 6 case  _ _\n"
       "6 Monday    Monday   PROPN NNP _ 3 obl   _ _\n"
       "7 against   against  ADP   IN  _ 8 case  _ _\n"
       "8 Iran      Iran     PROPN NNP _ 4 nmod  _ SpaceAfter=No\n"
       "9 .         .        PUNCT .   _ 3 punct _ _\n",
       "USA IRN", {"USA IRN 163"}},
      {"an actor modifying the noun: US sanctions on Y",
       "1 US        US       PROPN NNP _ 2 compound _ _\n"
       "2 sanctions sanction NOUN  NNS _ 5 nsubj    _ _\n"
       "3 on        on       ADP   IN  _ 4 case     _ _\n"
       "4 Iran      Iran     PROPN NNP _ 2 nmod     _ _\n"
       "5 took      take     VERB  VBD _ 0 root     _ _\n"
       "6 effect    effect   NOUN  NN  _ 5 obj      _ SpaceAfter=No\n"
       "7 .         .        PUNCT .   _ 5 punct    _ _\n",
       "USA IRN", {"USA IRN 163"}},
  });
}

TEST(EventCoder, PicksTheWinningPattern) {
  RunTable({
      {"null pattern beats the general one",
       "1 Ukraine  Ukraine PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 the      the     DET   DT  _ 4 det   _ _\n"
       "4 policies policy  NOUN  NNS _ 2 obj   _ _\n"
       "5 of       of      ADP   IN  _ 6 case  _ _\n"
       "6 Russia   Russia  PROPN NNP _ 4 nmod  _ SpaceAfter=No\n"
       "7 .        .       PUNCT .   _ 2 punct _ _\n",
       "UKR RUS", {}},
      {"general pattern when the null one does not match (target via an of-phrase)",
       "1 Ukraine   Ukraine  PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked  attack   VERB  VBD _ 0 root  _ _\n"
       "3 the       the      DET   DT  _ 4 det   _ _\n"
       "4 positions position NOUN  NNS _ 2 obj   _ _\n"
       "5 of        of       ADP   IN  _ 6 case  _ _\n"
       "6 Russia    Russia   PROPN NNP _ 4 nmod  _ SpaceAfter=No\n"
       "7 .         .        PUNCT .   _ 2 punct _ _\n",
       "UKR RUS", {"UKR RUS 190"}},
      {"the most specific pattern wins: by phone -> 041",
       "1 Biden Biden PROPN NNP _ 2 nsubj _ _\n"
       "2 spoke speak VERB  VBD _ 0 root  _ _\n"
       "3 with  with  ADP   IN  _ 4 case  _ _\n"
       "4 Putin Putin PROPN NNP _ 2 obl   _ _\n"
       "5 by    by    ADP   IN  _ 6 case  _ _\n"
       "6 phone phone NOUN  NN  _ 2 obl   _ SpaceAfter=No\n"
       "7 .     .     PUNCT .   _ 2 punct _ _\n",
       "USAGOV RUSGOV", {"USAGOV RUSGOV 041"}},
      {"without the phone the plain pattern -> 040",
       "1 Biden Biden PROPN NNP _ 2 nsubj _ _\n"
       "2 spoke speak VERB  VBD _ 0 root  _ _\n"
       "3 with  with  ADP   IN  _ 4 case  _ _\n"
       "4 Putin Putin PROPN NNP _ 2 obl   _ SpaceAfter=No\n"
       "5 .     .     PUNCT .   _ 2 punct _ _\n",
       "USAGOV RUSGOV", {"USAGOV RUSGOV 040"}},
      {"an unknown word's regular form finds its lemma: shelled (lemma 'shel')",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 shelled shel    VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 2 obj   _ SpaceAfter=No\n"
       "4 .       .       PUNCT .   _ 2 punct _ _\n",
       "RUS UKR", {"RUS UKR 194"}},
  });
}

TEST(EventCoder, FindsActorsInsidePhrases) {
  RunTable({
      {"target in the object's modifier: denied US accusations",
       "1 Moscow      Moscow     PROPN NNP _ 2 nsubj    _ _\n"
       "2 denied      deny       VERB  VBD _ 0 root     _ _\n"
       "3 US          US         PROPN NNP _ 4 compound _ _\n"
       "4 accusations accusation NOUN  NNS _ 2 obj      _ SpaceAfter=No\n"
       "5 .           .          PUNCT .   _ 2 punct    _ _\n",
       "RUSGOV USA", {"RUSGOV USA 016"}},
      {"apposition: his counterpart Vladimir Putin",
       "1 Macron      Macron      PROPN NNP  _ 2 nsubj     _ _\n"
       "2 met         meet        VERB  VBD  _ 0 root      _ _\n"
       "3 his         he          PRON  PRP$ _ 4 nmod:poss _ _\n"
       "4 counterpart counterpart NOUN  NN   _ 2 obj       _ _\n"
       "5 Vladimir    Vladimir    PROPN NNP  _ 4 appos     _ _\n"
       "6 Putin       Putin       PROPN NNP  _ 5 flat      _ SpaceAfter=No\n"
       "7 .           .           PUNCT .    _ 2 punct     _ _\n",
       "FRAGOV RUSGOV", {"FRAGOV RUSGOV 040"}},
      {"a bare role is not an actor of a dyad",
       "1 Officials official PROPN NNS _ 2 nsubj _ _\n"
       "2 met       meet     VERB  VBD _ 0 root  _ _\n"
       "3 Putin     Putin    PROPN NNP _ 2 obj   _ SpaceAfter=No\n"
       "4 .         .        PUNCT .   _ 2 punct _ _\n",
       "GOV RUSGOV", {}},
      {"an actor and its own bare country are not a dyad",
       "1 Putin   Putin  PROPN NNP _ 2 nsubj _ _\n"
       "2 praised praise VERB  VBD _ 0 root  _ _\n"
       "3 Russia  Russia PROPN NNP _ 2 obj   _ SpaceAfter=No\n"
       "4 .       .      PUNCT .   _ 2 punct _ _\n",
       "RUSGOV RUS", {}},
      {"pronoun resolved to the earlier subject",
       "1 Biden   Biden  PROPN NNP _ 2 nsubj _ _\n"
       "2 met     meet   VERB  VBD _ 0 root  _ _\n"
       "3 Putin   Putin  PROPN NNP _ 2 obj   _ _\n"
       "4 and     and    CCONJ CC  _ 6 cc    _ _\n"
       "5 he      he     PRON  PRP _ 6 nsubj _ _\n"
       "6 praised praise VERB  VBD _ 2 conj  _ _\n"
       "7 Macron  Macron PROPN NNP _ 6 obj   _ SpaceAfter=No\n"
       "8 .       .      PUNCT .   _ 2 punct _ _\n",
       "USAGOV RUSGOV FRAGOV", {"USAGOV RUSGOV 040", "USAGOV FRAGOV 051 resolved"}},
  });
}

TEST(EventCoder, MatchesPhrasalVerbsOnly) {
  RunTable({
      {"turned down: particle as compound:prt",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj        _ _\n"
       "2 turned  turn    VERB  VBD _ 0 root         _ _\n"
       "3 down    down    ADP   RP  _ 2 compound:prt _ _\n"
       "4 Ukraine Ukraine PROPN NNP _ 6 nmod:poss    _ SpaceAfter=No\n"
       "5 's      's      PART  POS _ 4 case         _ _\n"
       "6 offer   offer   NOUN  NN  _ 2 obj          _ SpaceAfter=No\n"
       "7 .       .       PUNCT .   _ 2 punct        _ _\n",
       "RUS UKR", {"RUS UKR 120"}},
      {"turned ... down: particle left as an advmod after the verb",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj     _ _\n"
       "2 turned  turn    VERB  VBD _ 0 root      _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 5 nmod:poss _ SpaceAfter=No\n"
       "4 's      's      PART  POS _ 3 case      _ _\n"
       "5 offer   offer   NOUN  NN  _ 2 obj       _ _\n"
       "6 down    down    ADV   RB  _ 2 advmod    _ SpaceAfter=No\n"
       "7 .       .       PUNCT .   _ 2 punct     _ _\n",
       "RUS UKR", {"RUS UKR 120"}},
      {"the bare verb's pattern does not fire for another phrasal verb (turned away)",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj        _ _\n"
       "2 turned  turn    VERB  VBD _ 0 root         _ _\n"
       "3 away    away    ADP   RP  _ 2 compound:prt _ _\n"
       "4 Ukraine Ukraine PROPN NNP _ 6 nmod:poss    _ SpaceAfter=No\n"
       "5 's      's      PART  POS _ 4 case         _ _\n"
       "6 envoys  envoy   NOUN  NNS _ 2 obj          _ SpaceAfter=No\n"
       "7 .       .       PUNCT .   _ 2 punct        _ _\n",
       "RUS UKR", {}},
      {"the bare verb's pattern fires without a particle (turned to)",
       "1 Ukraine Ukraine PROPN NNP _ 2 nsubj _ _\n"
       "2 turned  turn    VERB  VBD _ 0 root  _ _\n"
       "3 to      to      ADP   IN  _ 4 case  _ _\n"
       "4 Poland  Poland  PROPN NNP _ 2 obl   _ SpaceAfter=No\n"
       "5 .       .       PUNCT .   _ 2 punct _ _\n",
       "UKR POL", {"UKR POL 020"}},
  });
}

TEST(EventCoder, YieldsNothingFromSentencesWithoutAClause) {
  RunTable({
      {"all-caps headline tagged as one name",
       "1 RUSSIA  _ PROPN NNP _ 0 root _ _\n"
       "2 ATTACKS _ PROPN NNP _ 1 flat _ _\n"
       "3 UKRAINE _ PROPN NNP _ 1 flat _ _\n",
       "RUS UKR", {}},
      {"verbless",
       "1 Russia  Russia  PROPN NNP _ 0 root  _ _\n"
       "2 and     and     CCONJ CC  _ 3 cc    _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 1 conj  _ SpaceAfter=No\n"
       "4 .       .       PUNCT .   _ 1 punct _ _\n",
       "RUS UKR", {}},
      {"tagged but not parsed (no heads)",
       "1 Russia   Russia  PROPN NNP _ _ _ _ _\n"
       "2 attacked attack  VERB  VBD _ _ _ _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ _ _ _ SpaceAfter=No\n"
       "4 .        .       PUNCT .   _ _ _ _ _\n",
       "RUS UKR", {}},
  });
}

// A broken parse (heads forming a cycle, no root) must not hang or crash the coder; what it
// yields is unspecified beyond the per-sentence cap.
TEST(EventCoder, SurvivesCyclicHeads) {
  auto parsed = Parse(
      "1 Russia   Russia  PROPN NNP _ 3 conj  _ _\n"
      "2 attacked attack  VERB  VBD _ 3 conj  _ _\n"
      "3 Ukraine  Ukraine PROPN NNP _ 2 conj  _ _\n");
  ASSERT_EQ(parsed->doc.sentences.size(), 1u);
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  const std::vector<Event> events = CodeFirstSentence(coder, *parsed);
  EXPECT_LE(events.size(), coder.options().max_events_per_sentence);
  for (const Event& e : events) ExpectConsistent(parsed->doc, e);
}

TEST(EventCoder, IgnoresMissingInput) {
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  CoderWorkspace ws;
  std::vector<Event> events;
  coder.CodeSentence(SentenceInput{}, &ws, &events);
  text::Document doc;
  text::Sentence empty;
  SentenceInput in;
  in.doc = &doc;
  in.sentence = &empty;
  coder.CodeSentence(in, &ws, &events);
  EXPECT_TRUE(events.empty());
}

TEST(EventCoder, SpansPointAtTheBytesOfTheBody) {
  // Two sentences: the second starts at byte 18 of the body, so sentence-relative offsets
  // would be caught.
  auto parsed = Parse(
      "1 Nothing  nothing PRON  NN  _ 2 nsubj _ _\n"
      "2 happened happen  VERB  VBD _ 0 root  _ SpaceAfter=No\n"
      "3 .        .       PUNCT .   _ 2 punct _ _\n"
      "\n"
      "1 Biden   Biden  PROPN NNP _ 2 nsubj _ _\n"
      "2 met     meet   VERB  VBD _ 0 root  _ _\n"
      "3 Putin   Putin  PROPN NNP _ 2 obj   _ _\n"
      "4 and     and    CCONJ CC  _ 6 cc    _ _\n"
      "5 he      he     PRON  PRP _ 6 nsubj _ _\n"
      "6 praised praise VERB  VBD _ 2 conj  _ _\n"
      "7 Macron  Macron PROPN NNP _ 6 obj   _ SpaceAfter=No\n"
      "8 .       .      PUNCT .   _ 2 punct _ _\n");
  ASSERT_EQ(parsed->doc.sentences.size(), 2u);
  ASSERT_EQ(parsed->doc.body, "Nothing happened. Biden met Putin and he praised Macron.");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  SentenceInput in;
  in.doc = &parsed->doc;
  in.sentence = &parsed->doc.sentences[1];
  in.sentence_index = 1;
  in.zone = "title";
  in.date = "2024-05-06";
  in.actors = parsed->actors[1];
  CoderWorkspace ws;
  std::vector<Event> events;
  coder.CodeSentence(in, &ws, &events);
  ASSERT_EQ(events.size(), 2u);

  const Event& met = events[0];
  EXPECT_EQ(met.source.span, (text::Span{18, 23}));
  EXPECT_EQ(met.source.text, "Biden");
  EXPECT_EQ(met.target.span, (text::Span{28, 33}));
  EXPECT_EQ(met.target.text, "Putin");
  EXPECT_EQ(met.verb_span, (text::Span{24, 27}));
  EXPECT_EQ(met.verb_text, "met");
  EXPECT_EQ(met.sentence_span, (text::Span{18, 56}));
  EXPECT_EQ(met.sentence_text, "Biden met Putin and he praised Macron.");
  EXPECT_FALSE(met.source.resolved);
  EXPECT_EQ(met.source.resolved_from, (text::Span{}));

  const Event& praised = events[1];
  EXPECT_EQ(praised.source.code, "USAGOV");
  EXPECT_EQ(praised.source.span, (text::Span{38, 40}));
  EXPECT_EQ(praised.source.text, "he");
  EXPECT_TRUE(praised.source.resolved);
  EXPECT_EQ(praised.source.resolved_from, (text::Span{18, 23}));
  EXPECT_EQ(praised.target.span, (text::Span{49, 55}));
  EXPECT_EQ(praised.target.text, "Macron");
  EXPECT_EQ(praised.verb_span, (text::Span{41, 48}));
  EXPECT_EQ(praised.verb_text, "praised");

  for (const Event& e : events) {
    ExpectConsistent(parsed->doc, e);
    EXPECT_EQ(e.doc_id, "doc-1");
    EXPECT_EQ(e.sentence_index, 1u);
    EXPECT_EQ(e.zone, "title");
    EXPECT_EQ(e.date, "2024-05-06");
  }
}

TEST(EventCoder, SpansOfMultiWordActorsAndReporters) {
  // "Macron met his counterpart Vladimir Putin." / "France said Russia attacked Ukraine."
  auto parsed = Parse(
      "1 Macron      Macron      PROPN NNP  _ 2 nsubj     _ _\n"
      "2 met         meet        VERB  VBD  _ 0 root      _ _\n"
      "3 his         he          PRON  PRP$ _ 4 nmod:poss _ _\n"
      "4 counterpart counterpart NOUN  NN   _ 2 obj       _ _\n"
      "5 Vladimir    Vladimir    PROPN NNP  _ 4 appos     _ _\n"
      "6 Putin       Putin       PROPN NNP  _ 5 flat      _ SpaceAfter=No\n"
      "7 .           .           PUNCT .    _ 2 punct     _ _\n"
      "\n"
      "1 France   France  PROPN NNP _ 2 nsubj _ _\n"
      "2 said     say     VERB  VBD _ 0 root  _ _\n"
      "3 Russia   Russia  PROPN NNP _ 4 nsubj _ _\n"
      "4 attacked attack  VERB  VBD _ 2 ccomp _ _\n"
      "5 Ukraine  Ukraine PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
      "6 .        .       PUNCT .   _ 2 punct _ _\n");
  ASSERT_EQ(parsed->doc.sentences.size(), 2u);
  ASSERT_EQ(parsed->doc.body,
            "Macron met his counterpart Vladimir Putin. France said Russia attacked Ukraine.");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  CoderWorkspace ws;
  std::vector<Event> events;
  for (uint32_t i = 0; i < 2; ++i) {
    SentenceInput in;
    in.doc = &parsed->doc;
    in.sentence = &parsed->doc.sentences[i];
    in.sentence_index = i;
    in.actors = parsed->actors[i];
    coder.CodeSentence(in, &ws, &events);
  }
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].target.code, "RUSGOV");
  EXPECT_EQ(events[0].target.span, (text::Span{27, 41}));
  EXPECT_EQ(events[0].target.text, "Vladimir Putin");
  EXPECT_EQ(events[1].source.span, (text::Span{55, 61}));
  EXPECT_EQ(events[1].target.span, (text::Span{71, 78}));
  EXPECT_TRUE(events[1].attributed);
  EXPECT_EQ(events[1].attributed_to.span, (text::Span{43, 49}));
  EXPECT_EQ(events[1].attributed_to.text, "France");
  EXPECT_EQ(events[1].verb_text, "attacked");
  EXPECT_EQ(events[1].verb_span, (text::Span{62, 70}));
  for (const Event& e : events) ExpectConsistent(parsed->doc, e);
}

TEST(EventCoder, EventsCarryTheCodebookAndThePattern) {
  auto parsed = Parse(
      "1 Biden Biden PROPN NNP _ 2 nsubj _ _\n"
      "2 spoke speak VERB  VBD _ 0 root  _ _\n"
      "3 with  with  ADP   IN  _ 4 case  _ _\n"
      "4 Putin Putin PROPN NNP _ 2 obl   _ _\n"
      "5 by    by    ADP   IN  _ 6 case  _ _\n"
      "6 phone phone NOUN  NN  _ 2 obl   _ SpaceAfter=No\n"
      "7 .     .     PUNCT .   _ 2 punct _ _\n");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  const std::vector<Event> events = CodeFirstSentence(coder, *parsed);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  const lexicon::CameoCode* cameo = SharedCodebook().Find("041");
  ASSERT_NE(cameo, nullptr);
  EXPECT_EQ(e.cameo, "041");
  EXPECT_EQ(e.root, cameo->root);
  EXPECT_EQ(e.quad_class, cameo->quad_class);
  EXPECT_EQ(e.goldstein, cameo->goldstein);
  EXPECT_EQ(e.plover_event, cameo->plover_event);
  EXPECT_EQ(e.plover_mode, cameo->plover_mode);
  const uint32_t line = PatternLine("041 speak with:+ by:&PHONE");
  ASSERT_NE(line, 0u);
  EXPECT_EQ(e.pattern, kFixtureDir + "/patterns.txt:" + std::to_string(line));
  EXPECT_EQ(e.source.country, "USA");
  EXPECT_EQ(e.source.sector, "GOV");
}

TEST(EventCoder, WarmWorkspaceGivesTheSameEvents) {
  auto parsed = Parse(
      "1 India    India    PROPN NNP _ 4 nsubj _ _\n"
      "2 and      and      CCONJ CC  _ 3 cc    _ _\n"
      "3 Pakistan Pakistan PROPN NNP _ 1 conj  _ _\n"
      "4 attacked attack   VERB  VBD _ 0 root  _ _\n"
      "5 China    China    PROPN NNP _ 4 obj   _ SpaceAfter=No\n"
      "6 .        .        PUNCT .   _ 4 punct _ _\n");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  SentenceInput in;
  in.doc = &parsed->doc;
  in.sentence = &parsed->doc.sentences[0];
  in.actors = parsed->actors[0];
  CoderWorkspace ws;
  std::vector<Event> first;
  std::vector<Event> second;
  coder.CodeSentence(in, &ws, &first);
  coder.CodeSentence(in, &ws, &second);
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 2u);
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(Render(first[i]), Render(second[i]));
}

struct MayYieldCase {
  const char* name;
  const char* conllu;
  bool may_yield;
};

TEST(EventCoder, MayYieldEventNeedsTwoActorsAndAPredicate) {
  const MayYieldCase cases[] = {
      {"two actors and a verb predicate",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ 2 obj   _ _\n",
       true},
      {"one actor",
       "1 Russia   Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 the      the     DET   DT  _ 4 det   _ _\n"
       "4 town     town    NOUN  NN  _ 2 obj   _ _\n",
       false},
      {"no actor",
       "1 Rebels   rebel   NOUN  NNS _ 2 nsubj _ _\n"
       "2 attacked attack  VERB  VBD _ 0 root  _ _\n"
       "3 the      the     DET   DT  _ 4 det   _ _\n"
       "4 town     town    NOUN  NN  _ 2 obj   _ _\n",
       false},
      {"two actors, no predicate lemma",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 thanked thank   VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 2 obj   _ _\n",
       false},
      {"a predicate lemma that is not a verb or noun does not count",
       "1 Russia  Russia  PROPN NNP _ 0 root  _ _\n"
       "2 attack  attack  ADJ   JJ  _ 1 amod  _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 1 conj  _ _\n",
       false},
      {"an event noun",
       "1 Russia   Russia   PROPN NNP _ 2 nmod:poss _ _\n"
       "2 invasion invasion NOUN  NN  _ 0 root      _ _\n"
       "3 of       of       ADP   IN  _ 4 case      _ _\n"
       "4 Ukraine  Ukraine  PROPN NNP _ 2 nmod      _ _\n",
       true},
      {"the form backs up an unknown lemma (shelled, lemma 'shel')",
       "1 Russia  Russia  PROPN NNP _ 2 nsubj _ _\n"
       "2 shelled shel    VERB  VBD _ 0 root  _ _\n"
       "3 Ukraine Ukraine PROPN NNP _ 2 obj   _ _\n",
       true},
      {"tags and lemmas suffice: no heads",
       "1 Russia   Russia  PROPN NNP _ _ _ _ _\n"
       "2 attacked attack  VERB  VBD _ _ _ _ _\n"
       "3 Ukraine  Ukraine PROPN NNP _ _ _ _ _\n",
       true},
  };
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  for (const MayYieldCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto parsed = Parse(c.conllu);
    ASSERT_EQ(parsed->doc.sentences.size(), 1u);
    EXPECT_EQ(coder.MayYieldEvent(parsed->doc.sentences[0], parsed->actors[0]), c.may_yield);
  }
}

// "X said [Y's invasion of Z failed]": the event noun is inside the reported complement, so
// the event is reported speech like "X said [Y attacked Z]" (clauses.txt, report-verbs).
TEST(EventCoder, AttributesAnEventNounInsideAReportedClause) {
  auto parsed = Parse(
      "1 France   France   PROPN NNP _ 2 nsubj     _ _\n"
      "2 said     say      VERB  VBD _ 0 root      _ _\n"
      "3 Russia   Russia   PROPN NNP _ 5 nmod:poss _ SpaceAfter=No\n"
      "4 's       's       PART  POS _ 3 case      _ _\n"
      "5 invasion invasion NOUN  NN  _ 8 nsubj     _ _\n"
      "6 of       of       ADP   IN  _ 7 case      _ _\n"
      "7 Ukraine  Ukraine  PROPN NNP _ 5 nmod      _ _\n"
      "8 failed   fail     VERB  VBD _ 2 ccomp     _ SpaceAfter=No\n"
      "9 .        .        PUNCT .   _ 2 punct     _ _\n");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  const std::vector<Event> events = CodeFirstSentence(coder, *parsed);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Render(events[0]), "RUS UKR 192 attributed:FRA");
}

// The header promises that a caller may skip sentences MayYieldEvent rejects "without losing
// any" event, and the pipeline does so before parsing. With keep_one_sided a sentence with a
// single actor yields an event, so MayYieldEvent must not reject it.
TEST(EventCoder, MayYieldEventKeepsOneSidedSentences) {
  auto parsed = Parse(
      "1 Ukraine  Ukraine PROPN NNP _ 3 nsubj:pass _ _\n"
      "2 was      be      AUX   VBD _ 3 aux:pass   _ _\n"
      "3 attacked attack  VERB  VBN _ 0 root       _ SpaceAfter=No\n"
      "4 .        .       PUNCT .   _ 3 punct      _ _\n");
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{.keep_one_sided = true});
  const std::vector<Event> events = CodeFirstSentence(coder, *parsed);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Render(events[0]), "- UKR 190");
  EXPECT_TRUE(coder.MayYieldEvent(parsed->doc.sentences[0], parsed->actors[0]));
}

struct PairCase {
  const char* name;
  const char* conllu;  // only forms and lemmas matter
  bool could_pair;
};

TEST(EventCoder, CouldPairNeedsTwoPlaceableActorsThatDiffer) {
  const PairCase cases[] = {
      {"two countries",
       "1 Russia  Russia  PROPN NNP _ 0 root _ _\n"
       "2 Ukraine Ukraine PROPN NNP _ 1 conj _ _\n",
       true},
      {"one actor", "1 Russia Russia PROPN NNP _ 0 root _ _\n", false},
      {"the same code twice",
       "1 Russia Russia PROPN NNP _ 0 root _ _\n"
       "2 and    and    CCONJ CC  _ 3 cc   _ _\n"
       "3 Russia Russia PROPN NNP _ 1 conj _ _\n",
       false},
      {"a person and their own bare country",
       "1 Putin  Putin  PROPN NNP _ 0 root _ _\n"
       "2 Russia Russia PROPN NNP _ 1 conj _ _\n",
       false},
      {"a bare role and a country",
       "1 officials official NOUN  NNS _ 0 root _ _\n"
       "2 Russia    Russia   PROPN NNP _ 1 conj _ _\n",
       false},
      {"two sectors of one country",
       "1 Russian russian ADJ   JJ  _ 2 amod _ _\n"
       "2 troops  troop   NOUN  NNS _ 0 root _ _\n"
       "3 and     and     CCONJ CC  _ 4 cc   _ _\n"
       "4 Putin   Putin   PROPN NNP _ 2 conj _ _\n",
       true},
  };
  EventCoder coder(SharedDictionaries(), &SharedCodebook(), CoderOptions{});
  for (const PairCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto parsed = Parse(c.conllu);
    ASSERT_EQ(parsed->doc.sentences.size(), 1u);
    EXPECT_EQ(coder.CouldPair(parsed->actors[0]), c.could_pair)
        << ActorCodes(parsed->actors[0]);
  }
}

TEST(EventCoder, RejectsPatternsTheCodebookDoesNotKnow) {
  auto set = std::make_shared<lexicon::DictionarySet>();
  lexicon::ReadPatternFile("bad.txt",
                           "clause negators = not\n"
                           "190 attack\n"
                           "999 attack obj:+\n",
                           set.get());
  set->Freeze();
  ASSERT_TRUE(set->problems().empty());
  try {
    EventCoder coder(set, &SharedCodebook(), CoderOptions{});
    FAIL() << "expected parley::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
  }
}

TEST(EventCoder, RejectsIntentCodesTheCodebookDoesNotKnow) {
  auto set = std::make_shared<lexicon::DictionarySet>();
  lexicon::ReadPatternFile("bad.txt",
                           "190 attack\n"
                           "intent 19 = 9999\n",
                           set.get());
  set->Freeze();
  ASSERT_TRUE(set->problems().empty());
  EXPECT_THROW(EventCoder(set, &SharedCodebook(), CoderOptions{}), Error);
}

TEST(EventCoder, RejectsPatternsWithoutClauseSemantics) {
  auto set = std::make_shared<lexicon::DictionarySet>();
  lexicon::ReadPatternFile("verbs.txt", "190 attack\n", set.get());
  set->Freeze();
  ASSERT_TRUE(set->problems().empty());
  EXPECT_THROW(EventCoder(set, &SharedCodebook(), CoderOptions{}), Error);
}

}  // namespace
}  // namespace parley::coding
