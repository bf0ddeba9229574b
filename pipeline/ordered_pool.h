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
    for (int i = 1; i < jobs; ++i) workers_.emplace_back([this] { Run(); });
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
    slots_.pop_front();
    ++taken_;
    lock.unlock();
    cv_.notify_all();
    return result;
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
  };

  // Starts the next item, if any and within the window, and does it with
  // `lock` released; false when there was none to start.
  bool RunOne(std::unique_lock<std::mutex>& lock) {
    if (stopping_ || next_ >= count_ || next_ - taken_ >= window_) return false;
    slots_.emplace_back();
    Slot* slot = &slots_.back();  // a deque keeps references on push_back and pop_front
    size_t index = next_++;
    lock.unlock();
    work_(index, &slot->result);
    lock.lock();
    slot->ready = true;
    cv_.notify_all();
    return true;
  }

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_ && next_ < count_)
      if (!RunOne(lock)) cv_.wait(lock);
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
  std::vector<std::thread> workers_;  // last: started once the rest is set up
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_ORDERED_POOL_H_
