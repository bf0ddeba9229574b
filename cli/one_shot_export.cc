// Implements one_shot_export.h.
#include "cli/one_shot_export.h"

#include <stdlib.h>

#include <filesystem>

#include "exporters/export_formats.h"
#include "store/dataset.h"
#include "store/identity.h"

namespace fuhua {
namespace {

Status StoreAndExport(const std::string& db, const std::vector<Notice>& notices, const std::string& format,
                      const std::string& path, bool excel_bom) {
  std::unique_ptr<Store> store;
  Status st = OpenStore(db, &store);
  for (size_t i = 0; st.ok() && i < notices.size(); ++i) {
    WriteResult w;
    st = store->WriteNotice(notices[i], 0, &w);
  }
  RelinkReport r;
  Dataset d;
  ExportSet set;
  if (st.ok()) st = RelinkStore(store.get(), &r);
  if (st.ok()) st = LoadDataset(store.get(), &d);
  if (st.ok()) st = BuildExportSet(d, ExportFilter{}, &set);
  if (st.ok()) st = WriteExport(set, format, path, excel_bom);
  return st;
}

}  // namespace

bool IsDatasetFormat(const std::string& f) { return f == "xlsx" || f == "csv" || f == "datapackage"; }

Status ExportNotices(const std::vector<Notice>& notices, const std::string& format, const std::string& path,
                     bool excel_bom) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "fuhua_extract.XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Status::IoError("cannot create a temporary folder in /tmp");
  Status st = StoreAndExport(tmpl + "/one-shot.db", notices, format, path, excel_bom);
  std::error_code ec;
  std::filesystem::remove_all(tmpl, ec);
  return st;
}

}  // namespace fuhua
