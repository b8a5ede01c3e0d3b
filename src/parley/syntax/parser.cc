#include "parley/syntax/parser.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "parley/error.h"
#include "parley/syntax/model_file.h"
#include "parley/syntax/projectivize.h"

namespace parley::syntax {

namespace {

constexpr uint32_t kParserFormat = 1;
constexpr std::string_view kTransitionSystemName = "arc-hybrid/root-first/single-root";
constexpr std::string_view kRootLabel = "root";

}  // namespace

DependencyParser::DependencyParser(std::vector<std::string> labels, ParserWeights weights)
    : labels_(std::move(labels)), weights_(std::move(weights)) {
  std::unordered_map<std::string_view, int32_t> ids;
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (!ids.emplace(labels_[i], static_cast<int32_t>(i)).second) {
      throw Error("parser: duplicate label '" + labels_[i] + "'");
    }
  }
  auto root = ids.find(kRootLabel);
  if (root == ids.end()) throw Error("parser: the label set has no 'root' label");
  const int num_labels = static_cast<int>(labels_.size());
  if (weights_.num_features() > 0 && weights_.num_classes() != NumClasses(num_labels)) {
    throw Error("parser: weights have " + std::to_string(weights_.num_classes()) +
                " classes, the label set needs " + std::to_string(NumClasses(num_labels)));
  }
  system_ = ArcHybridSystem(num_labels, root->second);
  lifted_own_.assign(labels_.size(), -1);
  lifted_head_.assign(labels_.size(), -1);
  for (size_t i = 0; i < labels_.size(); ++i) {
    auto [own, head] = SplitLiftedLabel(labels_[i]);
    if (head.empty()) continue;
    auto own_it = ids.find(own);
    auto head_it = ids.find(head);
    // A lifted label whose plain part is unknown cannot be written out; refuse the model.
    if (own_it == ids.end()) throw Error("parser: lifted label '" + labels_[i] + "' has no base");
    lifted_own_[i] = own_it->second;
    lifted_head_[i] = head_it == ids.end() ? -1 : head_it->second;
  }
}

int DependencyParser::num_lifted_labels() const {
  return static_cast<int>(
      std::count_if(lifted_own_.begin(), lifted_own_.end(), [](int32_t x) { return x >= 0; }));
}

void DependencyParser::Parse(text::Sentence* sentence, ParserWorkspace* ws) const {
  const int32_t n = static_cast<int32_t>(sentence->tokens.size());
  if (n == 0 || labels_.empty()) return;
  ws->atoms.Init(n);
  for (int32_t i = 0; i < n; ++i) {
    const text::Token& t = sentence->tokens[i];
    ws->atoms.Set(i + 1, t.form, t.upos, t.xpos);
  }
  ParseAtoms(n, ws);
  for (int32_t i = 0; i < n; ++i) {
    text::Token& t = sentence->tokens[i];
    t.head = ws->heads[i + 1];
    t.deprel = labels_[ws->labels[i + 1]];
  }
}

void DependencyParser::ParseAtoms(int32_t n, ParserWorkspace* ws) const {
  ws->features.resize(kMaxParserFeatures);
  // The weight table adds whole SIMD blocks, so the buffer covers its padded width.
  ws->scores.resize(std::max(system_.num_classes(), weights_.score_size()));
  if (beam_width_ <= 1) {
    ParseGreedy(n, ws);
  } else {
    ParseBeam(n, ws);
  }
}

void DependencyParser::ParseGreedy(int32_t n, ParserWorkspace* ws) const {
  ParseState& s = ws->state;
  s.Init(n);
  float* scores = ws->scores.data();
  const size_t num_classes = ws->scores.size();
  while (!s.Terminal()) {
    const size_t nf = ExtractParserFeatures(s, ws->atoms, ws->features.data());
    std::fill(scores, scores + num_classes, 0.0f);
    weights_.Score(ws->features.data(), nf, scores);
    system_.Apply(&s, system_.BestLegal(s, scores));
  }
  Finish(s, ws);
}

void DependencyParser::ParseBeam(int32_t n, ParserWorkspace* ws) const {
  const int width = beam_width_;
  const int num_labels = system_.num_labels();
  const int root = system_.root_label();
  float* scores = ws->scores.data();
  const size_t num_classes = ws->scores.size();
  ws->beam.resize(1);
  ws->beam[0].state.Init(n);
  ws->beam[0].score = 0;
  // Arc-hybrid parses of n words all take exactly 2n transitions, so the items of a beam are
  // always in step and finish together.
  while (!ws->beam[0].state.Terminal()) {
    ws->candidates.clear();
    for (size_t i = 0; i < ws->beam.size(); ++i) {
      const ParseState& s = ws->beam[i].state;
      const double base = ws->beam[i].score;
      const size_t nf = ExtractParserFeatures(s, ws->atoms, ws->features.data());
      std::fill(scores, scores + num_classes, 0.0f);
      weights_.Score(ws->features.data(), nf, scores);
      const size_t first = ws->candidates.size();
      auto push = [&](int cls) {
        ws->candidates.push_back({static_cast<int32_t>(i), cls, scores[cls]});
      };
      if (system_.CanShift(s)) push(0);
      if (system_.CanLeft(s)) {
        for (int l = 0; l < num_labels; ++l) {
          if (l != root) push(1 + l);
        }
      }
      if (system_.CanRight(s)) {
        if (s.S(1) == 0) {
          push(1 + num_labels + root);
        } else {
          for (int l = 0; l < num_labels; ++l) {
            if (l != root) push(1 + num_labels + l);
          }
        }
      }
      // Perceptron scores of different configurations are not comparable: the model was
      // trained on local decisions only. Normalizing each step's scores into log-probabilities
      // (softmax over the legal transitions) makes path scores comparable across the beam.
      double max_score = -1e30;
      for (size_t c = first; c < ws->candidates.size(); ++c) {
        max_score = std::max(max_score, ws->candidates[c].score);
      }
      double sum = 0;
      for (size_t c = first; c < ws->candidates.size(); ++c) {
        sum += std::exp(ws->candidates[c].score - max_score);
      }
      const double log_z = max_score + std::log(sum);
      for (size_t c = first; c < ws->candidates.size(); ++c) {
        ws->candidates[c].score += base - log_z;
      }
    }
    const size_t keep = std::min<size_t>(width, ws->candidates.size());
    auto by_score = [](const ParserWorkspace::Candidate& a, const ParserWorkspace::Candidate& b) {
      return a.score > b.score || (a.score == b.score && (a.item < b.item ||
                                                          (a.item == b.item && a.cls < b.cls)));
    };
    std::partial_sort(ws->candidates.begin(), ws->candidates.begin() + keep,
                      ws->candidates.end(), by_score);
    ws->next_beam.resize(keep);
    for (size_t j = 0; j < keep; ++j) {
      const ParserWorkspace::Candidate& c = ws->candidates[j];
      ws->next_beam[j].state = ws->beam[c.item].state;
      ws->next_beam[j].score = c.score;
      system_.Apply(&ws->next_beam[j].state, c.cls);
    }
    std::swap(ws->beam, ws->next_beam);
  }
  Finish(ws->beam[0].state, ws);
}

void DependencyParser::Finish(const ParseState& s, ParserWorkspace* ws) const {
  const size_t nodes = static_cast<size_t>(s.n) + 1;
  ws->heads.resize(nodes);
  ws->labels.resize(nodes);
  ws->queue.resize(nodes);
  ws->order.resize(nodes);
  ws->heads[0] = -1;
  ws->labels[0] = -1;
  for (int32_t d = 1; d <= s.n; ++d) {
    ws->heads[d] = s.head[d];
    ws->labels[d] = s.label[d];
  }
  DeprojectivizeIds(s.n, ws->heads.data(), ws->labels.data(), lifted_own_.data(),
                    lifted_head_.data(), ws->queue.data(), ws->order.data());
}

void DependencyParser::Save(SectionWriter* out) const {
  out->U32(kParserFormat);
  out->U32(kParserFeatureVersion);
  out->Str(kTransitionSystemName);
  out->U32(static_cast<uint32_t>(labels_.size()));
  for (const std::string& label : labels_) out->Str(label);
  out->U32(static_cast<uint32_t>(beam_width_));
  weights_.Save(out);
}

DependencyParser DependencyParser::Load(SectionReader* in) {
  const uint32_t format = in->U32();
  if (format != kParserFormat) {
    in->Fail("parser format " + std::to_string(format) + " is not supported (expected " +
             std::to_string(kParserFormat) + ")");
  }
  const uint32_t features = in->U32();
  if (features != kParserFeatureVersion) {
    in->Fail("parser feature version " + std::to_string(features) + " does not match this build (" +
             std::to_string(kParserFeatureVersion) + ")");
  }
  const std::string system = in->Str();
  if (system != kTransitionSystemName) in->Fail("unknown transition system '" + system + "'");
  const uint32_t num_labels = in->U32();
  if (num_labels == 0 || num_labels > 30000) in->Fail("bad parser label count");
  std::vector<std::string> labels;
  labels.reserve(num_labels);
  for (uint32_t i = 0; i < num_labels; ++i) labels.push_back(in->Str());
  const uint32_t beam = in->U32();
  if (beam == 0 || beam > 1024) in->Fail("bad parser beam width");
  ParserWeights weights = ParserWeights::Load(in);
  if (weights.num_classes() != NumClasses(static_cast<int>(num_labels))) {
    in->Fail("parser weights do not match the label set");
  }
  try {
    DependencyParser parser(std::move(labels), std::move(weights));
    parser.set_beam_width(static_cast<int>(beam));
    return parser;
  } catch (const Error& e) {
    in->Fail(e.what());
  }
}

}  // namespace parley::syntax
