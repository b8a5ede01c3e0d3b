// `parley annotate` on the repo's sample with the shipped model and dictionaries: the actors a
// reader of the article would code must be there, with their date-resolved codes.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden_test_util.h"

namespace {

TEST(AnnotateGolden, NewsSampleActorsAreCodedOnTheDocumentDate) {
  const std::string source = PARLEY_SOURCE_DIR;
  if (!std::filesystem::exists(source + "/models/en-ewt.model")) {
    GTEST_SKIP() << "models/en-ewt.model is absent";
  }
  int status = -1;
  const std::string output = parley::golden::RunParley("annotate samples/news-sample.txt", &status);
  ASSERT_EQ(status, 0);
  const nlohmann::json doc = nlohmann::json::parse(output);
  EXPECT_EQ(doc["date"], "2026-02-12");
  const nlohmann::json& sentences = doc["sentences"];

  std::ifstream expected_file(source + "/tests/golden/news-sample.actors.tsv");
  ASSERT_TRUE(expected_file) << "tests/golden/news-sample.actors.tsv";
  std::string line;
  int checked = 0;
  while (std::getline(expected_file, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string index, text, code;
    std::getline(fields, index, '\t');
    std::getline(fields, text, '\t');
    std::getline(fields, code, '\t');
    const size_t i = std::stoul(index);
    ASSERT_LT(i, sentences.size()) << line;
    bool found = false;
    for (const auto& actor : sentences[i]["actors"]) {
      if (actor["text"] == text && actor["code"] == code) found = true;
    }
    EXPECT_TRUE(found) << "sentence " << i << " (" << sentences[i]["text"]
                       << ") lacks " << text << " -> " << code << "; actors: "
                       << sentences[i]["actors"].dump();
    ++checked;
  }
  EXPECT_GE(checked, 10);
  // Every token carries a parse: one root per sentence.
  for (const auto& sentence : sentences) {
    int roots = 0;
    for (const auto& token : sentence["tokens"]) roots += token["head"] == 0 ? 1 : 0;
    EXPECT_EQ(roots, 1) << sentence["text"];
  }
}

}  // namespace
