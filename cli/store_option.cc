// Implements the --db option (store_option.h).
#include "cli/store_option.h"

#include <cstdlib>
#include <iostream>

namespace fuhua {

std::string DefaultStoreTarget() {
  const char* env = std::getenv("FUHUA_DB");
  return env && *env ? env : "fuhua.db";
}

bool OpenStoreOption(const char* command, const ParsedArgs& args, std::unique_ptr<Store>* out) {
  std::string target = args.Get("--db", DefaultStoreTarget());
  Status st = OpenStore(target, out);
  if (st.ok()) return true;
  std::cerr << "fuhua " << command << ": cannot open store " << target << ": " << st.ToString() << "\n";
  return false;
}

}  // namespace fuhua
