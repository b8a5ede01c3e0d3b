#include "parley/lexicon/gazetteer.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "parley/base/strings.h"
#include "parley/error.h"
#include "parley/lexicon/normalize.h"

namespace parley::lexicon {

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the gazetteer file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The match key of a name: NormalizedKey's words joined by spaces. Plain ASCII names (most of
// them) take a fast path with the same result: letters and digits lower-cased, '.' dropped,
// anything else separating words.
void NameKey(std::string_view name, std::string* key) {
  key->clear();
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *key = NormalizedKey(name);
      return;
    }
  }
  bool gap = false;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (gap && !key->empty()) key->push_back(' ');
      gap = false;
      key->push_back(base::AsciiLower(c));
    } else if (c != '.') {
      gap = true;
    }
  }
}

uint64_t KeyHash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

// Splits `line` at `sep` (a view per field).
std::vector<std::string_view> Fields(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t end = line.find(sep, start);
    out.push_back(base::Trim(line.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool ParseFloat(std::string_view s, float* out) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

bool ParseUint(std::string_view s, uint32_t* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

// Calls fn(line, number) for every line that is not empty or a '#' comment.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  uint32_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    pos = end + 1;
    if (base::Trim(line).empty() || line[0] == '#') continue;
    fn(line, number);
  }
}

[[noreturn]] void Bad(const std::string& path, uint32_t line, const std::string& what) {
  throw Error(path + ":" + std::to_string(line) + ": " + what);
}

bool SetCountry(std::string_view code, Place* p) {
  if (code == "-" || code.empty()) return true;
  if (code.size() != 3) return false;
  for (int i = 0; i < 3; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') return false;
    p->country[i] = code[i];
  }
  return true;
}

int KindRank(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry:
      return 0;
    case PlaceKind::kRegion:
      return 1;
    case PlaceKind::kAdmin1:
      return 2;
    case PlaceKind::kCity:
      return 3;
  }
  return 3;
}

}  // namespace

void Gazetteer::AddName(std::string_view name, uint32_t place) {
  std::string key;
  NameKey(name, &key);
  if (key.empty()) return;
  index_.push_back(IndexEntry{KeyHash(key), Match{place, name}});
}

std::unique_ptr<const Gazetteer> Gazetteer::Load(const std::string& dir) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->texts_.reserve(4);

  const std::string countries_path = dir + "/countries.tsv";
  g->texts_.push_back(ReadFile(countries_path));
  ForEachLine(g->texts_.back(), [&](std::string_view line, uint32_t n) {
    std::vector<std::string_view> f = Fields(line, '\t');
    Place p;
    p.kind = PlaceKind::kCountry;
    if (f.size() < 5 || !SetCountry(f[0], &p) || p.country_code().empty() ||
        !ParseFloat(f[3], &p.lat) || !ParseFloat(f[4], &p.lon)) {
      Bad(countries_path, n, "expected iso3, iso2, name, lat, lon separated by tabs");
    }
    p.name = f[2];
    const auto id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    g->AddName(p.name, id);
    g->countries_.push_back(id);
  });
  std::sort(g->countries_.begin(), g->countries_.end(), [&](uint32_t a, uint32_t b) {
    return g->places_[a].country_code() < g->places_[b].country_code();
  });

  const std::string cities_path = dir + "/cities.tsv";
  g->texts_.push_back(ReadFile(cities_path));
  g->places_.reserve(g->places_.size() + 150000);
  g->index_.reserve(300000);
  ForEachLine(g->texts_.back(), [&](std::string_view line, uint32_t n) {
    std::vector<std::string_view> f = Fields(line, '\t');
    Place p;
    p.kind = PlaceKind::kCity;
    if (f.size() < 8 || !ParseUint(f[0], &p.geonames_id) || f[1].empty() || !SetCountry(f[3], &p) ||
        !ParseFloat(f[5], &p.lat) || !ParseFloat(f[6], &p.lon) || !ParseUint(f[7], &p.population)) {
      Bad(cities_path, n,
          "expected geonames_id, name, alt_name, country_iso3, admin1, lat, lon, population "
          "separated by tabs");
    }
    p.name = f[1];
    p.admin1 = f[4];
    const auto id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    g->AddName(p.name, id);
    if (!f[2].empty() && f[2] != f[1]) g->AddName(f[2], id);
  });

  // English and news spellings of towns whose GeoNames name is another ("Geneva": "Genève")
  const std::string aliases_path = dir + "/aliases.tsv";
  {
    std::unordered_map<uint32_t, uint32_t> by_geonames;
    by_geonames.reserve(g->places_.size());
    for (uint32_t id = 0; id < g->places_.size(); ++id) {
      if (g->places_[id].geonames_id != 0) by_geonames[g->places_[id].geonames_id] = id;
    }
    g->texts_.push_back(ReadFile(aliases_path));
    ForEachLine(g->texts_.back(), [&](std::string_view line, uint32_t n) {
      std::vector<std::string_view> f = Fields(line, '\t');
      uint32_t geonames = 0;
      if (f.size() < 2 || f[0].empty() || !ParseUint(f[1], &geonames)) {
        Bad(aliases_path, n, "expected name, geonames_id [, country_iso3] separated by tabs");
      }
      auto it = by_geonames.find(geonames);
      if (it == by_geonames.end()) {
        Bad(aliases_path, n, "geonames id " + std::to_string(geonames) + " is not in cities.tsv");
      }
      g->AddName(f[0], it->second);
    });
  }

  // admin1 divisions: placed at the population-weighted centre of their towns
  struct Sum {
    double lat = 0, lon = 0, weight = 0;
  };
  std::map<std::pair<std::string, std::string>, Sum> centres;
  for (const Place& p : g->places_) {
    if (p.kind != PlaceKind::kCity || p.admin1.empty()) continue;
    Sum& s = centres[{std::string(p.country_code()), std::string(p.admin1)}];
    const double w = std::max<uint32_t>(p.population, 1);
    s.lat += p.lat * w;
    s.lon += p.lon * w;
    s.weight += w;
  }
  const std::string admin1_path = dir + "/admin1.tsv";
  g->texts_.push_back(ReadFile(admin1_path));
  ForEachLine(g->texts_.back(), [&](std::string_view line, uint32_t n) {
    std::vector<std::string_view> f = Fields(line, '\t');
    Place p;
    p.kind = PlaceKind::kAdmin1;
    if (f.size() < 3 || !SetCountry(f[0], &p) || f[1].empty() || f[2].empty()) {
      Bad(admin1_path, n, "expected country_iso3, admin1_code, name [, aliases] separated by tabs");
    }
    p.admin1 = f[1];
    p.name = f[2];
    auto it = centres.find({std::string(p.country_code()), std::string(p.admin1)});
    if (it != centres.end() && it->second.weight > 0) {
      p.lat = static_cast<float>(it->second.lat / it->second.weight);
      p.lon = static_cast<float>(it->second.lon / it->second.weight);
    } else if (const Place* c = g->Country(p.country_code()); c != nullptr) {
      p.lat = c->lat;
      p.lon = c->lon;
    }
    const auto id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    g->AddName(p.name, id);
    if (f.size() > 3) {
      for (std::string_view alias : Fields(f[3], '|')) {
        if (!alias.empty()) g->AddName(alias, id);
      }
    }
  });

  const std::string regions_path = dir + "/regions.txt";
  g->texts_.push_back(ReadFile(regions_path));
  ForEachLine(g->texts_.back(), [&](std::string_view line, uint32_t n) {
    std::vector<std::string_view> f = Fields(line, '|');
    Place p;
    p.kind = PlaceKind::kRegion;
    if (f.size() < 4 || f[0].empty() || !SetCountry(f[1], &p) || !ParseFloat(f[2], &p.lat) ||
        !ParseFloat(f[3], &p.lon)) {
      Bad(regions_path, n, "expected 'name | ISO3 or - | lat | lon | aliases'");
    }
    p.name = f[0];
    const auto id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    g->AddName(p.name, id);
    if (f.size() > 4) {
      for (std::string_view alias : Fields(f[4], ',')) {
        if (!alias.empty()) g->AddName(alias, id);
      }
    }
  });
  g->BuildIndex();
  return g;
}

void Gazetteer::BuildIndex() {
  std::sort(index_.begin(), index_.end(), [&](const IndexEntry& a, const IndexEntry& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    const Place& pa = places_[a.match.place];
    const Place& pb = places_[b.match.place];
    if (KindRank(pa.kind) != KindRank(pb.kind)) return KindRank(pa.kind) < KindRank(pb.kind);
    if (pa.population != pb.population) return pa.population > pb.population;
    return a.match.place < b.match.place;
  });
  // one place once per name (a city whose alternate name equals its name after normalizing)
  index_.erase(std::unique(index_.begin(), index_.end(),
                           [](const IndexEntry& a, const IndexEntry& b) {
                             return a.hash == b.hash && a.match.place == b.match.place;
                           }),
               index_.end());
  matches_.resize(index_.size());
  for (size_t i = 0; i < index_.size(); ++i) matches_[i] = index_[i].match;
}

std::span<const Gazetteer::Match> Gazetteer::Find(std::string_view name) const {
  std::string key;
  NameKey(name, &key);
  if (key.empty()) return {};
  const uint64_t h = KeyHash(key);
  auto lo = std::lower_bound(index_.begin(), index_.end(), h,
                             [](const IndexEntry& e, uint64_t v) { return e.hash < v; });
  auto hi = lo;
  while (hi != index_.end() && hi->hash == h) ++hi;
  return std::span<const Match>(matches_.data() + (lo - index_.begin()),
                                static_cast<size_t>(hi - lo));
}

const Place* Gazetteer::Country(std::string_view iso3) const {
  auto it = std::lower_bound(
      countries_.begin(), countries_.end(), iso3,
      [&](uint32_t id, std::string_view v) { return places_[id].country_code() < v; });
  if (it == countries_.end() || places_[*it].country_code() != iso3) return nullptr;
  return &places_[*it];
}

}  // namespace parley::lexicon
