#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

// A buffered byte stream over a file, stdin or an in-memory string, for the readers. Lines and
// whole-input reads stop buffering at a caller-given limit, so memory stays bounded whatever
// the input. Not thread-safe.
class InputSource {
 public:
  enum class Status : uint8_t {
    kOk,       // the requested bytes are in *out
    kTooLong,  // more than the limit: the rest of the line / input was skipped, *out is cleared
    kEnd,      // no more input
  };

  // Opens a file, or stdin for "-". Throws parley::Error naming the path when it cannot.
  static std::unique_ptr<InputSource> Open(const std::string& path);
  // An in-memory source (tests, fuzzers).
  static std::unique_ptr<InputSource> FromString(std::string data);

  ~InputSource();
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // Up to `n` (at most 64 KiB) next bytes without consuming them; fewer at the end of input.
  [[nodiscard]] std::string_view Peek(size_t n);

  // Reads the next line into *out without its '\n' (a '\r' before it is removed too). The
  // line's length before any cut is in *length. kEnd only when no bytes are left.
  [[nodiscard]] Status ReadLine(std::string* out, uint64_t max_bytes, uint64_t* length);

  // Reads everything left into *out. kTooLong (and the input skipped to its end) when that is
  // more than max_bytes; *length is then the total size. kEnd never: empty input gives kOk.
  [[nodiscard]] Status ReadAll(std::string* out, uint64_t max_bytes, uint64_t* length);

  // Copies up to `n` bytes into dst; returns 0 only at the end of input.
  size_t Read(char* dst, size_t n);

  // True once a read from the underlying file failed (not merely ended).
  bool failed() const { return failed_; }

 private:
  InputSource() = default;
  // Tops the buffer up so that at least `want` unconsumed bytes are present if the input has
  // them; returns the number present.
  size_t Fill(size_t want);

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  bool failed_ = false;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // first unconsumed byte
  size_t end_ = 0;    // one past the last buffered byte
};

// A std::streambuf reading from an InputSource (for readers built on std::istream, such as
// CoNLL-U). Owns the source.
class InputSourceStreambuf : public std::streambuf {
 public:
  explicit InputSourceStreambuf(std::unique_ptr<InputSource> source)
      : source_(std::move(source)) {}

 protected:
  int_type underflow() override;

 private:
  std::unique_ptr<InputSource> source_;
  char chunk_[1 << 16];
};

}  // namespace parley::text
