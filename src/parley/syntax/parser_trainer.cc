#include "parley/syntax/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <utility>

#include "parley/error.h"
#include "parley/syntax/projectivize.h"

namespace parley::syntax {

namespace {

// The weights being trained: sparse rows like ParserWeights, plus the running totals needed for
// averaging. Averaging is lazy: an entry's total is brought up to date only when its weight
// changes (and once more when the averaged table is built).
class TrainableWeights {
 public:
  explicit TrainableWeights(int num_classes) : num_classes_(num_classes) {
    slot_keys_.assign(1 << 16, 0);
    slot_rows_.assign(1 << 16, 0);
    mask_ = (1 << 16) - 1;
  }

  void Score(const uint64_t* features, size_t n, float* scores) const {
    for (size_t i = 0; i < n; ++i) {
      const int64_t row = Find(ParserWeights::Key(features[i]));
      if (row < 0) continue;
      for (const Entry& e : rows_[row]) scores[e.cls] += e.weight;
    }
  }

  // Adds `delta` to class `cls` of every feature at the current time.
  void Update(const uint64_t* features, size_t n, int cls, float delta) {
    for (size_t i = 0; i < n; ++i) {
      std::vector<Entry>& row = rows_[FindOrInsert(ParserWeights::Key(features[i]))];
      Entry* entry = nullptr;
      for (Entry& e : row) {
        if (e.cls == static_cast<uint32_t>(cls)) {
          entry = &e;
          break;
        }
      }
      if (entry == nullptr) {
        row.push_back({static_cast<uint32_t>(cls), 0.0f, clock_, 0.0});
        entry = &row.back();
      }
      entry->total += static_cast<double>(clock_ - entry->stamp) * entry->weight;
      entry->stamp = clock_;
      entry->weight += delta;
    }
  }

  // One training decision has passed.
  void Tick() { ++clock_; }

  size_t num_rows() const { return rows_.size(); }

  // The weights averaged over all decisions so far; entries whose average has magnitude below
  // `prune_below` are dropped, and rows left empty with them.
  ParserWeights Averaged(float prune_below) const {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> row_start;
    std::vector<ParserWeights::Entry> entries;
    keys.reserve(rows_.size());
    row_start.reserve(rows_.size() + 1);
    const double time = clock_ > 0 ? static_cast<double>(clock_) : 1.0;
    for (size_t r = 0; r < rows_.size(); ++r) {
      const size_t begin = entries.size();
      for (const Entry& e : rows_[r]) {
        const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
        const float avg = static_cast<float>(total / time);
        if (std::fabs(avg) >= prune_below && avg != 0.0f) entries.push_back({e.cls, avg});
      }
      if (entries.size() == begin) continue;
      // Classes in ascending order keep the score loop's memory access forward.
      std::sort(entries.begin() + static_cast<std::ptrdiff_t>(begin), entries.end(),
                [](const ParserWeights::Entry& a, const ParserWeights::Entry& b) {
                  return a.cls < b.cls;
                });
      keys.push_back(row_keys_[r]);
      row_start.push_back(static_cast<uint32_t>(begin));
    }
    row_start.push_back(static_cast<uint32_t>(entries.size()));
    return ParserWeights(num_classes_, std::move(keys), std::move(row_start), std::move(entries));
  }

 private:
  struct Entry {
    uint32_t cls;
    float weight;
    uint64_t stamp;
    double total;
  };

  int64_t Find(uint64_t key) const {
    uint64_t slot = key & mask_;
    while (true) {
      const uint64_t k = slot_keys_[slot];
      if (k == key) return slot_rows_[slot];
      if (k == 0) return -1;
      slot = (slot + 1) & mask_;
    }
  }

  uint32_t FindOrInsert(uint64_t key) {
    uint64_t slot = key & mask_;
    while (true) {
      const uint64_t k = slot_keys_[slot];
      if (k == key) return slot_rows_[slot];
      if (k == 0) break;
      slot = (slot + 1) & mask_;
    }
    const uint32_t row = static_cast<uint32_t>(rows_.size());
    slot_keys_[slot] = key;
    slot_rows_[slot] = row;
    rows_.emplace_back();
    row_keys_.push_back(key);
    if (rows_.size() * 2 > slot_keys_.size()) Grow();
    return row;
  }

  void Grow() {
    const size_t capacity = slot_keys_.size() * 2;
    mask_ = capacity - 1;
    slot_keys_.assign(capacity, 0);
    slot_rows_.assign(capacity, 0);
    for (size_t r = 0; r < row_keys_.size(); ++r) {
      uint64_t slot = row_keys_[r] & mask_;
      while (slot_keys_[slot] != 0) slot = (slot + 1) & mask_;
      slot_keys_[slot] = row_keys_[r];
      slot_rows_[slot] = static_cast<uint32_t>(r);
    }
  }

  int num_classes_;
  uint64_t clock_ = 0;
  uint64_t mask_;
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_rows_;
  std::vector<uint64_t> row_keys_;
  std::vector<std::vector<Entry>> rows_;
};

// A training sentence: atoms and the (projectivized) gold tree with label ids.
struct TrainTree {
  int32_t n = 0;
  SentenceAtoms atoms;
  std::vector<int32_t> gold_head;   // node-indexed, [0] = -1
  std::vector<int32_t> gold_label;  // node-indexed label ids, [0] = -1
};

// Why a gold tree cannot be used for training, or empty when it can.
std::string TreeProblem(const text::ConlluSentence& s) {
  if (s.words.empty()) return "empty sentence";
  std::vector<int32_t> heads(s.words.size() + 1, -1);
  int roots = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    heads[i + 1] = s.words[i].head;
    if (s.words[i].head < 0) return "missing head";
    if (s.words[i].head == 0) {
      ++roots;
      if (s.words[i].deprel != "root") return "root arc not labelled root";
    } else if (s.words[i].deprel == "root") {
      return "non-root arc labelled root";
    }
  }
  if (roots != 1) return "not exactly one root";
  if (!IsTree(heads)) return "heads do not form a tree";
  return {};
}

void LoadAtoms(const text::ConlluSentence& s, SentenceAtoms* atoms) {
  const int32_t n = static_cast<int32_t>(s.words.size());
  atoms->Init(n);
  for (int32_t i = 0; i < n; ++i) {
    const text::ConlluWord& w = s.words[i];
    atoms->Set(i + 1, w.form, w.upos, w.xpos);
  }
}

}  // namespace

AttachmentScore EvaluateParser(const DependencyParser& parser,
                               const std::vector<text::ConlluSentence>& gold) {
  AttachmentScore score;
  ParserWorkspace ws;
  for (const text::ConlluSentence& s : gold) {
    const int32_t n = static_cast<int32_t>(s.words.size());
    if (n == 0) continue;
    LoadAtoms(s, &ws.atoms);
    parser.ParseAtoms(n, &ws);
    for (int32_t i = 0; i < n; ++i) {
      const text::ConlluWord& w = s.words[i];
      if (w.head < 0) continue;
      ++score.words;
      if (ws.heads[i + 1] != w.head) continue;
      ++score.head_correct;
      if (parser.labels()[ws.labels[i + 1]] == w.deprel) ++score.label_correct;
    }
  }
  return score;
}

DependencyParser TrainParser(const std::vector<text::ConlluSentence>& train,
                             const std::vector<text::ConlluSentence>& dev,
                             const ParserTrainOptions& options, std::ostream& log) {
  return TrainParser(train, dev, options, log, nullptr);
}

DependencyParser TrainParser(const std::vector<text::ConlluSentence>& train,
                             const std::vector<text::ConlluSentence>& dev,
                             const ParserTrainOptions& options, std::ostream& log,
                             ParserTrainStats* stats_out) {
  using Clock = std::chrono::steady_clock;
  ParserTrainStats stats;

  // Gold trees: checked, projectivized, labels collected.
  std::vector<std::vector<int32_t>> heads_of;
  std::vector<std::vector<std::string>> labels_of;
  std::vector<size_t> source;
  std::map<std::string, uint64_t> problems;
  for (size_t i = 0; i < train.size(); ++i) {
    const text::ConlluSentence& s = train[i];
    const std::string problem = TreeProblem(s);
    if (!problem.empty()) {
      ++stats.sentences_skipped;
      ++problems[problem];
      continue;
    }
    std::vector<int32_t> heads(s.words.size() + 1, -1);
    std::vector<std::string> labels(s.words.size() + 1);
    for (size_t w = 0; w < s.words.size(); ++w) {
      heads[w + 1] = s.words[w].head;
      labels[w + 1] = s.words[w].deprel;
    }
    const int lifted = Projectivize(&heads, &labels);
    if (lifted > 0) {
      ++stats.trees_lifted;
      stats.arcs_lifted += lifted;
    }
    heads_of.push_back(std::move(heads));
    labels_of.push_back(std::move(labels));
    source.push_back(i);
  }
  if (heads_of.empty()) throw Error("parser training: no usable gold tree in the training data");
  stats.sentences_used = static_cast<int>(heads_of.size());

  std::map<std::string, int> lifted_counts;
  for (const auto& labels : labels_of) {
    for (size_t d = 1; d < labels.size(); ++d) {
      if (!SplitLiftedLabel(labels[d]).second.empty()) ++lifted_counts[labels[d]];
    }
  }
  for (auto& labels : labels_of) {
    for (size_t d = 1; d < labels.size(); ++d) {
      auto it = lifted_counts.find(labels[d]);
      if (it == lifted_counts.end() || it->second >= options.min_lifted_label_count) continue;
      labels[d] = std::string(SplitLiftedLabel(labels[d]).first);
      ++stats.lifted_plain;
    }
  }

  std::map<std::string, int32_t> label_ids;
  for (const auto& labels : labels_of) {
    for (size_t d = 1; d < labels.size(); ++d) label_ids.emplace(labels[d], 0);
  }
  std::vector<std::string> labels;
  for (auto& [name, id] : label_ids) {
    id = static_cast<int32_t>(labels.size());
    labels.push_back(name);
  }
  const int num_labels = static_cast<int>(labels.size());
  const int num_classes = NumClasses(num_labels);
  const ArcHybridSystem system(num_labels, label_ids.at("root"));

  std::vector<TrainTree> trees(heads_of.size());
  for (size_t t = 0; t < trees.size(); ++t) {
    TrainTree& tree = trees[t];
    const text::ConlluSentence& s = train[source[t]];
    tree.n = static_cast<int32_t>(s.words.size());
    LoadAtoms(s, &tree.atoms);
    tree.gold_head = std::move(heads_of[t]);
    tree.gold_label.assign(tree.gold_head.size(), -1);
    for (int32_t d = 1; d <= tree.n; ++d) tree.gold_label[d] = label_ids.at(labels_of[t][d]);
  }
  heads_of.clear();
  labels_of.clear();

  int lifted_labels = 0;
  for (const std::string& l : labels) lifted_labels += SplitLiftedLabel(l).second.empty() ? 0 : 1;
  log << "parser: " << stats.sentences_used << " training trees, " << stats.sentences_skipped
      << " skipped";
  for (const auto& [problem, count] : problems) log << " (" << count << " " << problem << ")";
  log << "; " << stats.trees_lifted << " non-projective trees made projective by lifting "
      << stats.arcs_lifted << " arcs (" << stats.lifted_plain
      << " of them keep a plain label: lifted label seen fewer than "
      << options.min_lifted_label_count << " times); " << num_labels << " labels ("
      << lifted_labels << " lifted)\n";

  TrainableWeights weights(num_classes);
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<size_t> order(trees.size());
  std::iota(order.begin(), order.end(), 0);

  ParseState state;
  std::vector<uint64_t> features(kMaxParserFeatures);
  std::vector<float> scores(num_classes);
  std::vector<uint8_t> zero_cost(num_classes);

  DependencyParser best;
  double best_las = -1;
  const int epochs = std::max(1, options.epochs);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    const auto start = Clock::now();
    std::shuffle(order.begin(), order.end(), rng);
    const bool explore = epoch >= options.explore_from;
    uint64_t decisions = 0, mistakes = 0, stuck = 0;
    for (size_t t : order) {
      const TrainTree& tree = trees[t];
      state.Init(tree.n);
      while (!state.Terminal()) {
        const size_t nf = ExtractParserFeatures(state, tree.atoms, features.data());
        std::fill(scores.begin(), scores.end(), 0.0f);
        weights.Score(features.data(), nf, scores.data());
        const int predicted = system.BestLegal(state, scores.data());
        const int num_zero = system.ZeroCostClasses(state, tree.gold_head.data(),
                                                    tree.gold_label.data(), zero_cost.data());
        if (num_zero == 0) {
          // Only reachable for gold trees the system cannot represent; IsTree/projectivize
          // rule those out, so this is counted rather than trusted never to happen.
          ++stuck;
          break;
        }
        ++decisions;
        int next = predicted;
        if (!zero_cost[predicted]) {
          ++mistakes;
          int oracle = -1;
          for (int c = 0; c < num_classes; ++c) {
            if (zero_cost[c] && (oracle < 0 || scores[c] > scores[oracle])) oracle = c;
          }
          weights.Update(features.data(), nf, oracle, 1.0f);
          weights.Update(features.data(), nf, predicted, -1.0f);
          if (!explore || coin(rng) >= options.explore_probability) next = oracle;
        }
        weights.Tick();
        system.Apply(&state, next);
      }
    }
    DependencyParser model(labels, weights.Averaged(options.prune_below));
    model.set_beam_width(options.beam);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    log << "parser epoch " << (epoch + 1) << "/" << epochs << ": " << std::fixed
        << std::setprecision(2) << (decisions ? 100.0 * mistakes / decisions : 0.0)
        << "% train mistakes" << (explore ? " (exploring)" : "") << ", " << weights.num_rows()
        << " features (" << model.weights().num_features() << " kept), " << std::setprecision(1)
        << seconds << " s";
    if (stuck > 0) log << ", " << stuck << " sentences without a zero-cost transition";
    double las = 0;
    if (!dev.empty()) {
      const AttachmentScore score = EvaluateParser(model, dev);
      las = score.Las();
      log << "; dev UAS " << std::setprecision(2) << score.Uas() << " LAS " << score.Las();
      if (las > best_las) {
        stats.best_dev_uas = score.Uas();
        stats.best_dev_las = score.Las();
      }
    }
    log << "\n" << std::defaultfloat << std::flush;
    if (dev.empty() || las > best_las) {
      best_las = las;
      best = std::move(model);
      stats.best_epoch = epoch + 1;
    }
  }
  if (!dev.empty()) {
    log << "parser: best epoch " << stats.best_epoch << " (dev UAS " << std::fixed
        << std::setprecision(2) << stats.best_dev_uas << " LAS " << stats.best_dev_las << ")\n"
        << std::defaultfloat;
  }
  if (stats_out != nullptr) *stats_out = stats;
  return best;
}

}  // namespace parley::syntax
