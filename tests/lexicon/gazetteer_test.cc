// The gazetteer shipped in dict/places, and the loader's errors on malformed files.
#include "parley/lexicon/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "parley/error.h"

namespace parley::lexicon {
namespace {

const std::string kPlaces = std::string(PARLEY_SOURCE_DIR) + "/dict/places";

const Gazetteer& Shared() {
  static const std::unique_ptr<const Gazetteer> gazetteer = Gazetteer::Load(kPlaces);
  return *gazetteer;
}

int Rank(PlaceKind kind) {
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
  return 4;
}

// The first match of `name` in `country` of `kind`, or nullptr.
const Place* FindIn(const Gazetteer& g, std::string_view name, std::string_view country,
                    PlaceKind kind) {
  for (const Gazetteer::Match& m : g.Find(name)) {
    const Place& p = g.place(m.place);
    if (p.country_code() == country && p.kind == kind) return &p;
  }
  return nullptr;
}

TEST(Gazetteer, LoadsTheShippedFilesQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const std::unique_ptr<const Gazetteer> g = Gazetteer::Load(kPlaces);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::printf("[ gazetteer ] %zu places loaded in %lld ms\n", g->size(),
              static_cast<long long>(ms));
  EXPECT_LT(ms, 1000);
  EXPECT_GT(g->size(), 100000u);
}

TEST(Gazetteer, FindsGenevaByItsEnglishName) {
  const Gazetteer& g = Shared();
  const auto matches = g.Find("Geneva");
  ASSERT_FALSE(matches.empty());
  const Place& first = g.place(matches[0].place);
  EXPECT_EQ(first.country_code(), "CHE");
  EXPECT_EQ(first.kind, PlaceKind::kCity);
  EXPECT_EQ(matches[0].name, "Geneva");
  EXPECT_NEAR(first.lat, 46.2, 0.05);
  EXPECT_NEAR(first.lon, 6.15, 0.05);
  EXPECT_GT(first.population, 100000u);
  EXPECT_GT(first.geonames_id, 0u);
  // the US towns called Geneva come after it
  EXPECT_GT(matches.size(), 1u);
  EXPECT_NE(FindIn(g, "Geneva", "USA", PlaceKind::kCity), nullptr);
}

TEST(Gazetteer, IgnoresCaseAndAccents) {
  const Gazetteer& g = Shared();
  for (std::string_view name : {"geneve", "GENÈVE", "Genève", "GENEVA", "geneva"}) {
    const Place* p = FindIn(g, name, "CHE", PlaceKind::kCity);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_NEAR(p->lat, 46.2, 0.05) << name;
    EXPECT_NEAR(p->lon, 6.15, 0.05) << name;
  }
}

TEST(Gazetteer, ParisIsTheFrenchCityFirst) {
  const Gazetteer& g = Shared();
  const auto matches = g.Find("Paris");
  ASSERT_FALSE(matches.empty());
  const Place& first = g.place(matches[0].place);
  EXPECT_EQ(first.country_code(), "FRA");
  EXPECT_EQ(first.kind, PlaceKind::kCity);
  EXPECT_NEAR(first.lat, 48.85, 0.05);
  EXPECT_NEAR(first.lon, 2.35, 0.05);
  bool texas = false;
  for (const Gazetteer::Match& m : matches) {
    const Place& p = g.place(m.place);
    if (p.country_code() == "USA" && p.admin1 == "TX") texas = true;
  }
  EXPECT_TRUE(texas);
}

TEST(Gazetteer, Countries) {
  const Gazetteer& g = Shared();
  const Place* che = g.Country("CHE");
  ASSERT_NE(che, nullptr);
  EXPECT_EQ(che->kind, PlaceKind::kCountry);
  EXPECT_EQ(che->country_code(), "CHE");
  EXPECT_EQ(che->name, "Switzerland");
  EXPECT_GT(che->lat, 45.8);
  EXPECT_LT(che->lat, 47.9);
  EXPECT_GT(che->lon, 5.9);
  EXPECT_LT(che->lon, 10.5);
  const Place* usa = g.Country("USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->kind, PlaceKind::kCountry);
  EXPECT_EQ(g.Country("XXX"), nullptr);
  EXPECT_EQ(g.Country(""), nullptr);
  EXPECT_EQ(g.Country("che"), nullptr);
}

TEST(Gazetteer, RegionsAndAdmin1) {
  const Gazetteer& g = Shared();
  const auto sea = g.Find("Red Sea");
  ASSERT_FALSE(sea.empty());
  const Place& red = g.place(sea[0].place);
  EXPECT_EQ(red.kind, PlaceKind::kRegion);
  EXPECT_EQ(red.country_code(), "");  // international waters
  EXPECT_NEAR(red.lat, 20.0, 0.01);
  EXPECT_NEAR(red.lon, 38.5, 0.01);

  const auto texas = g.Find("Texas");
  ASSERT_FALSE(texas.empty());
  const Place& tx = g.place(texas[0].place);
  EXPECT_EQ(tx.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(tx.country_code(), "USA");
  EXPECT_EQ(tx.admin1, "TX");
  // placed among the state's towns
  EXPECT_GT(tx.lat, 25.8);
  EXPECT_LT(tx.lat, 36.5);
  EXPECT_GT(tx.lon, -106.7);
  EXPECT_LT(tx.lon, -93.5);
  // an alias of the division
  EXPECT_NE(FindIn(g, "Tex.", "USA", PlaceKind::kAdmin1), nullptr);
}

TEST(Gazetteer, UnknownAndEmptyNames) {
  const Gazetteer& g = Shared();
  EXPECT_TRUE(g.Find("").empty());
  EXPECT_TRUE(g.Find("  ").empty());
  EXPECT_TRUE(g.Find("nowhere-at-all-xyz").empty());
}

TEST(Gazetteer, RanksCountriesRegionsAdmin1ThenCities) {
  const Gazetteer& g = Shared();
  const auto georgia = g.Find("Georgia");
  ASSERT_GE(georgia.size(), 2u);
  const Place& first = g.place(georgia[0].place);
  EXPECT_EQ(first.kind, PlaceKind::kCountry);
  EXPECT_EQ(first.country_code(), "GEO");
  EXPECT_NE(FindIn(g, "Georgia", "USA", PlaceKind::kAdmin1), nullptr);

  for (std::string_view name :
       {"Georgia", "Paris", "Geneva", "Washington", "Victoria", "London", "Santiago", "Crimea"}) {
    const auto matches = g.Find(name);
    EXPECT_FALSE(matches.empty()) << name;
    for (size_t i = 1; i < matches.size(); ++i) {
      const Place& a = g.place(matches[i - 1].place);
      const Place& b = g.place(matches[i].place);
      ASSERT_LE(Rank(a.kind), Rank(b.kind)) << name << " at " << i;
      if (a.kind == b.kind) {
        ASSERT_GE(a.population, b.population) << name << " at " << i;
      }
    }
  }
}

// A scratch directory with a small gazetteer, removed at the end of the test.
class GazetteerFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-gazetteer-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    Write("countries.tsv", "# iso3 iso2 name lat lon\nCHE\tCH\tSwitzerland\t47.0856\t8.0545\n");
    Write("admin1.tsv", "CHE\tGE\tGeneva Canton\t\n");
    Write("regions.txt", "# regions\nLake Geneva | CHE | 46.45 | 6.55 | Lac Leman\n");
    Write("aliases.tsv", "# name geonames_id country\nGenf\t2660646\tCHE\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream out(dir_ / name, std::ios::binary);
    out << text;
  }

  std::filesystem::path dir_;
};

TEST_F(GazetteerFiles, LoadsASmallDirectory) {
  Write("cities.tsv",
        "# header\n"
        "2660646\tGenève\tGeneva\tCHE\tGE\t46.2022\t6.1457\t183981\n"
        "2657896\tZürich\tZurich\tCHE\tZH\t47.3667\t8.5500\t341730\n");
  const std::unique_ptr<const Gazetteer> g = Gazetteer::Load(dir_.string());
  EXPECT_EQ(g->size(), 5u);  // a country, two cities, a canton, a lake
  ASSERT_EQ(g->Find("Zurich").size(), 1u);
  EXPECT_EQ(g->place(g->Find("zürich")[0].place).population, 341730u);
  ASSERT_EQ(g->Find("Lac Leman").size(), 1u);
  EXPECT_EQ(g->place(g->Find("Lac Leman")[0].place).kind, PlaceKind::kRegion);
  const auto canton = g->Find("Geneva Canton");
  ASSERT_EQ(canton.size(), 1u);
  // the canton sits at its only town
  EXPECT_NEAR(g->place(canton[0].place).lat, 46.2022, 0.001);
  // an alias of aliases.tsv names the town
  const auto genf = g->Find("Genf");
  ASSERT_EQ(genf.size(), 1u);
  EXPECT_EQ(genf[0].name, "Genf");
  EXPECT_EQ(g->place(genf[0].place).geonames_id, 2660646u);
}

TEST_F(GazetteerFiles, MalformedCityLineNamesFileAndLine) {
  Write("cities.tsv",
        "# header\n"
        "2660646\tGenève\tGeneva\tCHE\tGE\t46.2022\t6.1457\t183981\n"
        "\n"
        "2657896\tZürich\tZurich\tCHE\tZH\tnorth\t8.5500\t341730\n");
  try {
    (void)Gazetteer::Load(dir_.string());
    FAIL() << "expected parley::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cities.tsv:4"), std::string::npos) << e.what();
  }
}

TEST_F(GazetteerFiles, ShortCityLineNamesFileAndLine) {
  Write("cities.tsv", "2660646\tGenève\tGeneva\tCHE\n");
  try {
    (void)Gazetteer::Load(dir_.string());
    FAIL() << "expected parley::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cities.tsv:1"), std::string::npos) << e.what();
  }
}

TEST_F(GazetteerFiles, MissingFileIsAnError) {
  EXPECT_THROW((void)Gazetteer::Load(dir_.string()), Error);  // no cities.tsv
}

}  // namespace
}  // namespace parley::lexicon
