#include "parley/text/input_source.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

#include "parley/error.h"

namespace parley::text {

namespace {

constexpr size_t kBufferSize = size_t{1} << 20;
constexpr size_t kMaxPeek = size_t{1} << 16;

}  // namespace

std::unique_ptr<InputSource> InputSource::Open(const std::string& path) {
  std::unique_ptr<InputSource> source(new InputSource());
  if (path == "-") {
    source->file_ = stdin;
  } else {
    source->file_ = std::fopen(path.c_str(), "rb");
    if (source->file_ == nullptr) {
      throw Error(path, 0, std::string("cannot open: ") + std::strerror(errno));
    }
    source->owns_file_ = true;
  }
  source->buffer_.resize(kBufferSize);
  return source;
}

std::unique_ptr<InputSource> InputSource::FromString(std::string data) {
  std::unique_ptr<InputSource> source(new InputSource());
  source->buffer_.assign(data.begin(), data.end());
  source->end_ = source->buffer_.size();
  source->eof_ = true;
  return source;
}

InputSource::~InputSource() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

size_t InputSource::Fill(size_t want) {
  if (end_ - begin_ >= want || eof_) return end_ - begin_;
  // Slide the unconsumed bytes to the front so that the whole buffer is usable.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // read(2) rather than fread: it returns whatever a pipe has, so documents from a slow
  // producer on stdin flow through as they arrive instead of waiting for a full buffer.
  while (end_ - begin_ < want && end_ < buffer_.size() && !eof_) {
    ssize_t got = ::read(fileno(file_), buffer_.data() + end_, buffer_.size() - end_);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      eof_ = true;
      if (got < 0) failed_ = true;
      break;
    }
    end_ += static_cast<size_t>(got);
  }
  return end_ - begin_;
}

std::string_view InputSource::Peek(size_t n) {
  if (n > kMaxPeek) n = kMaxPeek;
  size_t have = Fill(n);
  return std::string_view(buffer_.data() + begin_, have < n ? have : n);
}

size_t InputSource::Read(char* dst, size_t n) {
  size_t have = Fill(1);
  size_t take = have < n ? have : n;
  if (take == 0) return 0;  // the buffer may be empty with a null data()
  std::memcpy(dst, buffer_.data() + begin_, take);
  begin_ += take;
  return take;
}

InputSource::Status InputSource::ReadLine(std::string* out, uint64_t max_bytes,
                                          uint64_t* length) {
  out->clear();
  *length = 0;
  if (Fill(1) == 0) return Status::kEnd;
  bool too_long = false;
  while (true) {
    size_t have = Fill(1);
    if (have == 0) break;
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', have);
    size_t piece = newline ? static_cast<size_t>(static_cast<const char*>(newline) - start) : have;
    *length += piece;
    if (!too_long && *length > max_bytes) {
      too_long = true;
      out->clear();
      out->shrink_to_fit();
    }
    if (!too_long) out->append(start, piece);
    begin_ += piece;
    if (newline) {
      ++begin_;
      break;
    }
  }
  if (too_long) return Status::kTooLong;
  if (!out->empty() && out->back() == '\r') out->pop_back();
  return Status::kOk;
}

InputSource::Status InputSource::ReadAll(std::string* out, uint64_t max_bytes, uint64_t* length) {
  out->clear();
  *length = 0;
  bool too_long = false;
  while (true) {
    size_t have = Fill(1);
    if (have == 0) break;
    *length += have;
    if (!too_long && *length > max_bytes) {
      too_long = true;
      out->clear();
      out->shrink_to_fit();
    }
    if (!too_long) out->append(buffer_.data() + begin_, have);
    begin_ += have;
  }
  return too_long ? Status::kTooLong : Status::kOk;
}

InputSourceStreambuf::int_type InputSourceStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  size_t got = source_->Read(chunk_, sizeof(chunk_));
  if (got == 0) return traits_type::eof();
  setg(chunk_, chunk_, chunk_ + got);
  return traits_type::to_int_type(*gptr());
}

}  // namespace parley::text
