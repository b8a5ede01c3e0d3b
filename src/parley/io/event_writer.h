#pragma once

// Writers for coded events, one per output format of `parley code` (docs/FORMATS.md, "Event
// outputs"):
//
//   jsonl    the event record of DESIGN §4, one JSON object a line; the only lossless format
//   phoenix  Phoenix event data TSV, 26 columns, no header line (Phoenix files had none)
//   gdelt    GDELT 2.0 event table TSV, 61 columns, no header line (as GDELT)
//   csv      RFC 4180 CSV with a header line: a flat table of the record's main fields
//
// Usage, one writer per output stream:
//
//   std::unique_ptr<io::EventWriter> writer = io::EventWriter::Create("phoenix");
//   std::string buffer;
//   writer->Begin(&buffer);
//   for (const coding::Event& e : events) writer->Write(e, &buffer);
//   // flush `buffer` whenever it is convenient; every Write appends whole lines
//
// The TSV and CSV formats have no column for negation, modality or attribution: there a negated
// or reported event reads like an asserted one, so callers that want only asserted events filter
// before writing. Every writer emits valid UTF-8 whatever the event holds (invalid bytes become
// U+FFFD) and never throws for event content.

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "parley/coding/event.h"

namespace parley::io {

// The format names EventWriter::Create accepts, in the order usage text lists them.
inline constexpr std::array<std::string_view, 4> kEventFormats = {"jsonl", "phoenix", "gdelt",
                                                                  "csv"};

// Renders coded events in one output format. Writers keep per-stream state (GDELT's running
// GlobalEventID, the per-sentence ordinal of Phoenix EventIDs), so use one writer per output,
// fed in output order. Not thread-safe; distinct writers are independent.
class EventWriter {
 public:
  virtual ~EventWriter() = default;

  // A fresh writer for `format`, one of kEventFormats (exact, lower-case). Throws parley::Error
  // naming the valid formats for any other name.
  [[nodiscard]] static std::unique_ptr<EventWriter> Create(std::string_view format);

  // The format's name, as given to Create.
  [[nodiscard]] virtual std::string_view format() const = 0;

  // Appends what precedes the first event: the header line for csv, nothing for jsonl, phoenix
  // and gdelt. Call once per output, before the first Write (or not at all for a headerless
  // continuation of an earlier output).
  virtual void Begin(std::string* out) = 0;

  // Appends `event` to *out as exactly one line ending in '\n' (a CSV record may span lines only
  // inside a quoted field). Never throws for any event content.
  virtual void Write(const coding::Event& event, std::string* out) = 0;
};

// Appends a Goldstein score as the codebook prints it: the shortest decimal that reads back as
// the same double, always with a decimal point ("4.0", "-10.0", "3.4"; -0 prints as "0.0").
// `value` must be finite; a NaN or infinity appends nothing.
void AppendGoldstein(double value, std::string* out);
// A latitude or longitude with four decimals ("46.2022").
void AppendCoordinate(double value, std::string* out);

// The Phoenix PentaClass of a two-digit CAMEO root code: 0 for 01-02, 1 for 03-05, 2 for 06-08,
// 3 for 09-13 and 16, 4 for 14-15 and 17-20 (the table of the Phoenix pipeline's postprocess.py,
// which counts 16 "reduce relations" as verbal conflict); -1 for anything else.
[[nodiscard]] int PhoenixPentaClass(std::string_view root);

}  // namespace parley::io
