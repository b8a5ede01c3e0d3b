#include "parley/syntax/tagger.h"

#include <algorithm>

#include "parley/error.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {

namespace {

// Per-token hashes computed once per sentence; features combine them with template ids.
enum TokenSlot : size_t {
  kNorm,     // lower case, digits mapped to '0'
  kForm,     // exact form (keeps capitalisation)
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kShape,
  kAmbiguity,  // hash of the classes the form takes in training; 0 = not known
  kLowerAmbiguity,  // the same for the lower-cased form
  kSentenceCase,    // how capitalised the whole sentence is (headlines, all lower case)
  kTokenSlots,
};

// Stand-ins for the words before the start and after the end of the sentence.
constexpr uint64_t kStartHash = 0x51a47f00d;
constexpr uint64_t kEndHash = 0xe4d0f5e47;

char ShapeOf(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

inline uint64_t T(uint32_t template_id, uint64_t value) {
  return HashCombine(0x7e3a11ce00000000ULL + template_id, value);
}

inline uint64_t T2(uint32_t template_id, uint64_t a, uint64_t b) {
  return HashCombine(T(template_id, a), b);
}

}  // namespace

int32_t Tagger::DictionaryClass(std::string_view form) const {
  if (tag_dictionary_.empty()) return -1;
  auto it = tag_dictionary_.find(DictionaryKey(form));
  return it == tag_dictionary_.end() ? -1 : it->second;
}

void Tagger::PrepareSentence(std::span<const std::string_view> forms,
                             TaggerWorkspace* ws) const {
  ws->token_hashes.resize(forms.size() * kTokenSlots);
  std::string& buf = ws->buffer;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view form = forms[i];
    uint64_t* h = ws->token_hashes.data() + i * kTokenSlots;
    h[kForm] = FeatureHash(1, form);
    // Lower-cased form; suffixes and prefixes are taken from it.
    buf.assign(form);
    for (char& c : buf) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    std::string_view lower(buf);
    // Capitalised forms unknown as such (sentence-initial words) fall back to the lower case.
    h[kAmbiguity] = 0;
    h[kLowerAmbiguity] = 0;
    if (!ambiguity_.empty()) {
      auto it = ambiguity_.find(DictionaryKey(lower));
      if (it != ambiguity_.end()) h[kLowerAmbiguity] = it->second;
      it = ambiguity_.find(DictionaryKey(form));
      if (it != ambiguity_.end()) {
        h[kAmbiguity] = it->second;
      } else {
        h[kAmbiguity] = h[kLowerAmbiguity];
      }
    }
    for (size_t k = 1; k <= 4; ++k) {
      h[kSuffix1 + k - 1] =
          FeatureHash(10 + k, lower.substr(lower.size() > k ? lower.size() - k : 0));
    }
    for (size_t k = 1; k <= 3; ++k) h[kPrefix1 + k - 1] = FeatureHash(20 + k, lower.substr(0, k));
    // Digits are folded so that numbers and dates share statistics.
    for (char& c : buf) {
      if (c >= '0' && c <= '9') c = '0';
    }
    h[kNorm] = FeatureHash(2, buf);
    // Shape: character classes with runs longer than two collapsed ("Xxx", "dd.dd").
    buf.clear();
    for (char c : form) {
      char s = ShapeOf(static_cast<unsigned char>(c));
      size_t n = buf.size();
      if (n >= 2 && buf[n - 1] == s && buf[n - 2] == s) continue;
      buf.push_back(s);
    }
    h[kShape] = FeatureHash(3, buf);
  }
  // Capitalisation means less in headlines (most words capitalised) and in all-lower-case
  // web text, so the sentence's casing is a feature of its own.
  size_t words = 0, capitalised = 0;
  for (std::string_view form : forms) {
    unsigned char c = form.empty() ? 0 : static_cast<unsigned char>(form[0]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++words;
      capitalised += c <= 'Z';
    }
  }
  uint64_t sentence_case = 1;
  if (words >= 3 && capitalised * 10 < words) sentence_case = 0;
  if (words >= 3 && capitalised * 10 > words * 6) sentence_case = 2;
  for (size_t i = 0; i < forms.size(); ++i) {
    ws->token_hashes[i * kTokenSlots + kSentenceCase] = sentence_case;
  }
}

size_t Tagger::Features(const TaggerWorkspace& ws, size_t n, size_t i, int32_t prev1,
                        int32_t prev2, uint64_t* out) {
  const uint64_t* h = ws.token_hashes.data() + i * kTokenSlots;
  auto at = [&](ptrdiff_t j, size_t slot) -> uint64_t {
    if (j < 0) return kStartHash + slot;
    if (static_cast<size_t>(j) >= n) return kEndHash + slot;
    return ws.token_hashes[static_cast<size_t>(j) * kTokenSlots + slot];
  };
  const ptrdiff_t k = static_cast<ptrdiff_t>(i);
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 3);
  const uint64_t t2 = static_cast<uint64_t>(prev2 + 3);
  size_t f = 0;
  out[f++] = T(0, 0);  // bias
  out[f++] = T(1, h[kNorm]);
  out[f++] = T(2, h[kForm]);
  for (size_t s = 0; s < 4; ++s) out[f++] = T(3 + s, h[kSuffix1 + s]);
  for (size_t s = 0; s < 3; ++s) out[f++] = T(7 + s, h[kPrefix1 + s]);
  out[f++] = T(10, h[kShape]);
  out[f++] = T(11, at(k - 1, kNorm));
  out[f++] = T(12, at(k + 1, kNorm));
  out[f++] = T(13, at(k - 2, kNorm));
  out[f++] = T(14, at(k + 2, kNorm));
  out[f++] = T(15, at(k - 1, kSuffix3));
  out[f++] = T(16, at(k + 1, kSuffix3));
  out[f++] = T(17, at(k + 1, kShape));
  out[f++] = T(18, t1);
  out[f++] = T(19, t2);
  out[f++] = T2(20, t1, t2);
  out[f++] = T2(21, t1, h[kNorm]);
  out[f++] = T2(22, h[kNorm], at(k + 1, kNorm));
  out[f++] = T2(23, at(k - 1, kNorm), h[kNorm]);
  out[f++] = T2(24, i == 0 ? 1 : 0, h[kShape]);
  out[f++] = T2(25, t1, h[kSuffix3]);
  out[f++] = T2(26, at(k + 1, kNorm), at(k + 2, kNorm));
  out[f++] = T2(27, at(k - 1, kShape), h[kShape]);
  out[f++] = T(28, h[kAmbiguity]);
  out[f++] = T(29, at(k + 1, kAmbiguity));
  out[f++] = T(30, at(k + 2, kAmbiguity));
  out[f++] = T2(31, h[kAmbiguity], at(k + 1, kAmbiguity));
  out[f++] = T2(32, t1, at(k + 1, kAmbiguity));
  out[f++] = T2(33, h[kAmbiguity], h[kSuffix3]);
  out[f++] = T2(34, h[kSentenceCase], h[kShape]);
  out[f++] = T2(35, HashCombine(h[kSentenceCase], h[kShape]), h[kLowerAmbiguity]);
  return f;
}

void Tagger::TagForms(std::span<const std::string_view> forms, TaggerWorkspace* ws) const {
  const size_t n = forms.size();
  PrepareSentence(forms, ws);
  ws->classes.resize(n);
  ws->features.resize(kMaxFeatures);
  const size_t num_classes = classes_.size();
  ws->scores.resize(num_classes);
  int32_t prev1 = -1, prev2 = -2;
  for (size_t i = 0; i < n; ++i) {
    int32_t cls = DictionaryClass(forms[i]);
    if (cls < 0) {
      size_t count = Features(*ws, n, i, prev1, prev2, ws->features.data());
      std::fill(ws->scores.begin(), ws->scores.end(), 0.0f);
      model_.Score(ws->features.data(), count, ws->scores.data());
      cls = model_.Best(ws->scores.data());
    }
    ws->classes[i] = cls;
    prev2 = prev1;
    prev1 = cls;
  }
}

void Tagger::Tag(text::Sentence* sentence, TaggerWorkspace* ws) const {
  // Forms are gathered into a reusable vector of views (no copies of the text).
  ws->forms.clear();
  for (const text::Token& token : sentence->tokens) ws->forms.push_back(token.form);
  TagForms(ws->forms, ws);
  for (size_t i = 0; i < sentence->tokens.size(); ++i) {
    const TagClass& c = classes_[static_cast<size_t>(ws->classes[i])];
    sentence->tokens[i].upos = c.upos;
    sentence->tokens[i].xpos = c.xpos;
  }
}

void Tagger::Save(SectionWriter* out) const {
  out->U32(static_cast<uint32_t>(classes_.size()));
  for (const TagClass& c : classes_) {
    out->Str(c.upos);
    out->Str(c.xpos);
  }
  // Sorted so that the file is deterministic.
  std::vector<std::pair<uint64_t, int32_t>> dict(tag_dictionary_.begin(), tag_dictionary_.end());
  std::sort(dict.begin(), dict.end());
  out->U64(dict.size());
  for (const auto& [key, cls] : dict) {
    out->U64(key);
    out->U32(static_cast<uint32_t>(cls));
  }
  std::vector<std::pair<uint64_t, uint64_t>> ambiguity(ambiguity_.begin(), ambiguity_.end());
  std::sort(ambiguity.begin(), ambiguity.end());
  out->U64(ambiguity.size());
  for (const auto& [key, value] : ambiguity) {
    out->U64(key);
    out->U64(value);
  }
  model_.Save(out);
}

Tagger Tagger::Load(SectionReader* in) {
  Tagger tagger;
  uint32_t num_classes = in->U32();
  if (num_classes == 0 || num_classes > in->remaining() / 8) in->Fail("bad tag class count");
  for (uint32_t c = 0; c < num_classes; ++c) {
    TagClass tag;
    tag.upos = in->Str();
    tag.xpos = in->Str();
    tagger.classes_.push_back(std::move(tag));
  }
  uint64_t dict_size = in->U64();
  if (dict_size > in->remaining() / 12) in->Fail("truncated tag dictionary");
  for (uint64_t d = 0; d < dict_size; ++d) {
    uint64_t key = in->U64();
    uint32_t cls = in->U32();
    if (cls >= num_classes) in->Fail("tag dictionary class out of range");
    tagger.tag_dictionary_.emplace(key, static_cast<int32_t>(cls));
  }
  uint64_t ambiguity_size = in->U64();
  if (ambiguity_size > in->remaining() / 16) in->Fail("truncated ambiguity lexicon");
  for (uint64_t d = 0; d < ambiguity_size; ++d) {
    uint64_t key = in->U64();
    tagger.ambiguity_.emplace(key, in->U64());
  }
  tagger.model_ = Perceptron::Load(in);
  if (tagger.model_.num_classes() != static_cast<int>(num_classes)) {
    in->Fail("tagger weights do not match the tag set");
  }
  return tagger;
}

}  // namespace parley::syntax
