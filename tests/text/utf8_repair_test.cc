#include "parley/text/utf8_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::text {
namespace {

struct RepairCase {
  std::string name;
  std::string input;
  std::string expected;
  uint64_t invalid;
  uint64_t controls;
};

const std::string kFffd = "\xEF\xBF\xBD";

TEST(RepairUtf8, Table) {
  const RepairCase kCases[] = {
      {"empty", "", "", 0, 0},
      {"ascii", "Biden met Putin.\n", "Biden met Putin.\n", 0, 0},
      {"tabs and CRLF kept", "a\tb\r\nc", "a\tb\r\nc", 0, 0},
      {"valid multibyte", "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80",
       "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", 0, 0},
      {"NUL dropped", std::string("ab\0cd", 5), "abcd", 0, 1},
      {"C0 controls dropped", "a\x01\x02\x1B" "b\x7F", "ab\x7F", 0, 3},
      {"lone continuation", "a\x80" "b", "a" + kFffd + "b", 1, 0},
      {"bad lead byte", "a\xFF" "b", "a" + kFffd + "b", 1, 0},
      {"truncated 3-byte", "a\xE2\x82" "b", "a" + kFffd + "b", 1, 0},
      {"truncated at end", "ab\xE2\x82", "ab" + kFffd, 1, 0},
      {"overlong slash", "a\xC0\xAF" "b", "a" + kFffd + "b", 1, 0},
      {"surrogate", "a\xED\xA0\x80" "b", "a" + kFffd + "b", 1, 0},
      {"above U+10FFFF", "a\xF4\x90\x80\x80" "b", "a" + kFffd + "b", 1, 0},
      {"latin-1 text", "na\xEFve caf\xE9", "na" + kFffd + "ve caf" + kFffd, 2, 0},
      {"mixed", std::string("\0\xC3\xA9\xC3", 4), "\xC3\xA9" + kFffd, 1, 1},
      {"long ascii then bad", std::string(100, 'x') + "\x80", std::string(100, 'x') + kFffd, 1,
       0},
  };
  for (const RepairCase& c : kCases) {
    std::string text = c.input;
    Utf8RepairStats stats = RepairUtf8(&text);
    EXPECT_EQ(text, c.expected) << c.name;
    EXPECT_EQ(stats.invalid_sequences, c.invalid) << c.name;
    EXPECT_EQ(stats.removed_controls, c.controls) << c.name;
    EXPECT_EQ(stats.changed(), c.invalid + c.controls > 0) << c.name;
    EXPECT_EQ(IsCleanUtf8(c.input), !stats.changed()) << c.name;
    EXPECT_TRUE(IsCleanUtf8(text)) << c.name;
  }
}

TEST(RepairUtf8, EveryByteValueEndsClean) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  all += all;
  Utf8RepairStats stats = RepairUtf8(&all);
  EXPECT_TRUE(IsCleanUtf8(all));
  EXPECT_EQ(stats.removed_controls, 2u * 29u);  // 32 C0 bytes minus \t \n \r, twice
  EXPECT_GT(stats.invalid_sequences, 0u);
}

TEST(RepairUtf8, Reason) {
  EXPECT_EQ(RepairReason({}), "");
  EXPECT_EQ(RepairReason({2, 1}),
            "invalid UTF-8 repaired: 2 sequences replaced by U+FFFD, 1 control byte removed");
  EXPECT_EQ(RepairReason({0, 3}), "control bytes removed: 3 NUL/C0 control bytes");
}

}  // namespace
}  // namespace parley::text
