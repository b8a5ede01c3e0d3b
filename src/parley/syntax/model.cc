#include "parley/syntax/model.h"

#include <future>

#include <fstream>
#include <iterator>
#include <utility>

#include "parley/error.h"
#include "parley/syntax/model_file.h"

namespace parley::syntax {

SyntaxModel::SyntaxModel(Tagger tagger, Lemmatizer lemmatizer,
                         std::optional<DependencyParser> parser, std::string provenance)
    : tagger_(std::move(tagger)), lemmatizer_(std::move(lemmatizer)), parser_(std::move(parser)),
      provenance_(std::move(provenance)) {}

void SyntaxModel::Annotate(text::Sentence* sentence, Workspace* ws) const {
  Tag(sentence, ws);
  Parse(sentence, ws);
}

void SyntaxModel::Tag(text::Sentence* sentence, Workspace* ws) const {
  if (sentence->tokens.empty()) return;
  tagger_.Tag(sentence, &ws->tagger);
  for (text::Token& token : sentence->tokens) {
    lemmatizer_.Lemmatize(token.form, token.upos, token.xpos, &ws->lemma_scratch, &token.lemma);
  }
}

void SyntaxModel::Parse(text::Sentence* sentence, Workspace* ws) const {
  if (sentence->tokens.empty()) return;
  if (parser_) parser_->Parse(sentence, &ws->parser);
}

std::vector<std::string> SyntaxModel::AnnotateForms(const std::vector<std::string>& forms) const {
  text::Sentence sentence;
  for (const std::string& form : forms) {
    text::Token token;
    token.form = form;
    sentence.tokens.push_back(std::move(token));
  }
  Workspace ws;
  Annotate(&sentence, &ws);
  std::vector<std::string> out;
  for (const text::Token& t : sentence.tokens) {
    out.push_back(t.upos + " " + t.xpos + " " + t.lemma + " " + std::to_string(t.head) + " " +
                  t.deprel);
  }
  return out;
}

void SyntaxModel::SetSelfTest(const std::vector<std::vector<std::string>>& sentences) {
  self_test_.clear();
  for (const auto& forms : sentences) self_test_.push_back({forms, AnnotateForms(forms)});
}

std::string SyntaxModel::RunSelfTest() const {
  for (size_t s = 0; s < self_test_.size(); ++s) {
    std::vector<std::string> got = AnnotateForms(self_test_[s].forms);
    for (size_t i = 0; i < got.size(); ++i) {
      if (got[i] != self_test_[s].expected[i]) {
        return "self-test sentence " + std::to_string(s + 1) + ", token " +
               std::to_string(i + 1) + " '" + self_test_[s].forms[i] + "': expected '" +
               self_test_[s].expected[i] + "', got '" + got[i] + "'";
      }
    }
  }
  return "";
}

std::string SyntaxModel::Serialize() const {
  ModelFileWriter file;
  SectionWriter meta;
  meta.U32(kTaggerFeatureVersion);
  meta.U32(static_cast<uint32_t>(tagger_.classes().size()));
  meta.U8(parser_ ? 1 : 0);
  meta.U32(parser_ ? static_cast<uint32_t>(parser_->labels().size()) : 0);
  meta.Str(provenance_);
  file.Add("META", meta);

  SectionWriter tagger;
  tagger_.Save(&tagger);
  file.Add("TAGR", tagger);
  SectionWriter lemmatizer;
  lemmatizer_.Save(&lemmatizer);
  file.Add("LEMM", lemmatizer);
  if (parser_) {
    SectionWriter parser;
    parser_->Save(&parser);
    file.Add("PARS", parser);
  }
  SectionWriter test;
  test.U32(static_cast<uint32_t>(self_test_.size()));
  for (const SelfTest& t : self_test_) {
    test.U32(static_cast<uint32_t>(t.forms.size()));
    for (size_t i = 0; i < t.forms.size(); ++i) {
      test.Str(t.forms[i]);
      test.Str(t.expected[i]);
    }
  }
  file.Add("TEST", test);
  return file.Serialize();
}

void SyntaxModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(path + ": write failed");
}

SyntaxModel SyntaxModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open model file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(path + ": read error");
  return FromBytes(bytes, path);
}

SyntaxModel SyntaxModel::FromBytes(std::string_view bytes, const std::string& name) {
  ModelFileReader file = ModelFileReader::FromBytes(bytes, name);
  SyntaxModel model;

  SectionReader meta = file.Section("META");
  uint32_t feature_version = meta.U32();
  if (feature_version != kTaggerFeatureVersion) {
    throw Error(name + ": tagger feature version " + std::to_string(feature_version) +
                " does not match this build's version " +
                std::to_string(kTaggerFeatureVersion) + "; retrain the model");
  }
  uint32_t num_tags = meta.U32();
  bool has_parser = meta.U8() != 0;
  uint32_t num_labels = meta.U32();
  model.provenance_ = meta.Str();
  meta.ExpectEnd();

  // The parser's section (the largest) is read on a second thread while the tagger and the
  // lemmatizer load; sections are independent views of the decompressed payload.
  std::future<DependencyParser> parser_load;
  if (has_parser) {
    parser_load = std::async(std::launch::async, [&file] {
      SectionReader parser = file.Section("PARS");
      DependencyParser loaded = DependencyParser::Load(&parser);
      parser.ExpectEnd();
      return loaded;
    });
  }
  SectionReader tagger = file.Section("TAGR");
  model.tagger_ = Tagger::Load(&tagger);
  tagger.ExpectEnd();
  if (model.tagger_.classes().size() != num_tags) {
    throw Error(name + ": tag set size does not match the header");
  }
  SectionReader lemmatizer = file.Section("LEMM");
  model.lemmatizer_ = Lemmatizer::Load(&lemmatizer);
  lemmatizer.ExpectEnd();
  if (has_parser) {
    model.parser_ = parser_load.get();  // rethrows the parser section's load error
    if (model.parser_->labels().size() != num_labels) {
      throw Error(name + ": parser label set size does not match the header");
    }
  } else if (file.Has("PARS")) {
    throw Error(name + ": unexpected parser section in a tag-only model");
  }

  SectionReader test = file.Section("TEST");
  uint32_t num_tests = test.U32();
  for (uint32_t s = 0; s < num_tests; ++s) {
    SelfTest t;
    uint32_t n = test.U32();
    if (n > test.remaining() / 8) test.Fail("truncated self-test");
    for (uint32_t i = 0; i < n; ++i) {
      t.forms.push_back(test.Str());
      t.expected.push_back(test.Str());
    }
    model.self_test_.push_back(std::move(t));
  }
  test.ExpectEnd();
  std::string failure = model.RunSelfTest();
  if (!failure.empty()) {
    throw Error(name + ": model self-test failed (" + failure +
                "); the file does not match this build of Parley");
  }
  return model;
}

}  // namespace parley::syntax
