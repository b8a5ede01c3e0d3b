#pragma once

// Helpers shared by the syntax tests: the hand-written tiny treebank.

#include <string>
#include <vector>

#include "parley/text/conllu.h"

namespace parley::syntax::testing {

inline std::string TinyTreebankPath() {
  return std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/tiny.conllu";
}

inline std::vector<text::ConlluSentence> TinyTreebank() {
  return text::ReadConlluFile(TinyTreebankPath());
}

}  // namespace parley::syntax::testing
