// Names of the Notice enums as they appear in every output format.
#include "pipeline/notice.h"

namespace fuhua {

int TableInfo::Role(const std::string& role) const {
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == role) return static_cast<int>(i);
  return -1;
}

const char* SeverityName(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::kError: return "error";
    case Diagnostic::Severity::kWarning: return "warning";
    case Diagnostic::Severity::kInfo: return "info";
  }
  return "warning";
}

const char* TableKindName(TableKind k) { return k == TableKind::kGradeList ? "grade_list" : "other"; }

const char* GradeStatusName(GradeStatus s) {
  switch (s) {
    case GradeStatus::kGraded: return "graded";
    case GradeStatus::kRevoked: return "revoked";
    case GradeStatus::kDeferred: return "deferred";
    case GradeStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* RegionKindName(RegionKind k) {
  switch (k) {
    case RegionKind::kDivision: return "division";
    case RegionKind::kFunctionalZone: return "functional_zone";
    case RegionKind::kUnit: return "unit";
    case RegionKind::kUnknown: return "unknown";
  }
  return "unknown";
}

RegionKind ParseRegionKind(const std::string& name) {
  for (RegionKind k : {RegionKind::kDivision, RegionKind::kFunctionalZone, RegionKind::kUnit})
    if (name == RegionKindName(k)) return k;
  return RegionKind::kUnknown;
}

}  // namespace fuhua
