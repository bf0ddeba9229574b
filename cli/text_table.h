// Plain-text tables for the console: columns padded by display width, so
// CJK text (two cells per character) lines up with Latin text.
//   TextTable t({"id", "名称", "2021"});
//   t.Add({"C1", "重庆微企梦工场", "合格"});
//   std::cout << t.Render();
#ifndef FUHUA_CLI_TEXT_TABLE_H_
#define FUHUA_CLI_TEXT_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text_util.h"  // DisplayWidth

namespace fuhua {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string Render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // rows_[0] is the header
};

}  // namespace fuhua

#endif  // FUHUA_CLI_TEXT_TABLE_H_
