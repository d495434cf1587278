// GET /api/openapi.json — docs/api.md as an OpenAPI 3.0 document.
#include "api/api_support.h"
#include "api/handlers.h"

namespace cakupan {

namespace {

constexpr const char* kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "cakupan API",
    "version": "0.1.0",
    "description": "Employment social security (jaminan sosial ketenagakerjaan) coverage of Indonesian workers, from the nation down to every village. Figures are defined in docs/definitions.md; NIKs and names are always masked. Every endpoint reads, except the review decisions (POST /api/review/...), which need a server started with cakupan serve --allow-decisions and JSON from the server's own origin (docs/api.md)."
  },
  "servers": [{"url": "/"}],
  "components": {
    "parameters": {
      "period": {"name": "period", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}, "description": "YYYY-MM; default: the latest reconciled period"},
      "basis": {"name": "basis", "in": "query", "schema": {"type": "string", "enum": ["labour-force", "registry"], "default": "labour-force"}},
      "lang": {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["id", "en"], "default": "id"}},
      "format": {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv", "xlsx"], "default": "json"}},
      "region": {"name": "region", "in": "query", "schema": {"type": "string", "default": "0"}, "description": "Kemendagri region code, e.g. 17 or 17.04 (0 = Indonesia)"}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string", "enum": ["bad_request", "read_only", "cross_origin", "not_found", "no_boundaries", "method_not_allowed", "stale", "no_data", "busy", "too_large", "unsupported_media_type", "internal"]},
        "message": {"type": "string"}}}}},
      "DecisionRequest": {"type": "object", "required": ["kind"], "additionalProperties": false, "properties": {
        "kind": {"type": "string", "enum": ["link", "duplicate"]},
        "note": {"type": "string", "maxLength": 500, "description": "accept and reject only"},
        "period": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "links: the list's period; default the latest reconciled"}}},
      "Decision": {"type": "object", "properties": {
        "id": {"type": "string", "pattern": "^[0-9a-f]{12}$"}, "kind": {"type": "string"}, "period": {"type": "string", "nullable": true},
        "decision": {"type": "string", "enum": ["accept", "reject", ""]}, "decided_at": {"type": "string"}, "note": {"type": "string"},
        "needs_apply": {"type": "boolean", "description": "links: coverage changes after POST /api/review/apply or cakupan reconcile"}}},
      "ApplyState": {"type": "object", "properties": {
        "decisions_allowed": {"type": "boolean"}, "state": {"type": "string", "enum": ["idle", "running", "succeeded", "failed"]}, "run": {"type": "integer"},
        "started_at": {"type": "string", "nullable": true}, "finished_at": {"type": "string", "nullable": true},
        "periods": {"type": "array", "items": {"type": "string"}},
        "done": {"type": "array", "items": {"type": "object", "properties": {"period": {"type": "string"}, "linked_probabilistic": {"type": "integer"}, "linked_accepted": {"type": "integer"}, "review_pairs": {"type": "integer"}}}},
        "error": {"type": "string", "nullable": true}}},
      "RegionInfo": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "level": {"type": "string", "enum": ["national", "province", "regency", "district", "village"]}, "kind": {"type": "string"}, "has_children": {"type": "boolean"}, "path": {"type": "string"}}},
      "CoverageRow": {"type": "object", "properties": {
        "code": {"type": "string"}, "name": {"type": "string"}, "level": {"type": "string"}, "kind": {"type": "string"},
        "denominator": {"type": "integer", "nullable": true}, "denominator_period": {"type": "string", "nullable": true},
        "active": {"type": "integer"}, "non_active": {"type": "integer"}, "unregistered": {"type": "integer"}, "registry": {"type": "integer"}, "unmatched_active": {"type": "integer"},
        "coverage": {"type": "number", "nullable": true, "description": "active / denominator, a fraction"},
        "rank": {"type": "integer", "nullable": true}, "rank_of": {"type": "integer"},
        "target": {"type": "number", "nullable": true}, "gap_points": {"type": "number", "nullable": true}, "gap_workers": {"type": "integer", "nullable": true},
        "gap_national_points": {"type": "number", "nullable": true}, "gap_national_workers": {"type": "integer", "nullable": true}}},
      "CoverageReport": {"type": "object", "properties": {
        "period": {"type": "string"}, "basis": {"type": "string", "enum": ["labour-force", "registry"]},
        "national_reference": {"type": "number", "nullable": true}, "national_reference_note": {"type": "string", "nullable": true},
        "level": {"type": "string"}, "region": {"$ref": "#/components/schemas/CoverageRow"},
        "rows": {"type": "array", "items": {"$ref": "#/components/schemas/CoverageRow"}}, "active_not_in_rows": {"type": "integer"}}},
      "Breakdown": {"type": "object", "properties": {
        "period": {"type": "string"}, "basis": {"type": "string"}, "dimension": {"type": "string"}, "dimension_label": {"type": "string"}, "note": {"type": "string"},
        "region": {"$ref": "#/components/schemas/CoverageRow"},
        "rows": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "label": {"type": "string"}, "denominator": {"type": "integer", "nullable": true}, "active": {"type": "integer"}, "non_active": {"type": "integer"}, "unregistered": {"type": "integer"}, "coverage": {"type": "number", "nullable": true}, "share_of_active": {"type": "number"}}}}}},
      "Series": {"type": "object", "properties": {"region": {"$ref": "#/components/schemas/RegionInfo"}, "basis": {"type": "string"},
        "points": {"type": "array", "items": {"type": "object", "properties": {"period": {"type": "string"}, "denominator": {"type": "integer", "nullable": true}, "active": {"type": "integer"}, "coverage": {"type": "number", "nullable": true}, "target": {"type": "number", "nullable": true}, "national_reference": {"type": "number", "nullable": true}}}}}},
      "WorkerPage": {"type": "object", "properties": {"village": {"$ref": "#/components/schemas/RegionInfo"}, "period": {"type": "string"}, "status": {"type": "string"}, "total": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "pages": {"type": "integer"},
        "workers": {"type": "array", "items": {"type": "object", "properties": {"nik": {"type": "string", "example": "1704************"}, "name": {"type": "string", "example": "S*** A*****"}, "sex": {"type": "string", "nullable": true}, "age": {"type": "integer", "nullable": true}, "sector": {"type": "string", "nullable": true}, "occupation": {"type": "string", "nullable": true}, "decile": {"type": "integer", "nullable": true}, "vulnerable": {"type": "boolean", "nullable": true}, "status": {"type": "string", "enum": ["active", "non_active", "unregistered"]}, "segment": {"type": "string", "nullable": true}}}}}}
    },
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/api/status": {"get": {"summary": "What the server holds", "responses": {"200": {"description": "Periods, region counts, workers, loaded_at, decisions_allowed (the server takes review decisions)"}}}},
    "/api/regions": {"get": {"summary": "Children of a region, with the path from the root",
      "parameters": [{"name": "parent", "in": "query", "schema": {"type": "string", "default": "0"}}, {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "parent, path, children"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/regions/search": {"get": {"summary": "Regions by name or code",
      "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}],
      "responses": {"200": {"description": "results"}, "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/coverage": {"get": {"summary": "Coverage of a region and the regions at a level below it (same object as cakupan coverage --format json)",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["province", "regency", "district", "village"]}}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "The coverage report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CoverageReport"}}, "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/breakdown": {"get": {"summary": "A region's figures by segment, sex, formality, age band, vulnerability or decile",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"name": "dimension", "in": "query", "required": true, "schema": {"type": "string", "enum": ["segment", "sex", "formality", "age_band", "vulnerability", "decile"]}}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "The breakdown", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Breakdown"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/series": {"get": {"summary": "Coverage of a region over every reconciled period",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "The series", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Series"}}}}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/workers": {"get": {"summary": "Registry workers of a village for the period, paged, personal data masked",
      "parameters": [{"name": "village", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["unprotected", "unregistered", "non_active", "active", "all"], "default": "unprotected"}}, {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}, {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "One page (format=csv|xlsx: every page)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WorkerPage"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/boundaries": {"get": {"summary": "GeoJSON boundaries of the children of a region",
      "parameters": [{"name": "parent", "in": "query", "schema": {"type": "string", "default": "0"}}],
      "responses": {"200": {"description": "A FeatureCollection (properties.code, properties.name)", "content": {"application/geo+json": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/quality": {"get": {"summary": "Data-quality report of field enumeration per region (same object as cakupan quality --format json); with details=1 and a regency, district or village code, its findings per worker and per membership, personal data masked (docs/quality.md)",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["province", "regency", "district", "village"]}}, {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["score", "code", "workers"], "default": "score"}}, {"name": "details", "in": "query", "schema": {"type": "string", "enum": ["0", "1"], "default": "0"}}, {"name": "check", "in": "query", "schema": {"type": "string"}, "description": "with details=1: only this finding code, e.g. nik_not_digits"}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "period, reference_date, level, sort, checks, notes, thresholds, region, rows (each with findings: {code: {count, share}}, filled, memberships, village_z, employed, enumerated_share, coverage_labour_force, coverage_registry), coverage_anomalies; or region (and its alias village), summary, findings (nik, name, check, label, detail, region, source)", "content": {"application/json": {}, "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/review": {"get": {"summary": "Review queue of probable links or duplicates (same object as cakupan review list --format json), always masked (docs/linkage.md)",
      "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["link", "duplicate"], "default": "link"}}, {"name": "filter", "in": "query", "schema": {"type": "string", "enum": ["pending", "decided", "linked", "all"], "default": "pending"}}, {"name": "page", "in": "query", "schema": {"type": "integer", "default": 1}}, {"name": "page_size", "in": "query", "schema": {"type": "integer", "default": 50}}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "kind, period, computed_at, stale, pending, total, page, pages, items (id, band, method, decision, weight, probability, why [comparison, level, label], left, right, decided_at, note)", "content": {"application/json": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/review/{id}/accept": {"post": {"summary": "Accept a pair: the same person (cakupan review accept ID). Needs cakupan serve --allow-decisions; Content-Type application/json; an Origin header must name the server's host",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{12}$"}}, {"$ref": "#/components/parameters/lang"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DecisionRequest"}}}},
      "responses": {"200": {"description": "The decision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
                    "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}}},
    "/api/review/{id}/reject": {"post": {"summary": "Reject a pair: different persons (cakupan review reject ID); as accept",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{12}$"}}, {"$ref": "#/components/parameters/lang"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DecisionRequest"}}}},
      "responses": {"200": {"description": "The decision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
                    "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}}},
    "/api/review/{id}/undo": {"post": {"summary": "Remove the decision on a pair (cakupan review undo ID); body without note; 404 when the pair has no decision",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{12}$"}}, {"$ref": "#/components/parameters/lang"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DecisionRequest"}}}},
      "responses": {"200": {"description": "decision is empty", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
                    "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}}},
    "/api/review/apply": {
      "post": {"summary": "Apply the link decisions: reconcile again every period reconciled with linkage (as cakupan reconcile --period P), then reload the figures; runs in the background, one at a time",
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false}}}},
        "responses": {"202": {"description": "Started", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApplyState"}}}},
                      "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}}},
      "get": {"summary": "The state of the last run (poll until state is not running)",
        "responses": {"200": {"description": "The state", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApplyState"}}}}}}},
    "/api/cost": {"get": {"summary": "What contributions cost, per programme and per payer, for one worker or a group (same object as cakupan cost --format json; docs/planning.md). Money in whole rupiah.",
      "parameters": [{"name": "segment", "in": "query", "schema": {"type": "string", "enum": ["PU", "BPU", "Jakon"]}, "description": "default: the package's segment, else BPU"}, {"name": "package", "in": "query", "schema": {"type": "string", "enum": ["bpu-minimum", "bpu-jht", "pu-full", "jakon"]}}, {"name": "programmes", "in": "query", "schema": {"type": "string"}, "description": "instead of a package, e.g. JKK+JKM+JHT"}, {"name": "income", "in": "query", "schema": {"type": "string"}, "description": "BPU declared income a month (default: the lowest in the rate table)"}, {"name": "wage", "in": "query", "schema": {"type": "string"}, "description": "PU wage a month"}, {"name": "risk_class", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5}}, {"name": "contract_value", "in": "query", "schema": {"type": "string"}, "description": "Jakon: the contract's value"}, {"name": "months", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 120, "default": 1}}, {"name": "workers", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}, {"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "the day whose rates apply to the first month; default today"}, {"$ref": "#/components/parameters/lang"}, {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}}],
      "responses": {"200": {"description": "segment, package, programmes, monthly_base, contract_value, risk_class, date, months, workers, lines (programme, basis, rate_percent, amount, base, first_month, months, per_worker_month, recomposed_per_worker_month, total, effective_from, effective_to, regulation, tranches), by_programme, by_payer, first_month, per_worker, total (rupiah), notes, rounding", "content": {"application/json": {}, "text/csv": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/gaps": {"get": {"summary": "Per region below a region: the workers needed to reach a coverage target and the yearly cost of enrolling them with a package (same object as cakupan gaps --format json; docs/planning.md)",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["province", "regency", "district", "village"]}}, {"name": "target", "in": "query", "schema": {"type": "string", "default": "own"}, "description": "own (each region's imported target), national, or a coverage such as 39 or 39.5"}, {"name": "package", "in": "query", "schema": {"type": "string", "default": "bpu-minimum"}}, {"name": "programmes", "in": "query", "schema": {"type": "string"}}, {"name": "segment", "in": "query", "schema": {"type": "string"}}, {"name": "income", "in": "query", "schema": {"type": "string"}}, {"name": "wage", "in": "query", "schema": {"type": "string"}}, {"name": "risk_class", "in": "query", "schema": {"type": "integer"}}, {"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "period, basis, level, target (kind, value, numerator, denominator), national_reference, national_reference_note, denominator_grows (false), package, programmes, segment, cost_per_worker_year, worker_year (the cost object), region and rows (code, name, level, workers, active, coverage, target, needed, yearly_cost), rows_needed, rows_cost, rows_without_target, rows_without_workers", "content": {"application/json": {}, "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/projection": {"get": {"summary": "Per region below a region: the pace of active participants over the reconciled periods (least-squares slope a month), the month the coverage target is reached at that pace with the latest denominator held fixed, and the net monthly enrolment needed to reach it by a month (same object as cakupan projection --format json; docs/planning.md)",
      "parameters": [{"$ref": "#/components/parameters/region"}, {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["province", "regency", "district", "village"]}}, {"name": "target", "in": "query", "schema": {"type": "string", "default": "own"}, "description": "own (each region's imported target for the year of the latest period), national, or a coverage such as 39 or 39.5"}, {"name": "by", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}, "description": "the month to reach the target by, after the latest period; default December of the current year (or the first December after the latest period when later)"}, {"name": "periods", "in": "query", "schema": {"type": "integer", "minimum": 2, "maximum": 1200}, "description": "the pace over the last N reconciled periods; default all"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "basis, level, method (least_squares), min_periods, horizon_months, periods, periods_requested, stale_periods, latest_period, by, months_to_by, denominator_grows (false), target (kind, value, numerator, denominator), national_reference, national_reference_note, region and rows (code, name, level, workers, active, coverage, target, needed, series [period, active], pace_per_month, pace [numerator, denominator], status: reached | projected | not_at_pace | beyond_horizon | too_few_periods | no_target | no_denominator, months_to_target, reached_in, needed_per_month, on_track), status_counts, rows_on_track", "content": {"application/json": {}, "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/plan": {"get": {"summary": "Budget allocation: which unprotected registry workers a budget enrols under a priority policy, the cost, coverage before and after for the region and each row region, what stays unfunded, each funder's part (same object as cakupan plan --format json; docs/planning.md). Money in whole rupiah; NIKs and names always masked",
      "parameters": [{"name": "region", "in": "query", "required": true, "schema": {"type": "string"}, "description": "Kemendagri region code, e.g. 17 (0 = Indonesia; a village has no rows)"}, {"name": "budget", "in": "query", "required": true, "schema": {"type": "string"}, "description": "whole rupiah, e.g. 1000000000 (also 1.000.000.000); at most 10^15"}, {"name": "policy", "in": "query", "schema": {"type": "string", "enum": ["decile", "vulnerable", "lowest-coverage", "equal-share", "max-gain"], "default": "decile"}}, {"name": "package", "in": "query", "schema": {"type": "string", "enum": ["bpu-minimum", "bpu-jht"], "default": "bpu-minimum"}}, {"name": "income", "in": "query", "schema": {"type": "string"}, "description": "declared income a month (default: the lowest in the rate table)"}, {"name": "months", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 120, "default": 12}}, {"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "start of the contributions; default today"}, {"name": "funders", "in": "query", "schema": {"type": "string", "default": "apbd:100"}, "description": "cost sharing NAME:PERCENT,..., e.g. provinsi:30,kabupaten:70; must add up to 100"}, {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["province", "regency", "district", "village"]}, "description": "level of the rows; default one below the region"}, {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}, {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 500, "default": 50}, "description": "workers per page of the JSON list; 0 = all"}, {"$ref": "#/components/parameters/period"}, {"$ref": "#/components/parameters/basis"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "region (code, name, level and the row fields), period, basis, level, policy, policy_label, package, package_label, programmes, segment, income, months, date, cost_per_worker, budget, cost, remaining, candidates, candidates_by_status, excluded, eligibility, enrolled, unfunded, unfunded_cost, coverage_before, coverage_after (fractions), denominator_grows (false), funders (name, share_percent, share_pcm, amount), rows (code, name, level, workers, active_before, active_after, coverage_before, coverage_after, candidates, enrolled, cost, unfunded, allotted), enrolled_outside_rows, first_share, rounds, tie_break, workers (total, page, pages, page_size, items: rank, nik, name, village, village_name, row, row_name, sex, age, formality, decile, vulnerability, occupation, status, lapsed_segment, cost, reason), notes. CSV and XLSX: every enrolled worker (XLSX with a summary, regions and definitions)", "content": {"application/json": {}, "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                    "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.0"}}}}
  }
})json";

}  // namespace

HttpResponse HandleOpenApi(DashboardService&, const HttpRequest&) { return JsonResponse(kOpenApi); }

}  // namespace cakupan
