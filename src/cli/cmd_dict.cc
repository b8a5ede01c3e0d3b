// `parley dict`: check, look up and convert actor, agent and verb dictionaries.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "parley/lexicon/codebook.h"
#include "parley/error.h"
#include "parley/lexicon/dictionary_check.h"
#include "parley/lexicon/dictionary_file.h"
#include "parley/lexicon/dictionary_set.h"
#include "parley/lexicon/petrarch_reader.h"
#include "parley/paths.h"
#include "parley/text/tokenizer.h"

namespace parley::cli {

namespace {

namespace fs = std::filesystem;
using lexicon::DictionarySet;

std::string DefaultSpec() { return DataDir(); }

// The codebook that goes with a dictionary spec: <dir>/cameo/codebook.tsv when the spec is a
// Parley directory that has one, else the shipped one.
lexicon::Codebook LoadCodebook(const std::string& spec, const std::string& explicit_path) {
  if (!explicit_path.empty()) return lexicon::Codebook::Load(explicit_path);
  std::error_code ec;
  fs::path own = fs::path(spec) / "cameo" / "codebook.tsv";
  if (spec.find(',') == std::string::npos && spec.rfind("petrarch:", 0) != 0 &&
      fs::exists(own, ec)) {
    return lexicon::Codebook::Load(own.string());
  }
  return lexicon::Codebook::LoadDefault();
}

int RunCheck(const std::string& spec, const std::string& codebook_path, bool show_notes) {
  DictionarySet::LoadOptions options;
  options.throw_on_error = false;
  auto start = std::chrono::steady_clock::now();
  auto set = DictionarySet::Load(spec, options);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  lexicon::Codebook codebook = LoadCodebook(spec, codebook_path);
  lexicon::CheckReport report = lexicon::CheckDictionaries(*set, &codebook);
  for (const lexicon::Finding& f : report.findings) {
    if (f.severity == lexicon::Finding::Severity::kNote && !show_notes) continue;
    std::printf("%s\n", f.ToString().c_str());
  }
  const lexicon::DictionaryCounts& c = report.counts;
  std::printf(
      "countries: %zu, persons: %zu, IGOs: %zu, groups: %zu, agents: %zu, names: %zu\n"
      "event patterns: %zu\n"
      "verb blocks: %zu, verb forms: %zu, verb patterns: %zu, synsets: %zu, discards: %zu, "
      "issues: %zu\n"
      "files: %zu, loaded in %.0f ms; codebook: %zu event codes\n"
      "errors: %zu, warnings: %zu, notes: %zu%s\n",
      c.countries, c.persons, c.igos, c.groups, c.agents, c.names, c.event_patterns, c.verb_blocks, c.verb_forms,
      c.verb_patterns, c.synsets, c.discards, c.issues, set->files().size(), ms, codebook.size(),
      report.errors, report.warnings, report.notes,
      report.notes > 0 && !show_notes ? " (--notes to list them)" : "");
  return report.errors > 0 ? 1 : 0;
}

int RunLookup(const std::string& text, const std::string& date_text, const std::string& spec) {
  lexicon::Date date = lexicon::kUnknownDate;
  if (!date_text.empty() && !lexicon::ParseIsoDate(date_text, &date)) {
    std::fprintf(stderr, "parley dict lookup: --date '%s' is not YYYY-MM-DD\n", date_text.c_str());
    return 2;
  }
  auto set = DictionarySet::Load(spec);
  text::Tokenizer tokenizer(DataDir() + "/text");
  std::vector<text::Token> tokens;
  tokenizer.Tokenize(text, text::Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<std::string_view> forms;
  forms.reserve(tokens.size());
  for (const text::Token& t : tokens) forms.push_back(t.form);
  lexicon::LookupWorkspace ws;
  std::vector<lexicon::Mention> mentions;
  set->Lookup(forms, {}, date, &ws, &mentions);
  size_t stale = 0;
  for (const lexicon::Mention& m : mentions) {
    uint32_t begin = tokens[m.token_begin].span.begin;
    uint32_t end = tokens[m.token_end - 1].span.end;
    std::printf("%s\t\"%s\"\tbytes %u-%u\n%s", m.code.c_str(),
                text.substr(begin, end - begin).c_str(), begin, end,
                set->Explain(m, date).c_str());
    stale += m.stale ? 1 : 0;
  }
  if (mentions.empty()) std::printf("---\tno actor found\n");
  std::fprintf(stderr, "mentions: %zu, stale (document date after the country's verified: "
                       "date): %zu\n", mentions.size(), stale);
  return mentions.empty() ? 1 : 0;
}

int RunConvert(const std::string& from, const std::string& input, const std::string& output) {
  if (from != "petrarch") {
    std::fprintf(stderr, "parley dict convert: --from must be 'petrarch'\n");
    return 2;
  }
  auto set = DictionarySet::Load("petrarch:" + input);
  std::vector<std::string> verbatim;
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    for (const auto& item : fs::directory_iterator(input)) {
      lexicon::PetrarchKind kind;
      if (!item.is_regular_file() || item.path().extension() != ".txt" ||
          !lexicon::GuessPetrarchKind(item.path().filename().string(), &kind)) {
        continue;
      }
      if (kind != lexicon::PetrarchKind::kActors && kind != lexicon::PetrarchKind::kAgents) {
        verbatim.push_back(item.path().string());
      }
    }
  }
  lexicon::WriteParleyDictionaries(*set, output, verbatim);
  auto check = DictionarySet::Load(output);
  std::printf("converted %zu entries (%zu names) into %s; verb, discard and issue files copied "
              "verbatim: %zu; reloaded %zu entries\n",
              set->entries().size(), set->names().size(), output.c_str(), verbatim.size(),
              check->entries().size());
  return 0;
}

}  // namespace

int RunDict(int argc, char** argv) {
  CLI::App app("Check, look up and convert actor, agent and verb dictionaries.", argv[0]);
  app.require_subcommand(1);
  std::string spec;
  std::string codebook;
  bool notes = false;
  CLI::App* check = app.add_subcommand(
      "check", "load dictionaries and report duplicates, conflicts, bad date ranges, unknown "
               "event codes and unreachable entries; print counts; exit 1 on errors");
  check->add_option("--dictionaries", spec,
                    "a dictionary directory (with manifest.txt), petrarch:DIR or petrarch:FILE; "
                    "several joined by ','; default: the shipped dict/");
  check->add_option("--codebook", codebook, "CAMEO codebook TSV (default: dict/cameo/codebook.tsv)");
  check->add_flag("--notes", notes, "also list legacy lines read in a documented way");

  std::string text;
  std::string date;
  CLI::App* lookup = app.add_subcommand(
      "lookup", "find the actors in TEXT; the first word printed is the first actor's code");
  lookup->add_option("text", text, "the text to look up")->required();
  lookup->add_option("--date", date, "event date YYYY-MM-DD for date-bounded codes");
  lookup->add_option("--dictionaries", spec, "as for check");

  std::string from, input, output;
  CLI::App* convert = app.add_subcommand(
      "convert", "convert PETRARCH dictionaries (a directory or one file) to Parley's format");
  convert->add_option("--from", from, "input format: petrarch")->required();
  convert->add_option("input", input, "PETRARCH directory or file")->required();
  convert->add_option("--to", output, "output directory")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (spec.empty() && !convert->parsed()) spec = DefaultSpec();
  if (check->parsed()) return RunCheck(spec, codebook, notes);
  if (lookup->parsed()) return RunLookup(text, date, spec);
  return RunConvert(from, input, output);
}

}  // namespace parley::cli
