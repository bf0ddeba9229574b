// Helpers shared by the tests: the repo root and one-call extraction.
#ifndef FUHUA_TESTS_TEST_SUPPORT_H_
#define FUHUA_TESTS_TEST_SUPPORT_H_

#include <string>

#include "parsers/reader.h"
#include "pipeline/extract.h"
#include "pipeline/rules.h"

namespace fuhua::testing {

inline std::string SourcePath(const std::string& rel) { return std::string(FUHUA_SOURCE_DIR) + "/" + rel; }

inline const Rules& TestRules() {
  Status st;
  const Rules* r = DefaultRules(&st);
  if (!r) throw std::runtime_error(st.ToString());
  return *r;
}

// Runs the pipeline on text given inline.
inline Notice ExtractText(const std::string& text, Document* doc_out = nullptr) {
  Notice n;
  Document doc;
  Status st = ExtractBytes("inline.txt", text, &n, &doc);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  if (doc_out) *doc_out = std::move(doc);
  return n;
}

}  // namespace fuhua::testing

#endif  // FUHUA_TESTS_TEST_SUPPORT_H_
