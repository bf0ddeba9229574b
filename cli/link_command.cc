// fuhua link: relinks the store's records into carrier and organisation
// entities, lists the uncertain pairs for review, and records a person's
// decision on a pair (which then survives re-ingest and relinking).
#include <iostream>

#include "cli/args.h"
#include "cli/bulk_memory.h"
#include "cli/commands.h"
#include "cli/store_option.h"
#include "cli/text_table.h"
#include "store/dataset.h"
#include "store/identity.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua link [--db PATH|URL]\n"
    "       fuhua link --review [--db PATH|URL]\n"
    "       fuhua link --accept|--reject RECORD_ID RECORD_ID [--by NAME] [--note TEXT] [--db ...]\n"
    "\n"
    "Without options: relinks every current record (ingest does this too) and prints what\n"
    "was found. --review lists the uncertain pairs the linker left apart, with their record\n"
    "ids, score and reasons. --accept says two records are the same carrier, --reject that\n"
    "they are not; the decision is stored by the records' natural keys (document number or\n"
    "title, carrier type, name key), so it survives re-ingest, and the store is relinked.\n";

void PrintRelink(const RelinkReport& r) { std::cout << FormatRelink(r) << "\n"; }

int Review(const Dataset& d) {
  TextTable t({"record", "name", "year", "record", "name", "year", "score", "why"});
  for (const ReviewRow& v : d.identity.reviews) {
    const RecordRow* a = d.Record(v.record_a);
    const RecordRow* b = d.Record(v.record_b);
    if (!a || !b) continue;
    auto year = [](const RecordRow* r) { return r->year ? std::to_string(*r->year) : "?"; };
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", v.score);
    t.Add({std::to_string(a->id), a->record.name, year(a), std::to_string(b->id), b->record.name, year(b),
           score, v.reason});
  }
  std::cout << PairsToReview(d.identity.reviews.size()) << "\n" << t.Render();
  return kExitOk;
}

int Decide(Store* store, const Dataset& d, const ParsedArgs& args) {
  DecisionRow dr;
  dr.accept = args.Has("--accept");
  dr.decided_by = args.Get("--by", "");
  dr.note = args.Get("--note", "");
  std::string keys[2];
  for (int i = 0; i < 2; ++i) {
    const MemberRow* m = d.MemberOf(std::atoll(args.positional[static_cast<size_t>(i)].c_str()), "carrier");
    if (!m) {
      std::cerr << "fuhua link: no current record " << args.positional[static_cast<size_t>(i)] << "\n";
      return kExitInputErrors;
    }
    keys[i] = m->natural_key;
  }
  dr.a_key = keys[0];
  dr.b_key = keys[1];
  Status st = store->AddDecision(dr);
  RelinkReport r;
  if (st.ok()) st = RelinkStore(store, &r);
  if (!st.ok()) return std::cerr << "fuhua link: " << st.ToString() << "\n", kExitInputErrors;
  std::cout << (dr.accept ? "accepted" : "rejected") << ": records " << args.positional[0] << " and "
            << args.positional[1] << "\n";
  PrintRelink(r);
  return kExitOk;
}

}  // namespace

int RunLink(int argc, char** argv) {
  ParsedArgs args = ParseArgs(argc, argv, 2, {"--db", "--by", "--note"},
                              {"--help", "--review", "--accept", "--reject"});
  if (args.Has("--help")) return std::cout << kHelp, kExitOk;
  bool decide = args.Has("--accept") || args.Has("--reject");
  bool bad = !args.error.empty() || (args.Has("--accept") && args.Has("--reject")) ||
             (decide ? args.positional.size() != 2 : !args.positional.empty());
  if (bad) {
    std::cerr << "fuhua link: " << (args.error.empty() ? "bad arguments" : args.error) << "\n\n" << kHelp;
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (!OpenStoreOption("link", args, &store)) return kExitUsage;
  KeepFreedMemoryForReuse();  // a relink reads and writes the store window by window
  if (!decide && !args.Has("--review")) {
    RelinkReport r;
    Status st = RelinkStore(store.get(), &r);
    if (!st.ok()) return std::cerr << "fuhua link: " << st.ToString() << "\n", kExitInputErrors;
    PrintRelink(r);
    return kExitOk;
  }
  Dataset d;
  Status st = LoadDataset(store.get(), &d);
  if (!st.ok()) return std::cerr << "fuhua link: " << st.ToString() << "\n", kExitInputErrors;
  return decide ? Decide(store.get(), d, args) : Review(d);
}

}  // namespace fuhua
