// cakupan review list|accept|reject|undo — the review queue of probable links
// and duplicates (docs/linkage.md, "Review").
// cakupan dedupe — finds the same worker twice in the registry.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "api/review_json.h"
#include "base/format_id.h"
#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "linkage/linkage.h"
#include "present/text_table.h"
#include "services/review_service.h"

namespace cakupan {

namespace {

struct ReviewArgs {
  std::string kind = "link";
  std::string period;
  std::string filter = "pending";
  int page = 1;
  int page_size = 50;
  std::string format = "table";
  bool unmask = false;
  std::string id;
  std::string note;
};

Status ParseCommon(const ReviewArgs& a, PairKind* kind, std::optional<Period>* period) {
  std::optional<PairKind> k = ParsePairKind(a.kind);
  if (!k) return Status::InvalidArgument(Tr("--kind must be link or duplicate", "--kind harus link atau duplicate"));
  *kind = *k;
  if (!a.period.empty()) {
    *period = Period::Parse(a.period);
    if (!*period)
      return Status::InvalidArgument(std::string(Tr("bad --period '", "--period tidak valid '")) + a.period + "' (YYYY-MM)");
  }
  return Status::Ok();
}

std::string Side(const ReviewSide& s) {
  std::string text = s.nik.empty() ? std::string(Tr("(no NIK)", "(tanpa NIK)")) : s.nik;
  if (!s.nik_issue.empty()) text += " [" + s.nik_issue + "]";
  text += " " + s.name;
  if (!s.sex.empty()) text += " " + s.sex;
  if (!s.birth_date.empty()) text += " " + s.birth_date;
  if (!s.region.empty()) text += " " + s.region;
  return text;
}

std::string WhyShort(const ScoredLink& p) {
  std::string out;
  for (int c = 0; c < kComparisons; ++c) {
    const auto comparison = static_cast<Comparison>(c);
    if (p.levels[c] + 1 >= LevelCount(comparison)) continue;  // missing: says nothing
    if (!out.empty()) out += "; ";
    out += LevelLabel(comparison, p.levels[c]);
  }
  return out;
}

void PrintTable(const ReviewList& list) {
  if (list.kind == PairKind::kLink) {
    std::printf("%s %s — %s\n", Tr("Probable links, period", "Kemungkinan tautan, periode"),
                list.period ? list.period->ToString().c_str() : "-", list.computed_at.c_str());
  } else {
    std::printf("%s — %s\n", Tr("Probable duplicates in the registry", "Kemungkinan data ganda di registri"),
                list.computed_at.c_str());
  }
  if (list.stale) {
    std::printf("%s\n", Tr("! the data changed since: run the command again to refresh the list",
                           "! data telah berubah: jalankan ulang perintahnya untuk memperbarui daftar"));
  }
  TextTable t;
  t.AddColumn("id", TextTable::Align::kLeft);
  t.AddColumn(Tr("band", "kelompok"), TextTable::Align::kLeft);
  t.AddColumn(Tr("prob.", "prob."), TextTable::Align::kRight);
  t.AddColumn(Tr("weight", "bobot"), TextTable::Align::kRight);
  t.AddColumn(Tr("registry", "registri"), TextTable::Align::kLeft);
  t.AddColumn(list.kind == PairKind::kLink ? Tr("extract", "data BPJS") : Tr("registry (2)", "registri (2)"),
              TextTable::Align::kLeft);
  t.AddColumn(Tr("decision", "keputusan"), TextTable::Align::kLeft);
  for (const ReviewItem& item : list.items) {
    const ScoredLink& p = item.pair;
    std::string decision = DecisionCode(p.decision);
    if (p.method == LinkMethod::kProbabilistic || p.method == LinkMethod::kAccepted)
      decision += decision.empty() ? LinkMethodCode(p.method) : std::string("/") + LinkMethodCode(p.method);
    t.AddRow({item.id, PairBandCode(p.band), FormatDecimal(p.probability * 100, 1) + "%", FormatDecimal(p.weight, 1),
              Side(item.left), Side(item.right), decision});
    t.AddRow({"", "", "", "", "  " + WhyShort(p), "", ""});
  }
  std::fputs(t.Render().c_str(), stdout);
  std::printf("%s: %s; %s %d/%d; %s: %s\n", Tr("listed", "ditampilkan"), FormatCount(list.total).c_str(),
              Tr("page", "halaman"), list.page, std::max(list.pages, 1), Tr("waiting for review", "menunggu tinjauan"),
              FormatCount(list.pending).c_str());
  if (!list.items.empty()) {
    std::printf("%s\n", Tr("Decide: cakupan review accept ID | cakupan review reject ID [--note TEXT]",
                           "Putuskan: cakupan review accept ID | cakupan review reject ID [--note TEKS]"));
  }
}

void AddCommonOptions(CLI::App* cmd, ReviewArgs* a) {
  cmd->add_option("--kind", a->kind, Tr("link (registry and extract) or duplicate (registry twice)",
                                        "link (registri dan data BPJS) atau duplicate (registri dua kali)"))
      ->capture_default_str();
  cmd->add_option("--period", a->period, Tr("month YYYY-MM of the links (default: the latest reconciled)",
                                            "bulan YYYY-MM tautan (bawaan: rekonsiliasi terbaru)"));
}

}  // namespace

void RegisterReview(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* review = app.add_subcommand(
      "review", Tr("review probable links and duplicates: list, accept, reject, undo",
                   "tinjau kemungkinan tautan dan data ganda: list, accept, reject, undo"));
  review->require_subcommand(1);

  auto list_args = std::make_shared<ReviewArgs>();
  CLI::App* list = review->add_subcommand("list", Tr("list pairs (default: those waiting for review)",
                                                     "tampilkan pasangan (bawaan: yang menunggu tinjauan)"));
  AddCommonOptions(list, list_args.get());
  list->add_option("--filter", list_args->filter, "pending | decided | linked | all")->capture_default_str();
  list->add_option("--page", list_args->page, Tr("page, from 1", "halaman, mulai 1"))->capture_default_str();
  list->add_option("--page-size", list_args->page_size, Tr("pairs per page (1-1000)", "pasangan per halaman (1-1000)"))
      ->capture_default_str();
  list->add_option("--format", list_args->format, "table | json")->capture_default_str();
  list->add_flag("--unmask", list_args->unmask,
                 Tr("show full NIKs and names (personal data, UU 27/2022: only for authorised reviewers)",
                    "tampilkan NIK dan nama lengkap (data pribadi, UU 27/2022: hanya untuk peninjau berwenang)"));
  list->callback([&ctx, &action, list_args]() {
    action = [&ctx, list_args]() -> int {
      ReviewQuery q;
      if (Status st = ParseCommon(*list_args, &q.kind, &q.period); !st.ok()) return ctx.Fail(st);
      std::optional<ReviewFilter> f = ParseReviewFilter(list_args->filter);
      if (!f) return ctx.Fail(Status::InvalidArgument("--filter: pending | decided | linked | all"));
      if (list_args->format != "table" && list_args->format != "json")
        return ctx.Fail(Status::InvalidArgument("--format: table | json"));
      q.filter = *f;
      q.page = list_args->page;
      q.page_size = list_args->page_size;
      q.unmask = list_args->unmask;
      auto store = ctx.OpenStore(true);
      if (!store.ok()) return ctx.Fail(store.status());
      ReviewService service(**store, ctx.clock(), ctx.progress());
      auto result = service.List(q);
      if (!result.ok()) return ctx.Fail(result.status());
      if (list_args->format == "json") {
        std::printf("%s\n", ReviewListJson(*result).dump(2).c_str());
      } else {
        PrintTable(*result);
      }
      return kExitOk;
    };
  });

  for (const auto& [name, decision] : {std::pair{"accept", Decision::kAccept}, std::pair{"reject", Decision::kReject}}) {
    auto args = std::make_shared<ReviewArgs>();
    CLI::App* cmd = review->add_subcommand(
        name, decision == Decision::kAccept
                  ? Tr("accept a pair: the same person", "terima pasangan: orang yang sama")
                  : Tr("reject a pair: different persons", "tolak pasangan: orang yang berbeda"));
    AddCommonOptions(cmd, args.get());
    cmd->add_option("id", args->id, Tr("the pair's id from cakupan review list", "id pasangan dari cakupan review list"))
        ->required();
    cmd->add_option("--note", args->note, Tr("why (at most 500 bytes)", "alasan (paling banyak 500 byte)"));
    const Decision d = decision;
    cmd->callback([&ctx, &action, args, d]() {
      action = [&ctx, args, d]() -> int {
        PairKind kind;
        std::optional<Period> period;
        if (Status st = ParseCommon(*args, &kind, &period); !st.ok()) return ctx.Fail(st);
        auto store = ctx.OpenStore(false);
        if (!store.ok()) return ctx.Fail(store.status());
        ReviewService service(**store, ctx.clock(), ctx.progress());
        auto saved = service.Decide(kind, args->id, d, args->note, period);
        if (!saved.ok()) return ctx.Fail(saved.status());
        std::printf("%s %s: %s\n", Tr("pair", "pasangan"), args->id.c_str(),
                    d == Decision::kAccept ? Tr("accepted", "diterima") : Tr("rejected", "ditolak"));
        if (kind == PairKind::kLink) {
          std::printf("%s\n", Tr("Applied by the next reconciliation: cakupan reconcile",
                                 "Berlaku pada rekonsiliasi berikutnya: cakupan reconcile"));
        }
        return kExitOk;
      };
    });
  }

  auto undo_args = std::make_shared<ReviewArgs>();
  CLI::App* undo = review->add_subcommand("undo", Tr("remove the decision on a pair", "hapus keputusan atas pasangan"));
  AddCommonOptions(undo, undo_args.get());
  undo->add_option("id", undo_args->id, Tr("the pair's id", "id pasangan"))->required();
  undo->callback([&ctx, &action, undo_args]() {
    action = [&ctx, undo_args]() -> int {
      PairKind kind;
      std::optional<Period> period;
      if (Status st = ParseCommon(*undo_args, &kind, &period); !st.ok()) return ctx.Fail(st);
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      ReviewService service(**store, ctx.clock(), ctx.progress());
      Status st = service.Undo(kind, undo_args->id, period);
      if (!st.ok()) return ctx.Fail(st);
      std::printf("%s %s: %s\n", Tr("pair", "pasangan"), undo_args->id.c_str(),
                  Tr("decision removed", "keputusan dihapus"));
      return kExitOk;
    };
  });
}

void RegisterDedupe(CLI::App& app, Context& ctx, Action& action) {
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "dedupe", Tr("find the same worker registered twice (probabilistic; results in cakupan review list --kind duplicate)",
                   "cari pekerja yang terdata dua kali (probabilistik; hasil di cakupan review list --kind duplicate)"));
  cmd->add_option("--format", *format, "table | json")->capture_default_str();
  cmd->callback([&ctx, &action, format]() {
    action = [&ctx, format]() -> int {
      if (*format != "table" && *format != "json") return ctx.Fail(Status::InvalidArgument("--format: table | json"));
      auto store = ctx.OpenStore(false);
      if (!store.ok()) return ctx.Fail(store.status());
      ReviewService service(**store, ctx.clock(), ctx.progress());
      auto rec = service.Dedupe(DedupeOptions{});
      if (!rec.ok()) return ctx.Fail(rec.status());
      int64_t match = 0, review = 0;
      for (const ScoredLink& p : rec->pairs) (p.band == PairBand::kMatch ? match : review)++;
      if (*format == "json") {
        nlohmann::json j = {{"computed_at", rec->computed_at}, {"comparisons", rec->comparisons},
                            {"seconds", rec->seconds},         {"match", match},
                            {"review", review}};
        std::printf("%s\n", j.dump(2).c_str());
      } else {
        std::printf("%s: %s %s, %s %s (%s %s, %s s)\n", Tr("Probable duplicates", "Kemungkinan data ganda"),
                    FormatCount(match).c_str(), Tr("very likely", "sangat mungkin"), FormatCount(review).c_str(),
                    Tr("to review", "perlu ditinjau"), FormatCount(rec->comparisons).c_str(),
                    Tr("pairs compared", "pasangan dibandingkan"), FormatDecimal(rec->seconds, 1).c_str());
        std::printf("%s\n", Tr("List: cakupan review list --kind duplicate --filter all",
                               "Lihat: cakupan review list --kind duplicate --filter all"));
      }
      return kExitOk;
    };
  });
}

}  // namespace cakupan
