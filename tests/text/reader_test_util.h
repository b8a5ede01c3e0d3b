#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text::testing {

// Everything one reader produced: the documents in order and how many Next() calls rejected.
struct ReadResult {
  std::vector<Document> docs;
  int rejected = 0;
};

inline ReadResult ReadEverything(DocumentReader* reader) {
  ReadResult result;
  Document doc;
  for (int guard = 0; guard < 1000000; ++guard) {
    ReadStatus status = reader->Next(&doc);
    if (status == ReadStatus::kEnd) break;
    if (status == ReadStatus::kRejected) {
      ++result.rejected;
    } else {
      result.docs.push_back(doc);
    }
  }
  return result;
}

inline std::unique_ptr<InputSource> Source(std::string data) {
  return InputSource::FromString(std::move(data));
}

}  // namespace parley::text::testing
