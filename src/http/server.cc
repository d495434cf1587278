#include "http/server.h"

#include <utility>  // before any Boost header (Boost 1.74 Asio, g++ 12, C++20)

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/connection.h"

namespace cakupan {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

// Runs `context` until it is stopped. An exception escaping a completion
// handler (none should: handlers' exceptions are caught per request) is
// reported and the loop resumes, so one bad connection cannot stop a thread.
void RunContext(net::io_context& context) {
  for (;;) {
    try {
      context.run();
      return;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "cakupan http: %s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "cakupan http: unknown exception\n");
    }
  }
}

// Errors of accept() that mean "out of resources for now": wait before the
// next accept instead of spinning.
bool IsResourceExhaustion(const error_code& ec) {
  return ec == net::error::no_descriptors || ec == net::error::no_buffer_space ||
         ec == net::error::no_memory || ec == std::errc::too_many_files_open_in_system;
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, HttpHandler handler)
      : options_(std::move(options)), handler_(std::move(handler)) {}

  Status Start();
  uint16_t port() const { return port_.load(); }
  void Stop();
  void WaitForSignal();

 private:
  using WorkGuard = net::executor_work_guard<net::io_context::executor_type>;

  void Accept();
  void OnAccept(const error_code& ec, tcp::socket socket);
  // The executor for the next connection: round-robin over the contexts, or
  // a new strand on the shared context.
  net::any_io_executor NextExecutor();

  const ServerOptions options_;
  const HttpHandler handler_;

  std::mutex stop_mutex_;  // serialises Stop() calls
  std::mutex mutex_;       // guards the fields below
  bool started_ = false;
  bool stopped_ = false;
  net::io_context* signal_context_ = nullptr;  // WaitForSignal()'s, while it waits

  // Written by Start(), torn down by Stop(); used by the accept handler in
  // between (which only runs on the first context's thread or strand).
  std::vector<std::unique_ptr<net::io_context>> contexts_;
  std::vector<WorkGuard> work_guards_;
  std::unique_ptr<tcp::acceptor> acceptor_;
  std::unique_ptr<net::steady_timer> retry_timer_;
  std::vector<std::thread> threads_;
  size_t next_context_ = 0;
  std::atomic<uint16_t> port_{0};
};

Status HttpServer::Impl::Start() {
  std::lock_guard lock(mutex_);
  if (started_ || stopped_) return Status::FailedPrecondition("the server was already started");

  int threads = options_.threads > 0 ? options_.threads
                                     : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  if (options_.context_per_thread) {
    for (int i = 0; i < threads; ++i) contexts_.push_back(std::make_unique<net::io_context>(1));
  } else {
    contexts_.push_back(std::make_unique<net::io_context>(threads));
  }

  std::string where = options_.bind + ":" + std::to_string(options_.port);
  auto fail = [&](Status status) {
    acceptor_.reset();
    contexts_.clear();
    return status;
  };
  error_code ec;
  tcp::endpoint endpoint;
  net::ip::address address = net::ip::make_address(options_.bind, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, options_.port);
  } else {  // a host name such as "localhost"
    tcp::resolver resolver(*contexts_[0]);
    auto results = resolver.resolve(options_.bind, std::to_string(options_.port),
                                    tcp::resolver::passive, ec);
    if (ec || results.empty()) {
      return fail(Status::InvalidArgument("cannot listen on " + where + ": unknown address"));
    }
    endpoint = results.begin()->endpoint();
  }

  acceptor_ = std::make_unique<tcp::acceptor>(*contexts_[0]);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (ec == net::error::address_in_use) {
    return fail(Status::IoError("port " + std::to_string(options_.port) + " is in use (" +
                                where + ")"));
  }
  if (!ec) acceptor_->listen(options_.backlog, ec);
  if (ec) return fail(Status::IoError("cannot listen on " + where + ": " + ec.message()));
  port_ = acceptor_->local_endpoint(ec).port();

  retry_timer_ = std::make_unique<net::steady_timer>(*contexts_[0]);
  Accept();  // before any thread runs: nothing else touches the acceptor yet
  for (auto& context : contexts_) work_guards_.push_back(net::make_work_guard(*context));
  for (int i = 0; i < threads; ++i) {
    net::io_context& context = *contexts_[options_.context_per_thread ? i : 0];
    threads_.emplace_back([&context] { RunContext(context); });
  }
  started_ = true;
  return Status::Ok();
}

net::any_io_executor HttpServer::Impl::NextExecutor() {
  if (!options_.context_per_thread) return net::make_strand(*contexts_[0]);
  size_t index = next_context_++ % contexts_.size();
  return contexts_[index]->get_executor();
}

void HttpServer::Impl::Accept() {
  acceptor_->async_accept(NextExecutor(), [this](const error_code& ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(const error_code& ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_->is_open()) return;
  if (ec) {
    if (IsResourceExhaustion(ec)) {
      // Out of descriptors: existing connections go on; try again shortly.
      retry_timer_->expires_after(std::chrono::milliseconds(100));
      retry_timer_->async_wait([this](const error_code& wait_ec) {
        if (!wait_ec) Accept();
      });
      return;
    }
    Accept();  // e.g. the client reset before the accept completed
    return;
  }
  http_internal::ServeConnection(std::move(socket), options_, handler_);
  Accept();
}

void HttpServer::Impl::Stop() {
  std::lock_guard stop_lock(stop_mutex_);
  {
    std::lock_guard lock(mutex_);
    if (signal_context_ != nullptr) signal_context_->stop();
    if (stopped_) return;
    stopped_ = true;
    if (!started_) return;
  }
  for (auto& context : contexts_) context->stop();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
  // No thread runs now. Destroying the acceptor cancels the pending accept;
  // destroying a context destroys its pending handlers and with them the
  // connections they own, which closes their sockets. The first context goes
  // first: its pending accept may hold a socket of another context.
  retry_timer_.reset();
  acceptor_.reset();
  work_guards_.clear();
  for (auto& context : contexts_) context.reset();
  contexts_.clear();
}

void HttpServer::Impl::WaitForSignal() {
  net::io_context signal_context(1);
  net::signal_set signals(signal_context, SIGINT, SIGTERM);
  signals.async_wait([](const error_code&, int) {});
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    signal_context_ = &signal_context;
  }
  signal_context.run();  // returns after a signal, or when Stop() stops it
  {
    std::lock_guard lock(mutex_);
    signal_context_ = nullptr;
  }
  Stop();
}

HttpServer::HttpServer(ServerOptions options, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { impl_->Stop(); }

Status HttpServer::Start() { return impl_->Start(); }
uint16_t HttpServer::port() const { return impl_->port(); }
void HttpServer::Stop() { impl_->Stop(); }
void HttpServer::WaitForSignal() { impl_->WaitForSignal(); }

}  // namespace cakupan
