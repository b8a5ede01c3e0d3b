#pragma once

// Part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts one joint
// (UPOS, XPOS) class per token from lexical features of the token and its neighbours (word,
// affixes, shape, surrounding words) and the two previously predicted tags. Frequent words that
// almost always carry one tag are tagged directly from a tag dictionary.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parley/syntax/perceptron.h"
#include "parley/text/document.h"

namespace parley::syntax {

class SectionReader;
class SectionWriter;

// Per-thread scratch for tagging one sentence; buffers grow to the longest sentence seen and
// are reused, so tagging does not allocate once warmed up.
struct TaggerWorkspace {
  std::vector<uint64_t> token_hashes;  // kTokenSlots hashes per token (see tagger.cc)
  std::vector<uint64_t> features;
  std::vector<float> scores;
  std::vector<int32_t> classes;        // output: class per token
  std::vector<std::string_view> forms;
  std::string buffer;
};

// One tag class: a (UPOS, XPOS) pair seen in training.
struct TagClass {
  std::string upos;
  std::string xpos;
};

class Tagger {
 public:
  // Upper bound on features per token (for buffer sizing).
  static constexpr size_t kMaxFeatures = 40;

  Tagger() : model_(1) {}
  // `tag_dictionary` maps DictionaryKey(form) to the class such forms always get;
  // `ambiguity` maps DictionaryKey(form) to a hash of the set of classes the form takes in
  // training (for forms frequent enough to know it), used as a feature of a token and its
  // neighbours.
  Tagger(std::vector<TagClass> classes, Perceptron model,
         std::unordered_map<uint64_t, int32_t> tag_dictionary,
         std::unordered_map<uint64_t, uint64_t> ambiguity)
      : classes_(std::move(classes)), model_(std::move(model)),
        tag_dictionary_(std::move(tag_dictionary)), ambiguity_(std::move(ambiguity)) {}

  // Tags `forms`; the class of token i is left in ws->classes[i]. Thread-safe (const).
  void TagForms(std::span<const std::string_view> forms, TaggerWorkspace* ws) const;
  // Tags a sentence: sets each token's upos and xpos.
  void Tag(text::Sentence* sentence, TaggerWorkspace* ws) const;

  const std::vector<TagClass>& classes() const { return classes_; }
  const Perceptron& model() const { return model_; }

  void Save(SectionWriter* out) const;
  // Throws parley::Error on malformed data.
  static Tagger Load(SectionReader* in);

  // ---- Shared with the trainer: feature extraction ----

  // Computes the per-token hashes of `forms` into ws->token_hashes.
  void PrepareSentence(std::span<const std::string_view> forms, TaggerWorkspace* ws) const;
  // The class of `form` from the tag dictionary, or -1.
  int32_t DictionaryClass(std::string_view form) const;
  // Writes the features of token i given the previous two predicted classes (-1 / -2 for the
  // sentence-start padding) into out[0..kMaxFeatures); returns how many.
  static size_t Features(const TaggerWorkspace& ws, size_t n, size_t i, int32_t prev1,
                         int32_t prev2, uint64_t* out);
  // Key of a form in the tag dictionary.
  static uint64_t DictionaryKey(std::string_view form) { return FeatureHash(0xd1c7, form); }

 private:
  std::vector<TagClass> classes_;
  Perceptron model_;
  std::unordered_map<uint64_t, int32_t> tag_dictionary_;  // DictionaryKey(form) -> class
  std::unordered_map<uint64_t, uint64_t> ambiguity_;      // DictionaryKey(form) -> class set
};

}  // namespace parley::syntax
