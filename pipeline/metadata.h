// Notice-metadata stage: reads the header and signature block of a notice
// (title, document number, issuing bodies, publication date, evaluation year
// or plan period, jurisdiction) from the document's paragraphs. The patterns
// and word lists are data in schemas/notice_metadata.json.
//
// Example:
//   fuhua::NoticeMetadata meta;
//   std::vector<fuhua::Diagnostic> diags;
//   fuhua::ExtractMetadata(doc, {"2021年市级创业孵化基地年度绩效评估优秀等级"}, &meta, &diags);
//   // meta.title     == "关于公布2021年市级创业孵化基地（园区）年度绩效评估等级的通知"
//   // meta.doc_number == "渝人社〔2021〕415号", meta.published == "2021-11-24"
//
// What is recognised (paragraph = one Paragraph block, tables are skipped):
//  - title: the first paragraph opening with 关于 (or with issuing bodies then
//    关于) among the first paragraphs before the first table, joined with the
//    next ones (3 in all at most) until it ends with a document-type word.
//  - doc_number: a paragraph before the first table that is only a document
//    number (渝人社〔2021〕415号); numbers cited in prose are never taken.
//  - published: the first paragraph after the title that is only a date, in
//    Arabic or Chinese numerals; print lines (…2023年8月29日印发) are not dates.
//  - issuers: issuing bodies in the header (before the title, run-together
//    names split) and in the signature (right before the date, else right
//    before the first annex heading or table); deduplicated, first-seen order.
//  - year: from the title (a range sets the period), else from the table
//    captions, else the publication year.
//  - jurisdiction: the place prefix of the first issuer, else the province
//    abbreviation opening the document number.
#ifndef FUHUA_PIPELINE_METADATA_H_
#define FUHUA_PIPELINE_METADATA_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/notice.h"

namespace fuhua {

// Replaces the content of `meta` with what is found in `doc`. `table_captions` are the captions of
// the document's tables in order (empty strings allowed); they supply the year when the title has
// none. Fields that are not found stay nullopt / empty and each gets an info diagnostic
// ("no_title", "no_doc_number", "no_issuers", "no_publication_date", "no_year", "no_jurisdiction");
// a date-shaped paragraph with an impossible date gets a warning ("date_invalid"). When the rule
// file cannot be loaded, one error diagnostic "rules_invalid" is appended and `meta` is left
// untouched. Never aborts on any input. Thread-safe: the rules are compiled once, on first use.
void ExtractMetadata(const Document& doc, const std::vector<std::string>& table_captions,
                     NoticeMetadata* meta, std::vector<Diagnostic>* diagnostics);

// Compiles the rules now instead of at the first notice (PreloadPipeline).
void PreloadMetadataRules();

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_METADATA_H_
