#include "parley/syntax/lemmatizer.h"

#include <algorithm>
#include <utility>

#include "parley/syntax/model_file.h"
#include "parley/syntax/perceptron.h"

namespace parley::syntax {

namespace {

void LowerInto(std::string_view form, std::string* out) {
  out->assign(form);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

uint64_t Lemmatizer::ExceptionKey(std::string_view form, std::string_view xpos) {
  return HashCombine(FeatureHash(0x1e4a, form), FeatureHash(0x1e4b, xpos));
}

uint64_t Lemmatizer::SuffixKey(std::string_view suffix, std::string_view xpos) {
  return HashCombine(FeatureHash(0x5e4a, suffix), FeatureHash(0x5e4b, xpos));
}

LemmaRule Lemmatizer::RuleFor(std::string_view form, std::string_view lemma) {
  std::string lower;
  LowerInto(form, &lower);
  size_t keep_same = CommonPrefix(form, lemma);
  size_t keep_lower = CommonPrefix(lower, lemma);
  // Prefer the rule that keeps more of the form. On a tie (a lower-case form) lower-case: a
  // rule learned from "constellation" then also serves a capitalised "Constellation"; proper
  // nouns, mostly seen capitalised, still vote for case-keeping rules under their own tags.
  LemmaRule rule;
  size_t keep = keep_same;
  if (keep_lower >= keep_same) {
    rule.lower = true;
    keep = keep_lower;
  }
  rule.strip = static_cast<uint32_t>(form.size() - keep);
  rule.append = std::string(lemma.substr(keep));
  return rule;
}

void Lemmatizer::Apply(const LemmaRule& rule, std::string_view form, std::string* out) {
  if (rule.lower) {
    LowerInto(form, out);
  } else {
    out->assign(form);
  }
  if (rule.strip >= out->size()) {
    // A rule learned on a longer word; stripping everything would lose the word.
    if (rule.append.empty()) return;
    out->clear();
  } else {
    out->resize(out->size() - rule.strip);
  }
  out->append(rule.append);
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                           std::string* scratch, std::string* lemma) const {
  (void)upos;
  auto found = exceptions.find(ExceptionKey(form, xpos));
  if (found != exceptions.end()) {
    lemma->assign(lemmas[found->second]);
    return;
  }
  LowerInto(form, scratch);
  // A capitalised form not seen as such may be known in lower case (sentence-initial words);
  // its lemma is then re-derived through the rule it implies.
  found = exceptions.find(ExceptionKey(*scratch, xpos));
  if (found != exceptions.end()) {
    Apply(RuleFor(*scratch, lemmas[found->second]), form, lemma);
    return;
  }
  std::string_view lower(*scratch);
  for (size_t k = std::min(kMaxSuffix, lower.size());; --k) {
    auto rule = suffix_rules.find(SuffixKey(lower.substr(lower.size() - k), xpos));
    if (rule != suffix_rules.end()) {
      Apply(rules[rule->second], form, lemma);
      return;
    }
    if (k == 0) break;
  }
  lemma->assign(form);
}

void Lemmatizer::Save(SectionWriter* out) const {
  std::vector<std::pair<uint64_t, uint32_t>> sorted(exceptions.begin(), exceptions.end());
  std::sort(sorted.begin(), sorted.end());
  out->U32(static_cast<uint32_t>(lemmas.size()));
  for (const std::string& lemma : lemmas) out->Str(lemma);
  out->U64(sorted.size());
  for (const auto& [key, index] : sorted) {
    out->U64(key);
    out->U32(index);
  }
  out->U32(static_cast<uint32_t>(rules.size()));
  for (const LemmaRule& rule : rules) {
    out->U8(rule.lower ? 1 : 0);
    out->U32(rule.strip);
    out->Str(rule.append);
  }
  sorted.assign(suffix_rules.begin(), suffix_rules.end());
  std::sort(sorted.begin(), sorted.end());
  out->U64(sorted.size());
  for (const auto& [key, index] : sorted) {
    out->U64(key);
    out->U32(index);
  }
}

Lemmatizer Lemmatizer::Load(SectionReader* in) {
  Lemmatizer lemmatizer;
  uint32_t num_lemmas = in->U32();
  if (num_lemmas > in->remaining() / 4) in->Fail("truncated lemma list");
  lemmatizer.lemmas.reserve(num_lemmas);
  for (uint32_t i = 0; i < num_lemmas; ++i) lemmatizer.lemmas.push_back(in->Str());
  uint64_t num_exceptions = in->U64();
  if (num_exceptions > in->remaining() / 12) in->Fail("truncated lemma exceptions");
  lemmatizer.exceptions.reserve(num_exceptions);
  for (uint64_t i = 0; i < num_exceptions; ++i) {
    uint64_t key = in->U64();
    uint32_t index = in->U32();
    if (index >= num_lemmas) in->Fail("lemma index out of range");
    lemmatizer.exceptions.emplace(key, index);
  }
  uint32_t num_rules = in->U32();
  if (num_rules > in->remaining() / 9) in->Fail("truncated lemma rules");
  for (uint32_t i = 0; i < num_rules; ++i) {
    LemmaRule rule;
    rule.lower = in->U8() != 0;
    rule.strip = in->U32();
    rule.append = in->Str();
    lemmatizer.rules.push_back(std::move(rule));
  }
  uint64_t num_suffixes = in->U64();
  if (num_suffixes > in->remaining() / 12) in->Fail("truncated suffix rules");
  lemmatizer.suffix_rules.reserve(num_suffixes);
  for (uint64_t i = 0; i < num_suffixes; ++i) {
    uint64_t key = in->U64();
    uint32_t index = in->U32();
    if (index >= num_rules) in->Fail("lemma rule index out of range");
    lemmatizer.suffix_rules.emplace(key, index);
  }
  return lemmatizer;
}

}  // namespace parley::syntax
