#include "parley/coding/context_eval.h"

#include <algorithm>
#include <cmath>

#include "parley/base/strings.h"
#include "parley/coding/event_eval.h"
#include "parley/error.h"

namespace parley::coding {

namespace {

using Item = GoldContextDocument::Item;

bool WordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The byte span of the n-th whole-word occurrence of `needle` in `body`; {0,0} when none.
text::Span Occurrence(std::string_view body, std::string_view needle, int n) {
  size_t pos = 0;
  int seen = 0;
  while (!needle.empty() && (pos = body.find(needle, pos)) != std::string_view::npos) {
    const size_t end = pos + needle.size();
    const bool left = pos == 0 || !WordChar(body[pos - 1]) || !WordChar(needle.front());
    const bool right = end >= body.size() || !WordChar(body[end]) || !WordChar(needle.back());
    if (left && right && ++seen == n) {
      return {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
    }
    ++pos;
  }
  return {0, 0};
}

bool Overlaps(text::Span a, text::Span b) { return a.begin < b.end && b.begin < a.end; }

// "TEXT #N" -> TEXT and N (1 when absent).
void SplitOccurrence(std::string_view s, std::string* text, int* n) {
  s = base::Trim(s);
  *n = 1;
  const size_t hash = s.rfind(" #");
  if (hash != std::string_view::npos) {
    int v = 0;
    bool digits = hash + 2 < s.size();
    for (size_t i = hash + 2; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') digits = false;
      if (digits) v = v * 10 + (s[i] - '0');
    }
    if (digits && v > 0) {
      *n = v;
      s = base::Trim(s.substr(0, hash));
    }
  }
  *text = std::string(s);
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.emplace_back(base::Trim(s.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// The words of at least two letters, lower case.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && WordChar(s[i])) {
      w.push_back(base::AsciiLower(s[i]));
      continue;
    }
    if (w.size() >= 2) out.push_back(w);
    w.clear();
  }
  return out;
}

bool ShareWord(std::string_view a, std::string_view b) {
  const std::vector<std::string> wa = Words(a);
  for (const std::string& w : Words(b)) {
    if (std::find(wa.begin(), wa.end(), w) != wa.end()) return true;
  }
  return false;
}

std::string Span(std::string_view body, text::Span s) {
  if (s.end > body.size() || s.begin > s.end) return {};
  return std::string(body.substr(s.begin, s.size()));
}

}  // namespace

std::vector<GoldContextDocument> ReadGoldContext(const std::string& path, std::string_view text) {
  std::vector<GoldContextDocument> docs;
  enum class State { kHeader, kText, kExpect } state = State::kHeader;
  uint32_t number = 0;
  size_t pos = 0;
  auto fail = [&](const std::string& what) { throw Error(path, number, what); };
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    const bool last = end >= text.size();
    pos = end + 1;
    if (state == State::kText) {
      if (line == "expect:") {
        while (!docs.back().text.empty() && docs.back().text.back() == '\n') {
          docs.back().text.pop_back();
        }
        state = State::kExpect;
      } else {
        docs.back().text.append(line);
        docs.back().text.push_back('\n');
      }
      if (last) break;
      continue;
    }
    const std::string_view trimmed = base::Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      if (last) break;
      continue;
    }
    const size_t colon = trimmed.find(':');
    if (colon == std::string_view::npos) fail("expected 'key: value'");
    const std::string_view key = trimmed.substr(0, colon);
    const std::string_view value = base::Trim(trimmed.substr(colon + 1));
    if (key == "doc") {
      docs.emplace_back();
      docs.back().file = path;
      docs.back().line = number;
      docs.back().id = std::string(value);
      state = State::kHeader;
    } else if (docs.empty()) {
      fail("a document starts with 'doc: ID'");
    } else if (state == State::kHeader && key == "date") {
      docs.back().date = std::string(value);
    } else if (state == State::kHeader && key == "text") {
      state = State::kText;
    } else if (state == State::kExpect) {
      Item item;
      item.line = number;
      if (key == "resolve" || key == "time" || key == "place") {
        const size_t arrow = value.find("=>");
        if (arrow == std::string_view::npos) fail(std::string(key) + ": expected 'TEXT => ...'");
        SplitOccurrence(value.substr(0, arrow), &item.mention, &item.occurrence);
        const std::string_view rhs = base::Trim(value.substr(arrow + 2));
        if (key == "resolve") {
          item.kind = Item::Kind::kResolve;
          const size_t back = rhs.find("<-");
          if (back == std::string_view::npos) fail("resolve: expected 'CODE <- ANTECEDENT'");
          item.codes = SplitOn(rhs.substr(0, back), '+');
          item.antecedents = SplitOn(rhs.substr(back + 2), '+');
        } else if (key == "time") {
          item.kind = Item::Kind::kTime;
          const std::vector<std::string_view> f = base::SplitWhitespace(rhs);
          if (f.size() != 2) fail("time: expected 'VALUE PRECISION'");
          item.value = std::string(f[0]);
          item.precision = std::string(f[1]);
        } else {
          item.kind = Item::Kind::kPlace;
          const size_t space = rhs.find(' ');
          item.value = std::string(rhs.substr(0, space));
          if (space != std::string_view::npos)
            item.name = std::string(base::Trim(rhs.substr(space)));
        }
      } else if (key == "noplace") {
        item.kind = Item::Kind::kNoPlace;
        SplitOccurrence(value, &item.mention, &item.occurrence);
      } else if (key == "event") {
        item.kind = Item::Kind::kEvent;
        std::string_view rest = value;
        const size_t place = rest.find("place=");
        if (place != std::string_view::npos) {
          item.name = std::string(base::Trim(rest.substr(place + 6)));
          rest = rest.substr(0, place);
        }
        const std::vector<std::string_view> f = base::SplitWhitespace(rest);
        if (f.size() < 3) fail("event: expected 'SOURCE TARGET CODE [date=...] [place=...]'");
        item.codes = {std::string(f[0]), std::string(f[1])};
        item.value = std::string(f[2]);
        for (size_t i = 3; i < f.size(); ++i) {
          if (f[i].rfind("date=", 0) == 0) {
            item.event_date = std::string(f[i].substr(5));
          } else {
            fail("event: unexpected '" + std::string(f[i]) + "'");
          }
        }
      } else {
        fail("unknown expectation '" + std::string(key) + ":'");
      }
      if (item.kind != Item::Kind::kEvent &&
          Occurrence(docs.back().text, item.mention, item.occurrence).end == 0) {
        fail("'" + item.mention + "' #" + std::to_string(item.occurrence) +
             " does not occur in the document's text");
      }
      docs.back().items.push_back(std::move(item));
    } else {
      fail("unexpected '" + std::string(key) + ":' before 'expect:'");
    }
    if (last) break;
  }
  if (state == State::kText) fail("the text of the last document has no 'expect:' line");
  return docs;
}

namespace {

// Whether a place found by the pipeline is the gold place: the country, and when a canonical
// name is given, that name or a gazetteer place of that name in the same spot.
bool SamePlace(const Pipeline& pipeline, const std::string& country, const std::string& name,
               const std::string& got_country, const std::string& got_name, double lat,
               double lon) {
  if (got_country != country) return false;
  if (name.empty()) return true;
  if (base::AsciiLowerCopy(name) == base::AsciiLowerCopy(got_name)) return true;
  const lexicon::Gazetteer* gazetteer = pipeline.gazetteer();
  if (gazetteer == nullptr) return false;
  for (const lexicon::Gazetteer::Match& m : gazetteer->Find(name)) {
    const lexicon::Place& p = gazetteer->place(m.place);
    if (p.country_code() == country && std::abs(p.lat - lat) < 0.05 &&
        std::abs(p.lon - lon) < 0.05) {
      return true;
    }
  }
  return false;
}

void Tally(ContextScore::Count* count, bool ok) {
  ++count->total;
  if (ok) ++count->correct;
}

}  // namespace

ContextScore ScoreContext(const Pipeline& pipeline, const std::vector<GoldContextDocument>& gold) {
  ContextScore score;
  PipelineWorkspace ws;
  DocumentResult annotated;
  DocumentResult coded;
  for (const GoldContextDocument& g : gold) {
    ++score.documents;
    text::Document doc;
    doc.id = g.id;
    doc.date = g.date;
    doc.body = g.text;
    text::Document copy = doc;
    pipeline.Annotate(&doc, &ws, &annotated);
    pipeline.Code(&copy, &ws, &coded);
    const std::string_view body = doc.body;
    for (const Item& item : g.items) {
      const std::string where = g.file + ":" + std::to_string(item.line) + ": ";
      const text::Span want = Occurrence(body, item.mention, item.occurrence);
      switch (item.kind) {
        case Item::Kind::kResolve: {
          // the resolutions that cover most of the mention ("his Russian counterpart", not
          // its "his")
          std::vector<const Resolution*> found;
          uint32_t best = 0;
          for (const Resolution& r : annotated.resolutions) {
            if (!Overlaps(r.span, want)) continue;
            const uint32_t overlap =
                std::min(r.span.end, want.end) - std::max(r.span.begin, want.begin);
            if (overlap > best) {
              found.clear();
              best = overlap;
            }
            if (overlap == best) found.push_back(&r);
          }
          bool ok = found.size() == item.codes.size();
          std::vector<bool> used(found.size(), false);
          for (size_t k = 0; ok && k < item.codes.size(); ++k) {
            bool matched = false;
            for (size_t f = 0; f < found.size() && !matched; ++f) {
              if (used[f] || ActorKey(found[f]->code) != ActorKey(item.codes[k])) continue;
              const std::string& antecedent =
                  item.antecedents[std::min(k, item.antecedents.size() - 1)];
              if (!ShareWord(Span(body, found[f]->antecedent), antecedent)) continue;
              used[f] = matched = true;
            }
            ok = matched;
          }
          Tally(&score.resolve_found, !found.empty());
          Tally(&score.resolve, ok);
          if (!ok) {
            std::string got;
            for (const Resolution* r : found) {
              got += " " + r->code + " <- '" + Span(body, r->antecedent) + "'";
            }
            score.mistakes.push_back(where + "resolve '" + item.mention + "': got" +
                                     (got.empty() ? std::string(" nothing") : got));
          }
          break;
        }
        case Item::Kind::kTime: {
          const DocumentResult::Time* found = nullptr;
          for (const DocumentResult::Time& t : annotated.times) {
            if (Overlaps(t.span, want)) found = &t;
          }
          const bool ok = found != nullptr && found->date.Format() == item.value &&
                          DatePrecisionName(found->date.precision) == item.precision;
          Tally(&score.time, ok);
          if (!ok) {
            score.mistakes.push_back(
                where + "time '" + item.mention + "': got " +
                (found == nullptr ? std::string("nothing")
                                  : found->date.Format() + " " +
                                        std::string(DatePrecisionName(found->date.precision))));
          }
          break;
        }
        case Item::Kind::kPlace:
        case Item::Kind::kNoPlace: {
          const DocumentResult::PlaceFound* found = nullptr;
          for (const DocumentResult::PlaceFound& p : annotated.places) {
            if (Overlaps(p.span, want)) found = &p;
          }
          if (item.kind == Item::Kind::kNoPlace) {
            Tally(&score.noplace, found == nullptr);
            if (found != nullptr) {
              score.mistakes.push_back(where + "noplace '" + item.mention + "': got " +
                                       found->place.name + " " + found->place.country);
            }
            break;
          }
          const bool ok =
              found != nullptr && SamePlace(pipeline, item.value, item.name, found->place.country,
                                            found->place.name, found->place.lat, found->place.lon);
          Tally(&score.place_found, found != nullptr);
          if (found != nullptr) Tally(&score.place_given, ok);
          Tally(&score.place, ok);
          if (!ok) {
            score.mistakes.push_back(where + "place '" + item.mention + "': got " +
                                     (found == nullptr
                                          ? std::string("nothing")
                                          : found->place.name + " " + found->place.country));
          }
          break;
        }
        case Item::Kind::kEvent: {
          // the matching event that fits the gold date and place best (a document may report
          // one dyad's events more than once)
          const Event* found = nullptr;
          int found_fit = -1;
          for (const Event& e : coded.events) {
            if (ActorKey(e.source.code) != ActorKey(item.codes[0]) ||
                ActorKey(e.target.code) != ActorKey(item.codes[1]) ||
                e.cameo.compare(0, item.value.size(), item.value) != 0) {
              continue;
            }
            const int fit = (!item.event_date.empty() && e.date == item.event_date ? 2 : 0) +
                            (!item.name.empty() && e.located &&
                                     (ShareWord(e.location.name, item.name) ||
                                      ShareWord(e.location.text, item.name))
                                 ? 1
                                 : 0);
            if (fit > found_fit) {
              found = &e;
              found_fit = fit;
            }
          }
          Tally(&score.event, found != nullptr);
          if (found == nullptr) {
            score.mistakes.push_back(where + "event " + item.codes[0] + " " + item.codes[1] + " " +
                                     item.value + ": not found");
            break;
          }
          if (!item.event_date.empty()) {
            const bool ok = found->date == item.event_date;
            Tally(&score.event_date, ok);
            if (!ok) {
              score.mistakes.push_back(where + "event date " + item.event_date + ": got " +
                                       found->date);
            }
          }
          if (!item.name.empty()) {
            const bool ok = found->located && (ShareWord(found->location.name, item.name) ||
                                               ShareWord(found->location.text, item.name));
            Tally(&score.event_place, ok);
            if (!ok) {
              score.mistakes.push_back(where + "event place " + item.name + ": got " +
                                       (found->located ? found->location.name : "nothing"));
            }
          }
          break;
        }
      }
    }
  }
  return score;
}

}  // namespace parley::coding
