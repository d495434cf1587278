#include "http/connection.h"

#include <utility>  // before any Boost header (Boost 1.74 Asio, g++ 12, C++20)

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "base/i18n.h"
#include "http/request_parser.h"
#include "http/response_head.h"

namespace cakupan::http_internal {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr size_t kReadChunk = 8 * 1024;
// After an error response or "Connection: close": how long and how much of the
// client's remaining input is read and dropped before the socket is closed.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr size_t kLingerMaxBytes = 1 << 20;
// Request and response bodies larger than this are not kept for the next
// request on the connection.
constexpr size_t kKeepCapacity = 64 * 1024;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const ServerOptions& options, const HttpHandler& handler)
      : stream_(std::move(socket)), options_(options), handler_(handler) {}

  void Start() {
    beast::error_code ignored;
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    stream_.expires_after(options_.request_timeout);  // the first request, from the accept
    ReadRequest();
  }

 private:
  void ReadRequest() {
    parser_.emplace(request_, options_.max_header_bytes, options_.max_body_bytes);
    if (buffer_.size() > 0) {  // a pipelined request is already here
      receiving_ = true;
      stream_.expires_after(options_.request_timeout);
      ParseBuffered();
      return;
    }
    receiving_ = false;
    if (!first_request_) stream_.expires_after(options_.idle_timeout);
    ReadSome();
  }

  void ReadSome() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->OnRead(ec, n);
                            });
  }

  void OnRead(beast::error_code ec, size_t n) {
    // End of stream, reset, timeout (Beast has closed the socket) or stop: the
    // connection ends when this, its last reference, returns.
    if (ec) return;
    buffer_.commit(n);
    if (!receiving_) {
      receiving_ = true;
      if (!first_request_) stream_.expires_after(options_.request_timeout);
    }
    ParseBuffered();
  }

  void ParseBuffered() {
    beast::error_code ec;
    size_t used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == beast::http::error::need_more) {
      ReadSome();
    } else if (ec) {
      FailRequest(ec);
    } else if (!parser_->is_done()) {
      ReadSome();  // in the middle of the body
    } else {
      Respond();
    }
  }

  void FailRequest(beast::error_code ec) {
    if (ec == beast::http::error::header_limit) {
      response_ = HttpResponse::Error(
          431, "too_large", Tr("request header too large", "kepala permintaan terlalu besar"));
    } else if (ec == beast::http::error::body_limit) {
      response_ = HttpResponse::Error(
          413, "too_large", Tr("request body too large", "isi permintaan terlalu besar"));
    } else {
      response_ = HttpResponse::Error(
          400, "bad_request", Tr("malformed HTTP request", "permintaan HTTP rusak"));
    }
    keep_alive_ = false;
    http10_ = false;
    head_request_ = false;
    Write();
  }

  void Respond() {
    first_request_ = false;
    keep_alive_ = parser_->keep_alive();
    http10_ = parser_->version() == 10;
    head_request_ = request_.method == "HEAD";
    if (!ParseTarget(request_.target, &request_.path, &request_.query)) {
      response_ = HttpResponse::Error(
          400, "bad_request",
          Tr("malformed request target", "alamat permintaan rusak"));
    } else {
      try {
        response_ = handler_(request_);
      } catch (const std::exception& e) {
        response_ = HttpResponse::Error(500, "internal", e.what());
      } catch (...) {
        response_ = HttpResponse::Error(500, "internal", "unknown exception");
      }
    }
    Write();
  }

  void Write() {
    head_.clear();
    AppendResponseHead(response_, keep_alive_, http10_, &head_);
    head_written_ = 0;
    body_size_ = !head_request_ && StatusAllowsBody(response_.status) ? response_.body.size() : 0;
    body_written_ = 0;
    WriteSome();
  }

  // One write_some at a time, so that the deadline is renewed whenever the
  // client takes some bytes: a slow reader of a large file is fine, a client
  // that stops reading is dropped after request_timeout.
  void WriteSome() {
    std::array<net::const_buffer, 2> buffers = {
        net::buffer(head_.data() + head_written_, head_.size() - head_written_),
        net::buffer(response_.body.data() + body_written_, body_size_ - body_written_)};
    stream_.expires_after(options_.request_timeout);
    stream_.async_write_some(buffers,
                             [self = shared_from_this()](beast::error_code ec, size_t n) {
                               self->OnWrite(ec, n);
                             });
  }

  void OnWrite(beast::error_code ec, size_t n) {
    if (ec) return;
    size_t to_head = std::min(n, head_.size() - head_written_);
    head_written_ += to_head;
    body_written_ += n - to_head;
    if (head_written_ < head_.size() || body_written_ < body_size_) {
      WriteSome();
      return;
    }
    if (response_.body.capacity() > kKeepCapacity) response_.body = std::string();
    if (request_.body.capacity() > kKeepCapacity) request_.body = std::string();
    if (!keep_alive_) {
      Linger();
      return;
    }
    ReadRequest();
  }

  // Half-closes and drains what the client still sends, so that closing does
  // not turn into a reset that destroys the response in the client's buffers.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(kLingerTimeout);
    buffer_.clear();
    LingerRead();
  }

  void LingerRead() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec) return;
                              self->lingered_ += n;
                              if (self->lingered_ > kLingerMaxBytes) return;
                              self->LingerRead();
                            });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const ServerOptions& options_;
  const HttpHandler& handler_;

  HttpRequest request_;                    // reused across the connection's requests
  std::optional<RequestParser> parser_;    // one per request
  HttpResponse response_;
  std::string head_;                       // the response's status line and headers
  size_t head_written_ = 0;
  size_t body_size_ = 0;                   // bytes of response_.body to send (0 for HEAD)
  size_t body_written_ = 0;
  size_t lingered_ = 0;

  bool first_request_ = true;  // the deadline still runs from the accept
  bool receiving_ = false;     // a byte of the current request has arrived
  bool keep_alive_ = false;
  bool http10_ = false;
  bool head_request_ = false;
};

}  // namespace

void ServeConnection(tcp::socket socket, const ServerOptions& options, const HttpHandler& handler) {
  // The accept may complete on another thread than the one that runs the
  // socket's executor: start there.
  net::any_io_executor executor = socket.get_executor();
  auto connection = std::make_shared<Connection>(std::move(socket), options, handler);
  net::dispatch(executor, [connection = std::move(connection)] { connection->Start(); });
}

}  // namespace cakupan::http_internal
