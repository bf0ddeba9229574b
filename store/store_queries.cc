// Store read-back: runs, the quarantine list, counts, notices and records
// (see store.h). Orders that depend on text collation are applied here, not
// in SQL, so SQLite (byte order) and PostgreSQL (the database's collation)
// return the same order.
#include <algorithm>

#include "store/notice_read.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_guard.h"

namespace fuhua {
namespace {

// LoadRecords reads in pages so the driver never holds every record at once.
constexpr int64_t kRecordPage = 5000;

int64_t CountOf(SqlSession* db, const std::string& from_where) {
  return db->QueryInt("SELECT COUNT(*) FROM " + from_where).value_or(0);
}

std::vector<NoticeRow> QueryNotices(SqlSession* db, const std::string& where,
                                    const std::vector<SqlValue>& values) {
  SqlRows rows = db->Query(
      std::string("SELECT ") + kNoticeColumns + " FROM notices n WHERE " + where + " ORDER BY n.id",
      values);
  std::vector<NoticeRow> out;
  while (rows.Next()) out.push_back(ReadNotice(rows));
  return out;
}

QuarantineEntry ReadQuarantine(const SqlRows& rows) {
  QuarantineEntry e;
  if (!rows.IsNull(0)) e.run_id = rows.Int(0);
  e.path = rows.Text(1);
  e.sha256 = rows.OptText(2);
  e.error = rows.Text(3);
  e.quarantined_at = rows.Text(4);
  return e;
}

// The WHERE clause of a record filter (after the paging condition).
std::string RecordConditions(const RecordFilter& f, std::vector<SqlValue>* values) {
  std::string where;
  if (f.current_only) where += " AND n.superseded_by IS NULL";
  if (f.notice_id) {
    where += " AND r.notice_id = ?";
    values->emplace_back(std::in_place_type<int64_t>, *f.notice_id);
  }
  if (f.carrier_type) {
    where += " AND r.carrier_type = ?";
    values->emplace_back(std::in_place_type<std::string>, *f.carrier_type);
  }
  if (f.year) {
    where += " AND n.year = ?";
    values->emplace_back(std::in_place_type<int64_t>, *f.year);
  }
  return where;
}

}  // namespace

Status Store::LoadRun(int64_t run_id, RunRow* run) {
  return GuardStore(target_, "load run " + std::to_string(run_id), [&] {
    SqlRows rows = db_->Query(
        "SELECT id, command, fuhua_version, started_at, finished_at, files_seen, files_new, "
        "files_unchanged, files_failed, records_added, checks_failed FROM ingest_runs WHERE id = ?",
        {run_id});
    if (!rows.Next())
      return Status::NotFound(target_ + ": no ingest run " + std::to_string(run_id));
    *run = RunRow{rows.Int(0), {rows.Text(1), rows.Text(2)}, rows.Text(3), rows.OptText(4), {}};
    RunSummary& s = run->summary;
    s.files_seen = static_cast<int>(rows.Int(5));
    s.files_new = static_cast<int>(rows.Int(6));
    s.files_unchanged = static_cast<int>(rows.Int(7));
    s.files_failed = static_cast<int>(rows.Int(8));
    s.records_added = rows.Int(9);
    s.checks_failed = static_cast<int>(rows.Int(10));
    return Status::Ok();
  });
}

Status Store::LoadQuarantine(int64_t run_id, std::vector<QuarantineEntry>* entries) {
  return GuardStore(target_, "load quarantine", [&] {
    std::string sql = "SELECT run_id, path, sha256, error, quarantined_at FROM quarantine";
    std::vector<SqlValue> values;
    if (run_id > 0) {
      sql += " WHERE run_id = ?";
      values.emplace_back(std::in_place_type<int64_t>, run_id);
    }
    SqlRows rows = db_->Query(sql + " ORDER BY id", values);
    entries->clear();
    while (rows.Next()) entries->push_back(ReadQuarantine(rows));
    return Status::Ok();
  });
}

Status Store::Count(StoreCounts* c) {
  return GuardStore(target_, "count", [&] {
    SqlSession* db = db_.get();
    c->notices = CountOf(db, "notices");
    c->current_notices = CountOf(db, "notices WHERE superseded_by IS NULL");
    c->tables = CountOf(db, "notice_tables");
    c->records = CountOf(db, "records");
    c->current_records =
        CountOf(db, "records r JOIN notices n ON n.id = r.notice_id WHERE n.superseded_by IS NULL");
    c->checks = CountOf(db, "checks");
    c->failed_checks = CountOf(db, "checks WHERE ok = 0");
    c->diagnostics = CountOf(db, "diagnostics");
    c->runs = CountOf(db, "ingest_runs");
    c->quarantined = CountOf(db, "quarantine");
    return Status::Ok();
  });
}

Status Store::CurrentFiles(std::vector<std::pair<std::string, std::string>>* path_sha256) {
  return GuardStore(target_, "list current files", [&] {
    path_sha256->clear();
    ForEachIdWindow(db_.get(), "notices", "id", 10000, [&](int64_t after, int64_t upto) {
      SqlRows rows = db_->Query(
          "SELECT source_path, sha256 FROM notices WHERE id > ? AND id <= ? AND superseded_by IS NULL",
          {after, upto});
      while (rows.Next()) path_sha256->emplace_back(rows.Text(0), rows.Text(1));
    });
    return Status::Ok();
  });
}

Status Store::CurrentNotices(std::vector<NoticeRow>* notices) {
  return GuardStore(target_, "list current notices", [&] {
    *notices = QueryNotices(db_.get(), "n.superseded_by IS NULL", {});
    std::stable_sort(notices->begin(), notices->end(), [](const NoticeRow& a, const NoticeRow& b) {
      return a.source_path < b.source_path;
    });
    return Status::Ok();
  });
}

Status Store::NoticeHistory(const std::string& source_path, std::vector<NoticeRow>* versions) {
  return GuardStore(target_, "notice history " + source_path, [&] {
    *versions = QueryNotices(db_.get(), "n.source_path = ?", {source_path});
    std::stable_sort(versions->begin(), versions->end(),
                     [](const NoticeRow& a, const NoticeRow& b) { return a.version < b.version; });
    return Status::Ok();
  });
}

Status Store::FindNoticeBySha(const std::string& sha256, NoticeRow* notice) {
  return GuardStore(target_, "find notice " + sha256, [&] {
    std::vector<NoticeRow> found = QueryNotices(db_.get(), "n.sha256 = ?", {sha256});
    if (found.empty()) return Status::NotFound(target_ + ": no notice with sha256 " + sha256);
    auto current = std::find_if(found.begin(), found.end(),
                                [](const NoticeRow& n) { return !n.superseded_by; });
    *notice = current != found.end() ? *current : found.back();
    return Status::Ok();
  });
}

Status Store::LoadRecords(const RecordFilter& filter, std::vector<RecordRow>* records) {
  return GuardStore(target_, "load records", [&] {
    records->clear();
    int64_t after = 0;
    for (;;) {
      std::vector<SqlValue> values = {after};
      std::string where = RecordConditions(filter, &values);
      SqlRows rows = db_->Query(std::string("SELECT ") + kRecordColumns +
                                    " FROM records r JOIN notices n ON n.id = r.notice_id"
                                    " WHERE r.id > ?" +
                                    where + " ORDER BY r.id LIMIT " + std::to_string(kRecordPage),
                                values);
      while (rows.Next()) records->push_back(ReadRecord(rows));
      if (static_cast<int64_t>(rows.size()) < kRecordPage) return Status::Ok();
      after = records->back().id;
    }
  });
}

Status Store::LoadChecks(std::vector<CheckRow>* checks) {
  return GuardStore(target_, "load checks", [&] {
    checks->clear();
    SqlRows rows = db_->Query(std::string("SELECT ") + kCheckColumns +
                              " FROM checks c JOIN notices n ON n.id = c.notice_id"
                              " WHERE n.superseded_by IS NULL ORDER BY c.notice_id, c.check_index");
    while (rows.Next()) checks->push_back(ReadCheck(rows));
    return Status::Ok();
  });
}

Status Store::LoadDiagnostics(std::vector<DiagnosticRow>* diagnostics) {
  return GuardStore(target_, "load diagnostics", [&] {
    diagnostics->clear();
    SqlRows rows = db_->Query(std::string("SELECT ") + kDiagnosticColumns +
                              " FROM diagnostics c JOIN notices n ON n.id = c.notice_id"
                              " WHERE n.superseded_by IS NULL ORDER BY c.notice_id, c.diagnostic_index");
    while (rows.Next()) diagnostics->push_back(ReadDiagnostic(rows));
    return Status::Ok();
  });
}

}  // namespace fuhua
