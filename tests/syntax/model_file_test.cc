#include "parley/syntax/model_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "parley/error.h"

namespace parley::syntax {
namespace {

std::string SampleFile() {
  SectionWriter a;
  a.U8(7);
  a.U32(123456);
  a.U64(uint64_t{1} << 40);
  a.F32(-2.5f);
  a.Str("héllo");
  const float floats[3] = {1.0f, 0.5f, -3.25f};
  a.F32Array(floats, 3);
  const uint64_t ids[2] = {42, ~uint64_t{0}};
  a.U64Array(ids, 2);
  SectionWriter b;
  b.Str("second");
  ModelFileWriter writer;
  writer.Add("AAAA", a);
  writer.Add("BBBB", b);
  return writer.Serialize();
}

// Expects FromBytes to throw a parley::Error whose message contains `needle`.
void ExpectLoadError(const std::string& bytes, const std::string& needle) {
  try {
    (void)ModelFileReader::FromBytes(bytes, "test.model");
    FAIL() << "expected an error containing '" << needle << "'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("test.model"), std::string::npos) << e.what();
  }
}

TEST(ModelFile, RoundTripsEveryValueType) {
  ModelFileReader reader = ModelFileReader::FromBytes(SampleFile(), "test.model");
  EXPECT_EQ(reader.version(), kModelFormatVersion);
  SectionReader a = reader.Section("AAAA");
  EXPECT_EQ(a.U8(), 7);
  EXPECT_EQ(a.U32(), 123456u);
  EXPECT_EQ(a.U64(), uint64_t{1} << 40);
  EXPECT_EQ(a.F32(), -2.5f);
  EXPECT_EQ(a.Str(), "héllo");
  float floats[3];
  a.F32Array(floats, 3);
  EXPECT_EQ(floats[2], -3.25f);
  uint64_t ids[2];
  a.U64Array(ids, 2);
  EXPECT_EQ(ids[1], ~uint64_t{0});
  EXPECT_TRUE(a.AtEnd());
  a.ExpectEnd();
  SectionReader b = reader.Section("BBBB");
  EXPECT_EQ(b.Str(), "second");
  EXPECT_TRUE(reader.Has("BBBB"));
  EXPECT_FALSE(reader.Has("CCCC"));
}

TEST(ModelFile, SectionReadPastEndIsTruncationError) {
  ModelFileReader reader = ModelFileReader::FromBytes(SampleFile(), "test.model");
  SectionReader b = reader.Section("BBBB");
  EXPECT_EQ(b.Str(), "second");
  try {
    (void)b.U32();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("section 'BBBB': truncated"), std::string::npos)
        << e.what();
  }
  SectionReader a = reader.Section("AAAA");
  float big[100];
  EXPECT_THROW(a.F32Array(big, 100), Error);
}

TEST(ModelFile, MissingSectionIsNamed) {
  ModelFileReader reader = ModelFileReader::FromBytes(SampleFile(), "test.model");
  try {
    (void)reader.Section("ZZZZ");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing section 'ZZZZ'"), std::string::npos);
  }
}

TEST(ModelFile, RejectsDamagedFiles) {
  const std::string good = SampleFile();
  struct Case {
    const char* name;
    std::string bytes;
    const char* needle;
  };
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  std::string newer = good;
  const uint32_t next = kModelFormatVersion + 1;
  std::memcpy(newer.data() + 8, &next, 4);
  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x5a;
  std::string bad_sum = good;
  bad_sum[28] ^= 1;
  const Case cases[] = {
      {"empty", "", "bad magic"},
      {"bad magic", bad_magic, "bad magic"},
      {"header only", good.substr(0, 20), "truncated"},
      {"truncated payload", good.substr(0, good.size() - 5), "truncated"},
      {"trailing bytes", good + "xx", "trailing bytes"},
      {"newer version", newer, "version 2 is not supported"},
      {"corrupted payload", flipped, "corrupted"},
      {"checksum", bad_sum, "checksum mismatch"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ExpectLoadError(c.bytes, c.needle);
  }
}

TEST(ModelFile, WriterRejectsBadAndDuplicateTags) {
  ModelFileWriter writer;
  SectionWriter s;
  EXPECT_THROW(writer.Add("TOOLONG", s), Error);
  writer.Add("TAGS", s);
  EXPECT_THROW(writer.Add("TAGS", s), Error);
}

TEST(ModelFile, OpenMissingFileFails) {
  EXPECT_THROW((void)ModelFileReader::Open("/nonexistent/dir/x.model"), Error);
}

}  // namespace
}  // namespace parley::syntax
