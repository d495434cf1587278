#include "planning/funders.h"

#include <algorithm>
#include <numeric>

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

namespace {

Status BadFunders(std::string_view text, const std::string& why) {
  return Status::InvalidArgument(std::string("funders: '") + std::string(text) + "': " + why);
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 40) return false;
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                    ch == '_' || ch == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::vector<Funder> DefaultFunders() { return {Funder{"apbd", kPcmPerWhole, 0}}; }

Result<std::vector<Funder>> ParseFunders(std::string_view text) {
  const std::string_view t = TrimView(text);
  if (t.empty())
    return BadFunders(text, Tr("no funder given (e.g. provinsi:30,kabupaten:70)",
                               "tidak ada penyandang dana (mis. provinsi:30,kabupaten:70)"));
  // Entries are separated by ';' when there is one, else by ','. With ','
  // as the separator a decimal comma is impossible, so "a:12,5" reads as
  // two entries and fails on "5" (no ':'), with a hint to use ';'.
  const char sep = t.find(';') != std::string_view::npos ? ';' : ',';
  std::vector<Funder> out;
  int64_t total = 0;
  for (std::string_view entry : SplitView(t, sep)) {
    entry = TrimView(entry);
    if (entry.empty()) continue;
    const size_t colon = entry.find(':');
    if (colon == std::string_view::npos) {
      return BadFunders(text, std::string(Tr("entry '", "entri '")) + std::string(entry) +
                                  Tr("' is not NAME:PERCENT (with decimal commas, separate funders with ';')",
                                     "' bukan NAMA:PERSEN (jika persen memakai koma desimal, pisahkan penyandang "
                                     "dana dengan ';')"));
    }
    Funder f;
    f.name = std::string(TrimView(entry.substr(0, colon)));
    if (!ValidName(f.name)) {
      return BadFunders(text, std::string(Tr("funder name '", "nama penyandang dana '")) + f.name +
                                  Tr("' must be 1-40 letters, digits, '-', '_' or '.'",
                                     "' harus 1-40 huruf, angka, '-', '_' atau '.'"));
    }
    const std::string_view share_text = TrimView(entry.substr(colon + 1));
    auto pcm = ParsePercentPcm(share_text);
    if (!pcm || *pcm <= 0 || *pcm > kPcmPerWhole) {
      return BadFunders(text, std::string(Tr("share of ", "bagian ")) + f.name + " '" + std::string(share_text) +
                                  Tr("' must be a percentage above 0 and at most 100 (at most three decimals)",
                                     "' harus persentase di atas 0 dan paling banyak 100 (paling banyak tiga "
                                     "desimal)"));
    }
    for (const Funder& g : out) {
      if (EqualsIgnoreCaseAscii(g.name, f.name))
        return BadFunders(text, std::string(Tr("funder ", "penyandang dana ")) + f.name +
                                    Tr(" is listed twice", " disebut dua kali"));
    }
    f.share_pcm = *pcm;
    total += *pcm;
    out.push_back(std::move(f));
    if (static_cast<int>(out.size()) > kMaxFunders)
      return BadFunders(text, Tr("more than 20 funders", "lebih dari 20 penyandang dana"));
  }
  if (out.empty())
    return BadFunders(text, Tr("no funder given (e.g. provinsi:30,kabupaten:70)",
                               "tidak ada penyandang dana (mis. provinsi:30,kabupaten:70)"));
  if (total != kPcmPerWhole) {
    return BadFunders(text, std::string(Tr("the shares add up to ", "jumlah bagian ")) + FormatPcmPercent(total) +
                                Tr(", not 100%", ", bukan 100%"));
  }
  return out;
}

void SplitCost(Rupiah cost, std::vector<Funder>& funders) {
  std::vector<int64_t> remainder(funders.size());
  Rupiah given = 0;
  for (size_t i = 0; i < funders.size(); ++i) {
    const __int128 exact = static_cast<__int128>(cost) * funders[i].share_pcm;
    funders[i].amount = static_cast<Rupiah>(exact / kPcmPerWhole);
    remainder[i] = static_cast<int64_t>(exact % kPcmPerWhole);
    given += funders[i].amount;
  }
  std::vector<size_t> order(funders.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainder[a] > remainder[b]; });
  for (size_t k = 0; given < cost && k < order.size(); ++k, ++given) ++funders[order[k]].amount;
}

}  // namespace cakupan
