// KeepFreedMemoryForReuse (see bulk_memory.h) through glibc's mallopt.
#include "cli/bulk_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fuhua {

void KeepFreedMemoryForReuse() {
#if defined(__GLIBC__)
  constexpr int kTrimThresholdBytes = 64 << 20;
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
#endif
}

}  // namespace fuhua
