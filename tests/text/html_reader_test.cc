#include "parley/text/html_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "reader_test_util.h"

namespace parley::text {
namespace {

using testing::ReadEverything;
using testing::ReadResult;
using testing::Source;

const char kNewsPage[] = R"(<!DOCTYPE html>
<html class="has-menu"><head>
<title>Biden to propose new relationship | Example News</title>
<meta property="og:title" content="Biden to propose new US-Russia relationship to Putin">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-12-03T21:46:00+00:00">
<link rel="canonical" href="https://example.com/news/1">
<script>var menu = "Breaking: fake";</script>
<style>p { color: red }</style>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies. Accept?</div>
<main>
<article class="story">
  <h1>Biden to propose new US-Russia relationship</h1>
  <div class="share-tools"><a>Share on Facebook</a><a>Tweet</a></div>
  <figure><img src="x.jpg"><figcaption>File photo: Biden and Putin in Geneva.</figcaption></figure>
  <p>US President Joe Biden will soon tell his Russian counterpart   Vladimir Putin
     that Washington wants a more <b>predictable</b> relationship.</p>
  <p>Biden is expected to speak with Putin in the &ldquo;near future,&rdquo; Blinken said.<br>Line two.</p>
  <aside class="related-links"><p>Related: Putin says something else entirely.</p></aside>
  <ul><li>First point</li><li>Second point</li></ul>
  <p>Moscow has denied the accusations.</p>
  <div id="comments"><p>Great article!!!</p></div>
</article>
</main>
<footer><p>Copyright Example News</p></footer>
<form class="newsletter"><p>Subscribe to our newsletter</p></form>
</body></html>)";

TEST(ExtractHtmlArticle, TakesMetadataAndMainTextAndDropsFurniture) {
  HtmlArticle a = ExtractHtmlArticle(kNewsPage);
  EXPECT_EQ(a.title, "Biden to propose new US-Russia relationship to Putin");
  EXPECT_EQ(a.raw_date, "2021-12-03T21:46:00+00:00");
  EXPECT_EQ(a.site, "Example News");
  EXPECT_EQ(a.url, "https://example.com/news/1");
  EXPECT_EQ(a.body,
            "Biden to propose new US-Russia relationship\n\n"
            "US President Joe Biden will soon tell his Russian counterpart Vladimir Putin that "
            "Washington wants a more predictable relationship.\n\n"
            "Biden is expected to speak with Putin in the \xE2\x80\x9Cnear future,\xE2\x80\x9D "
            "Blinken said.\nLine two.\n\n"
            "First point\n\nSecond point\n\n"
            "Moscow has denied the accusations.");
  for (const char* furniture : {"Home", "cookies", "Share", "File photo", "Related", "Great",
                                "Copyright", "Subscribe", "Breaking", "color"}) {
    EXPECT_EQ(a.body.find(furniture), std::string::npos) << furniture;
  }
}

struct DateCase {
  const char* name;
  std::string head;
  std::string body;
  const char* raw_date;
};

TEST(ExtractHtmlArticle, DateSources) {
  const DateCase kCases[] = {
      {"meta name=date", R"(<meta name="date" content="2020-01-02">)", "<p>x</p>", "2020-01-02"},
      {"itemprop meta", R"(<meta itemprop="datePublished" content="2020-01-03">)", "<p>x</p>",
       "2020-01-03"},
      {"itemprop time", "", R"(<time itemprop="datePublished" datetime="2020-01-04">Jan 4</time>)",
       "2020-01-04"},
      {"JSON-LD", R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
        "datePublished":"2020-01-05T10:00:00Z"}]}</script>)",
       "<p>x</p>", "2020-01-05T10:00:00Z"},
      {"time datetime", "", R"(<p>x</p><time datetime="2020-01-06">6 Jan</time>)", "2020-01-06"},
      {"meta wins over time", R"(<meta property="article:published_time" content="2020-01-07">)",
       R"(<time datetime="2020-01-08">8 Jan</time>)", "2020-01-07"},
      {"none", "", "<p>no date here</p>", ""},
      {"broken JSON-LD", R"(<script type="application/ld+json">{"datePublished": </script>)",
       "<p>x</p>", ""},
  };
  for (const DateCase& c : kCases) {
    std::string html = "<html><head>" + c.head + "</head><body>" + c.body + "</body></html>";
    EXPECT_EQ(ExtractHtmlArticle(html).raw_date, c.raw_date) << c.name;
  }
}

TEST(ExtractHtmlArticle, TitleFallsBackToH1ThenTitle) {
  EXPECT_EQ(ExtractHtmlArticle("<title>T</title><h1> Head  line </h1><p>x</p>").title,
            "Head line");
  EXPECT_EQ(ExtractHtmlArticle("<title>\n Only   title </title><p>x</p>").title, "Only title");
}

TEST(ExtractHtmlArticle, DensestBlockWithoutArticle) {
  std::string html =
      "<body><div class=\"teaser\"><p>Short teaser.</p></div>"
      "<div class=\"content\"><p>" + std::string(200, 'a') + "</p><p>Second paragraph.</p></div>"
      "<div class=\"sidebar\"><p>" + std::string(500, 'b') + "</p></div></body>";
  HtmlArticle a = ExtractHtmlArticle(html);
  EXPECT_EQ(a.body, std::string(200, 'a') + "\n\nSecond paragraph.");
}

TEST(ExtractHtmlArticle, BrokenAndDegenerateHtmlDoesNotCrash) {
  const std::string kCases[] = {
      "",
      "<",
      "<html><body><p>unclosed <b>bold <i>italic",
      "<p>a</p></div></div></body></html><p>after end</p>",
      "<article><p>text</article></p>",
      std::string(100000, '<'),
      std::string(20000, ' ') + "<div>" + std::string(5000, 'x'),
  };
  for (const std::string& html : kCases) {
    HtmlArticle a = ExtractHtmlArticle(html);
    EXPECT_LE(a.body.size(), html.size() + 16);
  }
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "<p>deep text</p>";
  EXPECT_EQ(ExtractHtmlArticle(deep).body, "deep text");
  for (int i = 0; i < 2000; ++i) deep += "<span>";
  HtmlArticle too_deep = ExtractHtmlArticle(deep);
  EXPECT_EQ(too_deep.problem, "HTML nesting too deep: over 4000 open elements");
  EXPECT_EQ(too_deep.body, "");
  std::string many_paragraphs;
  for (int i = 0; i < 10000; ++i) many_paragraphs += "<p>para";
  EXPECT_EQ(ExtractHtmlArticle(many_paragraphs).problem, "");
  EXPECT_EQ(ExtractHtmlArticle("<article><p>text</article></p>").body, "text");
}

TEST(HtmlReader, OneDocumentPerFile) {
  InputReport report;
  HtmlReader reader(Source(kNewsPage), "pages/a.html", "a.html", &report, ReaderOptions());
  ReadResult result = ReadEverything(&reader);
  ASSERT_EQ(result.docs.size(), 1u);
  const Document& d = result.docs[0];
  EXPECT_EQ(d.id, "a.html");
  EXPECT_EQ(d.date, "2021-12-03");
  EXPECT_EQ(d.source, "Example News");
  EXPECT_EQ(d.url, "https://example.com/news/1");
  EXPECT_EQ(d.title, "Biden to propose new US-Russia relationship to Putin");
  EXPECT_NE(d.body.find("Moscow has denied"), std::string::npos);
  EXPECT_EQ(report.documents(), 1u);
  EXPECT_EQ(report.warned(), 0u);
}

TEST(HtmlReader, BadBytesUnreadableDateAndLimit) {
  {
    InputReport report;
    std::string html = std::string("<meta name=\"date\" content=\"soon\"><p>caf\xE9 a\0b</p>", 50);
    HtmlReader reader(Source(html), "x.html", "x.html", &report, ReaderOptions());
    ReadResult result = ReadEverything(&reader);
    ASSERT_EQ(result.docs.size(), 1u);
    EXPECT_EQ(result.docs[0].body, "caf\xEF\xBF\xBD ab");
    EXPECT_EQ(result.docs[0].date, "");
    EXPECT_EQ(report.warned(), 2u);  // one repair, one unreadable date
  }
  {
    InputReport report;
    ReaderOptions options;
    options.max_record_bytes = 10;
    HtmlReader reader(Source("<p>0123456789</p>"), "x.html", "x.html", &report, options);
    ReadResult result = ReadEverything(&reader);
    EXPECT_TRUE(result.docs.empty());
    EXPECT_EQ(report.rejected(), 1u);
  }
}

}  // namespace
}  // namespace parley::text
