// OrderedPool (pipeline/ordered_pool.h): results come back in item order
// whatever the number of threads and however long each item takes, no item
// starts more than the window ahead of the consumer, and one job runs the
// work on the consumer's own thread.
#include "pipeline/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace fuhua {
namespace {

TEST(OrderedPoolTest, ResultsComeInItemOrder) {
  for (int jobs : {1, 2, 3, 8}) {
    for (size_t count : {0u, 1u, 5u, 100u}) {
      SCOPED_TRACE("jobs " + std::to_string(jobs) + ", count " + std::to_string(count));
      OrderedPool<size_t> pool(count, jobs, [](size_t i, size_t* out) {
        // Later items finish first when they overlap.
        std::this_thread::sleep_for(std::chrono::microseconds((i % 3 == 0) ? 300 : 0));
        *out = i * i;
      });
      size_t seen = 0;
      while (std::optional<size_t> r = pool.Next()) {
        EXPECT_EQ(*r, seen * seen);
        ++seen;
      }
      EXPECT_EQ(seen, count);
    }
  }
}

TEST(OrderedPoolTest, NoItemStartsMoreThanTheWindowAhead) {
  const int jobs = 2;
  std::atomic<size_t> taken{0}, furthest{0};
  OrderedPool<int> pool(200, jobs, [&](size_t i, int* out) {
    furthest = std::max<size_t>(furthest, i);
    // `taken` is counted just after Next() returns: it may lag the pool's by one.
    EXPECT_LE(i, taken + jobs * OrderedPool<int>::kWindowPerJob) << "item " << i;
    *out = 0;
  });
  while (pool.Next()) {
    ++taken;
    std::this_thread::sleep_for(std::chrono::microseconds(50));  // a slow consumer
  }
  EXPECT_EQ(taken, 200u);
  EXPECT_EQ(furthest, 199u);
}

TEST(OrderedPoolTest, OneJobWorksOnTheConsumersThread) {
  const std::thread::id consumer = std::this_thread::get_id();
  OrderedPool<bool> pool(
      3, 1, [&](size_t, bool* here) { *here = std::this_thread::get_id() == consumer; });
  while (std::optional<bool> here = pool.Next()) EXPECT_TRUE(*here);
}

TEST(OrderedPoolTest, StopEndsEarlyAndNextThenReturnsNothingNew) {
  std::atomic<int> ran{0};
  OrderedPool<int> pool(1000, 2, [&](size_t, int* out) {
    ++ran;
    *out = 1;
  });
  ASSERT_TRUE(pool.Next());
  pool.Stop();
  EXPECT_LT(ran.load(), 1000);
  EXPECT_FALSE(pool.Next());
}

}  // namespace
}  // namespace fuhua
