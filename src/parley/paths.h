#pragma once

#include <string>

namespace parley {

// The directory holding Parley's shipped data (dictionaries, text rules): $PARLEY_DICT if set,
// else the first of <dir of the running binary>/../dict, <dir>/dict and the source tree's dict/
// that exists. Throws parley::Error naming the places tried when none does.
std::string DataDir();

// The default syntax model file: $PARLEY_MODEL if set, else models/en-ewt.model found the same
// way as DataDir(). Throws parley::Error when none exists.
std::string DefaultModelPath();

}  // namespace parley
