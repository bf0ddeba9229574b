// fuhua compare: the grade of every carrier entity in each year and its
// transition between two years, with the from-grade x to-grade matrix.
#include <algorithm>
#include <iostream>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_option.h"
#include "cli/text_table.h"
#include "exporters/comparison_json.h"
#include "pipeline/rules.h"
#include "store/dataset.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua compare [--db PATH|URL] [--jurisdiction TEXT] [--carrier-type TYPE]\n"
    "                     [--from YEAR] [--to YEAR] [--format table|json]\n"
    "\n"
    "Compares linked carriers across years (run `fuhua ingest` first): per carrier its\n"
    "grade in each year and the transition from --from to --to (default: the earliest and\n"
    "the latest year): new, upgraded, downgraded, unchanged, revoked, dropped (absent from\n"
    "the later list), ungraded; renamed carriers are marked. Ends with the counts and the\n"
    "from-grade x to-grade matrix.\n"
    "\n"
    "  --jurisdiction TEXT  only notices whose jurisdiction code is TEXT or whose\n"
    "                       jurisdiction name contains it (500000, 重庆市, 内蒙古)\n"
    "  --carrier-type TYPE  only records of this carrier type (创业孵化基地, 众创空间...)\n"
    "  --format json        one JSON document (schemas/output/compare.schema.json)\n";

bool InJurisdiction(const RecordRow& r, const std::string& want) {
  if (want.empty()) return true;
  if (r.jurisdiction_code && *r.jurisdiction_code == want) return true;
  return r.jurisdiction_name && r.jurisdiction_name->find(want) != std::string::npos;
}

std::vector<YearGrade> Rows(const Dataset& d, const ParsedArgs& args) {
  std::string jurisdiction = args.Get("--jurisdiction", "");
  std::string type = args.Get("--carrier-type", "");
  std::vector<YearGrade> rows;
  for (const RecordRow& r : d.records) {
    const EntityRow* e = d.EntityOf(r.id, "carrier");
    if (!e || !r.year || !InJurisdiction(r, jurisdiction)) continue;
    if (!type.empty() && r.record.carrier_type.value_or("") != type) continue;
    rows.push_back({e->id, *r.year, r.record.name, r.record.grade.value_or(""),
                    GradeStatusName(r.record.status), r.source_path});
  }
  return rows;
}

std::vector<std::string> GradeOrder() {
  Status st;
  const Rules* rules = DefaultRules(&st);
  return rules ? rules->GradeOrder() : std::vector<std::string>{};
}

void PrintTable(const Comparison& c) {
  std::vector<std::string> header = {"entity", "name"};
  std::set<int> years;
  for (const EntityComparison& e : c.entities)
    for (const auto& [y, g] : e.grades) years.insert(y);
  for (int y : years) header.push_back(std::to_string(y));
  header.push_back("transition");
  TextTable t(header);
  for (const EntityComparison& e : c.entities) {
    std::vector<std::string> row = {e.entity, e.name + (e.renamed ? " (renamed)" : "")};
    for (int y : years) row.push_back(e.grades.count(y) ? (e.grades.at(y).empty() ? "?" : e.grades.at(y)) : "-");
    row.push_back(e.transition);
    t.Add(row);
  }
  std::cout << "compare " << c.from_year << " -> " << c.to_year << ": " << c.entities.size()
            << " carriers\n\n" << t.Render() << "\n";
  for (const auto& [k, n] : c.counts) std::cout << k << ": " << n << "\n";
  std::cout << "renamed: " << c.renamed << "\n\nfrom \\ to (- absent)\n";
  std::set<std::string> cols;
  for (const auto& [from, row] : c.matrix)
    for (const auto& [to, n] : row) cols.insert(to);
  std::vector<std::string> mh = {std::to_string(c.from_year) + " \\ " + std::to_string(c.to_year)};
  mh.insert(mh.end(), cols.begin(), cols.end());
  TextTable m(mh);
  for (const auto& [from, row] : c.matrix) {
    std::vector<std::string> line = {from};
    for (const std::string& to : cols) line.push_back(row.count(to) ? std::to_string(row.at(to)) : "0");
    m.Add(line);
  }
  std::cout << m.Render();
}

}  // namespace

int RunCompare(int argc, char** argv) {
  ParsedArgs args = ParseArgs(argc, argv, 2,
                              {"--db", "--jurisdiction", "--carrier-type", "--from", "--to", "--format"},
                              {"--help"});
  if (args.Has("--help")) return std::cout << kHelp, kExitOk;
  std::string format = args.Get("--format", "table");
  if (!args.error.empty() || !args.positional.empty() || (format != "table" && format != "json")) {
    std::cerr << "fuhua compare: " << (args.error.empty() ? "bad arguments" : args.error) << "\n\n" << kHelp;
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (!OpenStoreOption("compare", args, &store)) return kExitUsage;
  Dataset d;
  Status st = LoadDataset(store.get(), &d);
  if (!st.ok()) return std::cerr << "fuhua compare: " << st.ToString() << "\n", kExitInputErrors;
  Comparison c = CompareYears(Rows(d, args), GradeOrder(), std::atoi(args.Get("--from", "0").c_str()),
                              std::atoi(args.Get("--to", "0").c_str()));
  if (format == "json")
    std::cout << RenderComparisonJson(c);
  else
    PrintTable(c);
  return kExitOk;
}

}  // namespace fuhua
