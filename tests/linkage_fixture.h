// The data set of the end-to-end tests of linkage and review
// (linkage_e2e_test.cc, review_api_e2e_test.cc): a registry whose
// NIKs and names were mistyped and an extract of period 2024-11 over eight
// villages of Kabupaten Kaur.
//
// 1,500 background persons give the model data to estimate from (exact-NIK
// pairs, persons only in the registry or only in the extract); hand cases:
//  1. "H. Moch. Soekarno" / "MUHAMMAD SUKARNO": two serial digits swapped,
//     old spelling and a title; same birth date, sex and village.
//  2. "Dewi Anggraini Lestari": no NIK in the registry; in the extract a
//     woman's NIK (day + 40) with two PU memberships (two employers, NPP
//     NPP0001 and NPP0002); same name, birth date and village.
//  3. "Rahmat Hidayat": same birth date and village as case 1, another name
//     and serial: a different man who must stay apart.
#pragma once

#include <string>

namespace cakupan::e2e {

// Writes wilayah.csv, pekerja.csv and kepesertaan.csv into `dir` and imports
// them into the database `db` with the cakupan binary. Returns "" on
// success, else the failing command's stderr.
std::string BuildLinkageDatabase(const std::string& dir, const std::string& db);

}  // namespace cakupan::e2e
