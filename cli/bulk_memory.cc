// KeepFreedMemoryForReuse (see bulk_memory.h) through glibc's mallopt.
#include "cli/bulk_memory.h"

// Any C library header defines __GLIBC__; the test below needs one first.
// (Without it the function compiled to nothing, silently, until a page-fault
// count of an extract showed it.)
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fuhua {

bool KeepFreedMemoryForReuse() {
#if defined(__GLIBC__)
  constexpr int kTrimThresholdBytes = 64 << 20;
  return mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes) == 1;
#else
  return false;
#endif
}

}  // namespace fuhua
