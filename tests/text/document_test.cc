#include "parley/text/document.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace parley::text {
namespace {

TEST(ZoneKindName, EveryKindHasADistinctName) {
  const ZoneKind kinds[] = {ZoneKind::kText,     ZoneKind::kTitle,     ZoneKind::kCaption,
                            ZoneKind::kCredit,   ZoneKind::kByline,    ZoneKind::kTimestamp,
                            ZoneKind::kMetadata, ZoneKind::kBoilerplate};
  std::set<std::string_view> names;
  for (ZoneKind kind : kinds) names.insert(ZoneKindName(kind));
  EXPECT_EQ(names.size(), std::size(kinds));
  EXPECT_EQ(ZoneKindName(ZoneKind::kCaption), "caption");
}

TEST(Span, SizeIsEndMinusBegin) {
  Span span{3, 10};
  EXPECT_EQ(span.size(), 7u);
}

}  // namespace
}  // namespace parley::text
