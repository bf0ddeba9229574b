// JSON and JSON Lines rendering of extracted notices, in the shape described
// by schemas/output/extract.schema.json (whole run) and notice.schema.json
// (one notice per line). Field order is fixed so output is deterministic.
#ifndef FUHUA_EXPORTERS_NOTICE_JSON_H_
#define FUHUA_EXPORTERS_NOTICE_JSON_H_

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/notice.h"

namespace fuhua {

struct InputError {
  std::string source;
  std::string code;
  std::string message;
};

// {"fuhua_version", "notices": [...], "errors": [...]}, pretty-printed.
std::string RenderJson(const std::vector<Notice>& notices, const std::vector<InputError>& errors);

// Writes the same document as RenderJson (or JSON Lines) one notice at a
// time, so memory stays flat however many notices a run has.
class NoticeStream {
 public:
  NoticeStream(std::ostream* out, bool jsonl);
  void Add(const Notice& notice);
  void Finish(const std::vector<InputError>& errors);

 private:
  std::ostream* out_;
  bool jsonl_;
  bool started_ = false;
  int count_ = 0;
};

// One compact notice object (no trailing newline), for JSON Lines.
std::string RenderNoticeLine(const Notice& notice);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_NOTICE_JSON_H_
