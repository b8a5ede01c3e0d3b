#pragma once

// Labelled transition-based dependency parser: arc-hybrid transitions (transition_system.h),
// averaged-perceptron scores over Zhang & Nivre style features (parser_features.h), greedy
// decoding by default and beam search on request, and pseudo-projective decoding of lifted
// labels after parsing (projectivize.h). Trained by parser_trainer.h with a dynamic oracle.
//
// Usage:
//   DependencyParser parser = DependencyParser::Load(&section);   // once, shared by threads
//   ParserWorkspace ws;                                            // one per thread
//   parser.Parse(&sentence, &ws);                                  // fills head and deprel

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/syntax/parser_features.h"
#include "parley/syntax/parser_weights.h"
#include "parley/syntax/transition_system.h"
#include "parley/text/document.h"

namespace parley::syntax {

class SectionReader;
class SectionWriter;

// One beam item: a configuration and the sum of the scores of its transitions.
struct BeamItem {
  ParseState state;
  double score = 0;
};

// Per-thread scratch of the parser: atoms, configurations, feature and score buffers. Buffers
// grow to the longest sentence seen and are then reused, so parsing does not allocate per token.
// Default-constructible; not shared between threads.
struct ParserWorkspace {
  SentenceAtoms atoms;
  ParseState state;
  std::vector<uint64_t> features;
  std::vector<float> scores;
  std::vector<int32_t> heads, labels, queue, order;
  // Beam search only.
  struct Candidate {
    int32_t item;
    int32_t cls;
    double score;
  };
  std::vector<BeamItem> beam, next_beam;
  std::vector<Candidate> candidates;
};

class DependencyParser {
 public:
  // A parser with no labels; Parse() leaves sentences untouched. Use Load() or TrainParser().
  DependencyParser() = default;
  // A parser over `labels` (relation names; lifted labels "x|y" allowed, see projectivize.h)
  // and trained `weights` whose classes follow transition_system.h. `labels` must contain
  // "root". Throws parley::Error when the parts do not fit together.
  DependencyParser(std::vector<std::string> labels, ParserWeights weights);

  // Reads tokens' form, upos and xpos; writes head (1-based, 0 root) and deprel of every token.
  // The result is always a single-rooted tree. Thread-safe on a const parser with one
  // workspace per thread; no allocation per token once the workspace has warmed up.
  void Parse(text::Sentence* sentence, ParserWorkspace* ws) const;

  // Parses nodes 1..n already loaded into ws->atoms (n words); the tree is left in ws->heads
  // and ws->labels (node-indexed, label ids into labels(), lifted labels already decoded).
  void ParseAtoms(int32_t n, ParserWorkspace* ws) const;

  // Beam width used by Parse(): 1 (the default) is greedy. Not thread-safe: set it before
  // sharing the parser.
  void set_beam_width(int width) { beam_width_ = width < 1 ? 1 : width; }
  int beam_width() const { return beam_width_; }

  const std::vector<std::string>& labels() const { return labels_; }
  const ArcHybridSystem& system() const { return system_; }
  const ParserWeights& weights() const { return weights_; }
  // Number of lifted ("x|y") labels in the label set.
  int num_lifted_labels() const;

  // Writes the whole parser (labels, feature version, transition system, weights, beam width)
  // as one section body.
  void Save(SectionWriter* out) const;
  // Reads what Save() wrote. Throws parley::Error on bad or truncated data, an unknown feature
  // version or transition system. Stops after the parser's data; the caller checks the
  // section's end (SectionReader::ExpectEnd) if the parser is alone in it.
  static DependencyParser Load(SectionReader* in);

 private:
  void ParseGreedy(int32_t n, ParserWorkspace* ws) const;
  void ParseBeam(int32_t n, ParserWorkspace* ws) const;
  // Copies the finished tree of `s` into ws->heads/labels and decodes lifted labels.
  void Finish(const ParseState& s, ParserWorkspace* ws) const;

  std::vector<std::string> labels_;
  ArcHybridSystem system_{1, 0};
  ParserWeights weights_;
  // Per label id: ids of the two parts of a lifted label, -1 for plain labels.
  std::vector<int32_t> lifted_own_, lifted_head_;
  int beam_width_ = 1;
};

}  // namespace parley::syntax
