// The checksum stored beside every column chunk, so that a chunk damaged on
// disk (or edited by hand) is reported as kCorruption instead of being
// loaded. It detects accidents, not tampering: it is not cryptographic.
//
// "FNV-1a/64x4" (docs/storage.md gives the exact steps and a Python version):
// FNV-1a/64 applied to 64-bit little-endian words instead of bytes, in four
// interleaved lanes so that the multiplications overlap, each lane rotated
// after its multiplication so that high bits feed back into low ones; the
// lanes, the byte length and the 0-31 tail bytes (byte-wise FNV-1a) are then
// combined and finished with the MurmurHash3 64-bit finalizer. It runs at
// memory speed, where byte-wise FNV-1a would cost about 0.5 s per 10 M-row
// registry, most of the load budget. The value is part of the file format:
// never change it (a new algorithm needs a new migration). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cakupan::sqlite {

uint64_t ChunkChecksum(const void* data, size_t size);

}  // namespace cakupan::sqlite
