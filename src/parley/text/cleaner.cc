#include "parley/text/cleaner.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "parley/text/char_class.h"
#include "parley/text/date_parse.h"
#include "parley/text/rule_file.h"

namespace parley::text {

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Lower-cases up to `cap` bytes of `s` into buf; returns false when `s` is longer.
bool LowerInto(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return false;
  for (size_t i = 0; i < s.size(); ++i) buf[i] = AsciiLower(s[i]);
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (AsciiLower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

// Trims whitespace, including no-break and other Unicode spaces, from both ends.
void TrimSpan(std::string_view body, uint32_t* b, uint32_t* e) {
  while (*b < *e) {
    const CharInfo c = DecodeChar(body, *b, *e);
    if (c.cls != CharClass::kSpace) break;
    *b += c.len;
  }
  while (*e > *b) {
    const auto last = static_cast<unsigned char>(body[*e - 1]);
    if (last < 0x80) {
      if (!IsAsciiSpace(static_cast<char>(last)) && last != '\n') break;
      --*e;
      continue;
    }
    uint32_t s = *e - 1;
    while (s > *b && (static_cast<unsigned char>(body[s]) & 0xC0) == 0x80 && *e - s < 4) --s;
    const CharInfo c = DecodeChar(body, s, *e);
    if (c.cls != CharClass::kSpace || s + c.len != *e) break;
    *e = s;
  }
}

std::vector<std::string> ReadPhrases(const std::string& path) {
  std::vector<std::string> out;
  ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
    for (char c : line) {
      if (c >= 'A' && c <= 'Z') RuleError(path, n, "entries must be lower case");
    }
    out.emplace_back(line);
  });
  // Longest first so that "file photo:" wins over "file photo".
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace

Cleaner::Cleaner(const std::string& data_dir) {
  for (const std::string& w : ReadPhrases(data_dir + "/interface_labels.txt")) {
    interface_labels_.emplace(w, 1);
  }
  for (const std::string& w : ReadPhrases(data_dir + "/timestamp_cues.txt")) {
    timestamp_words_.emplace(w, 1);
  }
  boilerplate_lines_ = ReadPhrases(data_dir + "/boilerplate_lines.txt");
  caption_cues_ = ReadPhrases(data_dir + "/caption_cues.txt");
  byline_cues_ = ReadPhrases(data_dir + "/byline_cues.txt");
  {
    const std::string path = data_dir + "/metadata_keys.txt";
    ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
      const size_t space = line.find(' ');
      if (space == std::string_view::npos) RuleError(path, n, "expected 'key class'");
      std::string_view key = line.substr(0, space);
      std::string_view kind = line.substr(space + 1);
      MetaKind k = MetaKind::kOther;
      if (kind == "date") {
        k = MetaKind::kDate;
      } else if (kind == "title") {
        k = MetaKind::kTitle;
      } else if (kind != "other") {
        RuleError(path, n, "class must be date, title or other");
      }
      metadata_keys_.emplace(std::string(key), static_cast<uint32_t>(k));
    });
  }
  {
    const std::string path = data_dir + "/credit_cues.txt";
    ReadRuleFile(path, [&](std::string_view line, uint64_t n) {
      const size_t space = line.rfind(' ');
      if (space == std::string_view::npos) RuleError(path, n, "expected 'marker class'");
      std::string_view marker = line.substr(0, space);
      std::string_view kind = line.substr(space + 1);
      if (kind == "phrase") {
        credit_phrases_.emplace_back(marker);
      } else if (kind == "agency") {
        credit_agencies_.emplace_back(std::string(marker) + "/");
      } else {
        RuleError(path, n, "class must be phrase or agency");
      }
    });
  }
}

bool Cleaner::StartsWithCue(std::string_view line, const std::vector<std::string>& cues,
                            size_t* cue_len) const {
  for (const std::string& cue : cues) {
    if (!StartsWithNoCase(line, cue)) continue;
    // The cue must end at a word boundary.
    if (line.size() > cue.size()) {
      const char next = line[cue.size()];
      if (cue.back() != ':' && next != ' ' && next != ':' && next != ',' && next != '-' &&
          next != '\t') {
        continue;
      }
    }
    *cue_len = cue.size();
    return true;
  }
  return false;
}

bool Cleaner::IsLabelWord(std::string_view word) const {
  char buf[48];
  if (word.empty() || !LowerInto(word, buf, sizeof(buf))) return false;
  std::string_view w(buf, word.size());
  if (interface_labels_.find(w) != interface_labels_.end()) return true;
  if (w.size() > 4 && w.substr(w.size() - 4) == "icon") return true;
  if (w.find('-') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= w.size()) {
    size_t dash = w.find('-', start);
    std::string_view part = w.substr(start, dash == std::string_view::npos ? w.npos : dash - start);
    const bool label = !part.empty() &&
                       (interface_labels_.find(part) != interface_labels_.end() ||
                        (part.size() > 4 && part.substr(part.size() - 4) == "icon"));
    if (!label) return false;
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return true;
}

bool Cleaner::IsInterfaceRun(std::string_view line) const {
  size_t words = 0;
  size_t labels = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsAsciiSpace(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !IsAsciiSpace(line[j])) ++j;
    if (j > i) {
      ++words;
      if (IsLabelWord(line.substr(i, j - i))) ++labels;
      // Article sentences fail fast: most of their first words are not labels.
      if (words == 6 && labels < 3) return false;
    }
    i = j;
  }
  return words >= 3 && labels * 10 >= words * 7;
}

bool Cleaner::IsBoilerplateLine(std::string_view line) const {
  // Furniture is labels and link titles; a line ending as a sentence is prose that merely
  // starts like furniture ("Sign up was slow, ...").
  if (line.back() == '.') return false;
  size_t len = 0;
  if (!StartsWithCue(line, boilerplate_lines_, &len)) return false;
  if (len == line.size()) return true;
  const char next = line[len];
  return next == ' ' || next == ':' || next == '|' || next == '-' || next == '>';
}

bool Cleaner::IsTimestamp(std::string_view line, std::string* date) const {
  // Skip leading cue words ("Published:", "Updated"), then the rest must parse as a date
  // and contain nothing but times, zones and cue words.
  size_t i = 0;
  size_t date_start = std::string_view::npos;
  size_t plain_words = 0;
  while (i < line.size()) {
    while (i < line.size() && (IsAsciiSpace(line[i]) || line[i] == '|' || line[i] == '-')) ++i;
    size_t j = i;
    while (j < line.size() && !IsAsciiSpace(line[j])) ++j;
    if (j == i) break;
    std::string_view word = line.substr(i, j - i);
    while (!word.empty() && (word.back() == ':' || word.back() == ',' || word.back() == '.')) {
      word.remove_suffix(1);
    }
    char buf[24];
    const bool cue = !word.empty() && LowerInto(word, buf, sizeof(buf)) &&
                     timestamp_words_.find(std::string_view(buf, word.size())) !=
                         timestamp_words_.end();
    bool has_digit = false;
    for (char c : word) has_digit |= (c >= '0' && c <= '9');
    if (!cue && date_start == std::string_view::npos) date_start = i;
    if (!cue && !has_digit && ++plain_words > 2) return false;
    i = j;
  }
  if (date_start == std::string_view::npos) return false;
  std::optional<std::string> d = NormalizeDate(line.substr(date_start));
  if (!d) return false;
  *date = std::move(*d);
  return true;
}

bool Cleaner::IsByline(std::string_view line) const {
  if (line.size() > 100 || line.back() == '.') return false;
  std::string_view l = line;
  if (l.front() == '(') l.remove_prefix(1);
  size_t len = 0;
  if (!StartsWithCue(l, byline_cues_, &len)) return false;
  l.remove_prefix(len);
  while (!l.empty() && IsAsciiSpace(l.front())) l.remove_prefix(1);
  if (l.empty()) return false;
  return DecodeChar(l, 0, static_cast<uint32_t>(l.size())).cls == CharClass::kUpper;
}

size_t Cleaner::CreditStart(std::string_view line) const {
  size_t best = std::string_view::npos;
  if (size_t c = line.find("\xC2\xA9"); c != std::string_view::npos) best = c;  // ©
  for (std::string_view mark : {"(c) ", "(C) "}) {
    if (size_t c = line.find(mark); c != std::string_view::npos) best = std::min(best, c);
  }
  const bool has_slash = line.find('/') != std::string_view::npos;
  for (const std::string& agency : credit_agencies_) {
    if (!has_slash) break;
    size_t c = line.find(agency);
    while (c != std::string_view::npos && c > 0 && !IsAsciiSpace(line[c - 1]) &&
           line[c - 1] != '(') {
      c = line.find(agency, c + 1);
    }
    if (c != std::string_view::npos) best = std::min(best, c);
  }
  if (line.size() <= 400) {
    char buf[400];
    (void)LowerInto(line, buf, sizeof(buf));
    std::string_view lower(buf, line.size());
    for (const std::string& phrase : credit_phrases_) {
      size_t c = lower.find(phrase);
      if (c != std::string_view::npos && (c == 0 || !std::isalpha(static_cast<unsigned char>(
                                                          lower[c - 1])))) {
        best = std::min(best, c);
      }
    }
  }
  return best;
}

bool Cleaner::LooksLikeHeadline(std::string_view line) const {
  if (line.size() > 200 || line.size() < 8) return false;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (line.ends_with(".\"") || line.ends_with(".\xE2\x80\x9D")) return false;
  const CharInfo first = DecodeChar(line, 0, static_cast<uint32_t>(line.size()));
  if (first.cls != CharClass::kUpper && first.cls != CharClass::kDigit &&
      first.cls != CharClass::kPunct) {
    return false;
  }
  const size_t words = 1 + static_cast<size_t>(std::count(line.begin(), line.end(), ' '));
  return words >= 3 && words <= 30;
}

void Cleaner::ClassifyLine(std::string_view body, uint32_t begin, uint32_t end,
                           std::vector<Piece>* out, std::string* meta_date,
                           std::string* stamp_date, std::string* meta_title) const {
  std::string_view line = body.substr(begin, end - begin);

  // Metadata: "key: value", or "date 2021-12-03" for date keys.
  {
    size_t k = 0;
    while (k < line.size() && k < 16 && line[k] != ' ' && line[k] != ':' && line[k] != '\t') ++k;
    char buf[16];
    if (k > 0 && k < line.size() && LowerInto(line.substr(0, k), buf, sizeof(buf))) {
      auto it = metadata_keys_.find(std::string_view(buf, k));
      if (it != metadata_keys_.end()) {
        const auto kind = static_cast<MetaKind>(it->second);
        size_t v = k;
        const bool colon = line[v] == ':';
        if (colon) ++v;
        while (v < line.size() && IsAsciiSpace(line[v])) ++v;
        // The value runs to a run of two spaces (scrapers glue the next block on that way)
        // or to the end of the line.
        size_t value_end = line.find("  ", v);
        if (value_end == std::string_view::npos) value_end = line.size();
        std::string_view value = line.substr(v, value_end - v);
        if (kind == MetaKind::kDate) {
          if (std::optional<std::string> d = NormalizeDate(value); d) {
            if (meta_date->empty()) *meta_date = std::move(*d);
            out->push_back({ZoneKind::kMetadata, {begin, begin + uint32_t(value_end)}});
            uint32_t rb = begin + static_cast<uint32_t>(value_end);
            uint32_t re = end;
            TrimSpan(body, &rb, &re);
            if (rb < re) ClassifyLine(body, rb, re, out, meta_date, stamp_date, meta_title);
            return;
          }
        } else if (colon && !value.empty() && line.size() <= 300) {
          if (kind == MetaKind::kTitle && meta_title->empty()) *meta_title = std::string(value);
          out->push_back({ZoneKind::kMetadata, {begin, end}});
          return;
        }
      }
    }
  }
  if (line.size() <= 2000 && IsInterfaceRun(line)) {
    out->push_back({ZoneKind::kBoilerplate, {begin, end}});
    return;
  }
  if (line.size() <= 100 && IsBoilerplateLine(line)) {
    out->push_back({ZoneKind::kBoilerplate, {begin, end}});
    return;
  }
  if (line.size() <= 80) {
    std::string date;
    if (IsTimestamp(line, &date)) {
      if (stamp_date->empty()) *stamp_date = std::move(date);
      out->push_back({ZoneKind::kTimestamp, {begin, end}});
      return;
    }
  }
  size_t cue_len = 0;
  const bool caption = StartsWithCue(line, caption_cues_, &cue_len);
  // Credits stand alone on short lines or close a caption; long prose lines are only searched
  // for the copyright sign, which keeps the cost per line low.
  size_t credit = std::string_view::npos;
  if (caption || line.size() <= 200) {
    credit = CreditStart(line);
  } else if (line.size() <= 600 && line.find("\xC2\xA9") != std::string_view::npos) {
    credit = CreditStart(line);
  }
  if (caption || credit != std::string_view::npos) {
    if (credit == 0 || (caption && credit <= cue_len + 1)) {
      if (line.size() <= 200) {
        out->push_back({ZoneKind::kCredit, {begin, end}});
        return;
      }
    } else if (caption || line.size() - credit <= 120) {
      // A caption, with its credit (if any) split off the end.
      if (credit == std::string_view::npos) {
        out->push_back({ZoneKind::kCaption, {begin, end}});
        return;
      }
      uint32_t cb = begin;
      uint32_t ce = begin + static_cast<uint32_t>(credit);
      TrimSpan(body, &cb, &ce);
      if (cb < ce) out->push_back({ZoneKind::kCaption, {cb, ce}});
      out->push_back({ZoneKind::kCredit, {begin + static_cast<uint32_t>(credit), end}});
      return;
    }
  }
  if (IsByline(line)) {
    out->push_back({ZoneKind::kByline, {begin, end}});
    return;
  }
  out->push_back({ZoneKind::kText, {begin, end}, LooksLikeHeadline(line)});
}

void Cleaner::Clean(Document* doc) const {
  doc->zones.clear();
  const std::string_view body = doc->body;
  const auto size = static_cast<uint32_t>(std::min<size_t>(body.size(), UINT32_MAX));
  thread_local std::vector<Piece> pieces;
  thread_local std::vector<uint32_t> blank_before;  // per piece: a blank line precedes it
  pieces.clear();
  blank_before.clear();
  std::string meta_date, stamp_date, meta_title;
  bool blank = true;
  uint32_t b = 0;
  while (b < size) {
    const void* nl = std::memchr(body.data() + b, '\n', size - b);
    const uint32_t line_end =
        nl == nullptr ? size : static_cast<uint32_t>(static_cast<const char*>(nl) - body.data());
    uint32_t lb = b;
    uint32_t le = line_end;
    TrimSpan(body, &lb, &le);
    if (lb < le) {
      const size_t before = pieces.size();
      ClassifyLine(body, lb, le, &pieces, &meta_date, &stamp_date, &meta_title);
      blank_before.resize(pieces.size(), 0);
      if (pieces.size() > before) blank_before[before] = blank ? 1 : 0;
      blank = false;
    } else {
      blank = true;
    }
    b = line_end + 1;
  }

  // The headline: the first text line, if it looks like one and article text follows.
  size_t first_text = pieces.size();
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].kind == ZoneKind::kText) {
      first_text = i;
      break;
    }
  }
  std::string_view headline;
  if (first_text < pieces.size() && pieces[first_text].headline_candidate) {
    bool text_after = false;
    for (size_t i = first_text + 1; i < pieces.size() && !text_after; ++i) {
      text_after = pieces[i].kind == ZoneKind::kText;
    }
    const Span s = pieces[first_text].span;
    std::string_view line = body.substr(s.begin, s.size());
    if (text_after && (doc->title.empty() || doc->title == line ||
                       (!meta_title.empty() && meta_title == line))) {
      pieces[first_text].kind = ZoneKind::kTitle;
      headline = line;
    }
  }

  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    if (p.kind == ZoneKind::kText && !doc->zones.empty() && i > 0 &&
        pieces[i - 1].kind == ZoneKind::kText && !blank_before[i]) {
      doc->zones.back().span.end = p.span.end;  // a paragraph written on several lines
      continue;
    }
    doc->zones.push_back({p.kind, p.span});
  }
  if (doc->date.empty()) doc->date = !meta_date.empty() ? meta_date : stamp_date;
  if (doc->title.empty()) {
    doc->title = !meta_title.empty() ? meta_title : std::string(headline);
  }
}

}  // namespace parley::text
