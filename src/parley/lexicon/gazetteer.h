#pragma once

// The gazetteer: place names with their country, coordinates and population, for resolving
// the locations of events (coding/places.h). Loaded from dict/places (docs/DICTIONARIES.md,
// "Places"):
//   cities.tsv     cities and towns of at least 1,000 people (GeoNames, CC BY 4.0)
//   countries.tsv  one representative point per country
//   admin1.tsv     first-level divisions used to qualify a town ("Paris, Texas")
//   regions.txt    seas, straits, regions and territories that are not towns
//   aliases.tsv    English and news spellings of towns ("Geneva" for GeoNames' "Genève")
// Immutable after Load and shared by all threads. The names are views into the loaded file
// texts, so the whole gazetteer is its files plus one record and two index entries per name.
//
// Usage:
//   auto gazetteer = Gazetteer::Load("dict/places");
//   for (const Gazetteer::Match& m : gazetteer->Find("Geneva")) { gazetteer->place(m.place); }

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley::lexicon {

enum class PlaceKind : uint8_t {
  kCity,     // a town or city
  kCountry,  // a country's representative point
  kAdmin1,   // a state or province (the population-weighted centre of its towns)
  kRegion,   // a sea, strait, region or territory (regions.txt)
};

struct Place {
  std::string_view name;           // canonical name ("Geneva")
  std::string_view admin1;         // cities: first-level division code ("TX"); admin1: its code
  char country[4] = {0, 0, 0, 0};  // ISO 3166-1 alpha-3, "" for international waters
  PlaceKind kind = PlaceKind::kCity;
  float lat = 0;
  float lon = 0;
  uint32_t population = 0;   // cities; 0 elsewhere
  uint32_t geonames_id = 0;  // cities; 0 elsewhere

  [[nodiscard]] std::string_view country_code() const { return std::string_view(country); }
};

class Gazetteer {
 public:
  // Reads the files of `dir`. Throws parley::Error naming file:line of a malformed line.
  [[nodiscard]] static std::unique_ptr<const Gazetteer> Load(const std::string& dir);

  // One place a name may refer to, and the name as the gazetteer spells it ("Geneva" from
  // aliases.tsv for the place GeoNames calls "Genève").
  struct Match {
    uint32_t place = 0;
    std::string_view name;
  };

  // The places called `name` (case, accents and punctuation ignored as in actor names), most
  // populous first within each kind: countries, regions and admin1 divisions come before
  // cities. Empty when none.
  [[nodiscard]] std::span<const Match> Find(std::string_view name) const;

  // The country point for an ISO alpha-3 code, or nullptr.
  [[nodiscard]] const Place* Country(std::string_view iso3) const;

  [[nodiscard]] const Place& place(uint32_t id) const { return places_[id]; }
  [[nodiscard]] size_t size() const { return places_.size(); }

 private:
  Gazetteer() = default;
  void AddName(std::string_view name, uint32_t place);
  struct IndexEntry {
    uint64_t hash;
    Match match;
  };
  void BuildIndex();

  std::vector<std::string> texts_;  // the files as read: every view points into one of them
  std::vector<Place> places_;
  // (hash of normalized name, place, name) sorted by hash, then by rank; Find returns a run of
  // `matches_` that holds the same places in the same order.
  std::vector<IndexEntry> index_;
  std::vector<Match> matches_;
  std::vector<uint32_t> countries_;  // places that are countries, sorted by code
};

}  // namespace parley::lexicon
