// Test helper: reads the entries of a .zip archive held in memory (enough to
// look inside .xlsx workbooks: stored or deflated entries, no zip64). Used
// only by tests; header-only so that it never enters a library.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <string>

namespace cakupan::testing_zip {

inline uint32_t Le32(const std::string& s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}
inline uint16_t Le16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

// Entry name -> uncompressed content; empty map when `zip` is not a readable
// archive.
inline std::map<std::string, std::string> ReadZip(const std::string& zip) {
  std::map<std::string, std::string> out;
  if (zip.size() < 22) return out;
  size_t eocd = std::string::npos;
  for (size_t i = zip.size() - 22 + 1; i-- > 0;) {
    if (Le32(zip, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) return out;
  const uint16_t entries = Le16(zip, eocd + 10);
  size_t p = Le32(zip, eocd + 16);
  for (uint16_t e = 0; e < entries; ++e) {
    if (p + 46 > zip.size() || Le32(zip, p) != 0x02014b50) return {};
    const uint16_t method = Le16(zip, p + 10);
    const uint32_t csize = Le32(zip, p + 20), usize = Le32(zip, p + 24);
    const uint16_t nlen = Le16(zip, p + 28), xlen = Le16(zip, p + 30), clen = Le16(zip, p + 32);
    const uint32_t local = Le32(zip, p + 42);
    const std::string name = zip.substr(p + 46, nlen);
    p += 46 + nlen + xlen + clen;
    if (local + 30 > zip.size() || Le32(zip, local) != 0x04034b50) return {};
    const size_t data = local + 30 + Le16(zip, local + 26) + Le16(zip, local + 28);
    if (data + csize > zip.size()) return {};
    if (method == 0) {
      out[name] = zip.substr(data, csize);
      continue;
    }
    if (method != 8) return {};
    std::string buf(usize, '\0');
    z_stream z;
    std::memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return {};
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
    z.avail_in = csize;
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = usize;
    const int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return {};
    out[name] = std::move(buf);
  }
  return out;
}

}  // namespace cakupan::testing_zip
