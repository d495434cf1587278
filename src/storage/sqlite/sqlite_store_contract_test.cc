// Runs the backend-independent Store contract (storage/store_contract_test.h)
// against real SQLite files. Chunks are kept small (1,000 rows) so that the
// contract's tables cross many chunk boundaries.
#include "storage/store_contract_test.h"

#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/temp_dir.h"

namespace cakupan {
namespace {

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
    return options;
  }
  sqlite::TempDir dir_;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContractTest, ::testing::Types<SqliteStoreFactory>);

}  // namespace
}  // namespace cakupan
