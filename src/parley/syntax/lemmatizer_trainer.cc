#include "parley/syntax/lemmatizer_trainer.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace parley::syntax {

namespace {

// Majority element of a count map; ties go to the smallest key so results are deterministic.
template <typename Key>
const Key& Majority(const std::map<Key, uint64_t>& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

using RuleKey = std::tuple<bool, uint32_t, std::string>;

RuleKey KeyOf(const LemmaRule& rule) { return {rule.lower, rule.strip, rule.append}; }

}  // namespace

Lemmatizer TrainLemmatizer(const std::vector<text::ConlluSentence>& train) {
  // (form, xpos) -> lemma -> count;  (xpos, suffix length, suffix) -> rule -> count.
  std::map<std::pair<std::string, std::string>, std::map<std::string, uint64_t>> seen;
  std::map<std::tuple<std::string, size_t, std::string>, std::map<RuleKey, uint64_t>> by_suffix;
  std::string lower;
  for (const auto& sentence : train) {
    for (const auto& word : sentence.words) {
      if (word.lemma.empty() || word.form.empty()) continue;
      ++seen[{word.form, word.xpos}][word.lemma];
      RuleKey rule = KeyOf(Lemmatizer::RuleFor(word.form, word.lemma));
      lower = word.form;
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      for (size_t k = 0; k <= std::min(Lemmatizer::kMaxSuffix, lower.size()); ++k) {
        ++by_suffix[{word.xpos, k, lower.substr(lower.size() - k)}][rule];
      }
    }
  }

  Lemmatizer lemmatizer;
  std::map<std::string, uint32_t> lemma_ids;
  for (const auto& [key, counts] : seen) {
    const std::string& lemma = Majority(counts);
    auto [it, inserted] = lemma_ids.emplace(lemma, static_cast<uint32_t>(lemmatizer.lemmas.size()));
    if (inserted) lemmatizer.lemmas.push_back(lemma);
    lemmatizer.exceptions.emplace(Lemmatizer::ExceptionKey(key.first, key.second), it->second);
  }

  // A suffix entry is kept only when its rule differs from the rule of the next shorter
  // suffix: lookup falls back to shorter suffixes, so dropping the others changes nothing.
  std::map<RuleKey, uint32_t> rule_ids;
  std::map<std::pair<std::string, std::string>, RuleKey> chosen;  // (xpos, suffix) -> rule
  for (const auto& [key, counts] : by_suffix) {  // ordered by xpos, then suffix length
    const auto& [xpos, length, suffix] = key;
    const RuleKey& rule = Majority(counts);
    chosen[{xpos, suffix}] = rule;
    if (length > 0) {
      auto shorter = chosen.find({xpos, suffix.substr(1)});
      if (shorter != chosen.end() && shorter->second == rule) continue;
    }
    auto [it, inserted] = rule_ids.emplace(rule, static_cast<uint32_t>(lemmatizer.rules.size()));
    if (inserted) {
      lemmatizer.rules.push_back({std::get<0>(rule), std::get<1>(rule), std::get<2>(rule)});
    }
    lemmatizer.suffix_rules.emplace(Lemmatizer::SuffixKey(suffix, xpos), it->second);
  }
  return lemmatizer;
}

double EvaluateLemmatizer(const Lemmatizer& lemmatizer,
                          const std::vector<text::ConlluSentence>& gold) {
  std::string scratch, lemma;
  uint64_t total = 0, correct = 0;
  for (const auto& sentence : gold) {
    for (const auto& word : sentence.words) {
      lemmatizer.Lemmatize(word.form, word.upos, word.xpos, &scratch, &lemma);
      correct += lemma == word.lemma;
      ++total;
    }
  }
  return total ? static_cast<double>(correct) / total : 0.0;
}

}  // namespace parley::syntax
