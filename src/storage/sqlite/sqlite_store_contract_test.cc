// Runs the backend-independent Store contract (storage/store_contract_test.h)
// against real SQLite files, once with every write through the WAL and once
// with large-table writes through a rollback journal. Chunks are kept small
// (1,000 rows) so that the contract's tables cross many chunk boundaries.
#include "storage/store_contract_test.h"

#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/temp_dir.h"

namespace cakupan {
namespace {

// `kBulk`: every large-table write tries the rollback-journal path
// (bulk_write.h); otherwise the tables stay below its threshold and every
// write goes through the WAL.
template <bool kBulk>
class SqliteStoreFactory {
 public:
  Result<std::unique_ptr<Store>> OpenFresh() { return OpenSqliteStore(dir_.File("cakupan.db"), Options()); }
  Result<std::unique_ptr<Store>> Reopen() {
    SqliteStoreOptions options = Options();
    options.create_if_missing = false;
    return OpenSqliteStore(dir_.File("cakupan.db"), options);
  }

 private:
  static SqliteStoreOptions Options() {
    SqliteStoreOptions options;
    options.rows_per_chunk = 1000;
    options.bulk_write_min_bytes = kBulk ? 0 : -1;
    return options;
  }
  sqlite::TempDir dir_;
};

using Factories = ::testing::Types<SqliteStoreFactory<false>, SqliteStoreFactory<true>>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContractTest, Factories);

}  // namespace
}  // namespace cakupan
