#include "parley/lexicon/codebook.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "parley/error.h"

namespace parley::lexicon {
namespace {

std::string RepoCodebook() { return std::string(PARLEY_SOURCE_DIR) + "/dict/cameo/codebook.tsv"; }

TEST(Codebook, HasEveryCodeWithItsAttributes) {
  Codebook book = Codebook::Load(RepoCodebook());
  EXPECT_EQ(book.size(), 312u);
  struct Case {
    const char* code;
    const char* root;
    int quad;
    double goldstein;
    const char* plover;
  };
  const Case cases[] = {
      {"01", "01", 1, 0.0, ""},         {"036", "03", 1, 4.0, "AGREE"},
      {"042", "04", 1, 1.9, "CONSULT"}, {"0871", "08", 2, 9.0, "RETREAT"},
      {"112", "11", 3, -2.0, "ACCUSE"}, {"1721", "17", 4, -5.0, "COERCE"},
      {"190", "19", 4, -10.0, "ASSAULT"}, {"016", "01", 1, -5.0, ""},
  };
  for (const Case& c : cases) {
    const CameoCode* code = book.Find(c.code);
    ASSERT_NE(code, nullptr) << c.code;
    EXPECT_EQ(code->root, c.root) << c.code;
    EXPECT_EQ(code->quad_class, c.quad) << c.code;
    EXPECT_DOUBLE_EQ(code->goldstein, c.goldstein) << c.code;
    EXPECT_EQ(code->plover_event, c.plover) << c.code;
    EXPECT_FALSE(code->name.empty()) << c.code;
  }
  EXPECT_EQ(book.Find("042")->plover_mode, "visit");
  EXPECT_EQ(book.Find("196")->plover_context, "legal;military");
  EXPECT_EQ(book.Find("176"), nullptr);
  EXPECT_EQ(book.Find("1214"), nullptr);
  EXPECT_FALSE(book.Contains(""));
}

TEST(Codebook, RejectsMalformedFilesWithFileAndLine) {
  const std::string header =
      "code\troot\tquad_class\tgoldstein\tplover_event\tplover_mode\tplover_context\tname\n";
  struct Case {
    std::string body;
    const char* message;
  };
  const Case cases[] = {
      {"036\t03\t1\t4\tAGREE\t\tdiplomatic\n", "expected 8"},
      {"36x\t03\t1\t4\tAGREE\t\t\tMeet\n", "not 2-4 digits"},
      {"036\t04\t1\t4\tAGREE\t\t\tMeet\n", "does not prefix"},
      {"036\t03\t3\t4\tAGREE\t\t\tMeet\n", "does not match root"},
      {"036\t03\t1\t40\tAGREE\t\t\tMeet\n", "[-10, 10]"},
      {"036\t03\t1\tfour\tAGREE\t\t\tMeet\n", "not a number"},
      {"036\t03\t1\t4\tAGREE\t\t\tMeet\n036\t03\t1\t4\tAGREE\t\t\tMeet\n", "duplicate"},
      {"036\t03\t1\t4\tAGREE\t\t\t\n", "no name"},
  };
  std::string path = ::testing::TempDir() + "/parley_bad_codebook.tsv";
  for (const Case& c : cases) {
    std::ofstream(path) << header << c.body;
    try {
      (void)Codebook::Load(path);
      ADD_FAILURE() << "accepted: " << c.body;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
      std::string line = c.body.find('\n') + 1 < c.body.size() ? ":3" : ":2";
      EXPECT_NE(std::string(e.what()).find(path + line), std::string::npos) << e.what();
    }
  }
  std::ofstream(path) << "code\troot\n";
  EXPECT_THROW((void)Codebook::Load(path), Error);
  std::ofstream(path) << header;
  EXPECT_THROW((void)Codebook::Load(path), Error);
  EXPECT_THROW((void)Codebook::Load(path + ".missing"), Error);
}

// The generated file agrees with the public table it was made from.
TEST(CodebookSlow, MatchesTheSourceTable) {
  std::string source = std::string(PARLEY_SHARED_DATA) + "/cameo/cameo-codes.tsv";
  std::ifstream in(source);
  if (!in) GTEST_SKIP() << "CAMEO source table not found at " << source;
  Codebook book = Codebook::Load(RepoCodebook());
  std::string line;
  std::getline(in, line);
  size_t rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    ASSERT_GE(f.size(), 5u) << line;
    const CameoCode* c = book.Find(f[0]);
    ASSERT_NE(c, nullptr) << f[0];
    EXPECT_EQ(c->name, f[3]);
    EXPECT_EQ(c->quad_class, std::stoi(f[2]));
    EXPECT_DOUBLE_EQ(c->goldstein, std::stod(f[4])) << f[0];
    ++rows;
  }
  EXPECT_EQ(rows, book.size());
}

}  // namespace
}  // namespace parley::lexicon
