// CSV rendering of one export table (exporters/export_tables.h), RFC 4180:
// a header row of column names, then one line per row; a field is quoted
// when it holds a comma, a double quote, CR or LF, and quotes inside are
// doubled. UTF-8, CRLF line ends, optionally a UTF-8 byte order mark.
//   std::string bytes = RenderCsv(set.records, /*excel_bom=*/false);
// Cells are written in one fixed, locale-independent form (CellText), which
// the JSON renderers share so every format prints a number the same way.
#ifndef FUHUA_EXPORTERS_CSV_WRITER_H_
#define FUHUA_EXPORTERS_CSV_WRITER_H_

#include <string>
#include <string_view>

#include "exporters/export_tables.h"

namespace fuhua {

// The UTF-8 byte order mark written first when excel_bom is set.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The whole file: optional BOM, header, rows; every line ends in CRLF.
std::string RenderCsv(const ExportTable& t, bool excel_bom);

// The text of one cell, unquoted: "" for empty, integers without decimals,
// numbers in the shortest fixed notation that reads back to the same double
// (never an exponent, "." as decimal point whatever the locale; NaN and
// infinities as ""), booleans as true / false, strings as they are.
std::string CellText(const ExportCell& cell);

// The shortest fixed-notation text of a finite double ("0.3", "12", "-1.5");
// -0 prints as "0". "" for NaN and infinities.
std::string FormatNumber(double v);

// `field` as one RFC 4180 field: quoted only when it must be.
std::string CsvField(std::string_view field);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_CSV_WRITER_H_
