// Memory settings for the commands that work through many documents
// (extract, ingest): each document allocates and frees the same few hundred
// KiB (the inflated XML part, pugixml's copy and pages, batches of rows), and
// glibc gives the top of its heap back to the system as soon as 128 KiB of it
// are free, so the next document faulted the same pages in again: a tenth of
// an ingest's CPU time. Keeping up to 64 MiB of freed memory for reuse stops
// that; what a run needs at its peak is unchanged. The fuhua program links
// tcmalloc (CMakeLists.txt), which keeps freed memory by itself and takes
// this setting as a no-op; it counts where glibc's malloc is in use (the
// tests, a -DFUHUA_TCMALLOC=OFF build).
//   int RunIngest(...) { KeepFreedMemoryForReuse(); ... }
#ifndef FUHUA_CLI_BULK_MEMORY_H_
#define FUHUA_CLI_BULK_MEMORY_H_

namespace fuhua {

// Process-wide. True when the setting was made; false where the C library
// has no such setting (then it does nothing).
bool KeepFreedMemoryForReuse();

}  // namespace fuhua

#endif  // FUHUA_CLI_BULK_MEMORY_H_
