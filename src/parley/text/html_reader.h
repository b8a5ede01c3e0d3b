#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "parley/text/document.h"
#include "parley/text/input_source.h"
#include "parley/text/reader.h"

namespace parley::text {

// What ExtractHtmlArticle finds in one HTML page.
struct HtmlArticle {
  std::string title;     // og:title, else the first <h1>, else <title>; whitespace collapsed
  std::string raw_date;  // publication date as written (not normalized); empty if none
  std::string site;      // og:site_name
  std::string url;       // <link rel=canonical>, else og:url
  std::string body;      // main text, paragraphs separated by one blank line
  // Non-empty when the page was not parsed, e.g. "HTML nesting too deep: over 4000 open
  // elements" (the HTML parser slows down quadratically with nesting depth).
  std::string problem;
};

// Extracts the article from an HTML page (parsed with gumbo, which accepts any input). The
// date comes from meta article:published_time / og:published_time / name=date-like metas,
// itemprop=datePublished, JSON-LD "datePublished", then the first <time datetime>. The main
// text comes from the <article> with the most paragraph text, else from the element whose
// direct <p> children hold the most text, else from <body>; navigation, headers, footers,
// asides, scripts, forms, figures and elements whose class/id names share widgets, related
// links, menus, cookie banners, newsletters or comments are left out. Pages nested deeper
// than kMaxHtmlDepth (by a quick tag count) are not parsed and get `problem` set. Thread-safe.
inline constexpr int kMaxHtmlDepth = 4000;
[[nodiscard]] HtmlArticle ExtractHtmlArticle(std::string_view html);

// HTML: one Document per file, built from ExtractHtmlArticle. The body is the extracted text,
// so spans of HTML documents point into that text, not into the HTML source. The whole file
// is buffered (up to the record limit, beyond which it is rejected).
class HtmlReader : public DocumentReader {
 public:
  // `name` is the file as shown in messages; `id` is the document id (the path relative to
  // the input root, or "-" for stdin).
  HtmlReader(std::unique_ptr<InputSource> source, std::string name, std::string id,
             InputReport* report, const ReaderOptions& options);

  [[nodiscard]] ReadStatus Next(Document* doc) override;

 private:
  std::unique_ptr<InputSource> source_;
  std::string name_;
  std::string id_;
  InputReport* report_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace parley::text
