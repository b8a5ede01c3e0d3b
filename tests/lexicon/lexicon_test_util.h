#pragma once

// Helpers shared by the lexicon tests: tokenizing a test sentence with Parley's tokenizer and
// looking it up in a dictionary set.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/lexicon/dictionary_set.h"
#include "parley/paths.h"
#include "parley/text/tokenizer.h"

namespace parley::lexicon::testing {

inline std::string FixtureDir() { return std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/dict"; }

inline const text::Tokenizer& SharedTokenizer() {
  static const text::Tokenizer* tokenizer = new text::Tokenizer(DataDir() + "/text");
  return *tokenizer;
}

struct Found {
  std::string code;
  std::string text;
  MatchRule rule = MatchRule::kDirect;
  bool stale = false;
};

// All mentions in `sentence` on `date` ("" = unknown), with the text each covers.
inline std::vector<Found> FindAll(const DictionarySet& set, const std::string& sentence,
                                  const std::string& date) {
  std::vector<text::Token> tokens;
  SharedTokenizer().Tokenize(sentence, text::Span{0, static_cast<uint32_t>(sentence.size())},
                             &tokens);
  std::vector<std::string_view> forms;
  for (const text::Token& t : tokens) forms.push_back(t.form);
  Date d = kUnknownDate;
  if (!date.empty() && !ParseIsoDate(date, &d)) return {{"bad test date", "", MatchRule::kDirect, false}};
  LookupWorkspace ws;
  std::vector<Mention> mentions;
  set.Lookup(forms, {}, d, &ws, &mentions);
  std::vector<Found> out;
  for (const Mention& m : mentions) {
    uint32_t begin = tokens[m.token_begin].span.begin;
    uint32_t end = tokens[m.token_end - 1].span.end;
    out.push_back({m.code, sentence.substr(begin, end - begin), m.rule, m.stale});
  }
  return out;
}

// The codes found in `sentence`, space-separated ("" when none).
inline std::string Codes(const DictionarySet& set, const std::string& sentence,
                         const std::string& date) {
  std::string out;
  for (const Found& f : FindAll(set, sentence, date)) out += (out.empty() ? "" : " ") + f.code;
  return out;
}

}  // namespace parley::lexicon::testing
