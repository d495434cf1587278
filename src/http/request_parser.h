// Internal to src/http: a Beast HTTP/1.x request parser that writes straight
// into an HttpRequest, reusing its strings and header slots from one request to
// the next on a keep-alive connection (no Beast field container in between).
// One parser per request; the HttpRequest outlives it. Not thread-safe.
//
// Failures are Beast error codes from put(): http::error::header_limit when the
// header block exceeds ServerOptions::max_header_bytes, http::error::body_limit
// when the body (declared or chunked) exceeds max_body_bytes, other
// http::error values for malformed input.
#pragma once

#include <utility>  // before any Boost header (Boost 1.74 Asio, g++ 12, C++20)

#include <boost/beast/http/basic_parser.hpp>
#include <algorithm>
#include <cstdint>
#include <limits>

#include "http/http_types.h"

namespace cakupan::http_internal {

class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  RequestParser(HttpRequest& request, size_t max_header_bytes, size_t max_body_bytes)
      : request_(request) {
    header_limit(static_cast<std::uint32_t>(
        std::min<size_t>(max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    body_limit(static_cast<std::uint64_t>(max_body_bytes));
    eager(true);
  }

  int version() const { return version_; }  // 10 or 11

 private:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;

  void on_request_impl(boost::beast::http::verb, string_view method, string_view target,
                       int version, error_code&) override {
    request_.method.assign(method.data(), method.size());
    request_.target.assign(target.data(), target.size());
    request_.body.clear();
    version_ = version;
  }

  void on_response_impl(int, string_view, int, error_code& ec) override {
    ec = boost::beast::http::error::bad_version;  // never called for requests
  }

  void on_field_impl(boost::beast::http::field, string_view name, string_view value,
                     error_code&) override {
    auto& headers = request_.headers;
    if (fields_ == headers.size()) headers.emplace_back();
    auto& [stored_name, stored_value] = headers[fields_++];
    stored_name.assign(name.data(), name.size());
    for (char& c : stored_name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    stored_value.assign(value.data(), value.size());
  }

  void on_header_impl(error_code&) override { request_.headers.resize(fields_); }

  void on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                         error_code&) override {
    // Beast has already refused a length above body_limit.
    if (content_length) request_.body.reserve(static_cast<size_t>(*content_length));
  }

  size_t on_body_impl(string_view body, error_code&) override {
    request_.body.append(body.data(), body.size());
    return body.size();
  }

  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}

  size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code&) override {
    request_.body.append(body.data(), body.size());
    return body.size();
  }

  void on_finish_impl(error_code&) override {}

  HttpRequest& request_;
  size_t fields_ = 0;
  int version_ = 11;
};

}  // namespace cakupan::http_internal
