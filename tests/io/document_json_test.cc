#include "parley/io/document_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace parley::io {
namespace {

TEST(AppendJsonString, EscapesAndRepairsAsJsonParsersExpect) {
  struct Case {
    std::string in;
    std::string decoded;  // what a JSON parser must read back
  };
  const std::vector<Case> cases = {
      {"plain", "plain"},
      {"quote \" and \\ back", "quote \" and \\ back"},
      {"line\nbreak\ttab\rcr", "line\nbreak\ttab\rcr"},
      {std::string("nul\0x", 5), std::string("nul\0x", 5)},
      {"\x01\x1f", "\x01\x1f"},
      {"Zelensky \xE2\x80\x99s “aggression”", "Zelensky \xE2\x80\x99s “aggression”"},
      {"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},
      {"\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendJsonString(c.in, &out);
    nlohmann::json parsed = nlohmann::json::parse(out);
    EXPECT_EQ(parsed.get<std::string>(), c.decoded) << out;
  }
}

TEST(WriteDocumentJson, WritesOneValidLineWithSpansTokensAndExtraMembers) {
  text::Document doc;
  doc.id = "d\"1";
  doc.date = "2021-12-03";
  doc.body = "Moscow denied it.\nBad \xC3 byte.";
  doc.metadata = {{"lang", "\"en\""}, {"broken", "{not json"}};
  doc.zones = {{text::ZoneKind::kText, {0, static_cast<uint32_t>(doc.body.size())}}};
  text::Sentence s;
  s.span = {0, 17};
  for (auto [b, e] : {std::pair<uint32_t, uint32_t>{0, 6}, {7, 13}, {14, 16}, {16, 17}}) {
    text::Token t;
    t.form = std::string_view(doc.body).substr(b, e - b);
    t.span = {b, e};
    t.head = 2;
    t.deprel = "dep";
    s.tokens.push_back(t);
  }
  doc.sentences.push_back(s);
  const std::vector<std::string> members = {"\"actors\":[{\"code\":\"RUSGOV\"}]"};
  std::string out;
  WriteDocumentJson(doc, {.syntax = true, .sentence_members = &members}, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1) << "exactly one line";
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "d\"1");
  EXPECT_EQ(j["metadata"]["lang"], "en");
  EXPECT_EQ(j["metadata"]["broken"], "{not json");
  EXPECT_EQ(j["zones"][0]["kind"], "text");
  EXPECT_EQ(j["sentences"][0]["text"], "Moscow denied it.");
  EXPECT_EQ(j["sentences"][0]["tokens"][1]["form"], "denied");
  EXPECT_EQ(j["sentences"][0]["tokens"][1]["span"], nlohmann::json::array({7, 13}));
  EXPECT_EQ(j["sentences"][0]["tokens"][1]["head"], 2);
  EXPECT_EQ(j["sentences"][0]["actors"][0]["code"], "RUSGOV");

  std::string plain;
  WriteDocumentJson(doc, {}, &plain);
  const nlohmann::json p = nlohmann::json::parse(plain);
  EXPECT_FALSE(p["sentences"][0]["tokens"][0].contains("upos"));
  EXPECT_FALSE(p["sentences"][0].contains("actors"));
}

}  // namespace
}  // namespace parley::io
