// The --db option shared by the commands that work on a store (ingest, link,
// compare, history, export): a SQLite file path or a postgresql:// URL,
// default $FUHUA_DB, else fuhua.db in the current directory.
#ifndef FUHUA_CLI_STORE_OPTION_H_
#define FUHUA_CLI_STORE_OPTION_H_

#include <memory>
#include <string>

#include "cli/args.h"
#include "store/store.h"

namespace fuhua {

constexpr const char* kDbOptionHelp =
    "  --db PATH|URL    the store: a SQLite file (created on first use) or a\n"
    "                   postgresql://user@host:port/db URL; default $FUHUA_DB, else fuhua.db\n";

std::string DefaultStoreTarget();

// Opens the store of --db; on failure prints "fuhua COMMAND: <error>" on
// stderr and returns false.
bool OpenStoreOption(const char* command, const ParsedArgs& args, std::unique_ptr<Store>* out);

}  // namespace fuhua

#endif  // FUHUA_CLI_STORE_OPTION_H_
