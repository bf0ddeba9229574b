// OrderedPool (pipeline/ordered_pool.h): results come back in item order
// whatever the number of threads and however long each item takes, no item
// starts more than the window ahead of the consumer, and one job runs the
// work on the consumer's own thread; a result handed back (Recycle) is
// destroyed on the thread that made it.
#include "pipeline/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

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

// Records the thread that made it and the one that destroyed it (a moved-from
// value records nothing).
struct Traced {
  static std::mutex mu;
  static std::vector<std::pair<std::thread::id, std::thread::id>> made_freed;
  std::thread::id maker;
  bool live = false;
  Traced() = default;
  Traced(Traced&& o) noexcept : maker(o.maker), live(std::exchange(o.live, false)) {}
  Traced& operator=(Traced&& o) noexcept {
    maker = o.maker;
    live = std::exchange(o.live, false);
    return *this;
  }
  ~Traced() {
    if (!live) return;
    std::lock_guard<std::mutex> lock(mu);
    made_freed.emplace_back(maker, std::this_thread::get_id());
  }
};
std::mutex Traced::mu;
std::vector<std::pair<std::thread::id, std::thread::id>> Traced::made_freed;

TEST(OrderedPoolTest, RecycledResultsAreFreedWhereTheyWereMade) {
  const std::thread::id consumer = std::this_thread::get_id();
  Traced::made_freed.clear();
  const size_t count = 400;
  {
    OrderedPool<Traced> pool(count, 3, [](size_t i, Traced* out) {
      std::this_thread::sleep_for(std::chrono::microseconds(i % 5 == 0 ? 200 : 20));
      out->maker = std::this_thread::get_id();
      out->live = true;
    });
    while (std::optional<Traced> r = pool.Next()) pool.Recycle(std::move(*r));
  }
  ASSERT_EQ(Traced::made_freed.size(), count);  // each once, none lost
  size_t by_workers = 0;
  for (const auto& [maker, freed] : Traced::made_freed) {
    if (maker == consumer) {
      EXPECT_EQ(freed, consumer);  // made here: freed here
    }
    // A worker's: freed by that worker, or by the consumer once the worker
    // has no item left to start (the pool's end).
    if (freed != consumer) {
      EXPECT_EQ(freed, maker);
      ++by_workers;
    }
  }
  EXPECT_GT(by_workers, count / 4);
}

}  // namespace
}  // namespace fuhua
