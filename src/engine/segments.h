// Canonical order, segment merging and import diffs for the two large tables.
//
// Storage keeps the worker registry and each period's membership extract as
// sorted segments (storage/store.h); these functions put a freshly read batch
// into canonical order, merge segments on read (newest wins per key) and work
// out what an import changes. Pure functions over values; thread-compatible.
//
// Keys: workers by nik; memberships by (nik, segment, npp bytes).
#pragma once

#include <cstdint>
#include <vector>

#include "domain/tables.h"

namespace cakupan {

// Reorders a batch whose keys are unique into canonical (key) order. Takes
// the table by value and permutes one column at a time, so the extra memory
// is one column plus the sort's buffers.
WorkerTable CanonicalWorkers(WorkerTable batch);
MembershipTable CanonicalMembers(MembershipTable batch);

// Concatenates tables with the same loaded columns (occupation dictionaries
// are unified).
WorkerTable ConcatWorkers(std::vector<WorkerTable> parts);
MembershipTable ConcatMembers(std::vector<MembershipTable> parts);

// Merges canonical segments given oldest first into one canonical table; for
// a key present in several segments the newest segment's row wins. With more
// than one segment the key columns must be loaded (workers: nik; members:
// nik, segment and npp).
WorkerTable MergeWorkerSegments(std::vector<WorkerTable> segments);
MembershipTable MergeMemberSegments(std::vector<MembershipTable> segments);

template <typename Table>
struct UpsertDiff {
  Table delta;            // canonical: the incoming rows that are new or differ
  int64_t inserted = 0;   // keys not in `existing`
  int64_t updated = 0;    // keys in `existing` with a different row
  int64_t unchanged = 0;  // keys in `existing` with an identical row
};

// Compares canonical `incoming` against canonical `existing` (both with every
// column loaded).
UpsertDiff<WorkerTable> DiffWorkers(const WorkerTable& existing, const WorkerTable& incoming);
UpsertDiff<MembershipTable> DiffMembers(const MembershipTable& existing, const MembershipTable& incoming);

// Orders two membership rows (possibly of different tables) by key: <0, 0, >0.
int CompareMemberKeys(const MembershipTable& a, size_t i, const MembershipTable& b, size_t j);

}  // namespace cakupan
