#include "parley/text/petrarch_xml_reader.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <limits>

#include "parley/text/reader_common.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

namespace {

constexpr size_t kChunkSize = size_t{1} << 16;  // InputSource buffers 1 MiB behind this
constexpr uint64_t kNotFound = std::numeric_limits<uint64_t>::max();

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// All character data under `node` (text and CDATA, in document order).
void AppendText(const pugi::xml_node& node, std::string* out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      *out += child.value();
    } else if (child.type() == pugi::node_element) {
      AppendText(child, out);
    }
  }
}

// Collapses each whitespace run to one space and trims the ends: PETRARCH texts are wrapped
// at arbitrary points, and a line break inside a sentence is not a paragraph break.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsXmlSpace(text[begin])) ++begin;
  while (end > begin && IsXmlSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

PetrarchXmlReader::PetrarchXmlReader(std::unique_ptr<InputSource> source, std::string name,
                                     InputReport* report, const ReaderOptions& options)
    : source_(std::move(source)), name_(std::move(name)), report_(report), options_(options) {}

bool PetrarchXmlReader::More() {
  if (source_done_) return false;
  if (keep_ > base_) {
    pending_.erase(0, keep_ - base_);
    base_ = keep_;
  }
  if (chunk_.empty()) chunk_.resize(kChunkSize);
  size_t got = source_->Read(chunk_.data(), chunk_.size());
  if (got == 0) {
    source_done_ = true;
    return false;
  }
  pending_.append(chunk_.data(), got);
  return true;
}

bool PetrarchXmlReader::Have(uint64_t n) {
  while (End() - scan_ < n) {
    if (!More()) return false;
  }
  return true;
}

void PetrarchXmlReader::AdvanceTo(uint64_t pos) {
  const char* begin = pending_.data() + (scan_ - base_);
  const char* end = pending_.data() + (pos - base_);
  line_ += static_cast<uint64_t>(std::count(begin, end, '\n'));
  scan_ = pos;
  if (!in_element_) keep_ = scan_;
}

uint64_t PetrarchXmlReader::Find(std::string_view pattern) {
  while (true) {
    size_t at = pending_.find(pattern, scan_ - base_);
    if (at != std::string::npos) {
      AdvanceTo(base_ + at);
      return base_ + at;
    }
    // Keep the tail that could start a match split across chunks.
    uint64_t safe = End() >= pattern.size() ? End() - pattern.size() + 1 : base_;
    if (safe > scan_) AdvanceTo(safe);
    if (in_element_ && End() - element_start_ > options_.max_record_bytes) {
      element_too_large_ = true;
      return kNotFound;
    }
    if (!More()) return kNotFound;
  }
}

bool PetrarchXmlReader::StartsWithAtScan(std::string_view text) {
  if (!Have(text.size())) return false;
  return pending_.compare(scan_ - base_, text.size(), text) == 0;
}

bool PetrarchXmlReader::AtSentenceStart() {
  if (!StartsWithAtScan("<Sentence") || !Have(10)) return false;
  char next = At(scan_ + 9);
  return IsXmlSpace(next) || next == '>' || next == '/';
}

bool PetrarchXmlReader::SkipPast(std::string_view terminator) {
  uint64_t at = Find(terminator);
  if (at == kNotFound) return false;
  AdvanceTo(at + terminator.size());
  return true;
}

ReadStatus PetrarchXmlReader::Next(Document* doc) {
  *doc = Document();
  if (finished_) return ReadStatus::kEnd;

  // Outside any record: find the next <Sentence> start tag.
  in_element_ = false;
  keep_ = scan_;
  bool found = false;
  while (!found) {
    if (Find("<") == kNotFound) break;
    if (StartsWithAtScan("<!--")) {
      if (!SkipPast("-->")) break;
    } else if (StartsWithAtScan("<![CDATA[")) {
      if (!SkipPast("]]>")) break;
    } else if (StartsWithAtScan("<?")) {
      if (!SkipPast("?>")) break;
    } else if (AtSentenceStart()) {
      found = true;
    } else {
      AdvanceTo(scan_ + 1);
    }
  }
  if (!found) {
    // Only markup outside records (or an unterminated comment) is left.
    finished_ = true;
    return ReadStatus::kEnd;
  }

  in_element_ = true;
  element_too_large_ = false;
  element_start_ = scan_;
  element_line_ = line_;
  keep_ = element_start_;
  AdvanceTo(scan_ + 1);

  // Inside: find the matching end tag, stepping over comments and CDATA, which may contain
  // anything. A new <Sentence> before the end tag means this one was never closed.
  bool self_closing = false;
  uint64_t start_tag_end = Find(">");
  if (start_tag_end != kNotFound && At(start_tag_end - 1) == '/') self_closing = true;
  bool complete = false;
  bool unclosed = false;
  if (start_tag_end != kNotFound) {
    AdvanceTo(start_tag_end + 1);
    if (self_closing) {
      complete = true;
    } else {
      while (Find("<") != kNotFound) {
        if (StartsWithAtScan("<!--")) {
          if (!SkipPast("-->")) break;
        } else if (StartsWithAtScan("<![CDATA[")) {
          if (!SkipPast("]]>")) break;
        } else if (StartsWithAtScan("</Sentence")) {
          if (SkipPast(">")) complete = true;
          break;
        } else if (AtSentenceStart()) {
          unclosed = true;
          break;
        } else {
          AdvanceTo(scan_ + 1);
        }
      }
    }
  }

  if (complete && scan_ - element_start_ > options_.max_record_bytes) {
    report_->Reject({name_, element_line_, "",
                     TooLargeReason(scan_ - element_start_, options_.max_record_bytes)});
    in_element_ = false;
    keep_ = scan_;
    return ReadStatus::kRejected;
  }
  if (element_too_large_) {
    // Drop what was buffered and skip to this element's end tag without keeping it.
    uint64_t size = End() - element_start_;
    in_element_ = false;
    keep_ = scan_;
    if (!SkipPast("</Sentence")) {
      finished_ = true;
    } else if (!SkipPast(">")) {
      finished_ = true;
    }
    report_->Reject({name_, element_line_, "", TooLargeReason(size, options_.max_record_bytes)});
    return ReadStatus::kRejected;
  }
  if (unclosed) {
    report_->Reject({name_, element_line_, "",
                     "malformed XML: <Sentence> element not closed before the next <Sentence> "
                     "at line " + std::to_string(line_)});
    in_element_ = false;
    keep_ = scan_;
    return ReadStatus::kRejected;
  }
  if (!complete) {
    finished_ = true;
    report_->Reject({name_, element_line_, "",
                     "malformed XML: <Sentence> element not closed before the end of the file"});
    return ReadStatus::kRejected;
  }
  ReadStatus status = ParseElement(doc);
  in_element_ = false;
  keep_ = scan_;
  return status;
}

ReadStatus PetrarchXmlReader::ParseElement(Document* doc) {
  std::string element = pending_.substr(element_start_ - base_, scan_ - element_start_);
  // pugixml does not check UTF-8 and stops at NUL bytes, so repair the raw element first.
  Utf8RepairStats repaired = RepairUtf8(&element);
  pugi::xml_document xml;
  pugi::xml_parse_result result =
      xml.load_buffer_inplace(element.data(), element.size(),
                              pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    uint64_t offset = std::min<uint64_t>(static_cast<uint64_t>(result.offset), element.size());
    uint64_t line = element_line_ + static_cast<uint64_t>(std::count(
                                        element.begin(), element.begin() + offset, '\n'));
    report_->Reject({name_, line, "",
                     std::string("malformed XML: ") + result.description() +
                         " (in the <Sentence> element starting at line " +
                         std::to_string(element_line_) + ")"});
    return ReadStatus::kRejected;
  }
  pugi::xml_node sentence = xml.child("Sentence");
  doc->origin_file = name_;
  doc->origin_line = element_line_;
  std::string raw_date;
  for (pugi::xml_attribute attr : sentence.attributes()) {
    std::string_view key = attr.name();
    if (key == "id") {
      doc->id = attr.value();
    } else if (key == "date") {
      raw_date = attr.value();
    } else if (key == "source") {
      doc->source = attr.value();
    } else {
      doc->metadata.emplace_back(std::string(key), nlohmann::json(attr.value()).dump());
    }
  }
  if (doc->id.empty()) doc->id = FallbackId(name_, element_line_);

  std::string text;
  std::string parse;
  nlohmann::json codings = nlohmann::json::array();
  for (pugi::xml_node child : sentence.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view tag = child.name();
    if (tag == "Text") {
      AppendText(child, &text);
    } else if (tag == "Parse") {
      AppendText(child, &parse);
    } else if (tag == "EventCoding") {
      nlohmann::json coding = nlohmann::json::object();
      for (pugi::xml_attribute attr : child.attributes()) coding[attr.name()] = attr.value();
      codings.push_back(std::move(coding));
    }
  }
  doc->body = CollapseSpace(text);
  doc->parse = Trim(parse);
  if (!codings.empty()) doc->metadata.emplace_back("event_codings", codings.dump());
  SetDocumentDate(raw_date, doc, report_);
  AcceptDocument(doc, report_, repaired);
  return ReadStatus::kDocument;
}

}  // namespace parley::text
