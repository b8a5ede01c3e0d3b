// Parley's verb-pattern files (docs/DICTIONARIES.md "Verb patterns"): what a well-formed file
// reads into, and every kind of malformed line, which must become a LoadProblem naming
// file:line while the rest of the file is still read.
#include "parley/lexicon/event_patterns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/lexicon/dictionary_set.h"

namespace parley::lexicon {
namespace {

std::vector<LoadProblem> Errors(const DictionarySet& set) {
  std::vector<LoadProblem> out;
  for (const LoadProblem& p : set.problems()) {
    if (p.severity == LoadProblem::Severity::kError) out.push_back(p);
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

// "kind:role:prep:words" for one slot, e.g. "prep:target:with:" or "object:none::aid|food".
std::string Describe(const PatternSlot& slot) {
  static const char* const kKinds[] = {"subject", "object", "iobj",  "prep",
                                       "poss",    "xcomp",  "ccomp", "neg"};
  static const char* const kRoles[] = {"none", "source", "target"};
  return std::string(kKinds[static_cast<int>(slot.kind)]) + ":" +
         kRoles[static_cast<int>(slot.role)] + ":" + slot.prep + ":" + Join(slot.words.words);
}

std::string Describe(const EventPattern& p) {
  std::string out = p.code + " " + (p.kind == PredicateKind::kNoun ? "n:" : "") + p.lemma;
  if (!p.particle.empty()) out += "_" + p.particle;
  for (const PatternSlot& s : p.slots) out += " [" + Describe(s) + "]";
  return out;
}

TEST(PatternDictionary, ReadsEveryKindOfSlot) {
  DictionarySet set;
  ReadPatternFile("verbs.txt",
                  "# a comment\n"
                  "\n"
                  "040 speak with:+ by:&PHONE|Radio   # trailing comment\n"
                  "0874 pull_out of:+\n"
                  "163 n:sanction on:+ against:+\n"
                  "070 receive obj:aid|&AID from:$ subj:+\n"
                  "--- hold obj:talk on:&PHONE\n"
                  "036 agree xcomp:meet|talk\n"
                  "120 agree neg\n"
                  "010 say ccomp\n"
                  "190 attack because_of:Reason\n"
                  "040 meet iobj:+ poss:$\n"
                  "set &PHONE = telephone phone\n"
                  "set &AID = food medicine\n",
                  &set);
  set.Freeze();
  ASSERT_TRUE(Errors(set).empty()) << Errors(set)[0].ToString();
  const auto& patterns = set.patterns().patterns();
  const std::vector<std::string> expected = {
      "040 speak [prep:target:with:] [prep:none:by:phone|radio|telephone]",
      "0874 pull_out [prep:target:of:]",
      "163 n:sanction [prep:target:on:] [prep:target:against:]",
      "070 receive [object:none::aid|food|medicine] [prep:source:from:] [subject:target::]",
      "--- hold [object:none::talk] [prep:none:on:phone|telephone]",
      "036 agree [xcomp:none::meet|talk]",
      "120 agree [neg:none::]",
      "010 say [ccomp:none::]",
      "190 attack [prep:none:because of:reason]",
      "040 meet [iobj:target::] [poss:source::]",
  };
  ASSERT_EQ(patterns.size(), expected.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_EQ(Describe(patterns[i]), expected[i]);
    EXPECT_EQ(patterns[i].where.line, i + 3) << expected[i];
    EXPECT_EQ(set.Where(patterns[i].where), "verbs.txt:" + std::to_string(i + 3));
  }
  EXPECT_EQ(patterns[0].Specificity(), 2);
  EXPECT_EQ(patterns[1].Specificity(), 2);  // one slot plus the particle
  EXPECT_TRUE(patterns[4].IsNull());
  EXPECT_FALSE(patterns[0].IsNull());
  EXPECT_FALSE(set.patterns().has_clauses());
}

// `mod:WORDS` constrains a modifier of the event noun (or of a verb's object) and names no actor.
TEST(PatternDictionary, ReadsModifierSlots) {
  DictionarySet set;
  ReadPatternFile("verbs.txt",
                  "142 n:strike mod:hunger|Food\n"
                  "1622 cut obj:aid mod:military to:+\n"
                  "142 n:strike mod:+\n",
                  &set);
  set.Freeze();
  const std::vector<EventPattern>& p = set.patterns().patterns();
  ASSERT_EQ(p.size(), 2u);
  ASSERT_EQ(p[0].slots.size(), 1u);
  EXPECT_EQ(p[0].slots[0].kind, SlotKind::kModifier);
  EXPECT_EQ(p[0].slots[0].role, SlotRole::kNone);
  EXPECT_EQ(p[0].slots[0].words.words, (std::vector<std::string>{"food", "hunger"}));
  ASSERT_EQ(p[1].slots.size(), 3u);
  EXPECT_EQ(p[1].slots[1].kind, SlotKind::kModifier);
  ASSERT_EQ(set.problems().size(), 1u);
  EXPECT_EQ(set.problems()[0].line, 3u);
}

TEST(PatternDictionary, IndexesPredicatesByKindInFileOrder) {
  DictionarySet set;
  ReadPatternFile("verbs.txt",
                  "040 talk with:+\n"
                  "040 n:talk with:+\n"
                  "--- talk about:weather\n"
                  "0874 pull_out of:+\n",
                  &set);
  set.Freeze();
  ASSERT_TRUE(Errors(set).empty());
  const PatternDictionary& d = set.patterns();
  EXPECT_EQ(d.ForPredicate(PredicateKind::kVerb, "talk"), (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(d.ForPredicate(PredicateKind::kNoun, "talk"), (std::vector<uint32_t>{1}));
  // a phrasal verb is indexed under its verb
  EXPECT_EQ(d.ForPredicate(PredicateKind::kVerb, "pull"), (std::vector<uint32_t>{3}));
  EXPECT_TRUE(d.ForPredicate(PredicateKind::kVerb, "pull_out").empty());
  EXPECT_TRUE(d.ForPredicate(PredicateKind::kNoun, "pull").empty());
  EXPECT_TRUE(d.IsPredicateLemma("talk"));
  EXPECT_TRUE(d.IsPredicateLemma("talks"));
  EXPECT_TRUE(d.IsPredicateLemma("pulled"));
  EXPECT_FALSE(d.IsPredicateLemma("walk"));
}

TEST(PatternDictionary, ReadsTheClauseLexicon) {
  DictionarySet set;
  ReadPatternFile("clauses.txt",
                  "clause intent-modals = will shall 'll\n"
                  "clause report-verbs = Say tell|report\n"
                  "clause light-verbs = hold &LIGHT\n"
                  "set &LIGHT = launch carry_out\n"
                  "intent 04 = 036\n"
                  "intent 0831 = 0341\n"
                  "intent 046 = 036\n"
                  "reciprocal 04 036\n"
                  "reciprocal 190\n",
                  &set);
  set.Freeze();
  ASSERT_TRUE(Errors(set).empty()) << Errors(set)[0].ToString();
  ASSERT_TRUE(set.patterns().has_clauses());
  const ClauseLexicon& c = set.patterns().clauses();
  EXPECT_EQ(Join(c.intent_modals.words), "'ll|shall|will");
  EXPECT_EQ(Join(c.report_verbs.words), "report|say|tell");
  EXPECT_EQ(Join(c.light_verbs.words), "carry out|hold|launch");
  EXPECT_TRUE(c.negators.empty());
  // longest prefix first, so that 0831 is tried before 08 and 046 before 04
  ASSERT_EQ(c.intent_codes.size(), 3u);
  EXPECT_EQ(c.intent_codes[0], (std::pair<std::string, std::string>{"0831", "0341"}));
  EXPECT_EQ(c.intent_codes[1], (std::pair<std::string, std::string>{"046", "036"}));
  EXPECT_EQ(c.intent_codes[2], (std::pair<std::string, std::string>{"04", "036"}));
  EXPECT_EQ(c.reciprocal_codes, (std::vector<std::string>{"04", "036", "190"}));
  EXPECT_EQ(set.Where(c.where), "clauses.txt:1");
}

struct BadLine {
  const char* name;
  const char* lines;    // placed after two lines of preamble, so they start at line 3
  uint32_t line;        // the line the problem must name
  const char* message;  // a part of the message
};

TEST(PatternDictionary, ReportsEachMalformedLineWithFileAndLine) {
  const BadLine cases[] = {
      {"code with a letter", "19x attack", 3, "'19x' is not an event code"},
      {"code too long", "12345 attack", 3, "'12345' is not an event code"},
      {"code too short", "1 attack", 3, "'1' is not an event code"},
      {"code without a predicate", "190", 3, "a pattern needs a code and a predicate"},
      {"empty noun predicate", "190 n:", 3, "empty predicate"},
      {"predicate that is not a lemma", "190 at|tack", 3, "is not a lemma"},
      {"noun phrasal", "040 n:talk_up", 3, "a noun predicate is one lemma"},
      {"phrasal without a particle", "040 pull_", 3, "is not verb_particle"},
      {"phrasal without a verb", "040 _out", 3, "is not verb_particle"},
      {"slot name with capitals", "190 attack By:+", 3, "slot name 'By'"},
      {"slot name with a digit", "190 attack in2:+", 3, "slot name 'in2'"},
      {"slot without a colon", "190 attack obj", 3, "slot 'obj' is not NAME:WORDS"},
      {"slot without words", "190 attack obj:", 3, "is not NAME:WORDS"},
      {"xcomp as a role", "036 agree xcomp:+", 3, "xcomp and mod name words"},
      {"empty word in a list", "190 attack obj:town||city", 3, "empty word in list"},
      {"set used but not defined", "\n190 attack obj:&PLACES", 4,
       "set &PLACES is not defined in this file"},
      {"set defined twice", "set &A = x\n# between\nset &A = y", 5,
       "set &A is defined twice in this file (first at line 3)"},
      {"set without &", "set A = x", 3, "expected 'set &NAME = word"},
      {"set without words", "set &A =", 3, "expected 'set &NAME = word"},
      {"set listing a set", "set &A = x\nset &B = y &A", 4, "a set lists words, not other sets"},
      {"clause list unknown", "clause hedges = perhaps", 3, "unknown clause list 'hedges'"},
      {"clause without =", "clause negators not", 3, "expected 'clause NAME = word"},
      {"intent without =", "intent 04 036", 3, "expected 'intent CODE-PREFIX = CODE'"},
      {"intent to the null code", "intent 04 = ---", 3, "expected 'intent CODE-PREFIX = CODE'"},
      {"intent with a bad prefix", "intent 0x = 036", 3, "expected 'intent CODE-PREFIX = CODE'"},
      {"intent with two codes", "intent 04 = 036 040", 3, "expected 'intent CODE-PREFIX = CODE'"},
      {"reciprocal without codes", "reciprocal", 3, "expected 'reciprocal CODE-PREFIX"},
      {"reciprocal null code", "reciprocal 04 ---", 3, "'---' is not a code prefix"},
  };
  for (const BadLine& c : cases) {
    SCOPED_TRACE(c.name);
    DictionarySet set;
    const std::string text = std::string("# preamble\n\n") + c.lines + "\n040 meet\n";
    ReadPatternFile("dict/verbs/04_consult.txt", text, &set);
    set.Freeze();
    const std::vector<LoadProblem> errors = Errors(set);
    ASSERT_EQ(errors.size(), 1u) << text;
    EXPECT_EQ(errors[0].file, "dict/verbs/04_consult.txt");
    EXPECT_EQ(errors[0].line, c.line);
    EXPECT_NE(errors[0].message.find(c.message), std::string::npos) << errors[0].message;
    EXPECT_NE(errors[0].ToString().find("dict/verbs/04_consult.txt:" + std::to_string(c.line)),
              std::string::npos)
        << errors[0].ToString();
    // the rest of the file is still read
    EXPECT_EQ(set.patterns().ForPredicate(PredicateKind::kVerb, "meet").size(), 1u);
  }
}

TEST(PatternDictionary, SetsBelongToTheFileThatDefinesThem) {
  DictionarySet set;
  ReadPatternFile("a.txt",
                  "041 speak by:&PHONE\n"  // used above its definition
                  "set &PHONE = phone telephone\n",
                  &set);
  ReadPatternFile("b.txt",
                  "# another file\n"
                  "041 call by:&PHONE\n",
                  &set);
  ReadPatternFile("c.txt",
                  "set &PHONE = radio\n"  // not a second definition: c.txt has its own
                  "041 talk by:&PHONE\n",
                  &set);
  set.Freeze();
  const std::vector<LoadProblem> errors = Errors(set);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "b.txt");
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_NE(errors[0].message.find("&PHONE is not defined"), std::string::npos);
  const auto& patterns = set.patterns().patterns();
  ASSERT_EQ(patterns.size(), 3u);
  EXPECT_EQ(Join(patterns[0].slots[0].words.words), "phone|telephone");
  EXPECT_EQ(Join(patterns[2].slots[0].words.words), "radio");
}

struct FormCase {
  PredicateKind kind;
  const char* form;
  const char* lemma;  // "" = none
};

TEST(PatternDictionary, LemmaOfFormUndoesRegularInflections) {
  DictionarySet set;
  ReadPatternFile("verbs.txt",
                  "194 shell\n"
                  "163 ban\n"
                  "036 agree\n"
                  "190 carry\n"
                  "020 push\n"
                  "191 stop\n"
                  "042 visit\n"
                  "057 play\n"
                  "163 n:sanction\n"
                  "190 n:ally\n"
                  "010 n:speech\n"
                  "070 n:arm\n"
                  "070 n:arms\n",
                  &set);
  set.Freeze();
  ASSERT_TRUE(Errors(set).empty());
  const PatternDictionary& d = set.patterns();
  const FormCase cases[] = {
      {PredicateKind::kVerb, "shelled", "shell"},
      {PredicateKind::kVerb, "shelling", "shell"},
      {PredicateKind::kVerb, "shells", "shell"},
      {PredicateKind::kVerb, "banned", "ban"},
      {PredicateKind::kVerb, "banning", "ban"},
      {PredicateKind::kVerb, "bans", "ban"},
      {PredicateKind::kVerb, "agreed", "agree"},
      {PredicateKind::kVerb, "agrees", "agree"},
      {PredicateKind::kVerb, "carried", "carry"},
      {PredicateKind::kVerb, "carries", "carry"},
      {PredicateKind::kVerb, "carrying", "carry"},
      {PredicateKind::kVerb, "pushes", "push"},
      {PredicateKind::kVerb, "stopped", "stop"},
      {PredicateKind::kVerb, "visited", "visit"},
      {PredicateKind::kVerb, "played", "play"},
      {PredicateKind::kVerb, "plays", "play"},
      {PredicateKind::kNoun, "sanctions", "sanction"},
      {PredicateKind::kNoun, "allies", "ally"},
      {PredicateKind::kNoun, "speeches", "speech"},
      // a lemma is not a form of itself, and kinds do not mix
      {PredicateKind::kVerb, "shell", ""},
      {PredicateKind::kNoun, "shelled", ""},
      {PredicateKind::kVerb, "sanctions", ""},
      {PredicateKind::kVerb, "walked", ""},
      // "arms" is a lemma of its own: it keeps its patterns instead of mapping to "arm"
      {PredicateKind::kNoun, "arms", ""},
  };
  for (const FormCase& c : cases) {
    EXPECT_EQ(d.LemmaOfForm(c.kind, c.form), c.lemma) << c.form;
  }
  EXPECT_EQ(d.ForPredicate(PredicateKind::kNoun, "arms").size(), 1u);
}

// Verbs ending in -ee keep the e before -ing ("agreeing", "freeing"): the header promises the
// lemma of any regular inflection.
TEST(PatternDictionary, LemmaOfFormKeepsTheDoubleEBeforeIng) {
  DictionarySet set;
  ReadPatternFile("verbs.txt", "036 agree\n", &set);
  set.Freeze();
  EXPECT_EQ(set.patterns().LemmaOfForm(PredicateKind::kVerb, "agreeing"), "agree");
}

// Two lemmas whose derived forms collide: "hop" over-generates "hoped" and "hoping" (besides
// "hopped", "hopping"), the true forms of "hope". A form must map to the lemma it is the
// regular inflection of, whatever the order of the patterns in the file.
TEST(PatternDictionary, LemmaOfFormPrefersTheTrueInflection) {
  DictionarySet set;
  ReadPatternFile("verbs.txt", "036 hope\n190 hop\n", &set);
  set.Freeze();
  const PatternDictionary& d = set.patterns();
  EXPECT_EQ(d.LemmaOfForm(PredicateKind::kVerb, "hopped"), "hop");
  EXPECT_EQ(d.LemmaOfForm(PredicateKind::kVerb, "hoping"), "hope");
}

}  // namespace
}  // namespace parley::lexicon
