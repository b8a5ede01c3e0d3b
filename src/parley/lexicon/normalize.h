#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::lexicon {

// Name matching compares "words": maximal runs of letters and digits, case-folded and stripped
// of accents. A '.' is dropped without splitting ("U.S." -> "us", so "U.S." = "US" = "U.S");
// every other character (space, '_', '-', apostrophes, brackets, quotes) separates words, so
// "Guinea-Bissau" is the two words "guinea bissau" whether the tokenizer split it or not.
// A possessive 's (or ’s) becomes the word "s" marked `possessive`: names keep it ("St. John's"
// is "st john s"), and matching may end a name before it ("Russia's" matches "Russia").

// One word of a normalized name or token: byte range [begin, end) into the caller's buffer.
struct WordSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool upper = false;    // every letter of the original word was upper case (and it had one)
  uint8_t letters = 0;   // letters in the original word, saturating at 255
  bool possessive = false;  // the "s" of a possessive "'s"
};

// Appends the normalized words of `text` to *buffer and their spans to *words. Allocates only
// when the buffers must grow, so a caller reusing them normalizes running text without
// allocating per token.
void NormalizeWords(std::string_view text, std::string* buffer, std::vector<WordSpan>* words);

// Convenience for load time: the normalized words of `text` as strings.
[[nodiscard]] std::vector<std::string> NormalizedWords(std::string_view text);

// The normalized words joined by single spaces ("U.S. Army" -> "us army"): a name's match key.
[[nodiscard]] std::string NormalizedKey(std::string_view text);

}  // namespace parley::lexicon
