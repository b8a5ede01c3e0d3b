#include "parley/text/conllu.h"

#include <charconv>
#include <fstream>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "parley/error.h"

namespace parley::text {

namespace {

// Splits a CoNLL-U word line into its ten tab-separated columns. Returns false when the line
// does not have exactly ten.
bool SplitColumns(std::string_view line, std::string_view (&columns)[10]) {
  size_t start = 0;
  for (int i = 0; i < 10; ++i) {
    size_t tab = line.find('\t', start);
    if (i == 9) {
      if (tab != std::string_view::npos) return false;
      columns[i] = line.substr(start);
      return true;
    }
    if (tab == std::string_view::npos) return false;
    columns[i] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return true;
}

bool ParseInt(std::string_view text, int32_t* out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string Field(std::string_view column) {
  return column == "_" ? std::string() : std::string(column);
}

// True when MISC (|-separated Key=Value list) contains SpaceAfter=No.
bool NoSpaceAfter(std::string_view misc) {
  while (!misc.empty()) {
    size_t bar = misc.find('|');
    std::string_view item = misc.substr(0, bar);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The value of a "key = value" comment, when the comment has that key.
bool CommentValue(std::string_view comment, std::string_view key, std::string* value) {
  if (comment.substr(0, key.size()) != key) return false;
  std::string_view rest = Trim(comment.substr(key.size()));
  if (rest.empty() || rest.front() != '=') {
    if (!rest.empty()) return false;
    value->clear();
    return true;
  }
  *value = std::string(Trim(rest.substr(1)));
  return true;
}

}  // namespace

std::string ConlluSentence::SurfaceText() const {
  if (!text.empty()) return text;
  std::string out;
  size_t next_multiword = 0;
  for (size_t i = 0; i < words.size();) {
    const int32_t id = static_cast<int32_t>(i) + 1;
    bool space_after;
    if (next_multiword < multiwords.size() && multiwords[next_multiword].first == id) {
      const ConlluMultiword& mw = multiwords[next_multiword++];
      out += mw.form;
      space_after = mw.space_after;
      i = static_cast<size_t>(mw.last);
    } else {
      out += words[i].form;
      space_after = words[i].space_after;
      ++i;
    }
    if (space_after && i < words.size()) out += ' ';
  }
  return out;
}

ConlluStreamReader::ConlluStreamReader(std::istream& in, std::string name)
    : in_(in), name_(std::move(name)) {}

ConlluStreamReader::Status ConlluStreamReader::Next(ConlluSentence* sentence,
                                                   std::string* error) {
  *sentence = ConlluSentence();
  word_lines_.clear();
  std::string problem;
  uint64_t problem_line = 0;
  bool started = false;
  while (std::getline(in_, buffer_)) {
    ++line_;
    std::string_view line = buffer_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      if (started) break;
      continue;
    }
    if (!started) {
      started = true;
      sentence_line_ = line_;
    }
    if (!problem.empty()) continue;  // skip the rest of a rejected sentence
    if (line.front() == '#') {
      std::string_view comment = Trim(line.substr(1));
      std::string value;
      if (CommentValue(comment, "sent_id", &value)) {
        sentence->sent_id = value;
      } else if (CommentValue(comment, "text", &value)) {
        sentence->text = value;
      } else if (comment.substr(0, 6) == "newdoc") {
        CommentValue(comment, "newdoc id", &sentence->newdoc_id);
      } else if (comment.substr(0, 6) == "newpar") {
        sentence->newpar = true;
      }
      sentence->comments.emplace_back(comment);
      continue;
    }
    std::string_view columns[10];
    if (!SplitColumns(line, columns)) {
      problem = "expected 10 tab-separated columns";
      problem_line = line_;
      continue;
    }
    std::string_view id = columns[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node (enhanced graphs only)
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluMultiword mw;
      if (!ParseInt(id.substr(0, dash), &mw.first) || !ParseInt(id.substr(dash + 1), &mw.last) ||
          mw.first != static_cast<int32_t>(sentence->words.size()) + 1 || mw.last < mw.first) {
        problem = "bad multiword token range '" + std::string(id) + "'";
        problem_line = line_;
        continue;
      }
      mw.form = std::string(columns[1]);
      mw.space_after = !NoSpaceAfter(columns[9]);
      sentence->multiwords.push_back(std::move(mw));
      continue;
    }
    int32_t index = 0;
    if (!ParseInt(id, &index) || index != static_cast<int32_t>(sentence->words.size()) + 1) {
      problem = "word ID '" + std::string(id) + "' out of sequence";
      problem_line = line_;
      continue;
    }
    ConlluWord word;
    word.form = std::string(columns[1]);
    word.lemma = Field(columns[2]);
    word.upos = Field(columns[3]);
    word.xpos = Field(columns[4]);
    word.feats = Field(columns[5]);
    if (columns[6] != "_" && (!ParseInt(columns[6], &word.head) || word.head < 0)) {
      problem = "bad HEAD '" + std::string(columns[6]) + "'";
      problem_line = line_;
      continue;
    }
    word.deprel = Field(columns[7]);
    word.deps = Field(columns[8]);
    word.misc = Field(columns[9]);
    word.space_after = !NoSpaceAfter(columns[9]);
    sentence->words.push_back(std::move(word));
    word_lines_.push_back(line_);
  }
  if (!started) return Status::kEnd;
  if (problem.empty()) {
    const int32_t n = static_cast<int32_t>(sentence->words.size());
    for (size_t i = 0; i < sentence->words.size(); ++i) {
      if (sentence->words[i].head > n) {
        problem = "HEAD " + std::to_string(sentence->words[i].head) + " beyond the sentence's " +
                  std::to_string(n) + " words";
        problem_line = word_lines_[i];
        break;
      }
    }
    for (const ConlluMultiword& mw : sentence->multiwords) {
      if (mw.last > n) {
        problem = "multiword token beyond the sentence's words";
        problem_line = sentence_line_;
        break;
      }
    }
    if (problem.empty() && n == 0) {
      problem = "sentence without words";
      problem_line = sentence_line_;
    }
  }
  if (!problem.empty()) {
    *error = name_ + ":" + std::to_string(problem_line) + ": " + problem;
    return Status::kRejected;
  }
  return Status::kSentence;
}

std::vector<ConlluSentence> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot open CoNLL-U file");
  ConlluStreamReader reader(in, path);
  std::vector<ConlluSentence> out;
  ConlluSentence sentence;
  std::string error;
  while (true) {
    switch (reader.Next(&sentence, &error)) {
      case ConlluStreamReader::Status::kSentence:
        out.push_back(std::move(sentence));
        break;
      case ConlluStreamReader::Status::kRejected:
        throw Error(error);
      case ConlluStreamReader::Status::kEnd:
        return out;
    }
  }
}

namespace {

void WriteField(std::ostream& out, std::string_view value) {
  if (value.empty()) {
    out << '_';
  } else {
    out << value;
  }
}

}  // namespace

namespace {

// Writes a text column; tabs and line breaks, which would break the format, become spaces.
void WriteText(std::ostream& out, std::string_view text) {
  for (char c : text) out << ((c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
}

// Writes one word line: the ten columns, "_" for empty fields and for an unknown head.
void WriteWordLine(std::ostream& out, int32_t id, std::string_view form, std::string_view lemma,
                   std::string_view upos, std::string_view xpos, std::string_view feats,
                   int32_t head, std::string_view deprel, std::string_view deps,
                   std::string_view misc) {
  out << id << '\t';
  WriteText(out, form);
  for (std::string_view field : {lemma, upos, xpos, feats}) {
    out << '\t';
    WriteField(out, field);
  }
  out << '\t';
  if (head < 0) {
    out << '_';
  } else {
    out << head;
  }
  for (std::string_view field : {deprel, deps, misc}) {
    out << '\t';
    WriteField(out, field);
  }
  out << '\n';
}

}  // namespace

void WriteConllu(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& comment : sentence.comments) out << "# " << comment << '\n';
  size_t next_multiword = 0;
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const int32_t id = static_cast<int32_t>(i) + 1;
    if (next_multiword < sentence.multiwords.size() &&
        sentence.multiwords[next_multiword].first == id) {
      const ConlluMultiword& mw = sentence.multiwords[next_multiword++];
      out << mw.first << '-' << mw.last << '\t' << mw.form << "\t_\t_\t_\t_\t_\t_\t_\t"
          << (mw.space_after ? "_" : "SpaceAfter=No") << '\n';
    }
    const ConlluWord& w = sentence.words[i];
    WriteWordLine(out, id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.deps,
                  w.misc);
  }
  out << '\n';
}

void WriteConllu(const Document& doc, size_t sentence_index, std::ostream& out) {
  const Sentence& sentence = doc.sentences.at(sentence_index);
  out << "# sent_id = " << (doc.id.empty() ? "doc" : doc.id) << '-' << (sentence_index + 1)
      << '\n';
  std::string_view text;
  if (sentence.span.end <= doc.body.size() && sentence.span.begin <= sentence.span.end) {
    text = std::string_view(doc.body).substr(sentence.span.begin, sentence.span.size());
  }
  out << "# text = ";
  WriteText(out, text);
  out << '\n';
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    const Token& t = sentence.tokens[i];
    WriteWordLine(out, static_cast<int32_t>(i) + 1, t.form, t.lemma, t.upos, t.xpos, "", t.head,
                  t.deprel, "", t.space_after ? "" : "SpaceAfter=No");
  }
  out << '\n';
}

namespace {

// Turns a stream of CoNLL-U sentences into Documents, one per "# newdoc" (or one per input when
// the file never says newdoc). Sentence bodies are laid out one after another so that every
// token's form is a slice of the body.
class ConlluDocumentReader : public DocumentReader {
 public:
  ConlluDocumentReader(std::unique_ptr<std::istream> in, std::string name, InputReport* report)
      : in_(std::move(in)), name_(std::move(name)), report_(report), reader_(*in_, name_) {}

  ReadStatus Next(Document* doc) override {
    *doc = Document();
    if (done_) return ReadStatus::kEnd;
    bool any = false;
    std::string error;
    while (true) {
      if (!have_pending_) {
        ConlluStreamReader::Status status = reader_.Next(&pending_, &error);
        if (status == ConlluStreamReader::Status::kEnd) {
          done_ = true;
          break;
        }
        if (status == ConlluStreamReader::Status::kRejected) {
          report_->Reject({name_, reader_.sentence_line(), "", error});
          continue;
        }
        have_pending_ = true;
        pending_line_ = reader_.sentence_line();
      }
      if (any && !pending_.newdoc_id.empty()) break;  // the pending sentence starts a new doc
      if (!any) {
        doc->id = !pending_.newdoc_id.empty() ? pending_.newdoc_id
                                              : name_ + ":" + std::to_string(pending_line_);
        doc->origin_file = name_;
        doc->origin_line = pending_line_;
        doc->pretokenized = true;
      }
      Append(pending_, doc);
      any = true;
      have_pending_ = false;
    }
    if (!any) return ReadStatus::kEnd;
    // Forms are views into the body: fix them up now that the body no longer grows.
    for (Sentence& sentence : doc->sentences) {
      for (Token& token : sentence.tokens) {
        token.form = std::string_view(doc->body).substr(token.span.begin, token.span.size());
      }
    }
    report_->CountDocument(doc->body.empty());
    return ReadStatus::kDocument;
  }

 private:
  // Lays out one sentence's surface tokens at the end of doc->body and adds its words as
  // tokens. Words of a multiword token get sub-spans when their forms spell the surface form
  // ("do" + "n't" = "don't"), otherwise the whole token's span.
  static void Append(const ConlluSentence& in, Document* doc) {
    std::string& body = doc->body;
    if (!body.empty()) body += in.newpar ? "\n\n" : " ";
    Sentence sentence;
    sentence.span.begin = static_cast<uint32_t>(body.size());
    size_t next_multiword = 0;
    for (size_t i = 0; i < in.words.size();) {
      const int32_t id = static_cast<int32_t>(i) + 1;
      if (next_multiword < in.multiwords.size() && in.multiwords[next_multiword].first == id) {
        const ConlluMultiword& mw = in.multiwords[next_multiword++];
        const uint32_t begin = static_cast<uint32_t>(body.size());
        body += mw.form;
        const uint32_t end = static_cast<uint32_t>(body.size());
        std::string joined;
        for (int32_t w = mw.first; w <= mw.last; ++w) joined += in.words[w - 1].form;
        uint32_t offset = begin;
        for (int32_t w = mw.first; w <= mw.last; ++w) {
          Token token = MakeToken(in.words[w - 1]);
          if (joined == mw.form) {
            token.span = {offset, offset + static_cast<uint32_t>(in.words[w - 1].form.size())};
            offset = token.span.end;
          } else {
            token.span = {begin, end};
          }
          token.space_after = (w == mw.last) ? mw.space_after : false;
          sentence.tokens.push_back(std::move(token));
        }
        if (mw.space_after && static_cast<size_t>(mw.last) < in.words.size()) body += ' ';
        i = static_cast<size_t>(mw.last);
        continue;
      }
      Token token = MakeToken(in.words[i]);
      token.span.begin = static_cast<uint32_t>(body.size());
      body += in.words[i].form;
      token.span.end = static_cast<uint32_t>(body.size());
      sentence.tokens.push_back(std::move(token));
      if (in.words[i].space_after && i + 1 < in.words.size()) body += ' ';
      ++i;
    }
    sentence.span.end = static_cast<uint32_t>(body.size());
    doc->sentences.push_back(std::move(sentence));
  }

  static Token MakeToken(const ConlluWord& word) {
    Token token;
    token.upos = word.upos;
    token.xpos = word.xpos;
    token.lemma = word.lemma;
    token.head = word.head;
    token.deprel = word.deprel;
    token.space_after = word.space_after;
    return token;
  }

  std::unique_ptr<std::istream> in_;
  std::string name_;
  InputReport* report_;
  ConlluStreamReader reader_;
  ConlluSentence pending_;
  uint64_t pending_line_ = 0;
  bool have_pending_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentReader> MakeConlluReader(std::unique_ptr<std::istream> in,
                                                 std::string name, InputReport* report) {
  return std::make_unique<ConlluDocumentReader>(std::move(in), std::move(name), report);
}

}  // namespace parley::text
