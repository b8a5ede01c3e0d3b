#pragma once

// The binary container of Parley's syntax model: a fixed header (magic, format version,
// sizes, checksum) followed by one zstd frame holding tagged, length-prefixed sections. All
// integers and floats are little-endian. Each component (tagger, lemmatizer, parser) writes
// its own sections with SectionWriter and reads them back with SectionReader.
//
// Layout of a file:
//   8 bytes  magic "PARLEYSX"
//   u32      format version (kModelFormatVersion)
//   u64      uncompressed payload size
//   u64      compressed payload size (the rest of the file, exactly)
//   u64      XXH64 (seed 0) of the uncompressed payload
//   ...      zstd frame of the payload
// Payload: repeated { 4-byte tag, u64 length, length bytes }.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::syntax {

// Version written by this build; files with a larger version are rejected on load.
inline constexpr uint32_t kModelFormatVersion = 1;

// Appends little-endian values to a byte buffer (one model-file section).
class SectionWriter {
 public:
  void U8(uint8_t value);
  void U32(uint32_t value);
  void U64(uint64_t value);
  void F32(float value);
  // u32 length followed by the bytes.
  void Str(std::string_view value);
  // Raw little-endian floats / u64s, no length prefix (the caller writes the count).
  void F32Array(const float* data, size_t n);
  void U64Array(const uint64_t* data, size_t n);

  // The bytes written so far.
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads what SectionWriter wrote, in the same order. Every read throws
// parley::Error("<file>: section '<tag>': truncated ...") when the data runs out; the reader
// never reads past its section.
class SectionReader {
 public:
  // `data` must outlive the reader; `file` and `tag` only name the section in errors.
  SectionReader(std::string_view data, std::string file, std::string tag);

  uint8_t U8();
  uint32_t U32();
  uint64_t U64();
  float F32();
  std::string Str();
  void F32Array(float* data, size_t n);
  void U64Array(uint64_t* data, size_t n);

  // True when every byte of the section has been read.
  bool AtEnd() const { return pos_ == data_.size(); }
  // Bytes not yet read.
  size_t remaining() const { return data_.size() - pos_; }

  // Throws parley::Error unless AtEnd(): components call it after reading their section so
  // that a section with extra bytes (a mismatched writer) is rejected.
  void ExpectEnd() const;
  // Throws parley::Error("<file>: section '<tag>': <message>") for a semantic problem found
  // while reading (e.g. a class index out of range).
  [[noreturn]] void Fail(std::string_view message) const;

 private:
  const char* Take(size_t n, const char* what);

  std::string_view data_;
  size_t pos_ = 0;
  std::string file_;
  std::string tag_;
};

// Collects sections and writes the container. Tags are exactly 4 ASCII characters; adding a
// tag twice throws parley::Error. Sections are written in the order they were added.
class ModelFileWriter {
 public:
  void Add(std::string_view tag, const SectionWriter& section);
  void Add(std::string_view tag, std::string bytes);

  // The whole file as bytes (header + compressed payload).
  [[nodiscard]] std::string Serialize(int zstd_level = 19) const;
  // Writes Serialize() to `path`; throws parley::Error when the file cannot be written.
  void Write(const std::string& path, int zstd_level = 19) const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

// Opens and checks a model file. Throws parley::Error naming the file and the problem for:
// unreadable file, bad magic, a newer format version, truncation, trailing bytes, a payload
// that does not decompress to the announced size, a checksum mismatch, or malformed or
// duplicated sections.
class ModelFileReader {
 public:
  // Reads and checks the file at `path`.
  static ModelFileReader Open(const std::string& path);
  // Checks `bytes` (a whole file's content); `name` is used in error messages.
  static ModelFileReader FromBytes(std::string_view bytes, std::string name);

  // True when a section with this tag exists.
  bool Has(std::string_view tag) const;
  // A reader over the section; throws parley::Error("<file>: missing section '<tag>'") when
  // absent. The reader views this object's storage: keep the ModelFileReader alive.
  [[nodiscard]] SectionReader Section(std::string_view tag) const;
  // Format version found in the file.
  uint32_t version() const { return version_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  uint32_t version_ = 0;
  std::string payload_;
  std::map<std::string, std::pair<size_t, size_t>, std::less<>> sections_;  // offset, length
};

}  // namespace parley::syntax
