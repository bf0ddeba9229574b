// The exception boundary of the store: every Store method runs its body
// through GuardStore, which turns Poco (and std) exceptions into a Status
// naming the target and the operation, e.g.
//   io_error: postgresql://u@db/fuhua: write notice a.docx: duplicate key …
#ifndef FUHUA_STORE_STORE_GUARD_H_
#define FUHUA_STORE_STORE_GUARD_H_

#include <functional>
#include <string>

#include "pipeline/status.h"

namespace fuhua {

Status GuardStore(const std::string& target, const std::string& operation,
                  const std::function<Status()>& body);

// A one-line message: database errors (libpq's in particular) span lines.
std::string OneLine(const std::string& message);

}  // namespace fuhua

#endif  // FUHUA_STORE_STORE_GUARD_H_
