#include "linkage_fixture.h"

#include <cstdio>
#include <vector>

#include "e2e_util.h"

namespace cakupan::e2e {

namespace {

constexpr const char* kRegions =
    "kode,nama\n17,Bengkulu\n17.04,Kabupaten Kaur\n17.04.01,Kec A\n17.04.02,Kec B\n"
    "17.04.01.2001,Desa A1\n17.04.01.2002,Desa A2\n17.04.02.2001,Desa B1\n17.04.02.2002,Desa B2\n";

const char* const kFirst[] = {"Agus", "Budi", "Siti", "Dewi", "Rina", "Joko", "Wahyu", "Putri", "Eko", "Sri",
                              "Ahmad", "Nur", "Yanti", "Rudi", "Lina", "Hendra", "Fitri", "Bayu", "Indah", "Dedi"};
const char* const kLast[] = {"Santoso", "Lestari", "Wijaya", "Saputra", "Rahayu", "Hidayat", "Kurniawan", "Pratama",
                             "Susanti", "Setiawan", "Handayani", "Gunawan", "Permata", "Nugroho", "Utami"};
const char* const kVillages[] = {"17.04.01.2001", "17.04.01.2002", "17.04.02.2001", "17.04.02.2002"};

struct Person {
  std::string nik, name, village, sex, birth;
};

// Deterministic background person k.
Person Background(int k) {
  Person p;
  const bool woman = k % 2 == 1;
  const int day = 1 + k % 28, month = 1 + (k / 28) % 12, year = 1960 + (k * 7) % 45;
  const char* district = k % 4 < 2 ? "170401" : "170402";
  char nik[17];
  std::snprintf(nik, sizeof nik, "%s%02d%02d%02d%04d", district, day + (woman ? 40 : 0), month, year % 100, 1 + k % 9000);
  p.nik = nik;
  p.name = std::string(kFirst[(k * 13) % 20]) + " " + kLast[(k * 7 + k / 20) % 15];
  p.village = kVillages[k % 4];
  p.sex = woman ? "P" : "L";
  char birth[11];
  std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, month, day);
  p.birth = birth;
  return p;
}

std::string WorkerRow(const Person& p) { return p.nik + "," + p.name + "," + p.sex + "," + p.birth + "," + p.village + "\n"; }
std::string MemberRow(const std::string& nik, const std::string& name, const std::string& region) {
  return "2024-11," + nik + "," + name + ",,BPU,aktif,,,,," + region + "\n";
}

}  // namespace

std::string BuildLinkageDatabase(const std::string& dir, const std::string& db) {
  WriteFile(dir + "/wilayah.csv", kRegions);
  std::string workers = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa\n";
  std::string members = "periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,kode_wilayah\n";
  for (int k = 0; k < 1500; ++k) {
    const Person p = Background(k);
    if (k % 10 < 7) workers += WorkerRow(p);                          // 70% enumerated
    if (k % 10 >= 4) members += MemberRow(p.nik, p.name, p.village);  // 60% members: 30% both
  }
  // Hand case 1.
  workers += "1704011505880012,H. Moch. Soekarno,L,1988-05-15,17.04.01.2001\n";
  members += MemberRow("1704011505880021", "MUHAMMAD SUKARNO", "17.04.01.2001");
  // Hand case 2, with two employers (two PU memberships that differ only by
  // NPP: re-sorting them under the worker's key needs the NPP).
  workers += ",Dewi Anggraini Lestari,P,1995-07-20,17.04.01.2002\n";
  members += "2024-11,1704016007950031,DEWI ANGGRAINI LESTARI,,PU,aktif,,,NPP0001,,17.04.01.2002\n";
  members += "2024-11,1704016007950031,DEWI ANGGRAINI LESTARI,,PU,aktif,,,NPP0002,,17.04.01.2002\n";
  // Hand case 3 (must stay apart).
  workers += "1704011505880044,Rahmat Hidayat,L,1988-05-15,17.04.01.2001\n";
  WriteFile(dir + "/pekerja.csv", workers);
  WriteFile(dir + "/kepesertaan.csv", members);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--db", db, "import", "regions", dir + "/wilayah.csv"},
           {"--db", db, "import", "workers", dir + "/pekerja.csv"},
           {"--db", db, "import", "members", dir + "/kepesertaan.csv", "--period", "2024-11"}}) {
    RunResult r = Cakupan(args);
    if (r.exit_code != 0) return args[2] + " " + args[3] + ": " + r.err;
  }
  return "";
}

}  // namespace cakupan::e2e
