// The `parley dict` command, run as a process.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <string>

#include "lexicon_test_util.h"

namespace parley::lexicon {
namespace {

struct CommandResult {
  int status = -1;
  std::string out;
};

CommandResult Parley(const std::string& args) {
  CommandResult r;
  std::string command = std::string(PARLEY_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string FirstWord(const std::string& s) { return s.substr(0, s.find_first_of(" \t\n")); }

TEST(DictCommand, LookupPrintsTheCodeFirst) {
  std::string dicts = " --dictionaries " + testing::FixtureDir();
  struct Case {
    const char* text;
    const char* date;
    const char* code;
  };
  const Case cases[] = {
      {"Joe Biden", "2022-01-01", "USAGOV"},
      {"Joe Biden", "2025-01-20", "USAELI"},
      {"Russian troops", "2022-02-24", "RUSMIL"},
      {"US President Joe Biden", "2021-12-03", "USAGOV"},
  };
  for (const Case& c : cases) {
    CommandResult r = Parley(std::string("dict lookup \"") + c.text + "\" --date " + c.date + dicts);
    EXPECT_EQ(r.status, 0) << c.text;
    EXPECT_EQ(FirstWord(r.out), c.code) << r.out;
    EXPECT_NE(r.out.find("rule:"), std::string::npos) << r.out;
  }
  CommandResult none = Parley("dict lookup \"nothing here\" --date 2022-01-01" + dicts);
  EXPECT_EQ(none.status, 1);
  EXPECT_EQ(FirstWord(none.out), "---");
  EXPECT_EQ(Parley("dict lookup x --date 2022-13-01" + dicts).status, 2);
}

TEST(DictCommand, CheckPrintsCountsAndFailsOnErrors) {
  CommandResult ok = Parley("dict check --dictionaries " + testing::FixtureDir());
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("countries: 13, persons: 7, IGOs: 1, groups: 1, agents: 5"),
            std::string::npos)
      << ok.out;
  std::string dir = ::testing::TempDir() + "/parley_cmd_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/manifest.txt") << "a.txt\n";
  std::ofstream(dir + "/a.txt") << "person: A\ncodes: ABCGOV 2020-01-01..2021-01-01 | ABCGOV 2020-06-01..\n";
  CommandResult bad = Parley("dict check --dictionaries " + dir);
  EXPECT_EQ(bad.status, 1) << bad.out;
  EXPECT_NE(bad.out.find("a.txt:2: error: overlapping"), std::string::npos) << bad.out;
  EXPECT_EQ(Parley("dict check --dictionaries /nonexistent/dir").status, 2);
}

TEST(DictCommand, ConvertWritesALoadableDirectory) {
  std::string out = ::testing::TempDir() + "/parley_cmd_convert";
  std::filesystem::remove_all(out);
  CommandResult r = Parley("dict convert --from petrarch " + testing::FixtureDir() + "/petrarch --to " + out);
  ASSERT_EQ(r.status, 0) << r.out;
  CommandResult lookup = Parley("dict lookup \"Joseph Biden\" --date 2012-01-01 --dictionaries " + out);
  EXPECT_EQ(FirstWord(lookup.out), "USAGOV") << lookup.out;
}

}  // namespace
}  // namespace parley::lexicon
