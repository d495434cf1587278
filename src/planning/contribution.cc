#include "planning/contribution.h"

#include <algorithm>
#include <map>

#include "base/format_id.h"
#include "base/i18n.h"

namespace cakupan {

const char* PayerCode(Payer p) {
  switch (p) {
    case Payer::kEmployer: return "employer";
    case Payer::kWorker: return "worker";
    case Payer::kGovernment: return "government";
  }
  return "";
}
const char* PayerLabelId(Payer p) {
  switch (p) {
    case Payer::kEmployer: return "Pemberi kerja";
    case Payer::kWorker: return "Pekerja";
    case Payer::kGovernment: return "Pemerintah";
  }
  return "";
}
const char* PayerLabelEn(Payer p) {
  switch (p) {
    case Payer::kEmployer: return "Employer";
    case Payer::kWorker: return "Worker";
    case Payer::kGovernment: return "Government";
  }
  return "";
}

Date AddMonths(Date day, int months) {
  const CivilDate c = CivilFromDate(day);
  const int index = c.year * 12 + (c.month - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  return DateFromCivil(year, month, std::min(c.day, DaysInMonth(year, month)));
}

PayerAmounts SplitBetweenPayers(__int128 employer_units, __int128 worker_units, __int128 government_units) {
  const __int128 units[kPayerCount] = {employer_units, worker_units, government_units};
  const int64_t total = DivRoundHalfUp(units[0] + units[1] + units[2], kPcmPerWhole);
  int principal = 0;  // the largest share; ties go to the earlier payer
  for (int p = 1; p < kPayerCount; ++p)
    if (units[p] > units[principal]) principal = p;
  int64_t parts[kPayerCount] = {0, 0, 0};
  int64_t others = 0;
  for (int p = 0; p < kPayerCount; ++p) {
    if (p == principal) continue;
    parts[p] = DivRoundHalfUp(units[p], kPcmPerWhole);
    others += parts[p];
  }
  parts[principal] = total - others;  // never negative (docs/planning.md)
  return PayerAmounts{parts[0], parts[1], parts[2]};
}

namespace {

constexpr uint8_t kProgrammeOrder[] = {kJKK, kJKM, kJHT, kJP, kJKP};

Result<PayerAmounts> Times(const PayerAmounts& a, int64_t factor) {
  PayerAmounts out;
  CAKUPAN_ASSIGN_OR_RETURN(out.employer, CheckedMul(a.employer, factor));
  CAKUPAN_ASSIGN_OR_RETURN(out.worker, CheckedMul(a.worker, factor));
  CAKUPAN_ASSIGN_OR_RETURN(out.government, CheckedMul(a.government, factor));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t sum, CheckedAdd(out.employer, out.worker));
  CAKUPAN_RETURN_IF_ERROR(CheckedAdd(sum, out.government).status());  // total() must fit too
  return out;
}

Status AddTo(PayerAmounts* sum, const PayerAmounts& a) {
  CAKUPAN_ASSIGN_OR_RETURN(sum->employer, CheckedAdd(sum->employer, a.employer));
  CAKUPAN_ASSIGN_OR_RETURN(sum->worker, CheckedAdd(sum->worker, a.worker));
  CAKUPAN_ASSIGN_OR_RETURN(sum->government, CheckedAdd(sum->government, a.government));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t both, CheckedAdd(sum->employer, sum->worker));
  return CheckedAdd(both, sum->government).status();
}

void AddNote(std::vector<std::string>* notes, std::string note) {
  if (std::find(notes->begin(), notes->end(), note) == notes->end()) notes->push_back(std::move(note));
}

std::string NoRate(const char* what, Segment segment, Date day) {
  return std::string(Tr("no ", "tidak ada tarif ")) + what + Tr(" rate for ", " untuk ") + SegmentCode(segment) +
         Tr(" in force on ", " yang berlaku pada ") + FormatIsoDate(day) +
         Tr(" (see cakupan rates list; an administrator adds rates with cakupan rates import)",
            " (lihat cakupan rates list; administrator menambah tarif dengan cakupan rates import)");
}

// One worker, one month, one monthly row.
struct MonthCharge {
  Rupiah base = 0;
  PayerAmounts amounts;
  Rupiah recomposed = 0;
};

MonthCharge ChargeMonth(const ContributionRate& r, Rupiah given_base, std::vector<std::string>* notes) {
  MonthCharge c;
  if (r.basis == RateBasis::kFlat) {
    c.base = given_base;
    c.amounts = SplitBetweenPayers(static_cast<__int128>(r.employer) * kPcmPerWhole,
                                   static_cast<__int128>(r.worker) * kPcmPerWhole,
                                   static_cast<__int128>(r.government) * kPcmPerWhole);
    c.recomposed = r.recomposed;
    return c;
  }
  Rupiah base = given_base;
  const std::string programme = FormatProgrammes(r.programmes);
  if (r.base_min != 0 && base < r.base_min) {
    base = r.base_min;
    AddNote(notes, programme + ": " + Tr("the base ", "dasar ") + FormatRupiah(given_base) +
                       Tr(" is below the lowest ", " di bawah batas terendah ") + FormatRupiah(r.base_min) +
                       Tr("; the contribution is computed on ", "; iuran dihitung dari ") + FormatRupiah(r.base_min) +
                       ".");
  }
  if (r.base_cap != 0 && base > r.base_cap) {
    base = r.base_cap;
    AddNote(notes, programme + ": " + Tr("the wage ", "upah ") + FormatRupiah(given_base) +
                       Tr(" is above the cap ", " di atas batas upah ") + FormatRupiah(r.base_cap) +
                       Tr("; the contribution is computed on the cap.", "; iuran dihitung dari batas upah."));
  }
  c.base = base;
  const __int128 b = base;
  c.amounts = SplitBetweenPayers(b * r.employer, b * r.worker, b * r.government);
  c.recomposed = ApplyPcm(base, r.recomposed);
  return c;
}

Status ComputeContract(const RateTable& rates, const ContributionRequest& req, ContributionResult* out) {
  const Date day = req.start;
  const std::vector<const ContributionRate*> tranches = rates.ContractTranches(req.segment, req.programmes, day);
  if (tranches.empty())
    return Status::InvalidArgument(NoRate(Tr("contract-value", "nilai kontrak"), req.segment, day));
  // Tranches come grouped by their programme set (ascending base_from).
  uint8_t covered = 0;
  for (size_t g = 0; g < tranches.size();) {
    const uint8_t set = tranches[g]->programmes;
    if ((set & ~req.programmes) != 0) {
      return Status::InvalidArgument(std::string(Tr("contract-value rates for ", "tarif nilai kontrak ")) +
                                     SegmentCode(req.segment) + Tr(" are set for ", " ditetapkan untuk ") +
                                     FormatProgrammes(set) +
                                     Tr(" together; price all of them (e.g. package jakon)",
                                        " sekaligus; hitung semuanya (mis. paket jakon)"));
    }
    covered |= set;
    ContributionLine line;
    line.programmes = set;
    line.first_day = day;
    line.months = 1;
    line.base = req.contract_value;
    __int128 units[kPayerCount] = {0, 0, 0};
    __int128 recomposed = 0;
    Rupiah reached = 0;  // the value is priced up to here
    for (; g < tranches.size() && tranches[g]->programmes == set; ++g) {
      const ContributionRate& t = *tranches[g];
      if (reached >= req.contract_value) continue;
      if (t.base_from > reached) break;  // a hole below the contract value
      const Rupiah top = t.base_to == 0 ? req.contract_value : std::min(t.base_to, req.contract_value);
      const __int128 portion = top - t.base_from;
      units[0] += portion * t.employer;
      units[1] += portion * t.worker;
      units[2] += portion * t.government;
      recomposed += portion * t.recomposed;
      line.tranches.push_back(t);
      reached = top;
    }
    while (g < tranches.size() && tranches[g]->programmes == set) ++g;
    if (reached < req.contract_value) {
      return Status::InvalidArgument(std::string(Tr("the contract-value tranches of ", "tranche nilai kontrak ")) +
                                     FormatProgrammes(set) + " " + SegmentCode(req.segment) +
                                     Tr(" in force on ", " yang berlaku pada ") + FormatIsoDate(day) +
                                     Tr(" do not cover the value from ", " tidak mencakup nilai mulai ") +
                                     FormatRupiah(reached));
    }
    line.rate = line.tranches.front();
    line.per_worker_month = SplitBetweenPayers(units[0], units[1], units[2]);
    line.recomposed_per_worker_month = DivRoundHalfUp(recomposed, kPcmPerWhole);
    line.total = line.per_worker_month;
    out->lines.push_back(std::move(line));
  }
  for (uint8_t p : kProgrammeOrder) {
    if ((req.programmes & p) != 0 && (covered & p) == 0)
      return Status::InvalidArgument(NoRate(FormatProgrammes(p).c_str(), req.segment, day));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateContributionRequest(const ContributionRequest& r) {
  constexpr uint8_t kAll = kJKK | kJKM | kJHT | kJP | kJKP;
  if (r.programmes == 0 || (r.programmes & ~kAll) != 0)
    return Status::InvalidArgument(Tr("programmes: name at least one of JKK, JKM, JHT, JP, JKP",
                                      "programmes: sebutkan paling sedikit satu dari JKK, JKM, JHT, JP, JKP"));
  if (r.segment != Segment::kPU && r.segment != Segment::kBPU && r.segment != Segment::kJakon &&
      r.segment != Segment::kPMI)
    return Status::InvalidArgument(Tr("segment: must be PU, BPU, Jakon or PMI", "segment: harus PU, BPU, Jakon atau PMI"));
  if (r.monthly_base < 0 || r.contract_value < 0)
    return Status::InvalidArgument(Tr("an amount cannot be negative", "jumlah uang tidak boleh negatif"));
  if ((r.monthly_base > 0) == (r.contract_value > 0))
    return Status::InvalidArgument(
        Tr("give either a monthly wage or income (wage, income) or a contract value (contract-value), above zero",
           "berikan upah atau penghasilan bulanan (wage, income) atau nilai kontrak (contract-value), lebih dari nol"));
  if (r.monthly_base > kMaxMonthlyBase)
    return Status::InvalidArgument(std::string(Tr("income/wage: more than ", "income/wage: lebih dari ")) +
                                   FormatRupiah(kMaxMonthlyBase) + Tr(" a month is not plausible",
                                                                       " per bulan tidak masuk akal"));
  if (r.contract_value > kMaxContractValue)
    return Status::InvalidArgument(std::string(Tr("contract-value: more than ", "contract-value: lebih dari ")) +
                                   FormatRupiah(kMaxContractValue) + Tr(" is not plausible", " tidak masuk akal"));
  if (r.risk_class > 5)
    return Status::InvalidArgument(Tr("risk-class: must be 1 to 5", "risk-class: harus 1 sampai 5"));
  if (r.start == kNoDate) return Status::InvalidArgument(Tr("date: required", "date: wajib diisi"));
  if (r.months < 1 || r.months > kMaxMonths)
    return Status::InvalidArgument(std::string(Tr("months: must be from 1 to ", "months: harus dari 1 sampai ")) +
                                   std::to_string(kMaxMonths));
  if (r.workers < 1 || r.workers > kMaxWorkers)
    return Status::InvalidArgument(std::string(Tr("workers: must be from 1 to ", "workers: harus dari 1 sampai ")) +
                                   FormatCount(kMaxWorkers));
  if (r.contract_value > 0 && (r.months != 1 || r.workers != 1))
    return Status::InvalidArgument(
        Tr("a contract value is charged once for the whole contract: months and workers do not apply",
           "iuran nilai kontrak dibayar sekali untuk seluruh kontrak: bulan dan jumlah pekerja tidak berlaku"));
  return Status::Ok();
}

Result<ContributionResult> ComputeContribution(const RateTable& rates, const ContributionRequest& req) {
  CAKUPAN_RETURN_IF_ERROR(ValidateContributionRequest(req));
  ContributionResult out;
  out.request = req;
  if (req.contract_value > 0) {
    CAKUPAN_RETURN_IF_ERROR(ComputeContract(rates, req, &out));
  } else {
    for (uint8_t p : kProgrammeOrder) {
      if ((req.programmes & p) == 0) continue;
      const size_t first_line = out.lines.size();
      for (int k = 0; k < req.months; ++k) {
        const Date day = AddMonths(req.start, k);
        const ContributionRate* r = rates.FindMonthly(req.segment, p, day, req.monthly_base, req.risk_class);
        if (r == nullptr) {
          if (req.risk_class == 0 && rates.NeedsRiskClass(req.segment, p, day)) {
            return Status::InvalidArgument(
                FormatProgrammes(p) + " " + SegmentCode(req.segment) +
                Tr(" depends on the workplace's risk class: give risk-class 1 (very low) to 5 (very high)",
                   " bergantung pada kelas risiko tempat kerja: berikan kelas risiko 1 (sangat rendah) sampai 5 "
                   "(sangat tinggi)"));
          }
          std::string msg = NoRate(FormatProgrammes(p).c_str(), req.segment, day);
          if (rates.FindMonthly(req.segment, p, day, 1, req.risk_class) == nullptr &&
              !rates.ContractTranches(req.segment, p, day).empty()) {
            msg += Tr("; this segment is priced by contract value (contract-value)",
                      "; segmen ini dihitung dari nilai kontrak (contract-value)");
          }
          return Status::InvalidArgument(msg);
        }
        const MonthCharge c = ChargeMonth(*r, req.monthly_base, &out.notes);
        if (out.lines.size() > first_line && out.lines.back().rate == *r && out.lines.back().base == c.base) {
          ++out.lines.back().months;
          continue;
        }
        ContributionLine line;
        line.programmes = p;
        line.rate = *r;
        line.first_day = day;
        line.months = 1;
        line.base = c.base;
        line.per_worker_month = c.amounts;
        line.recomposed_per_worker_month = c.recomposed;
        out.lines.push_back(std::move(line));
      }
    }
    for (ContributionLine& line : out.lines) {
      CAKUPAN_ASSIGN_OR_RETURN(PayerAmounts per_worker, Times(line.per_worker_month, line.months));
      CAKUPAN_ASSIGN_OR_RETURN(line.total, Times(per_worker, req.workers));
    }
  }
  for (const ContributionLine& line : out.lines) {
    if (line.first_day == req.start) CAKUPAN_RETURN_IF_ERROR(AddTo(&out.first_month, line.per_worker_month));
    CAKUPAN_ASSIGN_OR_RETURN(PayerAmounts per_worker, Times(line.per_worker_month, line.months));
    CAKUPAN_RETURN_IF_ERROR(AddTo(&out.per_worker, per_worker));
    CAKUPAN_RETURN_IF_ERROR(AddTo(&out.total, line.total));
  }
  return out;
}

}  // namespace cakupan
