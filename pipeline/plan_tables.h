// Plan tables (issue 7): carrier lists and property lists with milestones
// (seed 004), and per-area target tables (seed 002).
#ifndef FUHUA_PIPELINE_PLAN_TABLES_H_
#define FUHUA_PIPELINE_PLAN_TABLES_H_

#include <string>
#include <vector>

namespace fuhua {

struct PlanTables {
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_PLAN_TABLES_H_
