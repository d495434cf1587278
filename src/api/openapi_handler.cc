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
    "description": "Employment social security (jaminan sosial ketenagakerjaan) coverage of Indonesian workers, from the nation down to every village. Figures are defined in docs/definitions.md; NIKs and names are always masked."
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
        "code": {"type": "string", "enum": ["bad_request", "not_found", "no_boundaries", "method_not_allowed", "stale", "no_data", "too_large", "internal"]},
        "message": {"type": "string"}}}}},
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
    "/api/status": {"get": {"summary": "What the server holds", "responses": {"200": {"description": "Periods, region counts, workers"}}}},
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
    "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.0"}}}}
  }
})json";

}  // namespace

HttpResponse HandleOpenApi(DashboardService&, const HttpRequest&) { return JsonResponse(kOpenApi); }

}  // namespace cakupan
