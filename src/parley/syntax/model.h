#pragma once

// The syntax model: tagger + lemmatizer + dependency parser in one file (model_file.h).
//
// Sections of a model file:
//   META  component versions, tag and label counts, provenance text
//   TAGR  tagger (tag set, tag dictionary, ambiguity lexicon, weights)
//   LEMM  lemmatizer (exception lexicon, suffix rules)
//   PARS  dependency parser (label set, transition system, feature version, weights); absent
//         in a tag-only model
//   TEST  self-test sentences with the annotation the model gave them when it was saved;
//         re-annotated and compared on every load, so that a file read by a build whose
//         features or decoding differ fails loudly instead of quietly producing worse output.
//
// Usage:
//   SyntaxModel model = SyntaxModel::Load(path);  // once; immutable and shared by threads
//   Workspace ws;                                 // one per thread
//   model.Annotate(&sentence, &ws);

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/syntax/lemmatizer.h"
#include "parley/syntax/parser.h"
#include "parley/syntax/tagger.h"
#include "parley/syntax/workspace.h"
#include "parley/text/conllu.h"
#include "parley/text/document.h"

namespace parley::syntax {

// Version of the tagger's feature templates and of the META layout; a model written with
// another version is rejected on load.
inline constexpr uint32_t kTaggerFeatureVersion = 1;

class SyntaxModel {
 public:
  SyntaxModel() = default;
  SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, std::optional<DependencyParser> parser,
              std::string provenance);

  // Reads, checks and self-tests a model file. Throws parley::Error naming the file and the
  // problem (see ModelFileReader, plus version mismatches and self-test failures).
  static SyntaxModel Load(const std::string& path);
  // As Load, from the bytes of a whole file; `name` is used in messages.
  static SyntaxModel FromBytes(std::string_view bytes, const std::string& name);

  // Annotates `sentences` with this model and stores them as the self-test (the first few
  // are enough; they should be ordinary text).
  void SetSelfTest(const std::vector<std::vector<std::string>>& sentences);
  // Re-annotates the self-test sentences; returns an empty string when all match, else a
  // description of the first difference.
  [[nodiscard]] std::string RunSelfTest() const;

  // The file's bytes, and writing them (throws parley::Error when the file cannot be written).
  [[nodiscard]] std::string Serialize() const;
  void Save(const std::string& path) const;

  // Tags, lemmatizes and (when the model has a parser) parses `sentence` in place: sets every
  // token's upos, xpos, lemma, head and deprel. Thread-safe; one Workspace per thread.
  void Annotate(text::Sentence* sentence, Workspace* ws) const;
  // The two halves of Annotate, for callers that parse only some sentences: Tag sets upos,
  // xpos and lemma; Parse (after Tag) sets head and deprel (a no-op for a tag-only model).
  void Tag(text::Sentence* sentence, Workspace* ws) const;
  void Parse(text::Sentence* sentence, Workspace* ws) const;

  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  // Null for a tag-only model.
  const DependencyParser* parser() const { return parser_ ? &*parser_ : nullptr; }
  DependencyParser* mutable_parser() { return parser_ ? &*parser_ : nullptr; }
  const std::string& provenance() const { return provenance_; }

 private:
  // One self-test sentence: forms and the expected annotation, one string per token
  // ("UPOS XPOS LEMMA HEAD DEPREL").
  struct SelfTest {
    std::vector<std::string> forms;
    std::vector<std::string> expected;
  };
  // The annotation of `forms` in self-test notation.
  std::vector<std::string> AnnotateForms(const std::vector<std::string>& forms) const;

  Tagger tagger_;
  Lemmatizer lemmatizer_;
  std::optional<DependencyParser> parser_;
  std::string provenance_;
  std::vector<SelfTest> self_test_;
};

}  // namespace parley::syntax
