// `fuhua extract --format xlsx|csv|datapackage`: the dataset formats of
// `fuhua export` for a one-shot run without a store. The notices go through a
// throwaway SQLite store in a temporary folder (the same write, link and
// export path as a real store, so the output is the same), which is removed
// afterwards.
#ifndef FUHUA_CLI_ONE_SHOT_EXPORT_H_
#define FUHUA_CLI_ONE_SHOT_EXPORT_H_

#include <string>
#include <vector>

#include "pipeline/notice.h"
#include "pipeline/status.h"

namespace fuhua {

bool IsDatasetFormat(const std::string& format);  // xlsx | csv | datapackage

Status ExportNotices(const std::vector<Notice>& notices, const std::string& format, const std::string& path,
                     bool excel_bom);

}  // namespace fuhua

#endif  // FUHUA_CLI_ONE_SHOT_EXPORT_H_
