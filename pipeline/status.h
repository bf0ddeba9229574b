// Status: the project's error value. Every library boundary (Poco exceptions,
// ICU UErrorCode, RE2 ok(), file I/O) converts its failures into a Status, so
// callers handle bad input as data and never by catching.
#ifndef FUHUA_PIPELINE_STATUS_H_
#define FUHUA_PIPELINE_STATUS_H_

#include <string>
#include <utility>

namespace fuhua {

class Status {
 public:
  enum class Code { kOk, kNotFound, kInvalidInput, kUnsupported, kIoError, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // Stable machine-readable name of the code, used as a diagnostic code.
  const char* CodeName() const;
  std::string ToString() const;

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

inline const char* Status::CodeName() const {
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kNotFound: return "not_found";
    case Code::kInvalidInput: return "invalid_input";
    case Code::kUnsupported: return "unsupported";
    case Code::kIoError: return "io_error";
    case Code::kInternal: return "internal";
  }
  return "internal";
}

inline std::string Status::ToString() const {
  return ok() ? std::string("ok") : std::string(CodeName()) + ": " + message_;
}

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_STATUS_H_
