// The zip container of a .docx (OPC package) behind a small adapter: Poco::Zip
// reads the local headers and the central directory, and every part is
// inflated under three budgets (bytes per part, total bytes, compression
// ratio) checked against the declared sizes BEFORE inflating and enforced
// again on the bytes actually produced, so a lying header cannot get past.
// Poco exceptions never leave this file: they become a Status naming the part.
#ifndef FUHUA_PARSERS_DOCX_ZIP_H_
#define FUHUA_PARSERS_DOCX_ZIP_H_

#include <cstddef>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace Poco::Zip {
class ZipArchive;
}

namespace fuhua::docx {

struct ZipBudget {
  size_t max_part_bytes = 64u << 20;
  size_t max_total_bytes = 256u << 20;
  double max_compression_ratio = 200.0;
};

// Parts below this size are never rejected for their compression ratio (small
// repetitive XML legitimately compresses well; a bomb needs volume).
inline constexpr size_t kRatioGraceBytes = 1u << 20;

class ZipPackage {
 public:
  ZipPackage();
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // Parses the container. Errors: not a zip, truncated or corrupt zip.
  Status Open(const std::string& bytes, const ZipBudget& budget);

  bool Has(const std::string& name) const;
  // Part names in archive order.
  std::vector<std::string> Names() const;

  // Inflates one part into `out`. NotFound when absent; InvalidInput for a
  // budget exceeded or a corrupt entry. Every message starts with `name`.
  Status Read(const std::string& name, std::string* out);
  // The same into the first `*size` bytes of `buffer`, which is grown when
  // shorter, never shortened: a string grown from empty writes its whole new
  // size in zeros first, which the inflate then overwrites (1.5% of the
  // instructions of an ingest of .docx). See XmlPart::TakeBuffer.
  Status ReadInto(const std::string& name, std::string* buffer, size_t* size);

 private:
  Status CheckDeclared(const std::string& name, unsigned long long usize,
                       unsigned long long csize) const;
  Status ReadPart(const std::string& name, std::string* buffer, size_t* size);  // ReadInto's work
  Status Inflate(const std::string& name, unsigned long long csize, std::string* out, size_t* size);

  ZipBudget budget_;
  std::istringstream stream_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  size_t total_read_ = 0;
};

}  // namespace fuhua::docx

#endif  // FUHUA_PARSERS_DOCX_ZIP_H_
