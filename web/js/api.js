// The JSON API client (docs/api.md). Every call passes the current language so
// that labels and error messages come back in it.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;  // HTTP status, 0 when the server could not be reached
    this.code = code;      // the API's stable code: stale, no_data, not_found, no_boundaries, ...
  }
}

// '/api/coverage', {region: '17', level: null} -> '/api/coverage?region=17'
export function apiUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export async function getJson(path, params, signal) {
  return request(apiUrl(path, params), { signal, headers: { Accept: 'application/json' } });
}

// A write (docs/api.md, "Review decisions"): JSON body, same origin. The
// server refuses other content types (415) and other origins (403).
export async function postJson(path, params, body, signal) {
  return request(apiUrl(path, params), {
    method: 'POST',
    signal,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
}

async function request(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', String(e.message || e));
  }
  let body = null;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = body && body.error;
    throw new ApiError(response.status, err ? err.code : 'http_' + response.status, err ? err.message : text.slice(0, 200));
  }
  if (body === null) throw new ApiError(response.status, 'bad_json', text.slice(0, 200));
  return body;
}
