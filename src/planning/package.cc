#include "planning/package.h"

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

const std::vector<Package>& Packages() {
  static const std::vector<Package> kPackages = {
      {"bpu-minimum", Segment::kBPU, kJKK | kJKM, "BPU minimum package (JKK + JKM)",
       "paket minimum BPU (JKK + JKM)"},
      {"bpu-jht", Segment::kBPU, kJKK | kJKM | kJHT, "BPU package with old-age savings (JKK + JKM + JHT)",
       "paket BPU dengan JHT (JKK + JKM + JHT)"},
      {"pu-full", Segment::kPU, kJKK | kJKM | kJHT | kJP | kJKP, "wage earners, all programmes (JKK + JKM + JHT + JP + JKP)",
       "penerima upah, semua program (JKK + JKM + JHT + JP + JKP)"},
      {"jakon", Segment::kJakon, kJKK | kJKM, "construction workers (JKK + JKM)", "pekerja jasa konstruksi (JKK + JKM)"},
  };
  return kPackages;
}

Result<Package> FindPackage(std::string_view id) {
  std::string key = NormalizeKey(id);
  for (const Package& p : Packages()) {
    if (key == NormalizeKey(p.id)) return p;
  }
  std::string known;
  for (const Package& p : Packages()) known += (known.empty() ? "" : ", ") + std::string(p.id);
  return Status::NotFound(std::string(Tr("unknown package '", "paket tidak dikenal '")) + std::string(id) + "' (" +
                          known + ")");
}

Result<Package> DefaultPackage(Segment segment) {
  switch (segment) {
    case Segment::kBPU: return FindPackage("bpu-minimum");
    case Segment::kPU: return FindPackage("pu-full");
    case Segment::kJakon: return FindPackage("jakon");
    default: break;
  }
  return Status::NotFound(std::string(Tr("no package for segment ", "tidak ada paket untuk segmen ")) +
                          SegmentCode(segment) + Tr("; name the programmes (e.g. JKK+JKM)",
                                                    "; sebutkan programnya (mis. JKK+JKM)"));
}

}  // namespace cakupan
