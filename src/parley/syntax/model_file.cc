#include "parley/syntax/model_file.h"

#include <xxhash.h>
#include <zstd.h>

#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "parley/error.h"

namespace parley::syntax {

namespace {

static_assert(std::endian::native == std::endian::little,
              "model files are little-endian; a big-endian port must byte-swap here");

constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'S', 'X'};
constexpr size_t kHeaderSize = 8 + 4 + 8 + 8 + 8;
// A sanity bound so that a corrupted size field cannot make us allocate absurd amounts.
constexpr uint64_t kMaxPayload = uint64_t{1} << 32;

template <typename T>
void AppendRaw(std::string* out, T value) {
  char buf[sizeof(T)];
  std::memcpy(buf, &value, sizeof(T));
  out->append(buf, sizeof(T));
}

template <typename T>
T ReadRaw(const char* p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

// Errors about a whole file. (Built by hand rather than with Error's file/line constructor,
// whose inlined string formatting trips a GCC 12 -Wrestrict false positive here.)
Error FileError(const std::string& file, const std::string& message) {
  return Error(file + ": " + message);
}

bool ValidTag(std::string_view tag) {
  if (tag.size() != 4) return false;
  for (char c : tag) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

void SectionWriter::U8(uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
void SectionWriter::U32(uint32_t value) { AppendRaw(&bytes_, value); }
void SectionWriter::U64(uint64_t value) { AppendRaw(&bytes_, value); }
void SectionWriter::F32(float value) { AppendRaw(&bytes_, value); }

void SectionWriter::Str(std::string_view value) {
  U32(static_cast<uint32_t>(value.size()));
  bytes_.append(value.data(), value.size());
}

void SectionWriter::F32Array(const float* data, size_t n) {
  bytes_.append(reinterpret_cast<const char*>(data), n * sizeof(float));
}

void SectionWriter::U64Array(const uint64_t* data, size_t n) {
  bytes_.append(reinterpret_cast<const char*>(data), n * sizeof(uint64_t));
}

SectionReader::SectionReader(std::string_view data, std::string file, std::string tag)
    : data_(data), file_(std::move(file)), tag_(std::move(tag)) {}

void SectionReader::Fail(std::string_view message) const {
  throw Error(file_ + ": section '" + tag_ + "': " + std::string(message));
}

const char* SectionReader::Take(size_t n, const char* what) {
  if (n > data_.size() - pos_) {
    Fail("truncated: needed " + std::to_string(n) + " bytes for " + what + " at offset " +
         std::to_string(pos_) + ", " + std::to_string(data_.size() - pos_) + " left");
  }
  const char* p = data_.data() + pos_;
  pos_ += n;
  return p;
}

uint8_t SectionReader::U8() { return static_cast<uint8_t>(*Take(1, "u8")); }
uint32_t SectionReader::U32() { return ReadRaw<uint32_t>(Take(4, "u32")); }
uint64_t SectionReader::U64() { return ReadRaw<uint64_t>(Take(8, "u64")); }
float SectionReader::F32() { return ReadRaw<float>(Take(4, "f32")); }

std::string SectionReader::Str() {
  uint32_t n = U32();
  const char* p = Take(n, "string");
  return std::string(p, n);
}

void SectionReader::F32Array(float* data, size_t n) {
  if (n > remaining() / sizeof(float)) Take(remaining() + 1, "float array");
  std::memcpy(data, Take(n * sizeof(float), "float array"), n * sizeof(float));
}

void SectionReader::U64Array(uint64_t* data, size_t n) {
  if (n > remaining() / sizeof(uint64_t)) Take(remaining() + 1, "u64 array");
  std::memcpy(data, Take(n * sizeof(uint64_t), "u64 array"), n * sizeof(uint64_t));
}

void SectionReader::ExpectEnd() const {
  if (!AtEnd()) Fail(std::to_string(remaining()) + " unexpected bytes at the end");
}

void ModelFileWriter::Add(std::string_view tag, const SectionWriter& section) {
  Add(tag, section.bytes());
}

void ModelFileWriter::Add(std::string_view tag, std::string bytes) {
  if (!ValidTag(tag)) throw Error("model section tag must be 4 printable characters: '" +
                                  std::string(tag) + "'");
  for (const auto& [existing, unused] : sections_) {
    if (existing == tag) throw Error("model section '" + std::string(tag) + "' added twice");
  }
  sections_.emplace_back(std::string(tag), std::move(bytes));
}

std::string ModelFileWriter::Serialize(int zstd_level) const {
  std::string payload;
  for (const auto& [tag, bytes] : sections_) {
    payload += tag;
    AppendRaw<uint64_t>(&payload, bytes.size());
    payload += bytes;
  }
  std::string compressed(ZSTD_compressBound(payload.size()), '\0');
  size_t n = ZSTD_compress(compressed.data(), compressed.size(), payload.data(), payload.size(),
                           zstd_level);
  if (ZSTD_isError(n)) throw Error(std::string("zstd compression failed: ") +
                                   ZSTD_getErrorName(n));
  compressed.resize(n);

  std::string out(kMagic, sizeof(kMagic));
  AppendRaw<uint32_t>(&out, kModelFormatVersion);
  AppendRaw<uint64_t>(&out, payload.size());
  AppendRaw<uint64_t>(&out, compressed.size());
  AppendRaw<uint64_t>(&out, XXH64(payload.data(), payload.size(), 0));
  out += compressed;
  return out;
}

void ModelFileWriter::Write(const std::string& path, int zstd_level) const {
  std::string bytes = Serialize(zstd_level);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw FileError(path, "cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw FileError(path, "write failed");
}

ModelFileReader ModelFileReader::Open(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path, "cannot open model file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw FileError(path, "read error");
  return FromBytes(buffer.str(), path);
}

ModelFileReader ModelFileReader::FromBytes(std::string_view bytes, std::string name) {
  auto fail = [&](const std::string& message) -> Error { return FileError(name, message); };
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    throw fail("not a Parley syntax model (bad magic)");
  }
  if (bytes.size() < kHeaderSize) throw fail("truncated model file (incomplete header)");
  ModelFileReader reader;
  reader.name_ = name;
  const char* p = bytes.data() + sizeof(kMagic);
  reader.version_ = ReadRaw<uint32_t>(p);
  uint64_t payload_size = ReadRaw<uint64_t>(p + 4);
  uint64_t compressed_size = ReadRaw<uint64_t>(p + 12);
  uint64_t checksum = ReadRaw<uint64_t>(p + 20);
  if (reader.version_ > kModelFormatVersion || reader.version_ == 0) {
    throw fail("model format version " + std::to_string(reader.version_) +
               " is not supported (this build reads up to version " +
               std::to_string(kModelFormatVersion) + "); use a newer Parley or retrain");
  }
  uint64_t available = bytes.size() - kHeaderSize;
  if (compressed_size > available) {
    throw fail("truncated model file: " + std::to_string(available) + " of " +
               std::to_string(compressed_size) + " payload bytes present");
  }
  if (compressed_size < available) {
    throw fail(std::to_string(available - compressed_size) +
               " trailing bytes after the model payload");
  }
  // Model payloads compress a few times at most; a header claiming far more is corrupted, and
  // refusing it avoids allocating absurd amounts for a damaged or hostile file.
  if (payload_size > kMaxPayload || payload_size > compressed_size * 1000 + (1u << 20)) {
    throw fail("corrupted header (payload size too large)");
  }
  reader.payload_.resize(payload_size);
  size_t n = ZSTD_decompress(reader.payload_.data(), reader.payload_.size(),
                             bytes.data() + kHeaderSize, compressed_size);
  if (ZSTD_isError(n)) {
    throw fail(std::string("corrupted model payload (zstd: ") + ZSTD_getErrorName(n) + ")");
  }
  if (n != payload_size) throw fail("corrupted model payload (size mismatch)");
  if (XXH64(reader.payload_.data(), reader.payload_.size(), 0) != checksum) {
    throw fail("corrupted model payload (checksum mismatch)");
  }
  size_t pos = 0;
  const std::string& payload = reader.payload_;
  while (pos < payload.size()) {
    if (payload.size() - pos < 12) throw fail("corrupted section table");
    std::string tag = payload.substr(pos, 4);
    uint64_t length = ReadRaw<uint64_t>(payload.data() + pos + 4);
    pos += 12;
    if (!ValidTag(tag) || length > payload.size() - pos) throw fail("corrupted section table");
    if (!reader.sections_.emplace(tag, std::make_pair(pos, static_cast<size_t>(length))).second) {
      throw fail("duplicate section '" + tag + "'");
    }
    pos += length;
  }
  return reader;
}

bool ModelFileReader::Has(std::string_view tag) const { return sections_.contains(tag); }

SectionReader ModelFileReader::Section(std::string_view tag) const {
  auto it = sections_.find(tag);
  if (it == sections_.end()) {
    throw FileError(name_, "missing section '" + std::string(tag) + "'");
  }
  return SectionReader(std::string_view(payload_).substr(it->second.first, it->second.second),
                       name_, std::string(tag));
}

}  // namespace parley::syntax
