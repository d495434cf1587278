#include "planning/rate_file.h"

#include "base/i18n.h"
#include "base/strings.h"
#include "planning/money.h"

namespace cakupan {

namespace {

enum Col {
  kProgramme, kSegment, kRiskClass, kBasis, kRatePercent, kAmount, kEmployer, kWorker, kGovernment, kRecomposed,
  kBaseMin, kBaseCap, kBaseFrom, kBaseTo, kEffectiveFrom, kEffectiveTo, kRegulation, kNote, kColumnCount
};

struct Spec {
  const char* name;
  std::vector<const char*> aliases;  // NormalizeKey forms
  bool required;
};

const std::vector<Spec>& Specs() {
  static const std::vector<Spec> kSpecs = {
      {"programme", {"program", "programmes", "programs", "program_jaminan", "jaminan"}, true},
      {"segment", {"segmen", "kepesertaan", "jenis_kepesertaan"}, true},
      {"risk_class", {"kelas_risiko", "tingkat_risiko", "risiko"}, false},
      {"basis", {"dasar", "dasar_iuran", "jenis_tarif"}, true},
      {"rate_percent", {"rate", "tarif", "tarif_persen", "persen", "iuran_persen"}, false},
      {"amount", {"nominal", "iuran_nominal", "jumlah_rp", "rupiah"}, false},
      {"employer", {"pemberi_kerja", "perusahaan"}, false},
      {"worker", {"pekerja", "peserta"}, false},
      {"government", {"pemerintah"}, false},
      {"recomposed", {"rekomposisi"}, false},
      {"base_min", {"dasar_minimum", "penghasilan_minimum", "batas_bawah"}, false},
      {"base_cap", {"batas_upah", "batas_atas_upah", "batas_atas", "upah_maksimum"}, false},
      {"base_from", {"rentang_dari", "nilai_dari", "dari"}, false},
      {"base_to", {"rentang_sampai", "nilai_sampai", "sampai"}, false},
      {"effective_from", {"berlaku_mulai", "mulai_berlaku", "tanggal_mulai", "berlaku_dari"}, true},
      {"effective_to", {"berlaku_sampai", "akhir_berlaku", "tanggal_akhir"}, false},
      {"regulation", {"regulasi", "dasar_hukum", "peraturan"}, true},
      {"note", {"catatan", "keterangan"}, false},
  };
  return kSpecs;
}

std::optional<uint8_t> ParseRiskClass(std::string_view text) {
  const std::string t = NormalizeKey(text);
  if (t.empty()) return 0;
  if (t.size() == 1 && t[0] >= '1' && t[0] <= '5') return static_cast<uint8_t>(t[0] - '0');
  if (t == "sangat_rendah" || t == "very_low") return 1;
  if (t == "rendah" || t == "low") return 2;
  if (t == "sedang" || t == "medium") return 3;
  if (t == "tinggi" || t == "high") return 4;
  if (t == "sangat_tinggi" || t == "very_high") return 5;
  return std::nullopt;
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string RupiahCell(int64_t v) { return v == 0 ? std::string() : std::to_string(v); }
std::string PcmCell(int64_t v) { return v == 0 ? std::string() : PcmDecimalText(v); }

}  // namespace

const std::vector<std::string>& RateFileColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> out;
    for (const Spec& s : Specs()) out.push_back(s.name);
    return out;
  }();
  return kColumns;
}

Result<ParsedRates> ParseRateFile(std::string_view file_name, const std::vector<std::string>& header,
                                  const std::vector<RateFileRecord>& records) {
  const std::string file(file_name);
  const std::vector<Spec>& specs = Specs();
  std::vector<int> field_of(kColumnCount, -1);
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string key = NormalizeKey(header[i]);
    if (key.empty()) continue;
    int found = -1;
    for (int c = 0; c < kColumnCount && found < 0; ++c) {
      if (key == specs[c].name) found = c;
      for (const char* alias : specs[c].aliases)
        if (key == alias) found = c;
    }
    if (found < 0) {
      return Status::DataError(file + ": " + Tr("unknown column '", "kolom tidak dikenal '") + header[i] + "' (" +
                               Join(RateFileColumns(), ", ") + ")");
    }
    if (field_of[found] >= 0) {
      return Status::DataError(file + ": " + Tr("column '", "kolom '") + specs[found].name +
                               Tr("' appears twice", "' muncul dua kali"));
    }
    field_of[found] = static_cast<int>(i);
  }
  for (int c = 0; c < kColumnCount; ++c) {
    if (specs[c].required && field_of[c] < 0)
      return Status::DataError(file + ": " + Tr("required column missing: ", "kolom wajib tidak ada: ") + specs[c].name);
  }
  if (field_of[kRatePercent] < 0 && field_of[kAmount] < 0)
    return Status::DataError(file + ": " + Tr("needs a column rate_percent or amount", "memerlukan kolom rate_percent atau amount"));
  if (records.empty()) return Status::DataError(file + ": " + Tr("no data rows", "tidak ada baris data"));

  ParsedRates out;
  std::vector<std::string> problems;
  size_t more = 0;
  for (const RateFileRecord& rec : records) {
    const std::string where = file + Tr(" line ", " baris ") + std::to_string(rec.line);
    auto cell = [&](int c) -> std::string_view {
      const int f = field_of[c];
      return f >= 0 && static_cast<size_t>(f) < rec.fields.size() ? TrimView(rec.fields[f]) : std::string_view();
    };
    std::string problem;
    auto fail = [&](int c, const char* en, const char* id) {
      if (problem.empty())
        problem = where + ": " + specs[c].name + ": '" + std::string(cell(c)) + "' " + Tr(en, id);
    };
    ContributionRate r;
    if (auto p = ParseProgrammes(cell(kProgramme)); p && *p != 0) r.programmes = *p;
    else fail(kProgramme, "is not a programme (JKK, JKM, JHT, JP, JKP; JKK+JKM for a contract tranche)",
              "bukan program (JKK, JKM, JHT, JP, JKP; JKK+JKM untuk tranche kontrak)");
    if (auto s = ParseSegment(cell(kSegment)); s && *s != Segment::kNone) r.segment = *s;
    else fail(kSegment, "is not a segment (PU, BPU, Jakon, PMI)", "bukan segmen (PU, BPU, Jakon, PMI)");
    if (auto k = ParseRiskClass(cell(kRiskClass))) r.risk_class = *k;
    else fail(kRiskClass, "is not a risk class (1-5, or empty)", "bukan kelas risiko (1-5, atau kosong)");
    if (auto b = ParseRateBasis(cell(kBasis))) r.basis = *b;
    else fail(kBasis, "is not a basis (percent, flat, contract)", "bukan dasar iuran (percent, flat, contract)");
    const bool flat = r.basis == RateBasis::kFlat;
    auto percent = [&](int c, int64_t* out) {
      if (cell(c).empty()) return;
      if (auto v = ParsePercentPcm(cell(c)); v && *v <= kPcmPerWhole) *out = *v;
      else fail(c, "is not a percentage from 0 to 100 with at most three decimals",
                "bukan persentase 0 sampai 100 dengan paling banyak tiga desimal");
    };
    auto rupiah = [&](int c, int64_t* out) {
      if (cell(c).empty()) return;
      if (auto v = ParseRupiah(cell(c)); v && *v <= kMaxRateBase) *out = *v;
      else fail(c, "is not a whole number of rupiah", "bukan bilangan bulat rupiah");
    };
    percent(kRatePercent, &r.rate_pcm);
    rupiah(kAmount, &r.amount);
    for (auto [c, target] : {std::pair{kEmployer, &r.employer}, std::pair{kWorker, &r.worker},
                             std::pair{kGovernment, &r.government}, std::pair{kRecomposed, &r.recomposed}}) {
      if (flat) rupiah(c, target);
      else percent(c, target);
    }
    rupiah(kBaseMin, &r.base_min);
    rupiah(kBaseCap, &r.base_cap);
    rupiah(kBaseFrom, &r.base_from);
    rupiah(kBaseTo, &r.base_to);
    if (auto d = ParseDate(cell(kEffectiveFrom))) r.effective_from = *d;
    else fail(kEffectiveFrom, "is not a date (YYYY-MM-DD)", "bukan tanggal (YYYY-MM-DD)");
    if (!cell(kEffectiveTo).empty()) {
      if (auto d = ParseDate(cell(kEffectiveTo))) r.effective_to = *d;
      else fail(kEffectiveTo, "is not a date (YYYY-MM-DD), or empty", "bukan tanggal (YYYY-MM-DD), atau kosong");
    }
    r.regulation = std::string(cell(kRegulation));
    r.note = std::string(cell(kNote));
    if (!IsValidUtf8(r.regulation) || !IsValidUtf8(r.note))
      fail(kRegulation, "is not UTF-8 text", "bukan teks UTF-8");
    if (problem.empty()) {
      if (Status st = ValidateContributionRate(r); !st.ok()) problem = where + ": " + st.message();
    }
    if (!problem.empty()) {
      if (problems.size() < 20) problems.push_back(std::move(problem));
      else ++more;
      continue;
    }
    out.rows.push_back(std::move(r));
    out.labels.push_back(where);
  }
  if (!problems.empty()) {
    std::string msg = Join(problems, "\n");
    if (more > 0) msg += "\n" + std::string(Tr("... and ", "... dan ")) + std::to_string(more) + Tr(" more", " lainnya");
    return Status::InvalidArgument(msg);
  }
  return out;
}

std::string RateFileCsv(const std::vector<ContributionRate>& rows) {
  std::string out = Join(RateFileColumns(), ",") + "\n";
  for (const ContributionRate& r : rows) {
    const bool flat = r.basis == RateBasis::kFlat;
    auto share = [&](int64_t v) { return flat ? RupiahCell(v) : PcmCell(v); };
    const std::vector<std::string> cells = {
        FormatProgrammes(r.programmes),
        SegmentCode(r.segment),
        r.risk_class == 0 ? std::string() : std::to_string(r.risk_class),
        RateBasisCode(r.basis),
        flat ? std::string() : PcmDecimalText(r.rate_pcm),
        flat ? std::to_string(r.amount) : std::string(),
        share(r.employer),
        share(r.worker),
        share(r.government),
        share(r.recomposed),
        RupiahCell(r.base_min),
        RupiahCell(r.base_cap),
        r.basis == RateBasis::kContract || r.base_from != 0 ? std::to_string(r.base_from) : std::string(),
        RupiahCell(r.base_to),
        FormatIsoDate(r.effective_from),
        FormatIsoDate(r.effective_to),
        r.regulation,
        r.note,
    };
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + CsvCell(cells[i]);
    out += line + "\n";
  }
  return out;
}

}  // namespace cakupan
