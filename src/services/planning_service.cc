#include "services/planning_service.h"

#include "base/i18n.h"
#include "base/strings.h"
#include "planning/money.h"

namespace cakupan {

namespace {

Status BadParam(const char* name, const std::string& value, const char* en, const char* id) {
  return Status::InvalidArgument(std::string(name) + ": '" + value + "' " + Tr(en, id));
}

Result<int64_t> WholeNumber(const char* name, const std::string& text, int64_t fallback) {
  if (TrimView(text).empty()) return fallback;
  auto v = ParseCount(text);
  if (!v) return BadParam(name, text, "is not a whole number", "bukan bilangan bulat");
  return *v;
}

Result<Rupiah> Amount(const char* name, const std::string& text) {
  if (TrimView(text).empty()) return Rupiah{0};
  auto v = ParseRupiah(text);
  if (!v) {
    return BadParam(name, text, "is not a whole amount of rupiah (e.g. 1000000 or 1.000.000)",
                    "bukan jumlah rupiah bulat (mis. 1000000 atau 1.000.000)");
  }
  if (*v == 0) return BadParam(name, text, "must be more than zero", "harus lebih dari nol");
  return *v;
}

}  // namespace

PlanningService::PlanningService(const RateTable& rates, Date today) : rates_(rates), today_(today) {}

Result<ContributionRequest> PlanningService::CostRequest(const CostParams& p) const {
  ContributionRequest r;
  std::optional<Segment> segment;
  if (!TrimView(p.segment).empty()) {
    segment = ParseSegment(p.segment);
    if (!segment || *segment == Segment::kNone)
      return BadParam("segment", p.segment, "is not a segment (PU, BPU, Jakon)", "bukan segmen (PU, BPU, Jakon)");
  }
  if (!TrimView(p.package).empty() && !TrimView(p.programmes).empty()) {
    return Status::InvalidArgument(Tr("give a package or programmes, not both",
                                      "berikan paket atau program, tidak keduanya"));
  }
  if (!TrimView(p.package).empty()) {
    CAKUPAN_ASSIGN_OR_RETURN(Package package, FindPackage(p.package));
    if (segment && *segment != package.segment) {
      return Status::InvalidArgument(std::string(Tr("package ", "paket ")) + package.id + Tr(" is for ", " untuk ") +
                                     SegmentCode(package.segment) + Tr(", not ", ", bukan ") + SegmentCode(*segment));
    }
    r.segment = package.segment;
    r.programmes = package.programmes;
    r.package = package.id;
  } else if (!TrimView(p.programmes).empty()) {
    auto mask = ParseProgrammes(p.programmes);
    if (!mask || *mask == 0)
      return BadParam("programmes", p.programmes, "is not a list of programmes (e.g. JKK+JKM+JHT)",
                      "bukan daftar program (mis. JKK+JKM+JHT)");
    r.segment = segment.value_or(Segment::kBPU);
    r.programmes = *mask;
  } else {
    r.segment = segment.value_or(Segment::kBPU);
    CAKUPAN_ASSIGN_OR_RETURN(Package package, DefaultPackage(r.segment));
    r.programmes = package.programmes;
    r.package = package.id;
  }
  if (!TrimView(p.income).empty() && !TrimView(p.wage).empty()) {
    return Status::InvalidArgument(Tr("give income or wage, not both (they mean the same monthly base)",
                                      "berikan income atau wage, tidak keduanya (keduanya dasar iuran bulanan)"));
  }
  CAKUPAN_ASSIGN_OR_RETURN(r.monthly_base, Amount(TrimView(p.wage).empty() ? "income" : "wage",
                                                  TrimView(p.wage).empty() ? p.income : p.wage));
  CAKUPAN_ASSIGN_OR_RETURN(r.contract_value, Amount("contract-value", p.contract_value));
  if (!TrimView(p.risk_class).empty()) {
    auto k = ParseDigits(TrimView(p.risk_class));
    if (!k || *k < 1 || *k > 5)
      return BadParam("risk-class", p.risk_class, "must be 1 (very low) to 5 (very high)",
                      "harus 1 (sangat rendah) sampai 5 (sangat tinggi)");
    r.risk_class = static_cast<uint8_t>(*k);
  }
  CAKUPAN_ASSIGN_OR_RETURN(int64_t months, WholeNumber("months", p.months, 1));
  if (months > kMaxMonths) months = kMaxMonths + 1;  // reported by ValidateContributionRequest
  r.months = static_cast<int>(months);
  CAKUPAN_ASSIGN_OR_RETURN(r.workers, WholeNumber("workers", p.workers, 1));
  r.start = today_;
  if (!TrimView(p.date).empty()) {
    auto d = ParseDate(TrimView(p.date));
    if (!d) return BadParam("date", p.date, "is not a date (YYYY-MM-DD)", "bukan tanggal (YYYY-MM-DD)");
    r.start = *d;
  }
  // BPU without an income: the lowest declared income of the rate table (the
  // minimum package is defined at it).
  if (r.monthly_base == 0 && r.contract_value == 0 && r.segment == Segment::kBPU) {
    const ContributionRate* jkk = rates_.FindMonthly(Segment::kBPU, kJKK, r.start, 0, 0);
    if (jkk == nullptr || jkk->base_min == 0) {
      return Status::InvalidArgument(std::string(Tr("income: not given, and no BPU JKK rate in force on ",
                                                    "income: tidak diberikan, dan tidak ada tarif JKK BPU yang berlaku "
                                                    "pada ")) +
                                     FormatIsoDate(r.start) +
                                     Tr(" gives the lowest declared income; give income or another date",
                                        " yang memberi penghasilan terendah; berikan income atau tanggal lain"));
    }
    r.monthly_base = jkk->base_min;
  }
  CAKUPAN_RETURN_IF_ERROR(ValidateContributionRequest(r));
  return r;
}

Result<ContributionResult> PlanningService::Cost(const ContributionRequest& request) const {
  return ComputeContribution(rates_, request);
}

Result<ContributionResult> PlanningService::Cost(const CostParams& params) const {
  CAKUPAN_ASSIGN_OR_RETURN(ContributionRequest request, CostRequest(params));
  return Cost(request);
}

Result<GapQuery> PlanningService::ParseGapQuery(const GapParams& p) const {
  GapQuery q;
  q.coverage.region = TrimView(p.region).empty() ? std::string("0") : std::string(TrimView(p.region));
  if (!TrimView(p.level).empty()) {
    q.coverage.level = ParseRegionLevel(p.level);
    if (!q.coverage.level)
      return BadParam("level", p.level, "is not a level (province, regency, district, village)",
                      "bukan tingkat (province, regency, district, village)");
  }
  if (!TrimView(p.basis).empty()) {
    auto b = ParseBasis(p.basis);
    if (!b) return BadParam("basis", p.basis, "is not a basis (labour-force, registry)",
                            "bukan basis (labour-force, registry)");
    q.coverage.basis = *b;
  }
  if (!TrimView(p.period).empty()) {
    q.coverage.period = Period::Parse(p.period);
    if (!q.coverage.period) return BadParam("period", p.period, "is not a month (YYYY-MM)", "bukan bulan (YYYY-MM)");
  }
  const std::string target = NormalizeKey(p.target);
  if (target.empty() || target == "own" || target == "sendiri" || target == "target") {
    q.target.kind = GapTargetKind::kOwn;
  } else if (target == "national" || target == "nasional") {
    q.target.kind = GapTargetKind::kNational;
  } else {
    auto pcm = ParsePercentPcm(p.target);
    if (!pcm || *pcm > kPcmPerWhole)
      return BadParam("target", p.target,
                      "is not a target: own, national, or a coverage from 0% to 100% (e.g. 39 or 39,5%)",
                      "bukan target: own, national, atau cakupan 0% sampai 100% (mis. 39 atau 39,5%)");
    q.target.kind = GapTargetKind::kFixed;
    CAKUPAN_ASSIGN_OR_RETURN(q.target.ratio, RatioFromPcm(*pcm));
  }
  if (!TrimView(p.worker.months).empty() || !TrimView(p.worker.workers).empty() ||
      !TrimView(p.worker.contract_value).empty()) {
    return Status::InvalidArgument(Tr("gaps price one worker for a year: months, workers and contract-value do not "
                                      "apply",
                                      "selisih dihitung untuk satu pekerja selama setahun: bulan, jumlah pekerja dan "
                                      "nilai kontrak tidak berlaku"));
  }
  CostParams worker = p.worker;
  if (TrimView(worker.package).empty() && TrimView(worker.programmes).empty() && TrimView(worker.segment).empty())
    worker.package = "bpu-minimum";
  const auto package = FindPackage(worker.package);
  if (ParseSegment(worker.segment) == Segment::kJakon || (package.ok() && package->segment == Segment::kJakon)) {
    return Status::InvalidArgument(Tr("construction (Jakon) is priced per contract, not per worker-year; use cakupan "
                                      "cost --contract-value",
                                      "jasa konstruksi (Jakon) dihitung per kontrak, bukan per pekerja per tahun; "
                                      "gunakan cakupan cost --contract-value"));
  }
  worker.months = "12";
  CAKUPAN_ASSIGN_OR_RETURN(q.worker_year, CostRequest(worker));
  return q;
}

Result<GapTarget> ResolveGapTarget(GapTarget target, const CoverageReport& report, const CoverageQuery& base,
                                   const PlanningService::CoverageSource& coverage) {
  if (target.kind != GapTargetKind::kNational) return target;
  if (!report.national_reference) {
    return Status::FailedPrecondition(
               (report.national_reference_note.empty() ? std::string(Tr("no national reference", "tidak ada rujukan nasional"))
                                                       : report.national_reference_note) +
               Tr("; give a coverage instead (target 39)", "; berikan angka cakupan sebagai gantinya (target 39)"))
        .WithReason("no_data");
  }
  // The exact ratio behind the reference: the national root's figures in the
  // report's period.
  CoverageRow root = report.region;
  if (root.level != RegionLevel::kNational) {
    CoverageQuery national = base;
    national.region = "0";
    national.level = RegionLevel::kProvince;
    national.period = report.period;
    CAKUPAN_ASSIGN_OR_RETURN(CoverageReport n, coverage(national));
    root = n.region;
  }
  if (!root.denominator || *root.denominator <= 0)
    return Status::FailedPrecondition(Tr("no national reference", "tidak ada rujukan nasional")).WithReason("no_data");
  target.ratio = CoverageRatio{root.active, *root.denominator};
  return target;
}

Result<GapReport> PlanningService::Gaps(const GapQuery& query, const CoverageSource& coverage) const {
  CAKUPAN_ASSIGN_OR_RETURN(ContributionResult worker_year, ComputeContribution(rates_, query.worker_year));
  CAKUPAN_ASSIGN_OR_RETURN(CoverageReport rep, coverage(query.coverage));
  CAKUPAN_ASSIGN_OR_RETURN(GapTarget target, ResolveGapTarget(query.target, rep, query.coverage, coverage));
  auto input = [](const CoverageRow& r) {
    return GapInput{r.code, r.name, r.level, r.denominator, r.active, r.target};
  };
  std::vector<GapInput> rows;
  rows.reserve(rep.rows.size());
  for (const CoverageRow& r : rep.rows) rows.push_back(input(r));
  GapReport out;
  out.period = rep.period;
  out.basis = BasisName(rep.basis);
  out.level = rep.level;
  out.national_reference = rep.national_reference;
  out.national_reference_note = rep.national_reference_note;
  const Rupiah per_worker_year = worker_year.per_worker.total();
  out.worker_year = std::move(worker_year);
  CAKUPAN_RETURN_IF_ERROR(FillGaps(input(rep.region), rows, target, per_worker_year, &out));
  return out;
}

Result<GapReport> PlanningService::Gaps(const GapParams& params, const CoverageSource& coverage) const {
  CAKUPAN_ASSIGN_OR_RETURN(GapQuery query, ParseGapQuery(params));
  return Gaps(query, coverage);
}

}  // namespace cakupan
