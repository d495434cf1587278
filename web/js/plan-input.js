// What an officer types into the planning page, read and checked before any
// request: a budget ("1.000.000.000", "Rp 1 M", "1,5 miliar", "500 jt"), a
// coverage target ("39", "39,5%") and the funders' split ("Provinsi 30%,
// Kabupaten 70%", summing to 100%). Pure functions without the DOM, so that
// tests/browser/plan-input.test.mjs runs them under node. Errors are keys of
// i18n.js (`budget_err_*`, `target_err_*`, `funder_err_*`).

// Above this a regional budget line is a typing error (Indonesia's whole
// state budget is about Rp 3.600 triliun; the largest APBD about Rp 90 triliun).
export const MAX_BUDGET = 1e15;  // Rp 1.000 triliun
export const MAX_FUNDERS = 10;
// A funder's name as GET /api/plan takes it: letters, digits, '-', '_', '.'
// ("provinsi", "kabupaten", "apbdes", "csr").
const NAME_RE = /^[A-Za-z0-9._-]+$/;

// Multipliers after the number. "M" is *miliar* (10^9) as in Indonesian
// budget documents, never "million".
const UNITS = {
  rb: 1e3, ribu: 1e3, k: 1e3, thousand: 1e3,
  jt: 1e6, juta: 1e6, mn: 1e6, million: 1e6,
  m: 1e9, miliar: 1e9, milyar: 1e9, b: 1e9, bn: 1e9, billion: 1e9,
  t: 1e12, triliun: 1e12, trillion: 1e12,
};

const fail = (error) => ({ ok: false, error });

// "1.000.000" / "1,000,000" / "1 000 000": groups of three after the first.
const grouped = (parts) => parts.length > 1 && /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));

// Splits the digits of "1.000.000,50" into {int: '1000000', frac: '50'}, or null.
function splitNumber(text, hasUnit) {
  const s = text.trim();
  if (/\s/.test(s)) {
    // Spaces only as thousands separators: "1 000 000".
    const parts = s.split(/\s+/);
    if (!grouped(parts) || /[.,]/.test(s)) return null;
    return { int: parts.join(''), frac: '' };
  }
  const seps = s.replace(/\d/g, '');
  if (!seps) return { int: s, frac: '' };
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const lastSep = s[last];
  const same = [...seps].every((c) => c === lastSep);
  if (same) {
    const parts = s.split(lastSep);
    // Thousands: "1.000.000", "1.000 jt" (a dot before three digits is a
    // thousands separator in Indonesian), "1,000" without a unit.
    if (grouped(parts) && (parts.length > 2 || !hasUnit || lastSep === '.')) return { int: parts.join(''), frac: '' };
    if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
    return { int: parts[0], frac: parts[1] };  // "1,5 M", "1.5 M", "1,250 M", "1000,00"
  }
  // Both separators: the last one is the decimal point ("1.000,50", "1,000.50").
  const head = s.slice(0, last);
  const other = lastSep === '.' ? ',' : '.';
  if (head.includes(lastSep)) return null;
  const parts = head.split(other);
  if (!grouped(parts)) return null;
  const frac = s.slice(last + 1);
  if (!/^\d+$/.test(frac)) return null;
  return { int: parts.join(''), frac };
}

// parseBudget('Rp 1 M') -> {ok: true, value: 1000000000}
// parseBudget('-5')     -> {ok: false, error: 'negative'}
// errors: empty, format, negative, zero, fraction, too_large
export function parseBudget(input) {
  let s = String(input ?? '').replace(/\u00a0/g, ' ').trim().toLowerCase();
  if (!s) return fail('empty');
  let negative = false;
  const minus = () => {
    if (/^[-−–]/.test(s)) {
      negative = true;
      s = s.slice(1).trim();
    }
  };
  minus();
  s = s.replace(/^rp\.?\s*/, '');
  minus();
  s = s.replace(/,-$/, '').replace(/\.-$/, '').trim();  // "Rp 1.000.000,-"
  const m = /^(\d[\d.,\s]*?)\s*([a-z]+)?\.?$/.exec(s);
  if (!m) return fail('format');
  const unitName = m[2];
  if (unitName && !(unitName in UNITS)) return fail('format');
  const unit = unitName ? UNITS[unitName] : 1;
  const num = splitNumber(m[1].trim(), Boolean(unitName));
  if (!num) return fail('format');
  const digits = (num.int + num.frac).replace(/^0+(?=\d)/, '');
  if (digits.length > 18) return fail(negative ? 'negative' : 'too_large');
  // value = digits × unit / 10^len(frac), exactly (BigInt: no rounding).
  const scale = 10n ** BigInt(num.frac.length);
  const scaled = BigInt(digits) * BigInt(unit);
  if (scaled === 0n) return fail('zero');
  if (negative) return fail('negative');
  if (scaled % scale !== 0n) return fail('fraction');
  const value = scaled / scale;
  if (value > BigInt(MAX_BUDGET)) return fail('too_large');
  return { ok: true, value: Number(value) };
}

// parseTarget('39,5%') -> {ok: true, value: 39.5, param: '39.5'}
// errors: empty, format, range (must be above 0 and at most 100)
export function parseTarget(input) {
  const s = String(input ?? '').replace(/\u00a0/g, ' ').trim();
  if (!s) return fail('empty');
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(s);
  if (!m) return fail('format');
  const value = Number(`${m[1]}.${m[2] || '0'}`);
  if (!(value > 0 && value <= 100)) return fail('range');
  return { ok: true, value, param: String(value) };
}

// A funder's share: a whole percent from 1 to 100 ("30", "30%").
export function parseShare(input) {
  const s = String(input ?? '').trim();
  if (!s) return fail('share_empty');
  const m = /^(\d{1,3})\s*%?$/.exec(s);
  if (!m) return fail('share_format');
  const value = Number(m[1]);
  if (value < 1 || value > 100) return fail('share_range');
  return { ok: true, value };
}

// checkFunders([{name: 'Provinsi', share: '30'}, {name: 'Kabupaten', share: '70'}])
//   -> {ok: true, param: 'Provinsi:30,Kabupaten:70', sum: 100, rows: [{}, {}]}
// or {ok: false, sum, rows: [{name: 'name_empty'}, {share: 'share_range'}], error: 'sum'|'count'|null}
export function checkFunders(rows) {
  const out = rows.map(() => ({}));
  const seen = new Map();
  let sum = 0;
  let bad = false;
  rows.forEach((r, i) => {
    const name = String(r.name ?? '').trim();
    if (!name) out[i].name = 'name_empty';
    else if (!NAME_RE.test(name)) out[i].name = 'name_chars';
    else if (name.length > 40) out[i].name = 'name_long';
    else if (seen.has(name.toLowerCase())) out[i].name = 'name_twice';
    else seen.set(name.toLowerCase(), i);
    const share = parseShare(r.share);
    if (share.ok) sum += share.value;
    else out[i].share = share.error;
    if (out[i].name || out[i].share) bad = true;
  });
  let error = null;
  if (!rows.length || rows.length > MAX_FUNDERS) error = 'count';
  else if (!bad && sum !== 100) error = 'sum';
  if (bad || error) return { ok: false, sum, rows: out, error };
  const param = rows.map((r) => `${String(r.name).trim()}:${parseShare(r.share).value}`).join(',');
  return { ok: true, sum, rows: out, error: null, param };
}

// 'Provinsi:30,Kabupaten:70' -> [{name: 'Provinsi', share: '30'}, ...]
export function fundersFromParam(param) {
  if (!param) return null;
  return param.split(',').map((part) => {
    const at = part.lastIndexOf(':');
    return { name: part.slice(0, at), share: part.slice(at + 1) };
  });
}
