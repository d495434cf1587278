#include "synth/dataset_writer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "domain/enums.h"
#include "domain/nik.h"
#include "synth/apportion.h"
#include "synth/draw.h"
#include "synth/names.h"

namespace cakupan {

namespace {

// Age at the final period, by five-year band (the 65-70 band has six years):
// a working-age pyramid, Sakernas-like.
constexpr int kAgeLow[] = {15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65};
constexpr int kAgeHigh[] = {19, 24, 29, 34, 39, 44, 49, 54, 59, 64, 70};
constexpr int kAgeCum[] = {4, 13, 24, 36, 48, 60, 71, 81, 89, 95, 100};
// Welfare decile 1..10 (cumulative percent): informal workers are poorer.
constexpr int kDecileInformalCum[] = {16, 31, 45, 57, 67, 76, 84, 91, 96, 100};
constexpr int kDecileFormalCum[] = {4, 10, 18, 27, 37, 48, 60, 73, 86, 100};

constexpr double kMaleShare = 0.60;
constexpr double kDecileUnknown = 0.10;     // desil left empty
constexpr double kOwnDistrictNik = 0.85;    // NIK issued in the home district
constexpr double kRegencyDistrictNik = 0.93;  // ... else another district of the regency (cumulative)
constexpr double kProvinceDistrictNik = 0.98; // ... else of the province; else anywhere
constexpr double kUnmatchedFormal = 0.65;   // persons missing from the registry: mostly employees
constexpr double kFormalSelectionWeight = 4;  // formal workers are 4x as likely to be members
constexpr double kLapsedInformalWeight = 2;   // lapsed memberships are mostly BPU
constexpr double kMatchedRegionGiven = 0.85;   // extract carries kode_wilayah for a registry worker
constexpr double kUnmatchedRegionGiven = 0.80;
constexpr double kJakonShare = 0.85;        // formal construction workers enrolled as Jakon
constexpr int kWorkersPerEmployer = 15;
constexpr int kEmployersPerContractor = 12;
constexpr int32_t kAlways = INT32_MIN / 2;  // present in every extract

constexpr uint8_t kPuFull = kJKK | kJKM | kJHT | kJP | kJKP;
constexpr uint8_t kPuNoJkp = kJKK | kJKM | kJHT | kJP;
constexpr uint8_t kPuSmall = kJKK | kJKM | kJHT;
constexpr uint8_t kBasic = kJKK | kJKM;

uint8_t PuProgrammes(Rng& rng) {
  const double x = rng.Uniform();
  return x < 0.55 ? kPuFull : x < 0.80 ? kPuNoJkp : kPuSmall;
}

// Who pays a vulnerable worker's BPU contribution.
FundingSource VulnerableFunding(Rng& rng) {
  const double x = rng.Uniform();
  if (x < 0.34) return FundingSource::kApbdRegency;
  if (x < 0.60) return FundingSource::kApbdProvince;
  if (x < 0.70) return FundingSource::kVillage;
  if (x < 0.77) return FundingSource::kCsr;
  if (x < 0.82) return FundingSource::kBaznas;
  return FundingSource::kSelf;
}

// NPP: 8 digits, a fixed permutation of the global employer id.
uint64_t NppOf(uint32_t employer_plus_one) {
  const uint64_t id = employer_plus_one - 1;
  return 10000000 + (id * 104729 + 4242) % 89999999;
}

}  // namespace

DatasetWriter::DatasetWriter(const RegionTable& regions, const GenerateOptions& options, DatasetPlan& plan)
    : regions_(regions),
      options_(options),
      plan_(plan),
      root_(options.seed),
      noise_(options.noise),
      niks_(plan.persons),
      final_(options.period) {
  window_start_ = final_.index() - (options.periods - 1);
  for (int i = 0; i < options.periods; ++i) {
    periods_.push_back(Period::FromIndex(window_start_ + i));
    period_text_.push_back(periods_.back().ToString());
  }
  age_reference_ = final_.FirstDay();
  province_districts_.resize(100);
  for (int32_t d : regions.DescendantsAtLevel(RegionTable::kRoot, RegionLevel::kDistrict)) {
    all_districts_.push_back(d);
    province_districts_[regions.code(d).province()].push_back(d);
  }
  for (int m = 0; m < 32; ++m) programme_text_[m] = FormatProgrammes(static_cast<uint8_t>(m));
}

Status DatasetWriter::Open(const std::string& out_dir, GeneratedFiles* files) {
  if (noise_.registry_nik_errors()) {
    // Every NIK of the data set, so that a NIK typo never yields a person's
    // NIK (the regency streams are replayed in WriteRegency).
    all_niks_ = std::make_unique<NikSet>(plan_.persons + plan_.persons / 8);
    for (size_t k = 0; k < plan_.regencies.size(); ++k) {
      Rng rng = root_.Fork(kStreamRegency + plan_.regencies[k].region.packed());
      int64_t villages_used = 0;
      CAKUPAN_RETURN_IF_ERROR(DrawRegencyPersons(k, rng, *all_niks_, &villages_used));
    }
  }
  files->workers = out_dir + "/pekerja.csv";
  CAKUPAN_RETURN_IF_ERROR(workers_out_.Open(files->workers));
  workers_out_.Raw("nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan");
  workers_out_.EndRow();
  files->members.clear();
  for (const Period& p : periods_) {
    member_file_names_.push_back("kepesertaan-" + p.ToString() + ".csv");
    member_line_.push_back(1);
    files->members.push_back(out_dir + "/" + member_file_names_.back());
    auto out = std::make_unique<CsvOut>();
    CAKUPAN_RETURN_IF_ERROR(out->Open(files->members.back()));
    out->Raw("periode,nik,nama,tanggal_lahir,segmen,status,program,bulan_terakhir_bayar,npp,sumber_dana,kode_wilayah");
    out->EndRow();
    member_out_.push_back(std::move(out));
  }
  files->truth.clear();
  if (noise_.enabled()) {
    files->truth = out_dir + "/kebenaran.csv";
    CAKUPAN_RETURN_IF_ERROR(truth_out_.Open(files->truth));
    truth_out_.Raw("berkas,baris,nik_asli,kesalahan");
    truth_out_.EndRow();
  }
  return Status::Ok();
}

Status DatasetWriter::Close() {
  Status first = workers_out_.Close();
  for (auto& out : member_out_) {
    Status s = out->Close();
    if (first.ok() && !s.ok()) first = s;
  }
  if (noise_.enabled()) {
    Status s = truth_out_.Close();
    if (first.ok() && !s.ok()) first = s;
  }
  return first;
}

void DatasetWriter::DrawPerson(int province, double formal_share, const OccupationSampler& occupations, Rng& rng,
                               Person& p) {
  const Sex sex = rng.Chance(kMaleShare) ? Sex::kMale : Sex::kFemale;
  p.sex = static_cast<uint8_t>(sex);
  // Birth date such that the age on the reference day is exactly `age`: after
  // the same day `age + 1` years earlier, up to that day `age` years earlier.
  const int band = DrawCumulative(kAgeCum, rng);
  const int age = static_cast<int>(rng.Between(kAgeLow[band], kAgeHigh[band]));
  const CivilDate ref = CivilFromDate(age_reference_);  // day 1 of the final month
  const Date latest = DateFromCivil(ref.year - age, ref.month, 1);
  const Date earliest = DateFromCivil(ref.year - age - 1, ref.month, 1) + 1;
  p.birth = earliest + static_cast<Date>(rng.Below(static_cast<uint64_t>(latest - earliest + 1)));

  p.name_offset = static_cast<uint32_t>(names_.size());
  AppendName(DrawCulture(province, rng), sex, rng, names_);
  p.name_length = static_cast<uint16_t>(names_.size() - p.name_offset);

  p.formal = rng.Chance(formal_share) ? 1 : 0;
  const Formality sector = p.formal ? Formality::kFormal : Formality::kInformal;
  p.occupation = static_cast<uint8_t>(occupations.Draw(sector, sex, rng));
  p.decile = rng.Chance(kDecileUnknown)
                 ? 0
                 : static_cast<uint8_t>(1 + (p.formal ? DrawCumulative(kDecileFormalCum, rng)
                                                      : DrawCumulative(kDecileInformalCum, rng)));
  bool vulnerable;
  if (!p.formal) {
    if (p.decile >= 1 && p.decile <= 4) {
      vulnerable = true;
    } else if (p.decile == 0) {
      vulnerable = rng.Chance(0.40);
    } else {
      vulnerable = p.decile <= 6 && rng.Chance(0.10);
    }
  } else {
    vulnerable = p.decile >= 1 && p.decile <= 2 && rng.Chance(0.08);
  }
  p.vulnerable = vulnerable ? 1 : 0;
}

int32_t DatasetWriter::IssuingDistrict(int32_t home_district, const std::vector<int32_t>& regency_districts,
                                       int province, Rng& rng) {
  const double x = rng.Uniform();
  if (x < kOwnDistrictNik) return home_district;
  if (x < kRegencyDistrictNik) return regency_districts[rng.Below(regency_districts.size())];
  const std::vector<int32_t>& in_province = province_districts_[province];
  if (x < kProvinceDistrictNik && !in_province.empty()) return in_province[rng.Below(in_province.size())];
  return all_districts_[rng.Below(all_districts_.size())];
}

Status DatasetWriter::IssueNik(int32_t district, Person& p, Rng& rng, NikSet& niks) {
  // Serials run from 0001 in order of registration; most people born on one
  // day in one district have low serials. A taken serial moves to the next.
  const double u = rng.Uniform();
  int serial = 1 + static_cast<int>(60.0 * u * u * u);
  const auto first = ComposeNik(regions_.code(district), p.birth, static_cast<Sex>(p.sex), 1);
  if (!first) return Status::Internal("cannot compose a NIK for district " + regions_.code(district).ToString());
  const uint64_t base = *first - 1;
  for (int tries = 0; tries < 9999; ++tries) {
    if (niks.Insert(base + static_cast<uint64_t>(serial))) {
      p.nik = base + static_cast<uint64_t>(serial);
      return Status::Ok();
    }
    serial = serial % 9999 + 1;
  }
  return Status::Internal("NIK serials exhausted in district " + regions_.code(district).ToString());
}

void DatasetWriter::AddMemberships(uint32_t person, bool active, bool registry, const Employers& employers,
                                   Rng& rng) {
  const Person& p = persons_[person];
  const int32_t final_index = final_.index();
  MemberRow row;
  row.person = person;
  row.region_given = rng.Chance(registry ? kMatchedRegionGiven : kUnmatchedRegionGiven);
  if (active) {
    row.last_paid = final_index;
    row.first = window_start_;
    const double new_share = std::min(0.6, options_.monthly_enrolment * (options_.periods - 1));
    if (options_.periods > 1 && rng.Chance(new_share))
      row.first = window_start_ + 1 + static_cast<int32_t>(rng.Below(static_cast<uint64_t>(options_.periods - 1)));
  } else {
    row.first = kAlways;
    row.last_paid = final_index - static_cast<int32_t>(rng.Between(1, 24));
  }

  uint32_t company = 0;  // employer id + 1 of a PU membership
  const OccupationKind kind = OccupationAt(p.occupation).kind;
  if (p.formal) {
    if (kind == OccupationKind::kMigrant) {
      row.segment = static_cast<uint8_t>(Segment::kPMI);
      row.funding = static_cast<uint8_t>(FundingSource::kSelf);
      row.programmes = kPuSmall;
    } else if (kind == OccupationKind::kConstruction && rng.Chance(kJakonShare)) {
      row.segment = static_cast<uint8_t>(Segment::kJakon);
      row.funding = static_cast<uint8_t>(FundingSource::kEmployer);
      row.programmes = kBasic;
      row.npp = employers.base + employers.companies + static_cast<uint32_t>(rng.Below(employers.contractors)) + 1;
    } else {
      row.segment = static_cast<uint8_t>(Segment::kPU);
      row.funding = static_cast<uint8_t>(FundingSource::kEmployer);
      row.programmes = PuProgrammes(rng);
      // A few large employers, many small ones.
      const double u = rng.Uniform();
      company = employers.base + static_cast<uint32_t>(employers.companies * u * u) + 1;
      row.npp = company;
    }
  } else {
    row.segment = static_cast<uint8_t>(Segment::kBPU);
    const FundingSource f = p.vulnerable ? VulnerableFunding(rng) : FundingSource::kSelf;
    row.funding = static_cast<uint8_t>(f);
    row.programmes = f == FundingSource::kSelf && rng.Chance(0.3) ? static_cast<uint8_t>(kBasic | kJHT) : kBasic;
  }
  rows_.push_back(row);

  // A second membership: another employer, or a BPU beside the PU.
  if (!active || company == 0 || !rng.Chance(options_.second_membership_share)) return;
  MemberRow second = row;
  if (employers.companies >= 2 && rng.Chance(0.6)) {
    const uint32_t own = company - 1 - employers.base;
    second.npp = employers.base + (own + 1 + static_cast<uint32_t>(rng.Below(employers.companies - 1))) %
                                      employers.companies +
                 1;
    second.programmes = PuProgrammes(rng);
  } else {
    second.segment = static_cast<uint8_t>(Segment::kBPU);
    second.npp = 0;
    second.funding = static_cast<uint8_t>(FundingSource::kSelf);
    second.programmes = kBasic;
    if (rng.Chance(0.5)) {  // an old BPU membership, lapsed when the job came
      second.first = kAlways;
      second.last_paid = final_index - static_cast<int32_t>(rng.Between(1, 18));
    }
  }
  rows_.push_back(second);
}

void DatasetWriter::WriteTruthRow(std::string_view file, int64_t line, uint64_t nik, uint32_t errors) {
  CsvOut& t = truth_out_;
  t.Raw(file);
  t.Uint(static_cast<uint64_t>(line));
  t.Padded(nik, 16);
  if (errors == 0) {
    t.Empty();
  } else {
    scratch_.clear();
    AppendNoiseErrors(errors, scratch_);
    t.Raw(scratch_);
  }
  t.EndRow();
}

void DatasetWriter::WriteRegistryRow(const Person& p, std::string_view village_code, uint32_t extra_errors) {
  PersonFields f{p.nik, NameOf(p), p.birth, static_cast<Sex>(p.sex)};
  if (noise_.enabled()) f = noise_.ForRegistry(f, noise_rng_, scratch_, all_niks_.get());
  CsvOut& o = workers_out_;
  switch (f.nik_form) {
    case NikForm::kDigits:
      o.Padded(f.nik, 16);
      break;
    case NikForm::kEmpty:
      o.Empty();
      break;
    case NikForm::kExcel:
      o.Raw(ExcelNikText(f.nik));
      break;
  }
  o.Text(f.name);
  o.Raw(SexCode(static_cast<Sex>(p.sex)));
  o.IsoDate(f.birth_date);
  o.Raw(village_code);
  o.Raw(p.formal ? "formal" : "informal");
  o.Raw(OccupationAt(p.occupation).name);
  if (p.decile == 0) {
    o.Empty();
  } else {
    o.Uint(p.decile);
  }
  o.Raw(p.vulnerable ? "ya" : "tidak");
  o.EndRow();
  ++registry_line_;
  if (noise_.enabled()) WriteTruthRow("pekerja.csv", registry_line_, p.nik, f.errors | extra_errors);
}

int32_t DatasetWriter::OtherVillage(int32_t village, Rng& rng) const {
  if (villages_.size() < 2) return village;
  const int32_t district = regions_.parent(village);
  if (rng.Chance(0.7)) {
    std::vector<int32_t> same;
    for (int32_t v : villages_)
      if (v != village && regions_.parent(v) == district) same.push_back(v);
    if (!same.empty()) return same[rng.Below(same.size())];
  }
  for (;;) {
    const int32_t v = villages_[rng.Below(villages_.size())];
    if (v != village) return v;
  }
}

void DatasetWriter::WriteExtracts(std::string_view regency_code) {
  // With noise on, each person's extract record is drawn once (BPJS keeps one
  // record per person: the same name in every month and membership).
  if (noise_.enabled()) {
    extract_fields_.assign(persons_.size(), ExtractFields{});
    extract_names_.clear();
    uint32_t previous = UINT32_MAX;
    for (const MemberRow& r : rows_) {
      if (r.person == previous) continue;
      previous = r.person;
      const Person& p = persons_[r.person];
      const PersonFields f =
          noise_.ForExtract(PersonFields{p.nik, NameOf(p), p.birth, static_cast<Sex>(p.sex)}, noise_rng_, scratch_);
      ExtractFields& e = extract_fields_[r.person];
      e.nik = f.nik;
      e.birth = f.birth_date;
      e.name_offset = static_cast<uint32_t>(extract_names_.size());
      e.name_length = static_cast<uint16_t>(f.name.size());
      e.errors = f.errors;
      extract_names_ += f.name;
    }
  }
  for (size_t k = 0; k < periods_.size(); ++k) {
    const int32_t month = periods_[k].index();
    CsvOut& o = *member_out_[k];
    for (const MemberRow& r : rows_) {
      if (month < r.first) continue;
      const Person& p = persons_[r.person];
      uint64_t nik = p.nik;
      std::string_view name = NameOf(p);
      Date birth = p.birth;
      if (noise_.enabled()) {
        const ExtractFields& e = extract_fields_[r.person];
        nik = e.nik;
        name = std::string_view(extract_names_).substr(e.name_offset, e.name_length);
        birth = e.birth;
        WriteTruthRow(member_file_names_[k], ++member_line_[k], p.nik, e.errors);
      }
      const bool active = month <= r.last_paid;
      o.Raw(period_text_[k]);
      o.Padded(nik, 16);
      o.Text(name);
      o.IsoDate(birth);
      o.Raw(SegmentCode(static_cast<Segment>(r.segment)));
      o.Raw(active ? "aktif" : "non-aktif");
      o.Raw(programme_text_[r.programmes & 31]);
      o.Month(Period::FromIndex(active ? month : r.last_paid));
      if (r.npp == 0) {
        o.Empty();
      } else {
        o.Padded(NppOf(r.npp), 8);
      }
      o.Raw(FundingSourceCode(static_cast<FundingSource>(r.funding)));
      if (r.region_given) {
        o.Raw(regency_code);
      } else {
        o.Empty();
      }
      o.EndRow();
      ++memberships_;
    }
  }
}

Status DatasetWriter::DrawRegencyPersons(size_t k, Rng& rng, NikSet& niks, int64_t* villages_used) {
  const RegencyPlan& plan = plan_.regencies[k];
  const int32_t regency = plan_.region_index[k];
  const RegionCode code = plan.region;
  const int province = code.province();
  const double formal_share = plan_.formal_share[k];
  const OccupationSampler occupations(code.kind() == RegionKind::kKota, rng);

  // Villages and their worker counts: every village gets one when there are
  // enough workers, the rest by random weight (kelurahan heavier).
  villages_ = regions_.DescendantsAtLevel(regency, RegionLevel::kVillage);
  const std::vector<int32_t>& villages = villages_;
  const std::vector<int32_t> districts = regions_.DescendantsAtLevel(regency, RegionLevel::kDistrict);
  std::vector<double> weights(villages.size());
  for (size_t i = 0; i < villages.size(); ++i) {
    const bool kelurahan = regions_.code(villages[i]).kind() == RegionKind::kKelurahan;
    weights[i] = std::exp(0.6 * DrawNormal(rng)) * (kelurahan ? 2.5 : 1.0);
  }
  const int64_t total = plan.workers;
  const auto villages_count = static_cast<int64_t>(villages.size());
  std::vector<int64_t> counts;
  if (total >= villages_count) {
    counts = Apportion(weights, total - villages_count);
    for (auto& c : counts) ++c;
  } else {
    // A sparse sample: `total` distinct villages, heavier ones more likely.
    counts.assign(villages.size(), 0);
    std::vector<std::pair<double, size_t>> keyed(villages.size());
    for (size_t i = 0; i < villages.size(); ++i) keyed[i] = {-std::log(1.0 - rng.Uniform()) / weights[i], i};
    std::nth_element(keyed.begin(), keyed.begin() + total, keyed.end());
    for (int64_t i = 0; i < total; ++i) counts[keyed[static_cast<size_t>(i)].second] = 1;
  }

  persons_.clear();
  person_village_.clear();
  names_.clear();
  *villages_used = 0;
  for (size_t i = 0; i < villages.size(); ++i) {
    if (counts[i] == 0) continue;
    ++*villages_used;
    const int32_t home = regions_.parent(villages[i]);
    for (int64_t j = 0; j < counts[i]; ++j) {
      Person p;
      DrawPerson(province, formal_share, occupations, rng, p);
      CAKUPAN_RETURN_IF_ERROR(IssueNik(IssuingDistrict(home, districts, province, rng), p, rng, niks));
      persons_.push_back(p);
      person_village_.push_back(villages[i]);
    }
  }

  // Employed persons missing from the registry who appear in the extract:
  // NIK issued in a district of this regency.
  const int64_t unmatched = plan.unmatched_active + plan.unmatched_non_active;
  for (int64_t j = 0; j < unmatched; ++j) {
    Person p;
    DrawPerson(province, kUnmatchedFormal, occupations, rng, p);
    CAKUPAN_RETURN_IF_ERROR(IssueNik(districts[rng.Below(districts.size())], p, rng, niks));
    persons_.push_back(p);
  }
  return Status::Ok();
}

Status DatasetWriter::WriteRegency(size_t k) {
  RegencyPlan& plan = plan_.regencies[k];
  const RegionCode code = plan.region;
  const double formal_share = plan_.formal_share[k];
  Rng rng = root_.Fork(kStreamRegency + code.packed());
  noise_rng_ = root_.Fork(kStreamNoise + code.packed());
  int64_t villages_used = 0;
  CAKUPAN_RETURN_IF_ERROR(DrawRegencyPersons(k, rng, niks_, &villages_used));
  villages_with_workers_ += villages_used;
  rows_.clear();

  // The registry, village by village; with noise on, persons enumerated a
  // second time follow at the end of the regency, in another village.
  const auto workers = static_cast<size_t>(plan.workers);
  std::string village_code;
  int32_t village = -1;
  int64_t formal = 0;
  std::vector<std::pair<uint32_t, int32_t>> duplicates;  // person, village
  for (size_t i = 0; i < workers; ++i) {
    if (person_village_[i] != village) {
      village = person_village_[i];
      village_code = regions_.code(village).ToString();
    }
    formal += persons_[i].formal;
    WriteRegistryRow(persons_[i], village_code, 0);
    if (noise_.enabled() && noise_.DrawDuplicate(noise_rng_)) {
      const int32_t other = OtherVillage(village, noise_rng_);
      if (other != village) duplicates.emplace_back(static_cast<uint32_t>(i), other);
    }
  }
  for (const auto& [person, other] : duplicates)
    WriteRegistryRow(persons_[person], regions_.code(other).ToString(), kErrDuplicate);
  plan.formal_workers = formal;
  const int64_t unmatched = plan.unmatched_active + plan.unmatched_non_active;
  int64_t unmatched_formal = 0;
  for (size_t i = workers; i < persons_.size(); ++i) unmatched_formal += persons_[i].formal;

  // BPS formal employed: registry and unmatched persons as drawn, the other
  // unenumerated persons at the regency's formal share. So formal
  // participants (PU, Jakon, PMI) never exceed BPS formal employed.
  plan.employed_formal = formal + unmatched_formal +
                         std::llround(static_cast<double>(plan.unenumerated - unmatched) * formal_share);

  // Employers of the regency.
  Employers employers;
  employers.base = next_employer_;
  employers.companies =
      static_cast<uint32_t>(std::max<int64_t>(2, (formal + unmatched_formal) / kWorkersPerEmployer + 1));
  employers.contractors = std::max<uint32_t>(1, employers.companies / kEmployersPerContractor);
  next_employer_ += employers.companies + employers.contractors;

  // Registry workers with an active membership (formal ones more likely),
  // then lapsed ones among the rest (informal ones more likely): exponential
  // keys with rate = weight, the smallest keys win (weighted sampling without
  // replacement).
  state_.assign(workers, 0);
  keys_.resize(workers);
  order_.resize(workers);
  std::iota(order_.begin(), order_.end(), 0u);
  for (size_t i = 0; i < workers; ++i)
    keys_[i] = -std::log(1.0 - rng.Uniform()) / (persons_[i].formal ? kFormalSelectionWeight : 1.0);
  auto by_key = [this](uint32_t a, uint32_t b) { return keys_[a] < keys_[b] || (keys_[a] == keys_[b] && a < b); };
  const auto active = static_cast<size_t>(plan.registry_active);
  std::nth_element(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(active), order_.end(), by_key);
  for (size_t i = 0; i < active; ++i) state_[order_[i]] = 1;
  for (size_t i = active; i < workers; ++i) {
    const uint32_t w = order_[i];
    keys_[w] = -std::log(1.0 - rng.Uniform()) / (persons_[w].formal ? 1.0 : kLapsedInformalWeight);
  }
  const auto lapsed = static_cast<size_t>(plan.non_active);
  std::nth_element(order_.begin() + static_cast<std::ptrdiff_t>(active),
                   order_.begin() + static_cast<std::ptrdiff_t>(active + lapsed), order_.end(), by_key);
  for (size_t i = active; i < active + lapsed; ++i) state_[order_[i]] = 2;

  for (size_t i = 0; i < workers; ++i)
    if (state_[i] != 0) AddMemberships(static_cast<uint32_t>(i), state_[i] == 1, true, employers, rng);
  for (int64_t j = 0; j < unmatched; ++j)
    AddMemberships(static_cast<uint32_t>(workers + static_cast<size_t>(j)), j < plan.unmatched_active, false,
                   employers, rng);
  WriteExtracts(code.ToString());
  return Status::Ok();
}

}  // namespace cakupan
