// LoadOnce: a process-wide object built on first use (rule files, the
// gazetteer, the normalisers), shared by every thread. The load runs once,
// under std::call_once; its Status is handed to every caller, so a broken
// rule file is reported each time it is asked for, never half-loaded.
//   const Rules* DefaultRules(Status* st) { return LoadOnce<Rules>(st, LoadFresh<Rules, LoadRules>); }
#ifndef FUHUA_PIPELINE_LOAD_ONCE_H_
#define FUHUA_PIPELINE_LOAD_ONCE_H_

#include <memory>
#include <mutex>

#include "pipeline/status.h"

namespace fuhua {

// `load` fills the unique_ptr (Status load(std::unique_ptr<T>*)). Each call
// site (each distinct `load`) has its own object.
template <typename T, typename Load>
const T* LoadOnce(Status* status, Load load) {
  static Status load_status;
  static std::unique_ptr<T> value;
  static std::once_flag once;
  std::call_once(once, [&] { load_status = load(&value); });
  *status = load_status;
  return load_status.ok() ? value.get() : nullptr;
}

// Adapts `Status Load(T*)`, which fills a default-constructed T, to LoadOnce.
template <typename T, Status (*Load)(T*)>
Status LoadFresh(std::unique_ptr<T>* out) {
  auto value = std::make_unique<T>();
  Status st = Load(value.get());
  *out = std::move(value);
  return st;
}

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_LOAD_ONCE_H_
