#include "parley/syntax/tagger_trainer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>

#include "parley/error.h"

namespace parley::syntax {

namespace {

std::string ClassKey(const text::ConlluWord& word) { return word.upos + '\t' + word.xpos; }

}  // namespace

TagAccuracy EvaluateTagger(const Tagger& tagger, const std::vector<text::ConlluSentence>& gold) {
  TaggerWorkspace ws;
  std::vector<std::string_view> forms;
  uint64_t total = 0, upos = 0, xpos = 0, both = 0;
  for (const text::ConlluSentence& sentence : gold) {
    forms.clear();
    for (const text::ConlluWord& w : sentence.words) forms.push_back(w.form);
    tagger.TagForms(forms, &ws);
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      const TagClass& c = tagger.classes()[static_cast<size_t>(ws.classes[i])];
      bool u = c.upos == sentence.words[i].upos;
      bool x = c.xpos == sentence.words[i].xpos;
      upos += u;
      xpos += x;
      both += u && x;
      ++total;
    }
  }
  TagAccuracy acc;
  if (total == 0) return acc;
  acc.upos = static_cast<double>(upos) / total;
  acc.xpos = static_cast<double>(xpos) / total;
  acc.both = static_cast<double>(both) / total;
  return acc;
}

Tagger TrainTagger(const std::vector<text::ConlluSentence>& train,
                   const std::vector<text::ConlluSentence>& dev, const TaggerTrainOptions& options,
                   std::ostream& log, int* best_epoch_out) {
  // Classes: every (UPOS, XPOS) pair of the training data, most frequent first (ties by name,
  // so the numbering is deterministic).
  std::map<std::string, uint64_t> class_counts;
  std::map<std::string, std::map<std::string, uint64_t>> form_counts;  // form -> class -> n
  for (const auto& sentence : train) {
    for (const auto& word : sentence.words) {
      std::string key = ClassKey(word);
      ++class_counts[key];
      ++form_counts[word.form][key];
    }
  }
  if (class_counts.empty()) throw Error("tagger training data has no words");
  std::vector<std::pair<std::string, uint64_t>> ordered(class_counts.begin(), class_counts.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<TagClass> classes;
  std::unordered_map<std::string, int32_t> class_ids;
  for (const auto& [key, count] : ordered) {
    size_t tab = key.find('\t');
    class_ids.emplace(key, static_cast<int32_t>(classes.size()));
    classes.push_back({key.substr(0, tab), key.substr(tab + 1)});
  }

  std::unordered_map<uint64_t, int32_t> dictionary;
  std::unordered_map<uint64_t, uint64_t> ambiguity;
  for (const auto& [form, counts] : form_counts) {
    uint64_t total = 0, best = 0;
    const std::string* best_key = nullptr;
    for (const auto& [key, n] : counts) {
      total += n;
      if (n > best) {
        best = n;
        best_key = &key;
      }
    }
    if (total >= static_cast<uint64_t>(options.ambiguity_min_count)) {
      // Classes iterate in name order, so the hash is deterministic.
      uint64_t set_hash = 0xa4b1;
      for (const auto& [key, n] : counts) {
        if (static_cast<double>(n) >= options.ambiguity_min_share * static_cast<double>(total)) {
          set_hash = HashCombine(set_hash, static_cast<uint64_t>(class_ids.at(key)) + 1);
        }
      }
      ambiguity.emplace(Tagger::DictionaryKey(form), set_hash);
    }
    if (total >= static_cast<uint64_t>(options.dictionary_min_count) &&
        static_cast<double>(best) >= options.dictionary_min_share * static_cast<double>(total)) {
      dictionary.emplace(Tagger::DictionaryKey(form), class_ids.at(*best_key));
    }
  }

  // Gold classes per sentence, computed once.
  std::vector<std::vector<int32_t>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    for (const auto& word : train[s].words) gold[s].push_back(class_ids.at(ClassKey(word)));
  }

  const int num_classes = static_cast<int>(classes.size());
  Perceptron model(num_classes);
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937_64 rng(options.seed);
  TaggerWorkspace ws;
  std::vector<std::string_view> forms;
  uint64_t features[Tagger::kMaxFeatures];
  std::vector<float> scores(static_cast<size_t>(num_classes));

  // The tagger being trained supplies feature extraction; its weights are replaced per epoch.
  const Tagger features_of(classes, Perceptron(num_classes), dictionary, ambiguity);
  Tagger best = features_of;
  double best_score = -1;
  int best_epoch = options.epochs;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    uint64_t correct = 0, total = 0;
    for (size_t s : order) {
      const auto& sentence = train[s];
      forms.clear();
      for (const auto& word : sentence.words) forms.push_back(word.form);
      features_of.PrepareSentence(forms, &ws);
      int32_t prev1 = -1, prev2 = -2;
      for (size_t i = 0; i < forms.size(); ++i) {
        int32_t truth = gold[s][i];
        int32_t guess = features_of.DictionaryClass(forms[i]);
        if (guess < 0) {
          size_t n = Tagger::Features(ws, forms.size(), i, prev1, prev2, features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          model.Score(features, n, scores.data());
          guess = model.Best(scores.data());
          model.Update(features, n, truth, guess);
        }
        correct += guess == truth;
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    double train_acc = total ? 100.0 * correct / total : 0.0;
    if (dev.empty()) {
      if (epoch == options.epochs) {
        Perceptron averaged = model;
        averaged.Average();
        best = Tagger(classes, std::move(averaged), dictionary, ambiguity);
      }
      continue;
    }
    Perceptron averaged = model;
    averaged.Average();
    Tagger candidate(classes, std::move(averaged), dictionary, ambiguity);
    TagAccuracy acc = EvaluateTagger(candidate, dev);
    char line[160];
    std::snprintf(line, sizeof(line),
                  "tagger epoch %d: train=%.2f dev UPOS=%.2f XPOS=%.2f both=%.2f features=%zu\n",
                  epoch, train_acc, 100 * acc.upos, 100 * acc.xpos, 100 * acc.both,
                  candidate.model().num_features());
    log << line << std::flush;
    if (acc.both > best_score) {
      best_score = acc.both;
      best_epoch = epoch;
      best = std::move(candidate);
    }
  }
  if (!dev.empty()) log << "tagger: keeping epoch " << best_epoch << "\n";
  if (best_epoch_out != nullptr) *best_epoch_out = best_epoch;
  return best;
}

}  // namespace parley::syntax
