// Near-duplicate documents (MinHash of word 5-shingles) and the one-a-day event filter
// (docs/FORMATS.md, "Duplicates").
#include "parley/coding/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "parley/coding/event.h"

namespace parley::coding {
namespace {

// A wire story of 167 words.
const std::string kStory =
    "Foreign ministers from twelve countries met in Vienna on Tuesday to discuss a new framework "
    "for monitoring the ceasefire along the disputed border, officials said. The talks, hosted by "
    "the Austrian government, lasted more than six hours and ended with a joint statement that "
    "called on both sides to withdraw heavy weapons from a twenty kilometre buffer zone within "
    "thirty days. Diplomats described the atmosphere as constructive but cautioned that previous "
    "agreements had collapsed within weeks. A senior envoy said observers from the regional "
    "security organisation would be deployed to four crossing points and would report every week "
    "to a joint commission. The opposition welcomed the statement but demanded guarantees that "
    "displaced families could return to their villages before the winter. Further talks are "
    "expected in Geneva next month, according to a draft schedule seen by reporters. Earlier in "
    "the day, the Austrian chancellor met the two delegations separately and urged them to agree "
    "on a timetable for exchanging prisoners held since the fighting began last spring.";

// Unrelated stories (each well over 20 shingles).
const std::string kBank =
    "The central bank raised its benchmark interest rate by half a percentage point on "
    "Wednesday, the third increase this year, as inflation climbed to its highest level in more "
    "than a decade. Economists had expected a smaller move. The bank said food and energy prices "
    "were rising faster than wages and warned that growth would slow sharply in the second half. "
    "Shares of property developers fell on the news, while the currency strengthened against the "
    "dollar. Retail groups said higher borrowing costs would hurt consumer spending ahead of the "
    "holiday season, and several lawmakers urged the government to cut fuel taxes to ease "
    "pressure on households.";
const std::string kStorm =
    "Heavy rain and strong winds battered the northern coast overnight, flooding hundreds of "
    "homes and cutting power to tens of thousands of people, emergency services said on Sunday. "
    "Rescue teams used boats to reach villages cut off by the rising river.";
const std::string kFootball =
    "The home side scored twice in the final ten minutes to win the cup final in front of a "
    "sold out stadium, ending a run of three straight defeats in the competition and securing a "
    "place in next season's continental tournament.";
const std::string kVaccine =
    "Health officials began a nationwide vaccination campaign against measles on Monday after an "
    "outbreak in the capital infected more than four hundred children, most of whom had not "
    "received a second dose, the ministry said in a statement.";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

DocumentSignature Sign(const std::string& text) {
  DocumentSignature s;
  ComputeSignature(text, &s);
  return s;
}

double Similarity(const std::string& a, const std::string& b) {
  return EstimatedSimilarity(Sign(a), Sign(b));
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& cameo,
                const std::string& date) {
  Event e;
  e.source.code = source;
  e.target.code = target;
  e.cameo = cameo;
  e.date = date;
  return e;
}

// "SOURCE TARGET CAMEO DATE [duplicate_of]" per event.
std::vector<std::string> Describe(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) {
    std::string s = e.source.code + " " + e.target.code + " " + e.cameo + " " + e.date;
    if (!e.duplicate_of.empty()) s += " <" + e.duplicate_of + ">";
    out.push_back(s);
  }
  return out;
}

TEST(DedupSignature, IdenticalTextsAreTheSame) {
  const DocumentSignature a = Sign(kStory);
  const DocumentSignature b = Sign(std::string(kStory));
  EXPECT_TRUE(a.valid);
  EXPECT_EQ(a.min, b.min);
  EXPECT_DOUBLE_EQ(EstimatedSimilarity(a, b), 1.0);
}

TEST(DedupSignature, NearCopiesAreSimilar) {
  // a new headline in front (true shingle Jaccard 0.96)
  const std::string headline = "Ceasefire monitors to deploy after Vienna talks. " + kStory;
  // a trimmed attribution near the end (0.90)
  const std::string trimmed =
      Replace(kStory, ", according to a draft schedule seen by reporters.", ".");
  // another ending (0.94)
  const std::string ending =
      Replace(kStory, " held since the fighting began last spring.", ", a spokesman said.");
  // a credit line added at the end (0.94)
  const std::string credit = kStory + " Reporting by the Vienna bureau; editing by the world desk.";
  // two words changed (0.93)
  const std::string edited =
      Replace(Replace(kStory, "Tuesday", "Monday"), "last spring", "last summer");
  for (const std::string* copy : {&headline, &trimmed, &ending, &credit, &edited}) {
    EXPECT_GE(Similarity(kStory, *copy), 0.8) << *copy;
  }
  // a story that keeps only its first half is not a copy: 0.35 true
  EXPECT_LT(Similarity(kStory, kStory.substr(0, kStory.find(" Diplomats"))), 0.8);
}

TEST(DedupSignature, UnrelatedTextsAreNotSimilar) {
  EXPECT_LT(Similarity(kStory, kBank), 0.3);
  EXPECT_LT(Similarity(kStory, kStorm), 0.3);
  EXPECT_LT(Similarity(kBank, kFootball), 0.3);
  EXPECT_LT(Similarity(kStorm, kVaccine), 0.3);
}

TEST(DedupSignature, ShortTextsAreNotValid) {
  // 23 words: 19 shingles, one short of kMinShingles
  const std::string short_text =
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
      "sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree";
  const DocumentSignature s = Sign(short_text);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(EstimatedSimilarity(s, s), 0.0);
  // one more word: 20 shingles
  EXPECT_TRUE(Sign(short_text + " twentyfour").valid);
  EXPECT_FALSE(Sign("").valid);
  EXPECT_FALSE(Sign("Short story.").valid);
}

TEST(DedupSignature, CaseAndPunctuationDoNotMatter) {
  std::string upper = kStory;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::string repunctuated;
  for (char c : kStory) {
    if (c == ',' || c == '.') {
      repunctuated += " -- ";
    } else if (c == ' ') {
      repunctuated += "  ";
    } else {
      repunctuated += c;
    }
  }
  const DocumentSignature base = Sign(kStory);
  EXPECT_EQ(Sign(upper).min, base.min);
  EXPECT_EQ(Sign(repunctuated).min, base.min);
  EXPECT_EQ(Sign("\"" + kStory + "\"\n").min, base.min);
  // a changed word does change it
  EXPECT_NE(Sign(Replace(kStory, "Tuesday", "Monday")).min, base.min);
}

TEST(Deduplicator, LinksCopiesToTheFirstDocument) {
  Deduplicator dedup{DedupOptions{}};
  DedupCounts counts;

  std::vector<Event> a = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
  dedup.Apply("A", Sign(kStory), &a, &counts);
  EXPECT_EQ(Describe(a), std::vector<std::string>{"AUT UKR 040 2021-12-03"});

  // B is A with a new headline: all its events link to A
  const std::string copy = "Ceasefire monitors to deploy after Vienna talks. " + kStory;
  std::vector<Event> b = {MakeEvent("AUT", "UKR", "040", "2021-12-03"),
                          MakeEvent("UKR", "RUS", "036", "2021-12-03")};
  dedup.Apply("B", Sign(copy), &b, &counts);
  EXPECT_EQ(Describe(b),
            (std::vector<std::string>{"AUT UKR 040 2021-12-03 <A>", "UKR RUS 036 2021-12-03 <A>"}));
  EXPECT_EQ(counts.duplicate_documents, 1u);
  EXPECT_EQ(counts.linked_events, 2u);

  // C repeats B word for word (closer to B than to A) and still links to A, the first copy
  std::vector<Event> c = {MakeEvent("RUS", "UKR", "190", "2021-12-04")};
  dedup.Apply("C", Sign(copy), &c, &counts);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].duplicate_of, "A");
  EXPECT_EQ(counts.duplicate_documents, 2u);
  EXPECT_EQ(counts.linked_events, 3u);

  // an unrelated story links to nothing
  std::vector<Event> d = {MakeEvent("USA", "CHN", "010", "2021-12-04")};
  dedup.Apply("D", Sign(kBank), &d, &counts);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].duplicate_of, "");
  EXPECT_EQ(counts.duplicate_documents, 2u);
  EXPECT_EQ(counts.linked_events, 3u);
  EXPECT_EQ(counts.dropped_events, 0u);
}

TEST(Deduplicator, LinksNearCopiesWithChangedWords) {
  Deduplicator dedup{DedupOptions{}};
  DedupCounts counts;
  std::vector<Event> none;
  dedup.Apply("wire-1", Sign(kStory), &none, &counts);
  std::vector<Event> b = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
  dedup.Apply("wire-2",
              Sign(Replace(Replace(kStory, "Tuesday", "Monday"), "last spring", "last summer")), &b,
              &counts);
  EXPECT_EQ(b[0].duplicate_of, "wire-1");
  EXPECT_EQ(counts.duplicate_documents, 1u);
}

TEST(Deduplicator, CountsACopyWithoutEvents) {
  Deduplicator dedup{DedupOptions{}};
  DedupCounts counts;
  std::vector<Event> a;
  std::vector<Event> b;
  dedup.Apply("A", Sign(kStory), &a, &counts);
  dedup.Apply("B", Sign(kStory), &b, &counts);
  EXPECT_EQ(counts.duplicate_documents, 1u);
  EXPECT_EQ(counts.linked_events, 0u);
}

TEST(Deduplicator, ShortDocumentsAreNeverLinked) {
  Deduplicator dedup{DedupOptions{}};
  DedupCounts counts;
  std::vector<Event> a = {MakeEvent("USA", "RUS", "040", "2021-12-03")};
  std::vector<Event> b = {MakeEvent("USA", "RUS", "040", "2021-12-03")};
  dedup.Apply("A", Sign("Biden met Putin."), &a, &counts);
  dedup.Apply("B", Sign("Biden met Putin."), &b, &counts);
  EXPECT_EQ(b[0].duplicate_of, "");
  EXPECT_EQ(counts.duplicate_documents, 0u);
  // and without one-a-day both events stay
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(b.size(), 1u);
}

TEST(Deduplicator, NearDuplicatesOff) {
  DedupOptions options;
  options.near_duplicates = false;
  Deduplicator dedup(options);
  DedupCounts counts;
  std::vector<Event> a = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
  std::vector<Event> b = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
  dedup.Apply("A", Sign(kStory), &a, &counts);
  dedup.Apply("B", Sign(kStory), &b, &counts);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].duplicate_of, "");
  EXPECT_EQ(counts.duplicate_documents, 0u);
  EXPECT_EQ(counts.linked_events, 0u);
}

TEST(Deduplicator, OneADayWithinADocument) {
  DedupOptions options;
  options.events = EventDedup::kOneADay;
  Deduplicator dedup(options);
  DedupCounts counts;
  std::vector<Event> events = {
      MakeEvent("USA", "RUS", "040", "2021-12-03"),
      MakeEvent("USA", "RUS", "040", "2021-12-03"),  // repeat: dropped
      MakeEvent("USA", "RUS", "040", "2021-12-04"),  // another date
      MakeEvent("GBR", "RUS", "040", "2021-12-03"),  // another source
      MakeEvent("USA", "CHN", "040", "2021-12-03"),  // another target
      MakeEvent("USA", "RUS", "036", "2021-12-03"),  // another code
      MakeEvent("RUS", "USA", "040", "2021-12-03"),  // the reverse dyad
  };
  dedup.Apply("A", DocumentSignature{}, &events, &counts);
  EXPECT_EQ(Describe(events),
            (std::vector<std::string>{"USA RUS 040 2021-12-03", "USA RUS 040 2021-12-04",
                                      "GBR RUS 040 2021-12-03", "USA CHN 040 2021-12-03",
                                      "USA RUS 036 2021-12-03", "RUS USA 040 2021-12-03"}));
  EXPECT_EQ(counts.dropped_events, 1u);
}

TEST(Deduplicator, OneADayAcrossDocuments) {
  DedupOptions options;
  options.events = EventDedup::kOneADay;
  Deduplicator dedup(options);
  DedupCounts counts;
  std::vector<Event> first = {MakeEvent("USA", "RUS", "040", "2021-12-03")};
  dedup.Apply("A", Sign(kBank), &first, &counts);
  std::vector<Event> second = {MakeEvent("USA", "RUS", "040", "2021-12-03"),
                               MakeEvent("USA", "RUS", "040", "2021-12-05"),
                               MakeEvent("USA", "RUS", "040", "2021-12-03")};
  dedup.Apply("B", Sign(kStorm), &second, &counts);
  EXPECT_EQ(Describe(second), std::vector<std::string>{"USA RUS 040 2021-12-05"});
  EXPECT_EQ(counts.dropped_events, 2u);
  std::vector<Event> third = {MakeEvent("USA", "RUS", "040", "2021-12-05")};
  dedup.Apply("C", Sign(kFootball), &third, &counts);
  EXPECT_TRUE(third.empty());
  EXPECT_EQ(counts.dropped_events, 3u);
  EXPECT_EQ(counts.duplicate_documents, 0u);
}

TEST(Deduplicator, NoEventDedupByDefault) {
  Deduplicator dedup{DedupOptions{}};
  EXPECT_EQ(dedup.options().events, EventDedup::kNone);
  DedupCounts counts;
  std::vector<Event> events = {MakeEvent("USA", "RUS", "040", "2021-12-03"),
                               MakeEvent("USA", "RUS", "040", "2021-12-03")};
  dedup.Apply("A", DocumentSignature{}, &events, &counts);
  EXPECT_EQ(events.size(), 2u);
  EXPECT_EQ(counts.dropped_events, 0u);
}

TEST(Deduplicator, MaxDocumentsForgetsTheOldest) {
  DedupOptions options;
  options.max_documents = 2;
  const std::string copy = Replace(kStory, "Tuesday", "Monday");
  {
    // within the cap, the copy is found
    Deduplicator dedup(options);
    DedupCounts counts;
    std::vector<Event> none;
    dedup.Apply("A", Sign(kStory), &none, &counts);
    dedup.Apply("X", Sign(kBank), &none, &counts);
    std::vector<Event> b = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
    dedup.Apply("B", Sign(copy), &b, &counts);
    EXPECT_EQ(b[0].duplicate_of, "A");
  }
  {
    // three other stories later, A is forgotten
    Deduplicator dedup(options);
    DedupCounts counts;
    std::vector<Event> none;
    dedup.Apply("A", Sign(kStory), &none, &counts);
    dedup.Apply("X", Sign(kBank), &none, &counts);
    dedup.Apply("Y", Sign(kStorm), &none, &counts);
    dedup.Apply("Z", Sign(kFootball), &none, &counts);
    std::vector<Event> b = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
    dedup.Apply("B", Sign(copy), &b, &counts);
    EXPECT_EQ(b[0].duplicate_of, "");
    EXPECT_EQ(counts.duplicate_documents, 0u);
    // B is now remembered under its own id
    std::vector<Event> c = {MakeEvent("AUT", "UKR", "040", "2021-12-03")};
    dedup.Apply("C", Sign(kStory), &c, &counts);
    EXPECT_EQ(c[0].duplicate_of, "B");
  }
}

TEST(Deduplicator, MaxEventKeysForgetsTheOldestDates) {
  DedupOptions options;
  options.events = EventDedup::kOneADay;
  options.max_event_keys = 2;
  Deduplicator dedup(options);
  DedupCounts counts;
  auto apply = [&](const std::string& id, std::vector<Event> events) {
    dedup.Apply(id, DocumentSignature{}, &events, &counts);
    return events.size();
  };
  // seen in the order 05, 03, 07: the oldest date (03), not the first seen, goes first
  EXPECT_EQ(apply("A", {MakeEvent("USA", "RUS", "040", "2021-12-05")}), 1u);
  EXPECT_EQ(apply("B", {MakeEvent("USA", "RUS", "040", "2021-12-03")}), 1u);
  EXPECT_EQ(apply("C", {MakeEvent("USA", "RUS", "040", "2021-12-07")}), 1u);
  EXPECT_EQ(counts.dropped_events, 0u);
  // 05 and 07 are still remembered
  EXPECT_EQ(apply("D", {MakeEvent("USA", "RUS", "040", "2021-12-05")}), 0u);
  EXPECT_EQ(apply("E", {MakeEvent("USA", "RUS", "040", "2021-12-07")}), 0u);
  EXPECT_EQ(counts.dropped_events, 2u);
  // 03 was forgotten: accepted again
  EXPECT_EQ(apply("F", {MakeEvent("USA", "RUS", "040", "2021-12-03")}), 1u);
  EXPECT_EQ(counts.dropped_events, 2u);
}

TEST(DedupCounts, Add) {
  DedupCounts a{1, 2, 3};
  a.Add(DedupCounts{10, 20, 30});
  EXPECT_EQ(a.duplicate_documents, 11u);
  EXPECT_EQ(a.linked_events, 22u);
  EXPECT_EQ(a.dropped_events, 33u);
}

}  // namespace
}  // namespace parley::coding
