#pragma once

// Per-thread scratch for SyntaxModel::Annotate: the tagger's and parser's buffers and the
// lemmatizer's working string. Create one per worker thread and reuse it for every sentence;
// buffers grow to the longest sentence seen, after which annotation does not allocate per
// token. Never share one Workspace between threads.

#include <string>

#include "parley/syntax/parser.h"
#include "parley/syntax/tagger.h"

namespace parley::syntax {

struct Workspace {
  TaggerWorkspace tagger;
  std::string lemma_scratch;
  ParserWorkspace parser;
};

}  // namespace parley::syntax
