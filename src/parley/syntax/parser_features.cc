#include "parley/syntax/parser_features.h"

#include <xxhash.h>

#include <array>

namespace parley::syntax {

namespace {

// Atom values for "no such node" and for the root node; any fixed odd constants would do.
constexpr uint64_t kNoneAtom = 0x6a09e667f3bcc909ULL;
constexpr uint64_t kRootAtom = 0xbb67ae8584caa73bULL;

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v * 0x9e3779b97f4a7c15ULL;
  return Rotl(h, 29) * 0xbf58476d1ce4e5b9ULL;
}

inline uint64_t Finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t Start(uint32_t template_id) {
  return (uint64_t{template_id} + 1) * 0xd6e8feb86659fd93ULL;
}

// Buckets an arc length so that long distances share weights.
inline uint64_t DistanceBucket(int32_t a, int32_t b) {
  if (a < 0 || b < 0) return 15;
  const int32_t d = a < b ? b - a : a - b;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 7) return 5;
  if (d <= 11) return 6;
  return 7;
}

// Appends features; the template id is the feature's position, so the order of the Add calls
// in ExtractParserFeatures is part of the model format (see kParserFeatureVersion).
class FeatureSink {
 public:
  explicit FeatureSink(uint64_t* out) : out_(out) {}
  void Add(uint64_t a) { Put(Mix(Start(n_), a)); }
  void Add(uint64_t a, uint64_t b) { Put(Mix(Mix(Start(n_), a), b)); }
  void Add(uint64_t a, uint64_t b, uint64_t c) { Put(Mix(Mix(Mix(Start(n_), a), b), c)); }
  void Add(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    Put(Mix(Mix(Mix(Mix(Start(n_), a), b), c), d));
  }
  size_t size() const { return n_; }

 private:
  void Put(uint64_t h) { out_[n_++] = Finish(h); }
  uint64_t* out_;
  uint32_t n_ = 0;
};

}  // namespace

void SentenceAtoms::Init(int32_t num_words) {
  const size_t nodes = static_cast<size_t>(num_words) + 1;
  word.resize(nodes);
  tag.resize(nodes);
  upos.resize(nodes);
  word[0] = kRootAtom;
  tag[0] = kRootAtom + 1;
  upos[0] = kRootAtom + 2;
}

void SentenceAtoms::Set(int32_t node, std::string_view form, std::string_view upos_tag,
                        std::string_view xpos_tag) {
  // Lower-case ASCII and fold digits so that "1984"/"2023" and "The"/"the" share weights.
  // Forms longer than the buffer are rare (URLs); they are hashed as they are.
  std::array<char, 64> buf;
  if (form.size() <= buf.size()) {
    for (size_t i = 0; i < form.size(); ++i) {
      char c = form[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= '0' && c <= '9') c = '0';
      buf[i] = c;
    }
    word[node] = XXH3_64bits_withSeed(buf.data(), form.size(), 1);
  } else {
    word[node] = XXH3_64bits_withSeed(form.data(), form.size(), 1);
  }
  upos[node] = XXH3_64bits_withSeed(upos_tag.data(), upos_tag.size(), 2);
  const std::string_view fine = xpos_tag.empty() ? upos_tag : xpos_tag;
  tag[node] = XXH3_64bits_withSeed(fine.data(), fine.size(), 3);
}

size_t ExtractParserFeatures(const ParseState& s, const SentenceAtoms& atoms, uint64_t* out) {
  const int32_t s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int32_t b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
  auto at = [](const std::vector<int32_t>& v, int32_t x) { return x >= 0 ? v[x] : -1; };
  const int32_t s0l = at(s.left1, s0), s0l2 = at(s.left2, s0);
  const int32_t s0r = at(s.right1, s0), s0r2 = at(s.right2, s0);
  const int32_t s1l = at(s.left1, s1), s1l2 = at(s.left2, s1);
  const int32_t s1r = at(s.right1, s1), s1r2 = at(s.right2, s1);
  const int32_t b0l = at(s.left1, b0), b0l2 = at(s.left2, b0);
  // Sentence neighbours: the word right after s0 and the word right before b0.
  const int32_t s0_next = s0 >= 0 && s0 + 1 <= s.n ? s0 + 1 : -1;
  const int32_t b0_prev = b0 > 1 ? b0 - 1 : -1;

  auto W = [&](int32_t x) { return x >= 0 ? atoms.word[x] : kNoneAtom; };
  auto P = [&](int32_t x) { return x >= 0 ? atoms.tag[x] : kNoneAtom; };
  auto U = [&](int32_t x) { return x >= 0 ? atoms.upos[x] : kNoneAtom; };
  auto L = [&](int32_t x) -> uint64_t {
    return x >= 0 && s.label[x] >= 0 ? static_cast<uint64_t>(s.label[x]) + 1 : 0;
  };
  auto VL = [&](int32_t x) -> uint64_t { return x >= 0 ? (s.num_left[x] < 7 ? s.num_left[x] : 7) : 9; };
  auto VR = [&](int32_t x) -> uint64_t {
    return x >= 0 ? (s.num_right[x] < 7 ? s.num_right[x] : 7) : 9;
  };
  auto LS = [&](int32_t x) { return x >= 0 ? s.left_labels[x] : kNoneAtom; };
  auto RS = [&](int32_t x) { return x >= 0 ? s.right_labels[x] : kNoneAtom; };

  FeatureSink f(out);
  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1);
  const uint64_t b0w = W(b0), b0p = P(b0), b1p = P(b1);

  // Unigrams.
  f.Add(s0w); f.Add(s0p); f.Add(s0w, s0p); f.Add(U(s0));
  f.Add(b0w); f.Add(b0p); f.Add(b0w, b0p); f.Add(U(b0));
  f.Add(W(b1)); f.Add(b1p); f.Add(W(b1), b1p);
  f.Add(W(b2)); f.Add(P(b2)); f.Add(W(b2), P(b2));
  f.Add(s1w); f.Add(s1p); f.Add(s1w, s1p); f.Add(U(s1));
  f.Add(W(s2)); f.Add(P(s2)); f.Add(W(s2), P(s2));
  // Nearest dependents.
  f.Add(W(s0l)); f.Add(P(s0l)); f.Add(L(s0l));
  f.Add(W(s0r)); f.Add(P(s0r)); f.Add(L(s0r));
  f.Add(W(s1l)); f.Add(P(s1l)); f.Add(L(s1l));
  f.Add(W(s1r)); f.Add(P(s1r)); f.Add(L(s1r));
  f.Add(W(b0l)); f.Add(P(b0l)); f.Add(L(b0l));
  // Pairs (s0, b0): the LEFT decision.
  f.Add(s0w, s0p, b0w, b0p); f.Add(s0w, s0p, b0w); f.Add(s0w, b0w, b0p);
  f.Add(s0w, s0p, b0p); f.Add(s0p, b0w, b0p); f.Add(s0w, b0w); f.Add(s0p, b0p);
  f.Add(b0p, b1p);
  // Pairs (s1, s0): the RIGHT decision.
  f.Add(s1w, s1p, s0w, s0p); f.Add(s1w, s1p, s0w); f.Add(s1w, s0w, s0p);
  f.Add(s1w, s1p, s0p); f.Add(s1p, s0w, s0p); f.Add(s1w, s0w); f.Add(s1p, s0p);
  f.Add(s1p, b0p); f.Add(s1w, b0w);
  // Tag trigrams.
  f.Add(b0p, b1p, P(b2)); f.Add(s0p, b0p, b1p); f.Add(s1p, s0p, b0p);
  f.Add(s0p, P(s0l), b0p); f.Add(s0p, P(s0r), b0p); f.Add(s0p, b0p, P(b0l));
  f.Add(P(s2), s1p, s0p); f.Add(s1p, P(s1l), s0p); f.Add(s1p, P(s1r), s0p);
  f.Add(s1p, s0p, P(s0l)); f.Add(s1p, s0p, P(s0r)); f.Add(s1p, s0p, b1p);
  f.Add(s0p, P(s0_next), b0p); f.Add(P(b0_prev), b0p, s0p); f.Add(W(b0_prev), b0w);
  // Distances.
  const uint64_t d0 = DistanceBucket(s0, b0), d1 = DistanceBucket(s1, s0);
  f.Add(s0w, d0); f.Add(s0p, d0); f.Add(b0w, d0); f.Add(b0p, d0);
  f.Add(s0w, b0w, d0); f.Add(s0p, b0p, d0);
  f.Add(s1w, d1); f.Add(s1p, d1); f.Add(s0w, d1); f.Add(s0p, d1);
  f.Add(s1w, s0w, d1); f.Add(s1p, s0p, d1);
  // Valencies.
  f.Add(s0w, VR(s0)); f.Add(s0p, VR(s0)); f.Add(s0w, VL(s0)); f.Add(s0p, VL(s0));
  f.Add(s1w, VR(s1)); f.Add(s1p, VR(s1)); f.Add(s1w, VL(s1)); f.Add(s1p, VL(s1));
  f.Add(b0w, VL(b0)); f.Add(b0p, VL(b0));
  // Third order: second-nearest dependents and dependent chains.
  f.Add(W(s0l2)); f.Add(P(s0l2)); f.Add(L(s0l2));
  f.Add(W(s0r2)); f.Add(P(s0r2)); f.Add(L(s0r2));
  f.Add(P(s1l2)); f.Add(L(s1l2)); f.Add(P(s1r2)); f.Add(L(s1r2));
  f.Add(W(b0l2)); f.Add(P(b0l2)); f.Add(L(b0l2));
  f.Add(s0p, P(s0l), P(s0l2)); f.Add(s0p, P(s0r), P(s0r2));
  f.Add(s1p, P(s1l), P(s1l2)); f.Add(s1p, P(s1r), P(s1r2));
  f.Add(b0p, P(b0l), P(b0l2));
  f.Add(s0p, L(s0l), L(s0l2)); f.Add(s0p, L(s0r), L(s0r2)); f.Add(b0p, L(b0l), L(b0l2));
  // Label sets.
  f.Add(s0w, RS(s0)); f.Add(s0p, RS(s0)); f.Add(s0w, LS(s0)); f.Add(s0p, LS(s0));
  f.Add(s1w, RS(s1)); f.Add(s1p, RS(s1)); f.Add(s1w, LS(s1)); f.Add(s1p, LS(s1));
  f.Add(b0w, LS(b0)); f.Add(b0p, LS(b0));
  return f.size();
}

}  // namespace parley::syntax
