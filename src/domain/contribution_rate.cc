#include "domain/contribution_rate.h"

#include <bit>

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

const char* RateBasisCode(RateBasis b) {
  switch (b) {
    case RateBasis::kPercent: return "percent";
    case RateBasis::kFlat: return "flat";
    case RateBasis::kContract: return "contract";
  }
  return "";
}

std::optional<RateBasis> ParseRateBasis(std::string_view text) {
  const std::string t = NormalizeKey(text);
  if (t == "percent" || t == "persen" || t == "pct" || TrimView(text) == "%" || t == "upah" || t == "wage")
    return RateBasis::kPercent;
  if (t == "flat" || t == "nominal" || t == "tetap" || t == "fixed") return RateBasis::kFlat;
  if (t == "contract" || t == "kontrak" || t == "nilai_kontrak" || t == "contract_value") return RateBasis::kContract;
  return std::nullopt;
}

namespace {

Status Bad(const char* field, const char* en, const char* id) {
  return Status::InvalidArgument(std::string(field) + ": " + Tr(en, id));
}

}  // namespace

Status ValidateContributionRate(const ContributionRate& r) {
  constexpr uint8_t kAllProgrammes = kJKK | kJKM | kJHT | kJP | kJKP;
  if (r.programmes == 0 || (r.programmes & ~kAllProgrammes) != 0)
    return Bad("programme", "must name JKK, JKM, JHT, JP or JKP", "harus JKK, JKM, JHT, JP atau JKP");
  if (r.basis != RateBasis::kContract && std::popcount(r.programmes) != 1)
    return Bad("programme", "a percent or flat row is for one programme (only contract tranches may cover several)",
               "baris persen atau nominal hanya untuk satu program (hanya tranche kontrak boleh beberapa program)");
  if (r.segment != Segment::kPU && r.segment != Segment::kBPU && r.segment != Segment::kJakon &&
      r.segment != Segment::kPMI)
    return Bad("segment", "must be PU, BPU, Jakon or PMI", "harus PU, BPU, Jakon atau PMI");
  if (r.risk_class > 5) return Bad("risk_class", "must be 1 to 5, or empty", "harus 1 sampai 5, atau kosong");
  if (r.risk_class != 0 && (r.programmes & kJKK) == 0)
    return Bad("risk_class", "only JKK depends on the risk class", "hanya JKK yang bergantung pada kelas risiko");
  const bool flat = r.basis == RateBasis::kFlat;
  if (r.basis != RateBasis::kPercent && r.basis != RateBasis::kFlat && r.basis != RateBasis::kContract)
    return Bad("basis", "must be percent, flat or contract", "harus percent, flat atau contract");
  if (r.employer < 0 || r.worker < 0 || r.government < 0 || r.recomposed < 0)
    return Bad("employer/worker/government", "a share cannot be negative", "porsi tidak boleh negatif");
  if (flat) {
    if (r.rate_pcm != 0)
      return Bad("rate_percent", "a flat row has an amount, not a rate", "baris nominal memakai nominal, bukan tarif");
    if (r.amount <= 0 || r.amount > kMaxFlatAmount)
      return Bad("amount", "must be a whole number of rupiah from 1 to 100.000.000 per month",
                 "harus bilangan bulat rupiah dari 1 sampai 100.000.000 per bulan");
  } else {
    if (r.amount != 0)
      return Bad("amount", "only a flat row has an amount", "hanya baris nominal yang memakai nominal");
    if (r.rate_pcm <= 0 || r.rate_pcm > kPcmPerWhole)
      return Bad("rate_percent", "must be more than 0% and at most 100%", "harus lebih dari 0% dan paling banyak 100%");
  }
  const int64_t total = flat ? r.amount : r.rate_pcm;
  // Each share is at most the total, so the sum cannot overflow.
  if (r.employer > total || r.worker > total || r.government > total || r.recomposed > total ||
      r.employer + r.worker + r.government + r.recomposed != total)
    return Bad("employer/worker/government",
               "the shares of employer, worker, government and recomposition must add up to the rate (or amount)",
               "porsi pemberi kerja, pekerja, pemerintah dan rekomposisi harus berjumlah sama dengan tarif (atau nominal)");
  if (r.recomposed == total)
    return Bad("recomposed", "somebody must pay part of the rate", "sebagian tarif harus dibayar oleh seseorang");
  if (r.base_min < 0 || r.base_min > kMaxRateBase)
    return Bad("base_min", "must be from 0 to 10^15 rupiah", "harus dari 0 sampai 10^15 rupiah");
  if (r.base_cap < 0 || r.base_cap > kMaxRateBase)
    return Bad("base_cap", "must be from 0 to 10^15 rupiah", "harus dari 0 sampai 10^15 rupiah");
  if (r.basis != RateBasis::kPercent && (r.base_min != 0 || r.base_cap != 0))
    return Bad("base_min/base_cap", "only a percent row has a floor or a cap",
               "hanya baris persen yang memiliki batas bawah atau batas atas");
  if (r.base_cap != 0 && r.base_cap < r.base_min)
    return Bad("base_cap", "the cap is below the floor (base_min)", "batas atas lebih kecil dari batas bawah (base_min)");
  if (r.base_from < 0 || r.base_from > kMaxRateBase || r.base_to < 0 || r.base_to > kMaxRateBase)
    return Bad("base_from/base_to", "must be from 0 to 10^15 rupiah", "harus dari 0 sampai 10^15 rupiah");
  if (r.base_to != 0 && r.base_to <= r.base_from)
    return Bad("base_to", "must be above base_from (or empty: no upper bound)",
               "harus lebih besar dari base_from (atau kosong: tanpa batas atas)");
  if (r.effective_from == kNoDate)
    return Bad("effective_from", "the first day in force is required", "tanggal mulai berlaku wajib diisi");
  if (r.effective_to != kNoDate && r.effective_to < r.effective_from)
    return Bad("effective_to", "is before effective_from", "lebih awal dari effective_from");
  if (TrimView(r.regulation).empty())
    return Bad("regulation", "name the regulation the rate comes from (e.g. PP 44/2015)",
               "sebutkan regulasi asal tarif (mis. PP 44/2015)");
  if (r.regulation.size() > 200 || r.note.size() > 500)
    return Bad("regulation/note", "too long (at most 200 / 500 bytes)", "terlalu panjang (paling banyak 200 / 500 byte)");
  return Status::Ok();
}

}  // namespace cakupan
