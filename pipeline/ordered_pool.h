// OrderedPool: runs work(i, &result) for the items i = 0..count-1 on `jobs`
// threads and hands the results back in item order, so output does not
// depend on the number of threads. The threads are jobs - 1 workers and the
// consumer itself: while the next result is not ready, Next() works on an
// item not yet started instead of waiting. So `jobs` threads are busy, never
// more (a consumer that only waited beside `jobs` workers would be one more
// thread than cores, and the consumer is the serial stage that must not
// starve), and one job runs everything on the caller's thread. At most
// kWindowPerJob * jobs items are started but not yet taken: memory is
// bounded by the window, whatever `count`.
//   OrderedPool<Notice> pool(files.size(), jobs, [&](size_t i, Notice* n) { ... });
//   while (std::optional<Notice> n = pool.Next()) Write(*n);
// A consumer that hands each result back when done with it (Recycle) has it
// destroyed on the worker thread that made it, not on its own.
// `work` runs on several threads at once and must not throw. Stop() (also
// run by the destructor) lets the workers finish the items they are on;
// Next() then returns nothing more.
#ifndef FUHUA_PIPELINE_ORDERED_POOL_H_
#define FUHUA_PIPELINE_ORDERED_POOL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace fuhua {

template <typename Result>
class OrderedPool {
 public:
  using Work = std::function<void(size_t index, Result* out)>;
  // Items started but not yet taken, per job: enough to ride out a slow
  // item, few enough to keep memory flat.
  static constexpr size_t kWindowPerJob = 4;

  OrderedPool(size_t count, int jobs, Work work)
      : count_(count),
        window_(static_cast<size_t>(std::max(1, jobs)) * kWindowPerJob),
        work_(std::move(work)) {
    recycled_.resize(static_cast<size_t>(std::max(0, jobs - 1)));
    for (int i = 1; i < jobs; ++i)
      workers_.emplace_back([this, i] { Run(static_cast<size_t>(i - 1)); });
  }
  ~OrderedPool() { Stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // The result of the next item in order, once done; nullopt after the last
  // or after Stop().
  std::optional<Result> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (stopping_ || taken_ >= count_) return std::nullopt;
      if (!slots_.empty() && slots_.front().ready) break;
      if (!RunOne(lock)) cv_.wait(lock);
    }
    std::optional<Result> result(std::move(slots_.front().result));
    last_maker_ = slots_.front().maker;
    slots_.pop_front();
    ++taken_;
    lock.unlock();
    cv_.notify_all();
    return result;
  }

  // The result Next() gave last, handed back: destroyed on the worker that
  // made it. The allocator (tcmalloc) keeps a cache of free memory per
  // thread: a result freed on the consumer's thread filled that cache while
  // the worker's ran dry, so every allocation of the worker's next notice
  // went to the shared lists for memory last touched by the other core
  // (allocation 9% of the perf samples of an ingest with two jobs; 7% since).
  void Recycle(Result&& done) {
    if (last_maker_ < 0) return;  // made here: `done` is destroyed here
    std::lock_guard<std::mutex> lock(mu_);
    recycled_[static_cast<size_t>(last_maker_)].push_back(std::move(done));
  }

  // Workers finish the item they are on, start no other, and are joined.
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

 private:
  struct Slot {
    Result result{};
    bool ready = false;
    int maker = -1;  // the worker that made it; -1: the consumer
  };

  // Starts the next item, if any and within the window, and does it with
  // `lock` released; false when there was none to start. `maker`: the
  // worker running it, -1 for the consumer.
  bool RunOne(std::unique_lock<std::mutex>& lock, int maker = -1) {
    if (stopping_ || next_ >= count_ || next_ - taken_ >= window_) return false;
    slots_.emplace_back();
    Slot* slot = &slots_.back();  // a deque keeps references on push_back and pop_front
    slot->maker = maker;
    size_t index = next_++;
    lock.unlock();
    work_(index, &slot->result);
    lock.lock();
    slot->ready = true;
    cv_.notify_all();
    return true;
  }

  void Run(size_t me) {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_ && next_ < count_) {
      FreeRecycled(me, lock);
      if (!RunOne(lock, static_cast<int>(me))) cv_.wait(lock);
    }
  }

  // Destroys what the consumer handed back of worker `me`'s results, with
  // `lock` released.
  void FreeRecycled(size_t me, std::unique_lock<std::mutex>& lock) {
    if (recycled_[me].empty()) return;
    std::vector<Result> dead;
    dead.swap(recycled_[me]);
    lock.unlock();
    dead.clear();
    lock.lock();
  }

  const size_t count_;
  const size_t window_;
  const Work work_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Slot> slots_;  // items [taken_, taken_ + slots_.size()), in order
  size_t next_ = 0;         // the next item to start
  size_t taken_ = 0;        // items handed out by Next()
  bool stopping_ = false;
  int last_maker_ = -1;                       // of the result Next() gave last
  std::vector<std::vector<Result>> recycled_;  // per worker (Recycle)
  std::vector<std::thread> workers_;  // last: started once the rest is set up
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_ORDERED_POOL_H_
