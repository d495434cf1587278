// GET /api/workers?village=CODE[&status=STATUS][&page=N][&page_size=N]
// Registry workers of a village for the period; personal data masked.
#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "api/handlers.h"
#include "present/coverage_json.h"
#include "present/xlsx.h"

namespace cakupan {

namespace {

const char* StatusLabel(WorkerStatus s) {
  switch (s) {
    case WorkerStatus::kActive: return Tr("active", "aktif");
    case WorkerStatus::kNonActive: return Tr("non-active", "non-aktif");
    case WorkerStatus::kUnregistered: return Tr("unregistered", "belum terdaftar");
  }
  return "";
}

}  // namespace

HttpResponse HandleWorkers(DashboardService& service, const HttpRequest& req) {
  auto params = ParseCommonParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  ScopedThreadLanguage lang(params->lang);
  auto village = RequiredParam(req, "village");
  if (!village.ok()) return ErrorResponse(village.status());
  auto filter = ParseWorkerFilter(req.Query("status").value_or(""));
  if (!filter) {
    return ErrorResponse(Status::InvalidArgument(
        Tr("status must be unprotected, unregistered, non_active, active or all",
           "status harus unprotected, unregistered, non_active, active atau all")));
  }
  const bool download = params->format != ApiFormat::kJson;
  auto page = IntParam(req, "page", 1, 1, 1000000);
  if (!page.ok()) return ErrorResponse(page.status());
  auto page_size = IntParam(req, "page_size", 50, 1, 500);
  if (!page_size.ok()) return ErrorResponse(page_size.status());
  auto result = service.Workers(*village, params->period, *filter, download ? 1 : *page, download ? 0 : *page_size);
  if (!result.ok()) return ErrorResponse(result.status());
  const WorkerPage& wp = *result;
  const std::string stem = "pekerja-" + FileStem(wp.village.code.ToString()) + "-" + WorkerFilterName(wp.filter) +
                           "-" + wp.period.ToString();
  if (params->format == ApiFormat::kCsv) {
    std::string csv = "nik,name,sex,age,sector,occupation,decile,vulnerable,status,segment\n";
    for (const auto& w : wp.workers) {
      csv += w.nik_masked + "," + CsvField(w.name_masked) + "," + SexCode(w.sex) + "," +
             (w.age ? std::to_string(*w.age) : "") + "," + FormalityCode(w.formality) + "," + CsvField(w.occupation) +
             "," + (w.decile ? std::to_string(w.decile) : "") + "," +
             (w.vulnerability == Vulnerability::kUnknown ? "" : w.vulnerability == Vulnerability::kVulnerable ? "1" : "0") +
             "," + WorkerStatusCode(w.status) + "," + SegmentCode(w.segment) + "\n";
    }
    return CsvDownload(std::move(csv), stem);
  }
  if (params->format == ApiFormat::kXlsx) {
    XlsxSheet s;
    s.name = Tr("Workers", "Pekerja");
    s.title = std::string(Tr("Registry workers", "Pekerja terdata")) + " \u2014 " + wp.village.name + " (" +
              wp.village.code.ToString() + "), " +
              (CurrentLanguage() == Lang::kEn ? wp.period.ToString() : wp.period.ToIndonesian());
    s.notes = {Tr("NIKs and names are masked (UU 27/2022 on personal data protection).",
                  "NIK dan nama disamarkan (UU 27/2022 tentang Pelindungan Data Pribadi).")};
    s.columns = {{"NIK", XlsxKind::kText, 19},           {Tr("Name", "Nama"), XlsxKind::kText, 22},
                 {Tr("Sex", "L/P"), XlsxKind::kText, 6},  {Tr("Age", "Umur"), XlsxKind::kCount, 7},
                 {Tr("Sector", "Sektor"), XlsxKind::kText, 10}, {Tr("Occupation", "Pekerjaan"), XlsxKind::kText, 22},
                 {Tr("Decile", "Desil"), XlsxKind::kCount, 7}, {Tr("Vulnerable", "Rentan"), XlsxKind::kText, 8},
                 {Tr("Status", "Status"), XlsxKind::kText, 16}, {Tr("Segment", "Segmen"), XlsxKind::kText, 8}};
    for (const auto& w : wp.workers) {
      s.rows.push_back({w.nik_masked, w.name_masked, std::string(SexCode(w.sex)),
                        w.age ? XlsxCell(static_cast<double>(*w.age)) : XlsxCell(std::monostate{}),
                        std::string(FormalityCode(w.formality)), w.occupation,
                        w.decile ? XlsxCell(static_cast<double>(w.decile)) : XlsxCell(std::monostate{}),
                        std::string(w.vulnerability == Vulnerability::kVulnerable      ? Tr("yes", "ya")
                                    : w.vulnerability == Vulnerability::kNotVulnerable ? Tr("no", "tidak")
                                                                                       : ""),
                        std::string(StatusLabel(w.status)), std::string(SegmentCode(w.segment))});
    }
    auto bytes = WriteXlsx({s});
    if (!bytes.ok()) return ErrorResponse(bytes.status());
    return XlsxDownload(std::move(*bytes), stem);
  }
  nlohmann::json workers = nlohmann::json::array();
  for (const auto& w : wp.workers) {
    workers.push_back({{"nik", w.nik_masked},
                       {"name", w.name_masked},
                       {"sex", w.sex == Sex::kUnknown ? nlohmann::json(nullptr) : nlohmann::json(SexCode(w.sex))},
                       {"age", w.age ? nlohmann::json(*w.age) : nlohmann::json(nullptr)},
                       {"sector", w.formality == Formality::kUnknown ? nlohmann::json(nullptr)
                                                                     : nlohmann::json(FormalityCode(w.formality))},
                       {"occupation", w.occupation.empty() ? nlohmann::json(nullptr) : nlohmann::json(w.occupation)},
                       {"decile", w.decile ? nlohmann::json(w.decile) : nlohmann::json(nullptr)},
                       {"vulnerable", w.vulnerability == Vulnerability::kUnknown
                                          ? nlohmann::json(nullptr)
                                          : nlohmann::json(w.vulnerability == Vulnerability::kVulnerable)},
                       {"status", WorkerStatusCode(w.status)},
                       {"segment", w.segment == Segment::kNone ? nlohmann::json(nullptr)
                                                               : nlohmann::json(SegmentCode(w.segment))}});
  }
  nlohmann::json j = {{"village", RegionInfoJson(wp.village)},
                      {"period", wp.period.ToString()},
                      {"status", WorkerFilterName(wp.filter)},
                      {"total", wp.total},
                      {"page", wp.page},
                      {"page_size", wp.page_size},
                      {"pages", wp.pages},
                      {"workers", workers}};
  return JsonResponse(j.dump());
}

}  // namespace cakupan
