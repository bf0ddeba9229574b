// Poco::Zip adapter for .docx containers: sniffing, central directory
// sanity, per-part budgets and bounded inflation (see docx_zip.h).
#include "parsers/docx_zip.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <libdeflate.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <string_view>

namespace fuhua::docx {
namespace {

using Poco::Zip::ZipArchive;

constexpr std::string_view kLocalMagic("PK\x03\x04", 4);
constexpr std::string_view kEndMagic("PK\x05\x06", 4);
constexpr size_t kEndRecordBytes = 22;
constexpr size_t kMaxCommentBytes = 0xFFFF;
constexpr size_t kChunk = 64u << 10;

// The end-of-central-directory record must sit within the last 64 KiB + 22
// bytes; a file cut short loses it.
bool HasEndRecord(const std::string& bytes) {
  if (bytes.size() < kEndRecordBytes) return false;
  size_t floor = bytes.size() > kEndRecordBytes + kMaxCommentBytes
                     ? bytes.size() - kEndRecordBytes - kMaxCommentBytes
                     : 0;
  size_t pos = bytes.rfind(kEndMagic, bytes.size() - kEndRecordBytes);
  return pos != std::string::npos && pos >= floor;
}

std::string Bytes(unsigned long long n) { return std::to_string(n) + " bytes"; }

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One per thread (parts are read on every extraction worker), made once.
libdeflate_decompressor* Decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(
      libdeflate_alloc_decompressor());
  return d.get();
}

// Raw deflate `data` into exactly `out->size()` bytes; false unless the
// stream ends exactly there, with all of `data` consumed. libdeflate, not
// zlib: a whole-buffer inflater (the size is known from the header), and its
// CRC-32 (below) uses the CPU's carry-less multiply; the two take a quarter
// of the instructions zlib's inflate and crc32 did (6% of an ingest).
bool InflateExactly(std::string_view data, char* out, size_t size) {
  libdeflate_decompressor* d = Decompressor();
  size_t used = 0, made = 0;
  return d &&
         libdeflate_deflate_decompress_ex(d, data.data(), data.size(), out, size, &used, &made) ==
             LIBDEFLATE_SUCCESS &&
         used == data.size() && made == size;
}

// The usual part (sizes and CRC in its local header, stored or deflated,
// within `cap`) inflated straight from the archive bytes with libdeflate into
// the first `*size` bytes of `out` (its declared size; `out` grown to it if
// shorter). Poco's stream (a fake zlib header so that zlib also computes an
// Adler-32, 64 KiB copies, a growing string) cost twice as much. False, with
// `out` unspecified, for any other part or any doubt: the caller then reads
// it through Poco, which gives the result or the error it always gave. Never
// true where Poco would fail: the bytes inflate completely and match the CRC
// that Poco checks.
bool InflateDirect(std::string_view archive, const Poco::Zip::ZipLocalFileHeader& header,
                   size_t cap, std::string* out, size_t* size) {
  using Poco::Zip::ZipCommon;
  std::streamoff start = header.getDataStartPos(), end = header.getDataEndPos();
  if (header.searchCRCAndSizesAfterData() || header.isEncrypted() || header.isDirectory() ||
      start < 0 || end < start || static_cast<size_t>(end) > archive.size() ||
      header.getUncompressedSize() > cap)
    return false;
  std::string_view data =
      archive.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  *size = static_cast<size_t>(header.getUncompressedSize());
  if (out->size() < *size) out->resize(*size);
  if (header.getCompressionMethod() == ZipCommon::CM_STORE) {
    if (data.size() != *size) return false;
    std::copy(data.begin(), data.end(), out->begin());
  } else if (header.getCompressionMethod() != ZipCommon::CM_DEFLATE ||
             !InflateExactly(data, out->data(), *size)) {
    return false;
  }
  return libdeflate_crc32(0, out->data(), *size) == header.getCRC();
}

}  // namespace

ZipPackage::ZipPackage() = default;
ZipPackage::~ZipPackage() = default;

Status ZipPackage::Open(const std::string& bytes, const ZipBudget& budget) {
  budget_ = budget;
  if (bytes.compare(0, kLocalMagic.size(), kLocalMagic) != 0)
    return Status::InvalidInput("not a zip container (no PK\\3\\4 signature)");
  if (!HasEndRecord(bytes))
    return Status::InvalidInput("truncated zip container (no end of central directory record)");
  stream_.str(bytes);
  try {
    archive_ = std::make_unique<ZipArchive>(stream_);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("corrupt zip container: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::InvalidInput(std::string("corrupt zip container: ") + e.what());
  }
  return Status::Ok();
}

bool ZipPackage::Has(const std::string& name) const {
  return archive_ && archive_->findHeader(name) != archive_->headerEnd();
}

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::pair<std::streamoff, std::string>> named;
  if (archive_) {
    for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it)
      named.emplace_back(it->second.getStartPos(), it->first);
  }
  std::sort(named.begin(), named.end());
  std::vector<std::string> names;
  for (auto& [pos, name] : named) names.push_back(std::move(name));
  return names;
}

Status ZipPackage::CheckDeclared(const std::string& name, unsigned long long usize,
                                 unsigned long long csize) const {
  if (usize > budget_.max_part_bytes)
    return Status::InvalidInput(name + ": part declares " + Bytes(usize) + ", over the " +
                                Bytes(budget_.max_part_bytes) + " per-part budget");
  if (usize > kRatioGraceBytes &&
      (csize == 0 ||
       static_cast<double>(usize) / static_cast<double>(csize) > budget_.max_compression_ratio))
    return Status::InvalidInput(name + ": compression ratio " + Bytes(usize) + " / " +
                                Bytes(csize) + " over the budget (zip bomb?)");
  if (usize > budget_.max_total_bytes - std::min(total_read_, budget_.max_total_bytes))
    return Status::InvalidInput(name + ": total uncompressed size over the " +
                                Bytes(budget_.max_total_bytes) + " budget");
  return Status::Ok();
}

Status ZipPackage::Read(const std::string& name, std::string* out) {
  size_t size = 0;
  Status st = ReadInto(name, out, &size);
  out->resize(size);  // only ever shorter
  return st;
}

// On an error `buffer` is left empty and `*size` 0.
Status ZipPackage::ReadInto(const std::string& name, std::string* buffer, size_t* size) {
  Status st = ReadPart(name, buffer, size);
  if (st.ok()) {
    total_read_ += *size;
  } else {
    buffer->clear();
    *size = 0;
  }
  return st;
}

Status ZipPackage::ReadPart(const std::string& name, std::string* buffer, size_t* size) {
  if (!archive_) return Status::Internal(name + ": package not open");
  auto it = archive_->findHeader(name);
  if (it == archive_->headerEnd()) return Status::NotFound(name + ": no such part");
  unsigned long long usize = it->second.getUncompressedSize();
  unsigned long long csize = it->second.getCompressedSize();
  for (auto info = archive_->fileInfoBegin(); info != archive_->fileInfoEnd(); ++info) {
    if (info->first != name) continue;
    usize = std::max<unsigned long long>(usize, info->second.getUncompressedSize());
    csize = std::max<unsigned long long>(csize, info->second.getCompressedSize());
  }
  Status st = CheckDeclared(name, usize, csize);
  if (!st.ok()) return st;
  try {
    return Inflate(name, csize, buffer, size);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput(name + ": corrupt zip entry: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::InvalidInput(name + ": corrupt zip entry: " + e.what());
  }
}

// Reads at most the smallest remaining budget plus one byte; one byte over
// means the entry lied about its size.
Status ZipPackage::Inflate(const std::string& name, unsigned long long csize, std::string* out,
                           size_t* size) {
  const auto& header = archive_->findHeader(name)->second;
  size_t total_left = budget_.max_total_bytes - std::min(total_read_, budget_.max_total_bytes);
  double ratio_cap = std::max(static_cast<double>(kRatioGraceBytes),
                              budget_.max_compression_ratio * static_cast<double>(csize));
  size_t cap = std::min(budget_.max_part_bytes, total_left);
  if (ratio_cap < static_cast<double>(cap)) cap = static_cast<size_t>(ratio_cap);
  if (InflateDirect(stream_.view(), header, cap, out, size)) return Status::Ok();
  out->clear();
  stream_.clear();
  Poco::Zip::ZipInputStream in(stream_, header, true);
  in.exceptions(std::ios::badbit);  // rethrow the Poco exception from the streambuf
  std::string buf(kChunk, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    out->append(buf.data(), static_cast<size_t>(in.gcount()));
    if (out->size() <= cap) continue;
    if (out->size() > budget_.max_part_bytes)
      return Status::InvalidInput(name + ": inflates past the " + Bytes(budget_.max_part_bytes) +
                                  " per-part budget");
    if (out->size() > total_left)
      return Status::InvalidInput(name + ": total uncompressed size over the " +
                                  Bytes(budget_.max_total_bytes) + " budget");
    return Status::InvalidInput(name + ": inflates past " + Bytes(cap) +
                                ", the compression ratio budget (zip bomb?)");
  }
  *size = out->size();
  return Status::Ok();
}

}  // namespace fuhua::docx
