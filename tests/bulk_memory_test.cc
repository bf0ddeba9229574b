// KeepFreedMemoryForReuse: freed memory stays in the process for the next
// document. Regression test: the function once compiled to nothing (its
// __GLIBC__ test came before any header defined the macro), and extract and
// ingest faulted ~50 fresh pages in per document for it.
#include "cli/bulk_memory.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fuhua {
namespace {

#if defined(__GLIBC__)
TEST(BulkMemory, FreedMemoryStaysForReuse) {
  ASSERT_TRUE(KeepFreedMemoryForReuse());
  // 16 MiB in blocks below the mmap threshold, so from the heap, freed in
  // reverse: glibc's default (trim past 128 KiB) hands nearly all of it back.
  constexpr size_t kBlock = 64 << 10, kBlocks = 256;
  std::vector<void*> blocks;
  for (size_t i = 0; i < kBlocks; ++i) blocks.push_back(std::malloc(kBlock));
  const size_t grown = mallinfo2().arena;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
  EXPECT_GE(mallinfo2().arena + kBlock, grown) << "the heap was trimmed after the frees";
}
#endif

}  // namespace
}  // namespace fuhua
