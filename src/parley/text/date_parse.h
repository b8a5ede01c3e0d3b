#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::text {

// Normalizes a calendar date written in one of the common news/feed forms to "YYYY-MM-DD":
//   ISO 8601 "2021-12-03", "2021/12/03", "2021-12-03T21:46:00Z", "2021-12-03 21:46";
//   compact "20211203" (optionally followed by 'T' or a space and a time);
//   "Dec 3, 2021", "December 3rd 2021", "Friday, Dec. 3, 2021";
//   "3 December 2021", "3 Dec, 2021 21:46", "03-Dec-2021", "Fri, 03 Dec 2021 21:46:00 +0000".
// Leading/trailing whitespace is ignored; anything after a complete date that starts with a
// space, comma or 'T' (a time, a zone) is ignored without time-zone conversion. Returns
// nullopt for anything else, including all-numeric day/month orders ("12/03/2021") that are
// ambiguous, impossible dates (2021-02-30) and years outside 1000..2999. Thread-safe.
[[nodiscard]] std::optional<std::string> NormalizeDate(std::string_view text);

}  // namespace parley::text
