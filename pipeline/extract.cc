// Wires the stages of the extraction pipeline (see extract.h).
#include "pipeline/extract.h"

#include <openssl/evp.h>

#include <new>
#include <thread>

#include "parsers/reader.h"
#include "pipeline/checks.h"
#include "pipeline/data_tables_stage.h"
#include "pipeline/indicator_rules.h"
#include "pipeline/indicator_system_stage.h"
#include "pipeline/plan_tables_stage.h"
#include "pipeline/grade_records.h"
#include "pipeline/merges.h"
#include "pipeline/metadata.h"
#include "pipeline/normalise.h"
#include "pipeline/plan_rules.h"
#include "pipeline/rules.h"
#include "pipeline/table_layout.h"

namespace fuhua {
namespace {

ReaderOptions MakeReaderOptions(const Rules& rules, const ExtractOptions& options) {
  ReaderOptions o;
  o.docx.include_deletions = options.include_deletions;
  o.text.table_terminators = rules.table_terminators;
  o.text.total_row_labels = rules.total_row_label_texts;
  return o;
}

void RunStages(const Rules& rules, const Normaliser& normaliser, Document* doc, Notice* notice) {
  notice->tables = AnalyzeTableLayout(*doc, rules);
  if (doc->format == "text")
    for (TableInfo& info : notice->tables)
      InferVerticalMerges(rules, &std::get<Table>(doc->blocks[info.block]), &info);
  std::vector<std::string> captions;
  for (const TableInfo& info : notice->tables) captions.push_back(info.caption.value_or(""));
  ExtractMetadata(*doc, captions, &notice->meta, &notice->diagnostics);
  ClassifyTables(*doc, rules, notice);
  ExtractGradeRecords(*doc, rules, notice);
  NormaliseNotice(normaliser, notice);
  BuildDataTables(*doc, rules, notice);
  ReadIndicatorSystems(*doc, rules, notice);
  ReadPlanTables(*doc, rules, notice);
  RunChecks(*doc, rules, notice);
}

}  // namespace

// OpenSSL rather than Poco::SHA2Engine: Poco's portable C took ~60
// instructions a byte, 3.5% of an ingest; OpenSSL's SHA-NI code a few.
std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw std::bad_alloc();  // EVP_Digest fails only when it cannot allocate its context
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

Status ExtractBytes(const std::string& source, const std::string& bytes, Notice* notice,
                    Document* doc, const ExtractOptions& options) {
  return ExtractBytes(source, bytes, Sha256Hex(bytes), notice, doc, options);
}

Status ExtractBytes(const std::string& source, const std::string& bytes, const std::string& sha256,
                    Notice* notice, Document* doc, const ExtractOptions& options) {
  Status st;
  const Rules* rules = DefaultRules(&st);
  if (!rules) return st;
  Normaliser normaliser;
  st = DefaultNormaliser(&normaliser);
  if (!st.ok()) return st;
  notice->source = source;
  doc->source = source;
  st = ReadDocument(bytes, MakeReaderOptions(*rules, options), doc);
  if (!st.ok()) return st;
  notice->format = doc->format;
  notice->sha256 = sha256;
  RunStages(*rules, normaliser, doc, notice);
  return Status::Ok();
}

void PreloadPipeline() {
  std::jthread normalisers([] {
    Normaliser n;
    (void)DefaultNormaliser(&n);
  });
  Status st;
  (void)DefaultRules(&st);
  (void)DefaultIndicatorRules(&st);
  (void)DefaultPlanRules(&st);
  PreloadMetadataRules();
}

Status ExtractFile(const std::string& path, Notice* notice, const ExtractOptions& options) {
  notice->source = path;
  std::string bytes;
  Status st = LoadFile(path, ReaderOptions().max_file_bytes, &bytes);
  if (!st.ok()) return st;
  Document doc;
  return ExtractBytes(path, bytes, notice, &doc, options);
}

}  // namespace fuhua
