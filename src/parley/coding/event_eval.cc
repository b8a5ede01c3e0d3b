#include "parley/coding/event_eval.h"

#include "parley/base/strings.h"
#include "parley/error.h"

namespace parley::coding {

namespace {

int RootIndex(std::string_view code) {
  if (code.size() < 2) return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? r : 0;
}

double Ratio(uint64_t a, uint64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

}  // namespace

double RootScore::Precision() const { return Ratio(tp, tp + fp); }
double RootScore::Recall() const { return Ratio(tp, tp + fn); }
double RootScore::F1() const {
  double p = Precision();
  double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::string_view ActorKey(std::string_view code) {
  if (code.substr(0, 3) == "IGO") return code.substr(0, 6);
  return code.substr(0, 3);
}

std::vector<GoldSentence> ReadGoldEvents(const std::string& path, std::string_view text) {
  std::vector<GoldSentence> out;
  std::string date;
  uint32_t line = 0;
  size_t pos = 0;
  bool open = false;  // the last sentence still needs its '=' lines
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == text.npos ? text.npos : nl - pos);
    pos = nl == text.npos ? text.size() : nl + 1;
    ++line;
    std::string_view s = base::Trim(raw);
    if (s.empty() || s[0] == '#') continue;
    if (s.substr(0, 5) == "date:") {
      date = std::string(base::Trim(s.substr(5)));
      if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        throw Error(path, line, "expected 'date: YYYY-MM-DD'");
      }
      continue;
    }
    if (s[0] == '>') {
      if (open) throw Error(path, line, "the sentence above has no '=' line");
      GoldSentence g;
      g.file = path;
      g.line = line;
      g.date = date;
      g.text = std::string(base::Trim(s.substr(1)));
      if (g.text.empty()) throw Error(path, line, "empty sentence");
      out.push_back(std::move(g));
      open = true;
      continue;
    }
    if (s[0] == '=') {
      if (out.empty()) throw Error(path, line, "'=' line before any '>' sentence");
      std::vector<std::string_view> f = base::SplitWhitespace(s.substr(1));
      GoldSentence& g = out.back();
      if (f.size() == 1 && f[0] == "none") {
        if (!g.events.empty()) throw Error(path, line, "'= none' after events");
        open = false;
        continue;
      }
      if (f.size() != 3 || RootIndex(f[2]) == 0) {
        throw Error(path, line, "expected '= SOURCE TARGET CODE' or '= none'");
      }
      g.events.push_back(GoldEvent{std::string(f[0]), std::string(f[1]), std::string(f[2])});
      open = false;
      continue;
    }
    throw Error(path, line, "expected 'date:', '> sentence' or '= ...'");
  }
  if (open) throw Error(path, line, "the last sentence has no '=' line");
  return out;
}

EventScore ScoreEvents(const Pipeline& pipeline, const std::vector<GoldSentence>& gold) {
  EventScore score;
  PipelineWorkspace ws;
  DocumentResult result;
  for (const GoldSentence& g : gold) {
    text::Document doc;
    doc.id = g.file + ":" + std::to_string(g.line);
    doc.date = g.date;
    doc.body = g.text;
    pipeline.Code(&doc, &ws, &result);
    ++score.sentences;
    if (g.events.empty()) {
      ++score.empty_sentences;
      if (!result.events.empty()) ++score.empty_with_events;
    }
    std::vector<bool> used(g.events.size(), false);
    const std::string where = g.file + ":" + std::to_string(g.line) + ": ";
    for (const Event& e : result.events) {
      int root = RootIndex(e.cameo);
      bool matched = false;
      for (size_t k = 0; k < g.events.size() && !matched; ++k) {
        const GoldEvent& ge = g.events[k];
        if (used[k] || RootIndex(ge.code) != root ||
            ActorKey(ge.source) != ActorKey(e.source.code) ||
            ActorKey(ge.target) != ActorKey(e.target.code)) {
          continue;
        }
        used[k] = true;
        matched = true;
        bool exact = ge.code == e.cameo && ge.source == e.source.code && ge.target == e.target.code;
        ++score.roots[root].tp;
        ++score.total.tp;
        if (exact) {
          ++score.roots[root].exact;
          ++score.total.exact;
        } else {
          score.mistakes.push_back(where + "inexact " + e.source.code + " " + e.target.code + " " +
                                   e.cameo + " (gold " + ge.source + " " + ge.target + " " +
                                   ge.code + ")");
        }
      }
      if (!matched) {
        ++score.roots[root].fp;
        ++score.total.fp;
        score.mistakes.push_back(where + "extra " + e.source.code + " " + e.target.code + " " +
                                 e.cameo + " [" + e.pattern + "] " + g.text);
      }
    }
    for (size_t k = 0; k < g.events.size(); ++k) {
      if (used[k]) continue;
      const GoldEvent& ge = g.events[k];
      ++score.roots[RootIndex(ge.code)].fn;
      ++score.total.fn;
      score.mistakes.push_back(where + "missed " + ge.source + " " + ge.target + " " + ge.code +
                               " " + g.text);
    }
  }
  return score;
}

}  // namespace parley::coding
