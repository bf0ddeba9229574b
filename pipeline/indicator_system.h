// The evaluation indicator system of a notice (issue 7, seed 003): a tree of
// level-1/2/3 indicators with weights, and the bonus and veto rules.
#ifndef FUHUA_PIPELINE_INDICATOR_SYSTEM_H_
#define FUHUA_PIPELINE_INDICATOR_SYSTEM_H_

#include <string>
#include <vector>

namespace fuhua {

struct IndicatorSystem {
  int table = -1;  // index into Notice::tables
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_INDICATOR_SYSTEM_H_
