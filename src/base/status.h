// Status and Result<T>: how every fallible call in cakupan reports failure.
//
// Expected failures (a bad cell, an unknown region code, a file that does not
// open) are values, never exceptions. A Status is either OK or carries a code
// from a small closed set and a human-readable message. Result<T> holds either
// a T or a non-OK Status. Both are cheap to move and safe to copy; neither is
// thread-safe for concurrent mutation (like any value type).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cakupan {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller passed something malformed
  kNotFound,            // a named thing (region, file, period) does not exist
  kAlreadyExists,       // a unique thing exists already
  kFailedPrecondition,  // the state does not allow it (e.g. no regions loaded)
  kIoError,             // the operating system refused (open, read, write)
  kCorruption,          // stored data is not what we wrote
  kDataError,           // input data is structurally unusable (missing column)
  kInternal,            // a bug
};

// Returns a stable lowercase name, e.g. "invalid_argument".
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // An optional finer machine-readable reason within the code, stable for
  // clients ("stale", "no_data", "no_boundaries"); "" when none.
  const std::string& reason() const { return reason_; }
  Status WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }
  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string reason_;
};

// Either a value or a non-OK Status. Constructing a Result from an OK Status is
// a bug (asserted in debug builds).
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace cakupan

// Evaluates a Status expression and returns it from the enclosing function if
// it is not OK.
#define CAKUPAN_RETURN_IF_ERROR(expr)              \
  do {                                             \
    ::cakupan::Status _st = (expr);                \
    if (!_st.ok()) return _st;                     \
  } while (0)

#define CAKUPAN_CONCAT_INNER(a, b) a##b
#define CAKUPAN_CONCAT(a, b) CAKUPAN_CONCAT_INNER(a, b)
// Declares `lhs` from a Result expression, or returns its Status.
#define CAKUPAN_ASSIGN_OR_RETURN(lhs, expr)                          \
  auto CAKUPAN_CONCAT(_res_, __LINE__) = (expr);                     \
  if (!CAKUPAN_CONCAT(_res_, __LINE__).ok())                         \
    return CAKUPAN_CONCAT(_res_, __LINE__).status();                 \
  lhs = std::move(CAKUPAN_CONCAT(_res_, __LINE__)).value()
