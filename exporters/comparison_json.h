// JSON of a cross-year comparison (pipeline/compare.h), as printed by
// `fuhua compare --format json`; schema: schemas/output/compare.schema.json.
#ifndef FUHUA_EXPORTERS_COMPARISON_JSON_H_
#define FUHUA_EXPORTERS_COMPARISON_JSON_H_

#include <string>

#include "pipeline/compare.h"

namespace fuhua {

std::string RenderComparisonJson(const Comparison& c);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_COMPARISON_JSON_H_
