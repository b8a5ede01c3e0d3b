#include "parley/text/html_reader.h"

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/text/reader_common.h"
#include "parley/text/utf8_repair.h"

namespace parley::text {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

GumboTag Tag(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  return nullptr;
}

// Elements never part of an article's text, by tag.
bool IsBoilerplateTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

// Words in class/id names that mark page furniture. A name word matches when it equals one of
// these or, for kPrefixWords, starts with it ("sharebar", "comments", "navbar").
constexpr std::array<std::string_view, 17> kPrefixWords = {
    "share",     "sharing",   "social",  "related", "nav",    "menu",       "footer",
    "cookie",    "newsletter", "subscri", "comment", "advert", "sidebar",   "breadcrumb",
    "promo",     "recommend", "consent"};
constexpr std::array<std::string_view, 18> kExactWords = {
    "ad",      "ads",     "tags",     "tag",      "banner",   "popup",
    "modal",   "widget",  "byline",   "caption",  "credit",   "signup",
    "trending", "popular", "outbrain", "taboola",  "masthead", "toolbar"};

bool IsBoilerplateName(std::string_view name) {
  size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && !IsAlnum(name[pos])) ++pos;
    size_t start = pos;
    while (pos < name.size() && IsAlnum(name[pos])) ++pos;
    if (pos == start) break;
    std::string word = LowerCopy(name.substr(start, pos - start));
    for (std::string_view w : kExactWords) {
      if (word == w) return true;
    }
    for (std::string_view w : kPrefixWords) {
      if (word.compare(0, w.size(), w) == 0) return true;
    }
  }
  return false;
}

// Page furniture: by tag, ARIA role, hidden attributes, or class/id words. The structural
// containers (html, body, main, article) are never dropped by their class names, because
// sites put words like "has-menu" on them.
bool IsBoilerplate(const GumboNode* node) {
  GumboTag tag = Tag(node);
  if (IsBoilerplateTag(tag)) return true;
  if (Attr(node, "hidden") != nullptr) return true;
  if (const char* hidden = Attr(node, "aria-hidden"); hidden && LowerCopy(hidden) == "true") {
    return true;
  }
  if (const char* role = Attr(node, "role")) {
    std::string r = LowerCopy(role);
    if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" ||
        r == "menu" || r == "search" || r == "dialog") {
      return true;
    }
  }
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
      tag == GUMBO_TAG_ARTICLE) {
    return false;
  }
  const char* cls = Attr(node, "class");
  const char* id = Attr(node, "id");
  return (cls && IsBoilerplateName(cls)) || (id && IsBoilerplateName(id));
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Builds text with collapsed inline whitespace and blank lines between blocks.
class TextBuilder {
 public:
  void Text(std::string_view text) {
    for (char c : text) {
      if (IsHtmlSpace(c)) {
        space_ = !paragraph_.empty() && paragraph_.back() != '\n';
      } else {
        if (space_) paragraph_ += ' ';
        space_ = false;
        paragraph_ += c;
      }
    }
  }
  void LineBreak() {
    if (!paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += '\n';
    space_ = false;
  }
  void EndBlock() {
    while (!paragraph_.empty() && (paragraph_.back() == '\n' || paragraph_.back() == ' ')) {
      paragraph_.pop_back();
    }
    if (!paragraph_.empty()) {
      if (!out_.empty()) out_ += "\n\n";
      out_ += paragraph_;
    }
    paragraph_.clear();
    space_ = false;
  }
  std::string Finish() {
    EndBlock();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string paragraph_;
  bool space_ = false;
};

// Walks the subtree under `root` without recursion (pages can nest thousands deep), calling
// enter(node) before a node's children (false skips them) and leave(node) after them.
template <typename Enter, typename Leave>
void Walk(const GumboNode* root, Enter enter, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  std::vector<Frame> stack;
  if (!enter(root)) return;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = Children(top.node);
    if (children == nullptr || top.next_child >= children->length) {
      const GumboNode* done = top.node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
    if (enter(child)) stack.push_back({child, 0});
  }
}

std::string ExtractText(const GumboNode* root, bool drop_boilerplate) {
  TextBuilder builder;
  Walk(
      root,
      [&](const GumboNode* node) {
        switch (node->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_CDATA:
          case GUMBO_NODE_WHITESPACE:
            builder.Text(node->v.text.text);
            return false;
          case GUMBO_NODE_ELEMENT:
          case GUMBO_NODE_TEMPLATE:
            if (drop_boilerplate && node != root && IsBoilerplate(node)) return false;
            if (Tag(node) == GUMBO_TAG_BR) {
              builder.LineBreak();
              return false;
            }
            if (IsBlockTag(Tag(node))) builder.EndBlock();
            return true;
          case GUMBO_NODE_DOCUMENT:
            return true;
          default:
            return false;
        }
      },
      [&](const GumboNode* node) {
        if (IsBlockTag(Tag(node))) builder.EndBlock();
      });
  return builder.Finish();
}

// Plain text of a small element (title, h1): all text under it, whitespace collapsed.
std::string InlineText(const GumboNode* node) {
  TextBuilder builder;
  Walk(
      node,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
          builder.Text(n->v.text.text);
          return false;
        }
        return n->type == GUMBO_NODE_ELEMENT && Tag(n) != GUMBO_TAG_SCRIPT &&
               Tag(n) != GUMBO_TAG_STYLE;
      },
      [](const GumboNode*) {});
  std::string text = builder.Finish();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

// Looks for "datePublished" in a JSON-LD value (objects, arrays, "@graph"), depth-bounded.
bool FindDatePublished(const nlohmann::json& value, int depth, std::string* out) {
  if (depth > 16) return false;
  if (value.is_object()) {
    auto it = value.find("datePublished");
    if (it != value.end() && it->is_string()) {
      *out = it->get<std::string>();
      return true;
    }
    for (const auto& [key, child] : value.items()) {
      if (FindDatePublished(child, depth + 1, out)) return true;
    }
  } else if (value.is_array()) {
    for (const auto& child : value) {
      if (FindDatePublished(child, depth + 1, out)) return true;
    }
  }
  return false;
}

// Meta names/properties that carry the publication date, best first.
constexpr std::array<std::string_view, 11> kDateMetas = {
    "article:published_time", "og:published_time", "datepublished", "date",
    "pubdate",                "publishdate",       "publish-date",  "dc.date",
    "dcterms.created",        "sailthru.date",     "parsely-pub-date"};

// Everything gathered in one pass over the page.
struct PageFacts {
  std::string og_title, h1, title_tag, site, canonical, og_url;
  std::array<std::string, kDateMetas.size()> meta_dates;
  std::string itemprop_date, json_ld_date, time_date;
  std::vector<const GumboNode*> articles;
  std::vector<std::pair<const GumboNode*, size_t>> paragraph_parents;  // parent, text length
  const GumboNode* body = nullptr;
};

void NoteMeta(const GumboNode* node, PageFacts* facts) {
  const char* content = Attr(node, "content");
  if (content == nullptr) return;
  for (const char* key_attr : {"property", "name", "itemprop"}) {
    const char* key = Attr(node, key_attr);
    if (key == nullptr) continue;
    std::string k = LowerCopy(key);
    if (k == "og:title" && facts->og_title.empty()) facts->og_title = content;
    if (k == "og:site_name" && facts->site.empty()) facts->site = content;
    if (k == "og:url" && facts->og_url.empty()) facts->og_url = content;
    for (size_t i = 0; i < kDateMetas.size(); ++i) {
      if (k == kDateMetas[i] && facts->meta_dates[i].empty()) facts->meta_dates[i] = content;
    }
  }
}

PageFacts Survey(const GumboNode* root) {
  PageFacts facts;
  std::vector<const GumboNode*> furniture;  // boilerplate ancestors on the current path
  Walk(
      root,
      [&](const GumboNode* node) {
        if (node->type == GUMBO_NODE_DOCUMENT) return true;
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag tag = Tag(node);
        switch (tag) {
          case GUMBO_TAG_META:
            NoteMeta(node, &facts);
            return false;
          case GUMBO_TAG_LINK: {
            const char* rel = Attr(node, "rel");
            const char* href = Attr(node, "href");
            if (rel && href && LowerCopy(rel) == "canonical" && facts.canonical.empty()) {
              facts.canonical = href;
            }
            return false;
          }
          case GUMBO_TAG_TITLE:
            if (facts.title_tag.empty()) facts.title_tag = InlineText(node);
            return false;
          case GUMBO_TAG_SCRIPT: {
            const char* type = Attr(node, "type");
            if (type && LowerCopy(type) == "application/ld+json" && facts.json_ld_date.empty()) {
              std::string json_text;
              for (unsigned int i = 0; i < node->v.element.children.length; ++i) {
                const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
                if (child->type == GUMBO_NODE_TEXT) json_text += child->v.text.text;
              }
              nlohmann::json ld = nlohmann::json::parse(json_text, nullptr, false);
              if (!ld.is_discarded()) FindDatePublished(ld, 0, &facts.json_ld_date);
            }
            return false;
          }
          case GUMBO_TAG_BODY:
            if (facts.body == nullptr) facts.body = node;
            break;
          case GUMBO_TAG_ARTICLE:
            facts.articles.push_back(node);
            break;
          case GUMBO_TAG_H1:
            if (facts.h1.empty()) facts.h1 = InlineText(node);
            break;
          case GUMBO_TAG_TIME:
            if (const char* dt = Attr(node, "datetime"); dt && facts.time_date.empty()) {
              facts.time_date = dt;
            }
            break;
          default:
            break;
        }
        if (const char* prop = Attr(node, "itemprop");
            prop && LowerCopy(prop) == "datepublished" && facts.itemprop_date.empty()) {
          const char* value = Attr(node, "datetime");
          if (value == nullptr) value = Attr(node, "content");
          facts.itemprop_date = value ? std::string(value) : InlineText(node);
        }
        if (tag == GUMBO_TAG_P && furniture.empty() && node->parent != nullptr) {
          facts.paragraph_parents.emplace_back(node->parent, InlineText(node).size());
        }
        if (IsBoilerplate(node)) furniture.push_back(node);
        return true;
      },
      [&](const GumboNode* node) {
        if (!furniture.empty() && furniture.back() == node) furniture.pop_back();
      });
  return facts;
}

const GumboNode* ChooseContentRoot(const PageFacts& facts) {
  // The densest block: the element whose direct <p> children hold the most text.
  const GumboNode* densest = nullptr;
  size_t densest_size = 0;
  std::unordered_map<const GumboNode*, size_t> totals;
  for (const auto& [parent, size] : facts.paragraph_parents) {
    size_t total = totals[parent] += size;
    if (total > densest_size) {
      densest = parent;
      densest_size = total;
    }
  }
  // The <article> containing the densest block wins (it may also hold sub-headings and lists);
  // otherwise the densest block itself; otherwise the body.
  if (densest != nullptr) {
    for (const GumboNode* up = densest; up != nullptr; up = up->parent) {
      if (Tag(up) == GUMBO_TAG_ARTICLE) return up;
    }
    return densest;
  }
  if (!facts.articles.empty()) return facts.articles.front();
  return facts.body;
}

// Elements without an end tag, or whose end tag is usually left out: they do not nest.
bool NeverNests(std::string_view name) {
  static constexpr std::array<std::string_view, 28> kNames = {
      "area", "base",  "br",    "col",  "embed",  "hr",       "img",   "input", "link", "meta",
      "param", "source", "track", "wbr", "p",      "li",       "dt",    "dd",    "tr",   "td",
      "th",   "option", "optgroup", "rb", "rt",    "rtc",      "rp",    "tbody"};
  for (std::string_view n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// The deepest nesting of start tags in `html`, counted quickly and roughly (no parsing); stops
// counting once it passes `limit`.
int ApproximateDepth(std::string_view html, int limit) {
  int depth = 0;
  int deepest = 0;
  size_t pos = 0;
  std::string name;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    name.clear();
    while (pos < html.size() && IsAlnum(html[pos]) && name.size() < 16) name += Lower(html[pos++]);
    if (name.empty()) continue;
    if (closing) {
      if (!NeverNests(name) && depth > 0) --depth;
      continue;
    }
    size_t close = html.find('>', pos);
    bool self_closing = close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    if (NeverNests(name) || self_closing) continue;
    deepest = std::max(deepest, ++depth);
    if (deepest > limit) break;
  }
  return deepest;
}

}  // namespace

HtmlArticle ExtractHtmlArticle(std::string_view html) {
  HtmlArticle article;
  if (ApproximateDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth) {
    article.problem = "HTML nesting too deep: over " + std::to_string(kMaxHtmlDepth) +
                      " open elements";
    return article;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse tree is all we need; errors are not collected
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr) return article;
  PageFacts facts = Survey(output->document);

  article.title = !facts.og_title.empty() ? facts.og_title
                  : !facts.h1.empty()     ? facts.h1
                                          : facts.title_tag;
  {
    TextBuilder builder;
    builder.Text(article.title);
    article.title = builder.Finish();
  }
  for (const std::string& date : facts.meta_dates) {
    if (!date.empty()) {
      article.raw_date = date;
      break;
    }
  }
  if (article.raw_date.empty()) article.raw_date = facts.itemprop_date;
  if (article.raw_date.empty()) article.raw_date = facts.json_ld_date;
  if (article.raw_date.empty()) article.raw_date = facts.time_date;
  article.site = facts.site;
  article.url = !facts.canonical.empty() ? facts.canonical : facts.og_url;

  const GumboNode* root = ChooseContentRoot(facts);
  if (root != nullptr) article.body = ExtractText(root, /*drop_boilerplate=*/true);
  gumbo_destroy_output(&options, output);
  return article;
}

HtmlReader::HtmlReader(std::unique_ptr<InputSource> source, std::string name, std::string id,
                       InputReport* report, const ReaderOptions& options)
    : source_(std::move(source)),
      name_(std::move(name)),
      id_(std::move(id)),
      report_(report),
      options_(options) {}

ReadStatus HtmlReader::Next(Document* doc) {
  if (done_) return ReadStatus::kEnd;
  done_ = true;
  *doc = Document();
  std::string html;
  if (!ReadWholeFile(source_.get(), name_, id_, options_, report_, &html)) {
    return ReadStatus::kRejected;
  }
  // Repair before parsing so that every extracted field is clean and the warning counts once.
  Utf8RepairStats repaired = RepairUtf8(&html);
  HtmlArticle article = ExtractHtmlArticle(html);
  if (!article.problem.empty()) {
    report_->Reject({name_, 0, id_, article.problem});
    return ReadStatus::kRejected;
  }
  doc->id = id_;
  doc->origin_file = name_;
  doc->origin_line = 1;
  doc->title = std::move(article.title);
  doc->source = std::move(article.site);
  doc->url = std::move(article.url);
  doc->body = std::move(article.body);
  SetDocumentDate(article.raw_date, doc, report_);
  AcceptDocument(doc, report_, repaired);
  return ReadStatus::kDocument;
}

}  // namespace parley::text
