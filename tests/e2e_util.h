// Helpers for end-to-end tests: run the cakupan binary, read CSV files back
// with a minimal independent parser, and make temporary directories.
#pragma once

#include <string>
#include <vector>

namespace cakupan::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CAKUPAN_BINARY with `args` (each single-quoted for the shell).
RunResult Cakupan(const std::vector<std::string>& args, const std::string& env = "");

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& tag);
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Parses a CSV file (RFC 4180 quotes, a leading UTF-8 BOM skipped) into rows
// of fields; the first row is the header.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path, char sep = ',');
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

std::string SourceDir();

// `cakupan ... serve --port 0` as a child process; the constructor waits for
// the "Dasbor: http://127.0.0.1:PORT/" line, the destructor stops it.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& args);
  ~ServerProcess();
  bool ok() const { return port_ != 0; }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  const std::string& output() const { return output_; }

 private:
  int pid_ = -1;
  int port_ = 0;
  std::string output_;
};

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string Header(const std::string& name) const;
};

// One request on a fresh connection to 127.0.0.1:port ("Connection: close").
HttpResult HttpGet(int port, const std::string& target, const std::string& method = "GET");
// The same with a body (Content-Length) and extra header lines, each
// "Name: value" without CRLF.
HttpResult HttpSend(int port, const std::string& method, const std::string& target, const std::string& body,
                    const std::vector<std::string>& headers);

}  // namespace cakupan::e2e
