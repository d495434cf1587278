// RejectsPathFor and WriteRejectsFile: the rejects file beside an input.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "base/i18n.h"
#include "ingest/readers.h"

namespace cakupan {

namespace {

// RFC 4180: quoted when it holds a comma, quote, line break or outer blanks.
void AppendCsvField(std::string* out, std::string_view v) {
  const bool quote = v.find_first_of(",\"\r\n;\t") != std::string_view::npos ||
                     (!v.empty() && (v.front() == ' ' || v.back() == ' ' || v.front() == '\t' || v.back() == '\t'));
  if (!quote) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

std::string RejectsPathFor(const std::string& input_path) {
  const std::filesystem::path in(input_path);
  std::filesystem::path out = in.parent_path() / (in.stem().string() + ".rejects.csv");
  return out.string();
}

Result<std::string> WriteRejectsFile(const std::string& input_path, const ReadReport& report) {
  const std::string path = RejectsPathFor(input_path);
  if (report.rejections.empty()) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    if (ec) return Status::IoError(path + ": " + Tr("cannot remove: ", "tidak dapat dihapus: ") + ec.message());
    return std::string();
  }
  std::vector<const Rejection*> sorted;
  sorted.reserve(report.rejections.size());
  for (const Rejection& r : report.rejections) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Rejection* a, const Rejection* b) { return a->line < b->line; });

  // Written beside the target and renamed over it: a reader never sees half a file.
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    const int err = errno;
    return Status::IoError(tmp + ": " + Tr("cannot create: ", "tidak dapat dibuat: ") + std::strerror(err));
  }
  // The input's dialect is mirrored: a file Excel saved with ';' (Indonesian
  // locale) or with a BOM gets a rejects file the same Excel opens in columns.
  const char sep = report.delimiter == ';' || report.delimiter == '\t' ? report.delimiter : ',';
  std::string buf = report.had_bom ? "\xEF\xBB\xBF" : "";
  buf += Tr("line,column,reason,value", "baris,kolom,alasan,nilai");
  if (sep != ',') std::replace(buf.begin(), buf.end(), ',', sep);
  buf.push_back('\n');
  bool ok = true;
  for (const Rejection* r : sorted) {
    buf += std::to_string(r->line);
    buf.push_back(sep);
    AppendCsvField(&buf, r->column);
    buf.push_back(sep);
    AppendCsvField(&buf, r->reason);
    buf.push_back(sep);
    AppendCsvField(&buf, r->value);
    buf.push_back('\n');
    if (buf.size() >= (1u << 20)) {
      ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
      buf.clear();
    }
  }
  ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    const int err = errno;
    std::remove(tmp.c_str());
    return Status::IoError(tmp + ": " + Tr("write error: ", "gagal menulis: ") + std::strerror(err));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": " + Tr("cannot write: ", "tidak dapat ditulis: ") + ec.message());
  }
  return path;
}

}  // namespace cakupan
