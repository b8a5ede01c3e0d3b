#include "parley/text/conllu.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "parley/error.h"

namespace parley::text {
namespace {

constexpr const char* kTwoSentences =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = Moscow didn't reply.\n"
    "1\tMoscow\tMoscow\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\treply\treply\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "1.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_\n"
    "2\twaited\twait\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(ConlluStreamReader, ReadsWordsMultiwordsAndComments) {
  std::istringstream in(kTwoSentences);
  ConlluStreamReader reader(in, "mem");
  ConlluSentence s;
  std::string error;
  ASSERT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kSentence) << error;
  EXPECT_EQ(s.newdoc_id, "d1");
  EXPECT_EQ(s.sent_id, "s1");
  EXPECT_EQ(s.text, "Moscow didn't reply.");
  ASSERT_EQ(s.words.size(), 5u);
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 2);
  EXPECT_EQ(s.multiwords[0].last, 3);
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_FALSE(s.words[3].space_after);
  EXPECT_EQ(reader.sentence_line(), 1u);

  ASSERT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kSentence) << error;
  EXPECT_EQ(s.words.size(), 3u) << "the empty node 1.1 is skipped";
  EXPECT_EQ(s.SurfaceText(), "Kyiv waited.");
  EXPECT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kEnd);
}

TEST(ConlluStreamReader, RejectsBadSentencesAndGoesOn) {
  struct Case {
    const char* line;
    const char* reason;
  };
  const Case cases[] = {
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\n", "10 tab-separated columns"},
      {"2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "out of sequence"},
      {"1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "bad HEAD"},
      {"1\tA\ta\tX\tX\t_\t7\troot\t_\t_\n", "beyond the sentence"},
  };
  for (const Case& c : cases) {
    std::istringstream in(std::string("# c\n") + c.line + "\n1\tOk\tok\tX\tX\t_\t0\troot\t_\t_\n");
    ConlluStreamReader reader(in, "bad.conllu");
    ConlluSentence s;
    std::string error;
    ASSERT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kRejected) << c.line;
    EXPECT_NE(error.find("bad.conllu:2: "), std::string::npos) << error;
    EXPECT_NE(error.find(c.reason), std::string::npos) << error;
    ASSERT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kSentence) << c.line;
    EXPECT_EQ(s.words[0].form, "Ok");
  }
}

TEST(WriteConllu, RoundTripsWhatItReads) {
  std::istringstream in(kTwoSentences);
  ConlluStreamReader reader(in, "mem");
  ConlluSentence s;
  std::string error;
  ASSERT_EQ(reader.Next(&s, &error), ConlluStreamReader::Status::kSentence);
  std::ostringstream out;
  WriteConllu(s, out);
  std::istringstream again(out.str());
  ConlluStreamReader reader2(again, "mem2");
  ConlluSentence t;
  ASSERT_EQ(reader2.Next(&t, &error), ConlluStreamReader::Status::kSentence) << error;
  EXPECT_EQ(t.text, s.text);
  ASSERT_EQ(t.words.size(), s.words.size());
  for (size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_EQ(t.words[i].form, s.words[i].form);
    EXPECT_EQ(t.words[i].head, s.words[i].head);
    EXPECT_EQ(t.words[i].deprel, s.words[i].deprel);
    EXPECT_EQ(t.words[i].space_after, s.words[i].space_after);
  }
  EXPECT_EQ(t.multiwords.size(), 1u);
}

TEST(MakeConlluReader, BuildsPretokenizedDocumentsWithExactSpans) {
  InputReport report;
  auto reader = MakeConlluReader(std::make_unique<std::istringstream>(kTwoSentences), "mem",
                                 &report);
  Document doc;
  ASSERT_EQ(reader->Next(&doc), ReadStatus::kDocument);
  EXPECT_EQ(doc.id, "d1");
  EXPECT_TRUE(doc.pretokenized);
  EXPECT_EQ(doc.body, "Moscow didn't reply. Kyiv waited.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  const auto& tokens = doc.sentences[0].tokens;
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].form, "did");
  EXPECT_EQ(tokens[2].form, "n't");
  EXPECT_EQ(tokens[2].span, (Span{10, 13}));
  for (const auto& sentence : doc.sentences) {
    for (const auto& token : sentence.tokens) {
      EXPECT_EQ(doc.body.substr(token.span.begin, token.span.size()), token.form);
    }
  }
  EXPECT_EQ(reader->Next(&doc), ReadStatus::kEnd);
  EXPECT_EQ(report.documents(), 1u);
}

TEST(ReadConlluFile, FailsLoudlyWithFileAndLine) {
  EXPECT_THROW(ReadConlluFile("/nonexistent/x.conllu"), Error);
}

}  // namespace
}  // namespace parley::text
