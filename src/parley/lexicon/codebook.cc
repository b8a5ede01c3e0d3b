#include "parley/lexicon/codebook.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "parley/error.h"
#include "parley/paths.h"

namespace parley::lexicon {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// CAMEO fixes the QuadClass by family: 01-05 verbal cooperation, 06-08 material cooperation,
// 09-13 verbal conflict, 14-20 material conflict. A row that disagrees is a broken table.
int QuadForRoot(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

}  // namespace

Codebook Codebook::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot open the CAMEO codebook");
  Codebook book;
  std::string line;
  uint64_t number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (!header_seen) {
      header_seen = true;
      if (f.size() != 8 || f[0] != "code" || f[3] != "goldstein") {
        throw Error(path, number, "expected the header 'code root quad_class goldstein "
                                  "plover_event plover_mode plover_context name'");
      }
      continue;
    }
    if (f.size() != 8) {
      throw Error(path, number, "expected 8 tab-separated fields, found " +
                                    std::to_string(f.size()));
    }
    CameoCode c;
    c.code = f[0];
    c.root = f[1];
    if (!AllDigits(c.code) || c.code.size() < 2 || c.code.size() > 4) {
      throw Error(path, number, "event code '" + c.code + "' is not 2-4 digits");
    }
    if (c.root != std::string_view(c.code).substr(0, 2)) {
      throw Error(path, number, "root '" + c.root + "' does not prefix code " + c.code);
    }
    int root_value = std::stoi(c.root);
    if (f[2].size() != 1 || !AllDigits(f[2])) {
      throw Error(path, number, "quad_class '" + std::string(f[2]) + "' is not 1-4");
    }
    c.quad_class = f[2][0] - '0';
    if (c.quad_class != QuadForRoot(root_value)) {
      throw Error(path, number, "quad_class " + std::to_string(c.quad_class) +
                                    " does not match root " + c.root);
    }
    std::string goldstein(f[3]);
    char* end = nullptr;
    c.goldstein = std::strtod(goldstein.c_str(), &end);
    if (goldstein.empty() || *end != '\0' || !std::isfinite(c.goldstein) || c.goldstein < -10 ||
        c.goldstein > 10) {
      throw Error(path, number, "Goldstein score '" + goldstein + "' is not a number in [-10, 10]");
    }
    c.plover_event = f[4];
    c.plover_mode = f[5];
    c.plover_context = f[6];
    c.name = f[7];
    if (c.name.empty()) throw Error(path, number, "code " + c.code + " has no name");
    if (book.index_.count(c.code) != 0) {
      throw Error(path, number, "duplicate event code " + c.code);
    }
    book.index_.emplace(c.code, book.codes_.size());
    book.codes_.push_back(std::move(c));
  }
  if (book.codes_.empty()) throw Error(path, 0, "the codebook lists no event code");
  return book;
}

Codebook Codebook::LoadDefault() { return Load(DataDir() + "/cameo/codebook.tsv"); }

const CameoCode* Codebook::Find(std::string_view code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace parley::lexicon
