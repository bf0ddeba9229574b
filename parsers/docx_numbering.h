// Automatic numbering of a .docx (word/numbering.xml): renders the label Word
// shows for a numbered paragraph — the 序号 column of many notice tables is
// generated this way, so its digits are not in the document text at all.
// Supports abstractNum / num, lvlOverride with startOverride, start, lvlText
// with %1..%9 placeholders, lvlRestart, isLgl, and the numFmt values decimal,
// decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter,
// chineseCounting, chineseCountingThousand, chineseLegalSimplified,
// ideographTraditional, ideographZodiac, decimalEnclosedCircle(Chinese),
// decimalFullWidth, ordinal-free 'none' and 'bullet'.
// Usage:
//   DocxNumbering numbering;
//   Status st = numbering.Load(numbering_xml);   // "" = no numbering part
//   std::optional<std::string> label = numbering.Next(num_id, ilvl);  // "1", "一、"
#ifndef FUHUA_PARSERS_DOCX_NUMBERING_H_
#define FUHUA_PARSERS_DOCX_NUMBERING_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace fuhua {

class DocxNumbering {
 public:
  DocxNumbering();
  ~DocxNumbering();
  DocxNumbering(DocxNumbering&&) noexcept;
  DocxNumbering& operator=(DocxNumbering&&) noexcept;

  // Parses the numbering part. Malformed XML is an InvalidInput naming
  // word/numbering.xml and the byte offset; an empty string is no numbering.
  Status Load(std::string_view numbering_xml);

  // The label of the next paragraph numbered (num_id, ilvl), advancing the
  // counters the way Word does. nullopt when num_id is 0 or unknown, or the
  // level's format is 'none'. Bullets return their lvlText character.
  std::optional<std::string> Next(int num_id, int ilvl);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fuhua

#endif  // FUHUA_PARSERS_DOCX_NUMBERING_H_
