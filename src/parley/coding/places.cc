#include "parley/coding/places.h"

#include <algorithm>

#include "parley/base/strings.h"

namespace parley::coding {

namespace {

using lexicon::Place;
using lexicon::PlaceKind;

constexpr size_t kMaxNameTokens = 6;

bool IsUpper(std::string_view form) {
  return !form.empty() &&
         ((form[0] >= 'A' && form[0] <= 'Z') || (static_cast<unsigned char>(form[0]) >= 0xC3 &&
                                                 static_cast<unsigned char>(form[0]) <= 0xC5));
}

bool AllCaps(std::string_view form) {
  bool letter = false;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool Locative(std::string_view w) {
  return OneOf(w, {"in", "at", "near", "outside", "inside", "across", "along", "around",
                   "throughout", "off", "into", "within"});
}

bool Direction(std::string_view w) {
  return OneOf(w,
               {"eastern",       "western",       "northern",      "southern",     "central",
                "northeastern",  "northwestern",  "southeastern",  "southwestern", "north-eastern",
                "north-western", "south-eastern", "south-western", "east",         "west",
                "north",         "south",         "downtown",      "rural",        "occupied",
                "war-torn",      "besieged"});
}

// "the outskirts of", "the port city of", "the town of": words before the name.
bool Frame(std::string_view w) {
  return OneOf(w, {"outskirts", "city",      "town",      "village",   "port",     "capital",
                   "region",    "resort",    "province",  "coast",     "centre",   "center",
                   "heart",     "streets",   "suburbs",   "district",  "area",     "county",
                   "state",     "waters",    "shores",    "north",     "south",    "east",
                   "west",      "northeast", "northwest", "southeast", "southwest"});
}

// Words that name times or people, never places, however a gazetteer spells its villages.
bool NeverPlace(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "january",    "february",  "march",      "april",    "may",       "june",     "july",
      "august",     "september", "october",    "november", "december",  "monday",   "tuesday",
      "wednesday",  "thursday",  "friday",     "saturday", "sunday",    "i",        "a",
      "the",        "this",      "that",       "he",       "she",       "it",       "they",
      "we",         "you",       "his",        "her",      "its",       "their",    "our",
      "mr",         "mrs",       "ms",         "dr",       "president", "minister", "general",
      "parliament", "congress",  "government", "court",    "power",     "office",   "addition",
      "response",   "fact",      "particular", "total",    "short",     "public",   "part",
      "time",       "order",     "contrast",   "turn",     "general",   "line",     "recent",
      "english",    "french",    "russian",    "arabic",   "spanish",   "chinese"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

class PlaceFinder {
 public:
  PlaceFinder(const text::Sentence& s, std::span<const ActorMention> actors,
              const lexicon::DictionarySet& dict, const lexicon::Gazetteer& gaz)
      : s_(s), actors_(actors), dict_(dict), gaz_(gaz) {
    lower_.reserve(s.tokens.size());
    for (const text::Token& t : s.tokens) lower_.push_back(base::AsciiLowerCopy(t.form));
  }

  std::string_view W(size_t i) const {
    return i < lower_.size() ? std::string_view(lower_[i]) : std::string_view();
  }
  std::string_view Form(size_t i) const {
    return i < s_.tokens.size() ? s_.tokens[i].form : std::string_view();
  }

  // The text of tokens [b, e) as written (one space where the body has any gap).
  std::string Text(size_t b, size_t e) const {
    std::string out;
    for (size_t i = b; i < e; ++i) {
      if (i > b && s_.tokens[i - 1].span.end < s_.tokens[i].span.begin) out += ' ';
      out += s_.tokens[i].form;
    }
    return out;
  }

  // The actor mention covering token t, or nullptr.
  const ActorMention* ActorAt(size_t t) const {
    for (const ActorMention& a : actors_) {
      if (a.mention.token_begin <= t && t < a.mention.token_end) return &a;
    }
    return nullptr;
  }

  // What the actor dictionary says of tokens [b, e): the country it names as a place (a country
  // name, its capital or a city), "" when it says nothing, and *blocked when they belong to
  // another actor (a person, an organisation, a demonym, a metonym).
  std::string DictionaryCountry(size_t b, size_t e, bool* blocked, bool* is_country) const {
    *blocked = false;
    *is_country = false;
    for (size_t t = b; t < e; ++t) {
      const ActorMention* a = ActorAt(t);
      if (a == nullptr) continue;
      const lexicon::Mention& m = a->mention;
      const lexicon::NameRecord& name = dict_.names()[m.name];
      const lexicon::Entry& entry = dict_.entries()[name.entry];
      const bool country_name =
          entry.kind == lexicon::EntryKind::kCountry && name.role == lexicon::NameRole::kName;
      if (m.token_begin < b || m.token_end > e || !(m.place || country_name) || m.agent_name >= 0) {
        *blocked = true;
        return "";
      }
      *is_country = country_name;
      return m.country;
    }
    return "";
  }

  // Longest gazetteer name starting at token j (at most kMaxNameTokens words, all capitalized
  // except inner "of", "de", "al", "and", "el", "la"): its end, or j.
  size_t LongestName(size_t j, std::span<const lexicon::Gazetteer::Match>* found) const {
    size_t limit = j;
    while (limit < s_.tokens.size() && limit - j < kMaxNameTokens) {
      std::string_view f = Form(limit);
      if (IsUpper(f) || (limit > j && OneOf(W(limit), {"of", "de", "al", "and", "el", "la", "-",
                                                       "du", "des", "upon"}))) {
        ++limit;
      } else {
        break;
      }
    }
    for (size_t e = limit; e > j; --e) {
      if (!IsUpper(Form(e - 1))) continue;  // a name ends with a capitalized word
      const text::Token& first = s_.tokens[j];
      const text::Token& last = s_.tokens[e - 1];
      std::string_view body_text(
          first.form.data(),
          static_cast<size_t>(last.form.data() + last.form.size() - first.form.data()));
      if (last.span.end - first.span.begin != body_text.size()) body_text = Text(j, e);
      std::span<const lexicon::Gazetteer::Match> ids = gaz_.Find(body_text);
      if (!ids.empty()) {
        *found = ids;
        return e;
      }
    }
    return j;
  }

  // A qualifier ", Switzerland" / ", Texas" after a name ending at k: its end (or k), and the
  // country and admin1 code it names.
  size_t Qualifier(size_t k, std::string* country, std::string_view* admin1) const {
    if (W(k) != "," || !IsUpper(Form(k + 1))) return k;
    std::span<const lexicon::Gazetteer::Match> ids;
    const size_t e = LongestName(k + 1, &ids);
    bool blocked = false;
    bool is_country = false;
    std::string dict_country =
        DictionaryCountry(k + 1, e > k + 1 ? e : k + 2, &blocked, &is_country);
    if (is_country && !blocked) {
      *country = dict_country;
      size_t end = k + 2;
      while (end < s_.tokens.size() && ActorAt(end) == ActorAt(k + 1) && ActorAt(end)) ++end;
      return end;
    }
    for (const lexicon::Gazetteer::Match& m : ids) {
      const Place& p = gaz_.place(m.place);
      if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kAdmin1) {
        *country = std::string(p.country_code());
        if (p.kind == PlaceKind::kAdmin1) *admin1 = p.admin1;
        return e;
      }
    }
    return k;
  }

  // Resolves the name at [j, e) (gazetteer candidates `ids`) with the qualifier and the actor
  // dictionary's opinion; nullptr when nothing fits. *name: the gazetteer's spelling of the
  // name that matched ("Geneva"), or the place's own name.
  const Place* Choose(std::span<const lexicon::Gazetteer::Match> ids,
                      const std::string& qual_country, std::string_view qual_admin1,
                      const std::string& dict_country, bool dict_is_country,
                      std::string_view* name) const {
    auto pick = [&](const lexicon::Gazetteer::Match& m) {
      *name = m.name;
      return &gaz_.place(m.place);
    };
    auto country_point = [&](const std::string& code) -> const Place* {
      const Place* c = gaz_.Country(code);
      if (c != nullptr) *name = c->name;
      return c;
    };
    if (!qual_country.empty()) {
      for (const lexicon::Gazetteer::Match& m : ids) {
        const Place& p = gaz_.place(m.place);
        if (p.country_code() != qual_country || p.kind == PlaceKind::kCountry) continue;
        if (!qual_admin1.empty() && (p.kind != PlaceKind::kCity || p.admin1 != qual_admin1)) {
          continue;
        }
        return pick(m);
      }
    }
    if (!dict_country.empty()) {
      if (dict_is_country) {
        if (const Place* c = country_point(dict_country)) return c;
      }
      for (const lexicon::Gazetteer::Match& m : ids) {
        const Place& p = gaz_.place(m.place);
        if (p.country_code() == dict_country && p.kind != PlaceKind::kAdmin1) return pick(m);
      }
      return country_point(dict_country);
    }
    return ids.empty() ? nullptr : pick(ids[0]);
  }

  void Emit(size_t b, size_t name_begin, size_t e, const Place& p, std::string_view name,
            bool dateline, std::vector<PlaceMention>* out) const {
    PlaceMention m;
    m.token_begin = static_cast<uint32_t>(b);
    m.token_end = static_cast<uint32_t>(e);
    m.head = static_cast<uint32_t>(name_begin);
    m.dateline = dateline;
    m.text = Text(b, e);
    m.name = std::string(name.empty() ? p.name : name);
    m.country = std::string(p.country_code());
    m.lat = p.lat;
    m.lon = p.lon;
    m.geonames_id = p.geonames_id;
    out->push_back(std::move(m));
  }

  // A place name at token j, the phrase starting at b (direction words included): emits and
  // returns its end, or returns j.
  size_t NameAt(size_t b, size_t j, bool dateline, std::vector<PlaceMention>* out,
                bool towns_only = false) const {
    if (j >= s_.tokens.size() || !IsUpper(Form(j)) || NeverPlace(W(j))) return j;
    std::span<const lexicon::Gazetteer::Match> ids;
    size_t e = LongestName(j, &ids);
    bool blocked = false;
    bool is_country = false;
    std::string dict_country;
    if (e == j) {
      // the actor dictionary may know a country by a name the gazetteer lacks ("the U.S.")
      const ActorMention* a = ActorAt(j);
      if (a == nullptr || a->mention.token_begin != j) return j;
      e = a->mention.token_end;
    }
    dict_country = DictionaryCountry(j, e, &blocked, &is_country);
    if (blocked) return j;
    if (towns_only) {
      // after "to": a town or region ("sent agents to Chicago"), not a country or a capital,
      // which are more often the addressee ("a letter to Moscow")
      if (is_country) return j;
      const ActorMention* a = ActorAt(j);
      if (a != nullptr && dict_.names()[a->mention.name].role == lexicon::NameRole::kCapital) {
        return j;
      }
      if (a == nullptr && !ids.empty() && gaz_.place(ids[0].place).kind == PlaceKind::kCountry) {
        return j;
      }
    }
    // a capitalized word right after the name continues another name ("Tehran Times")
    if (e < s_.tokens.size() && IsUpper(Form(e)) && !AllCaps(Form(e)) && !dateline) return j;
    std::string qual_country;
    std::string_view qual_admin1;
    const size_t end = Qualifier(e, &qual_country, &qual_admin1);
    std::string_view name;
    const Place* p = Choose(ids, qual_country, qual_admin1, dict_country, is_country, &name);
    if (p == nullptr) return j;
    Emit(b, j, end, *p, name, dateline, out);
    return end;
  }

  void Run(bool first_in_document, std::vector<PlaceMention>* out) const {
    const size_t n = s_.tokens.size();
    if (first_in_document && n > 2 && AllCaps(Form(0)) && Form(0).size() >= 3) {
      // "KYIV, Ukraine (AP) -", "WASHINGTON (Reuters) -": a dateline
      size_t e = 0;
      while (e < n && AllCaps(Form(e)) && W(e) != "-") ++e;
      if (e < n &&
          (W(e) == "," || W(e) == "(" || W(e) == "-" || Form(e) == "—" || Form(e) == "–")) {
        std::span<const lexicon::Gazetteer::Match> ids = gaz_.Find(Text(0, e));
        if (!ids.empty()) {
          std::string qual_country;
          std::string_view qual_admin1;
          const size_t end = Qualifier(e, &qual_country, &qual_admin1);
          bool blocked = false;
          bool is_country = false;
          const std::string dict_country = DictionaryCountry(0, e, &blocked, &is_country);
          std::string_view name;
          if (const Place* p = Choose(ids, qual_country, qual_admin1, blocked ? "" : dict_country,
                                      is_country, &name)) {
            Emit(0, 0, end, *p, name, true, out);
          }
        }
      }
    }
    for (size_t i = 0; i + 1 < n; ++i) {
      const bool to = W(i) == "to";
      if (!to && !Locative(W(i))) continue;
      size_t j = i + 1;
      if (W(j) == "the") ++j;
      // "the outskirts of", "the port city of"
      size_t k = j;
      while (k < n && k - j < 3 && Frame(W(k))) ++k;
      if (k > j && W(k) == "of") {
        j = k + 1;
        if (W(j) == "the") ++j;
      }
      const size_t b = j;
      // "South Sudan", "the West Bank", "the South China Sea" before "eastern Ukraine"
      size_t end = NameAt(b, b, false, out, to);
      if (end == b) {
        while (j < n && Direction(W(j)) && j - b < 2) ++j;
        end = NameAt(b, j, false, out, to);
      }
      if (end > j) i = end - 1;
    }
  }

 private:
  const text::Sentence& s_;
  std::span<const ActorMention> actors_;
  const lexicon::DictionarySet& dict_;
  const lexicon::Gazetteer& gaz_;
  std::vector<std::string> lower_;
};

}  // namespace

void FindPlaces(const text::Sentence& sentence, std::span<const ActorMention> actors,
                const lexicon::DictionarySet& dictionaries, const lexicon::Gazetteer& gazetteer,
                bool first_in_document, std::vector<PlaceMention>* out) {
  PlaceFinder(sentence, actors, dictionaries, gazetteer).Run(first_in_document, out);
}

}  // namespace parley::coding
