// fuhua: turns published notices grading incubation carriers into clean data.
// This file only dispatches to the subcommands in cli/*_command.cc.
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

const char kUsage[] =
    "usage: fuhua <command> [options]\n"
    "\n"
    "Turns published notices that grade incubation carriers (创业孵化基地, 科技企业孵化器,\n"
    "众创空间...) into grade records with provenance and self-checks.\n"
    "\n"
    "commands:\n"
    "  extract FILE... [--format json|jsonl] [-o PATH]\n"
    "                 extract metadata, tables, grade records, checks and diagnostics\n"
    "  inspect FILE   show the blocks and every table as a grid, with spans, header roles\n"
    "                 and table kind\n"
    "  ingest PATH... [--db PATH|URL] [--jobs N] [--quiet]\n"
    "                 store the notices of files and folders into the consolidated store\n"
    "                 (SQLite file or PostgreSQL); files already stored are skipped\n"
    "  link [--review | --accept|--reject RECORD RECORD]\n"
    "                 relink carriers across notices; review and settle uncertain pairs\n"
    "  compare [--from YEAR] [--to YEAR] [--jurisdiction TEXT] [--format table|json]\n"
    "                 grade transitions of every carrier between two years\n"
    "  history NAME   one carrier's records across notices, found by any of its names\n"
    "  export --format xlsx|json|jsonl|csv|datapackage -o PATH\n"
    "                 the store's datasets for people and for other systems\n"
    "\n"
    "  fuhua CMD --help   options of one command\n"
    "  fuhua --version    print the version\n"
    "\n"
    "exit codes: 0 success, 1 some inputs had errors (the others were processed),\n"
    "            2 usage error\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return fuhua::kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return fuhua::kExitOk;
  }
  if (cmd == "--version") {
    std::cout << "fuhua " FUHUA_VERSION "\n";
    return fuhua::kExitOk;
  }
  if (cmd == "extract") return fuhua::RunExtract(argc, argv);
  if (cmd == "inspect") return fuhua::RunInspect(argc, argv);
  if (cmd == "ingest") return fuhua::RunIngest(argc, argv);
  if (cmd == "link") return fuhua::RunLink(argc, argv);
  if (cmd == "compare") return fuhua::RunCompare(argc, argv);
  if (cmd == "history") return fuhua::RunHistory(argc, argv);
  if (cmd == "export") return fuhua::RunExport(argc, argv);
  std::cerr << "fuhua: unknown command '" << cmd << "'\n\n" << kUsage;
  return fuhua::kExitUsage;
}
