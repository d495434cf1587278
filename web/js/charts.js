// ECharts (served from /vendor/echarts/echarts.min.js, a global `echarts`):
// the palette, the coverage colour scale and the option builders of every chart.
// Every chart sits in a role="img" box with an aria-label, and every view also
// offers the same figures as a table.
import { pct, int, t, monthName } from './i18n.js';

// Colour-blind-safe scale after Okabe & Ito (vermillion → amber → bluish green),
// darkened so every step has at least 3:1 contrast against white (WCAG 1.4.11).
export const SCALE = ['#D55E00', '#B87A00', '#009E73'];
export const COLORS = {
  active: '#009E73',
  nonActive: '#B87A00',
  unregistered: '#D55E00',
  target: '#0072B2',
  national: '#4B5563',
  region: '#1F2937',
  axis: '#4B5563',
  grid: '#E5E7EB',
  text: '#1F2937',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

const live = new Set();

export const chartsAvailable = () => typeof window.echarts === 'object' && window.echarts !== null;

function hexToRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
// The coverage colour scale is absolute and anchored on the national
// reference, so that a colour means the same thing on every page: amber = at
// the national reference, vermillion = 20 points or more below it, bluish
// green = 20 points or more above it. (A scale stretched over each page's own
// minimum and maximum would paint 71% red among villages at 71-82%.)
const SPREAD = 0.2;
export function coverageScale(national) {
  const mid = national === null || national === undefined ? 0.4 : national;
  return { min: Math.max(0, mid - SPREAD), mid, max: Math.min(1, mid + SPREAD) };
}

export function coverageColor(value, scale) {
  if (value === null || value === undefined) return '#9CA3AF';
  const { min, mid, max } = scale;
  let seg; let f;
  if (value <= mid) {
    seg = 0;
    f = mid > min ? (Math.max(value, min) - min) / (mid - min) : 1;
  } else {
    seg = 1;
    f = max > mid ? (Math.min(value, max) - mid) / (max - mid) : 1;
  }
  const a = hexToRgb(SCALE[seg]);
  const b = hexToRgb(SCALE[seg + 1]);
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

// Mounts a chart in `el`; returns the instance. Charts follow their box's size.
export function mountChart(el, option, { onClick } = {}) {
  if (!chartsAvailable()) return null;
  const chart = window.echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({ textStyle: { fontFamily: FONT, color: COLORS.text }, animationDuration: 300, ...option });
  if (onClick) chart.on('click', onClick);
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  live.add({ chart, observer });
  return chart;
}

// Disposes every chart (before a view is re-rendered).
export function disposeCharts() {
  for (const { chart, observer } of live) {
    observer.disconnect();
    chart.dispose();
  }
  live.clear();
}

// Disposes one chart (a view that redraws a part of itself in place).
export function disposeChart(chart) {
  for (const entry of live) {
    if (entry.chart !== chart) continue;
    entry.observer.disconnect();
    chart.dispose();
    live.delete(entry);
  }
}

const tooltipBase = {
  backgroundColor: '#FFFFFF',
  borderColor: '#D1D5DB',
  textStyle: { color: COLORS.text, fontFamily: FONT },
  confine: true,
};

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Vertical reference lines (province target, national reference); their
// labels are in the legend (dummy line series with the same style), so that
// two close values never print on top of each other.
function markLines(target, national) {
  const data = [];
  if (target !== null && target !== undefined) {
    data.push({ name: 'target', xAxis: target * 100, lineStyle: { color: COLORS.target, type: 'dashed', width: 2 } });
  }
  if (national !== null && national !== undefined) {
    data.push({ name: 'national', xAxis: national * 100, lineStyle: { color: COLORS.national, type: 'dotted', width: 2 } });
  }
  return { silent: true, symbol: 'none', label: { show: false }, z: 1, data };
}

function legendLine(name, color, type) {
  return { type: 'line', name, data: [], lineStyle: { color, type, width: 2 }, itemStyle: { color }, symbol: 'none' };
}

// Compact axis numbers: 100 rb / 1,2 jt (id), 100K / 1.2M (en).
let compactFormat = null;
function compact(v) {
  const locale = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  if (!compactFormat || compactFormat.locale !== locale) {
    compactFormat = { locale, f: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }) };
  }
  return compactFormat.f.format(v);
}

// Chart labels may shorten "Kabupaten" (the tables keep the full name).
export const shortName = (name) => name.replace(/^Kabupaten /, 'Kab. ');

// Horizontal bars of the child regions, highest coverage at the top.
// rows: [{code, name, coverage, target}] already sorted (highest first).
export function rankingOption(rows, { target, national, narrow = false }) {
  const values = rows.map((r) => r.coverage);
  const scale = coverageScale(national);
  const top = Math.max(...values, target ?? 0, national ?? 0) * 100;
  const hasRegionTargets = rows.some((r) => r.target !== null && r.target !== undefined);
  const legend = [];
  const extra = [];
  if (target !== null && target !== undefined) {
    const name = `${t('target')} ${pct(target)}`;
    legend.push(name);
    extra.push(legendLine(name, COLORS.target, 'dashed'));
  }
  if (national !== null && national !== undefined) {
    const name = `${t('national_reference')} ${pct(national)}`;
    legend.push(name);
    extra.push(legendLine(name, COLORS.national, 'dotted'));
  }
  if (hasRegionTargets) legend.push({ name: t('region_target'), icon: 'rect' });
  return {
    grid: { left: 8, right: 8, top: legend.length ? (narrow ? 58 : 34) : 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: legend.length ? { top: 0, left: 0, data: legend, itemWidth: 22, itemHeight: 10, textStyle: { color: COLORS.axis }, selectedMode: false } : undefined,
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const row = rows[items[0].dataIndex];
        if (!row) return '';
        return `<strong>${esc(row.name)}</strong><br>${esc(t('coverage'))}: ${pct(row.coverage)}` +
          (row.target != null ? `<br>${esc(t('region_target'))}: ${pct(row.target)}` : '');
      },
    },
    xAxis: {
      type: 'value', min: 0, max: Math.min(100, Math.ceil((top + 8) / 20) * 20),
      axisLabel: { formatter: (v) => `${v}%`, color: COLORS.axis, hideOverlap: true },
      splitNumber: narrow ? 2 : 5,
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    // Names on the left, values in a column on the right (never under a marker line).
    yAxis: [
      {
        type: 'category', inverse: true, data: rows.map((r) => shortName(r.name)),
        axisLabel: { color: COLORS.text }, axisTick: { show: false }, triggerEvent: true,
      },
      {
        type: 'category', inverse: true, position: 'right', data: rows.map((r) => pct(r.coverage)),
        axisLabel: { color: COLORS.text, fontWeight: 600 }, axisTick: { show: false }, axisLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar', name: t('coverage'), barMaxWidth: 22, cursor: 'pointer',
        data: rows.map((r) => ({ value: r.coverage * 100, itemStyle: { color: coverageColor(r.coverage, scale), borderRadius: [0, 3, 3, 0] } })),
        markLine: markLines(target, national),
        z: 3,
      },
      ...(hasRegionTargets ? [{
        type: 'scatter', name: t('region_target'), symbol: 'rect', symbolSize: [3, 18], silent: true,
        itemStyle: { color: COLORS.target, opacity: 1 },
        data: rows.map((r) => (r.target != null ? r.target * 100 : null)),
        z: 4,
      }] : []),
      ...extra,
    ],
  };
}

// A choropleth of the children: `mapName` registered from the GeoJSON whose
// features carry properties.code. `describe(row)` may add lines (plain text)
// to a region's tooltip.
export function mapOption(mapName, rows, national, { describe } = {}) {
  const { min, max } = coverageScale(national);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p) => {
        const row = byCode.get(p.name);
        if (!row) return esc(p.name);
        const extra = describe ? describe(row).map((line) => `<br>${esc(line)}`).join('') : '';
        return `<strong>${esc(row.name)}</strong><br>${esc(t('coverage'))}: ${pct(row.coverage)}${extra}`;
      },
    },
    visualMap: {
      type: 'continuous', min: min * 100, max: max * 100, calculable: false, realtime: false,
      orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 12, itemHeight: 160,
      text: [`≥ ${pct(max)}`, `≤ ${pct(min)}`], textStyle: { color: COLORS.text },
      inRange: { color: SCALE },
      outOfRange: { color: '#D1D5DB' },
    },
    series: [{
      // Panning and zooming with a mouse only: on a touch screen a drag must scroll the page.
      type: 'map', map: mapName, nameProperty: 'code', roam: !window.matchMedia('(pointer: coarse)').matches, cursor: 'pointer',
      top: 8, bottom: 48, left: 8, right: 8,
      itemStyle: { borderColor: '#FFFFFF', borderWidth: 1, areaColor: '#E5E7EB' },
      emphasis: { label: { show: true, color: COLORS.text, formatter: (p) => byCode.get(p.name)?.name ?? p.name }, itemStyle: { areaColor: '#93C5FD' } },
      select: { disabled: true },
      label: { show: false },
      data: rows.filter((r) => r.coverage !== null).map((r) => ({ name: r.code, value: r.coverage * 100 })),
    }],
  };
}

// Stacked bars per group of a breakdown: active, non-active, unregistered.
export function breakdownOption(rows) {
  const labels = rows.map((r) => r.label);
  const series = [
    ['active', t('active'), COLORS.active],
    ['non_active', t('non_active'), COLORS.nonActive],
    ['unregistered', t('unregistered'), COLORS.unregistered],
  ].map(([key, name, color]) => ({
    type: 'bar', name, stack: 'all', barMaxWidth: 22,
    itemStyle: { color },
    emphasis: { focus: 'series' },
    data: rows.map((r) => r[key] ?? 0),
  }));
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: COLORS.axis } },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const row = rows[items[0].dataIndex];
        let s = `<strong>${esc(row.label)}</strong>`;
        for (const it of items) s += `<br>${it.marker}${esc(it.seriesName)}: ${int(it.value)}`;
        if (row.coverage !== null && row.coverage !== undefined) s += `<br>${esc(t('coverage'))}: ${pct(row.coverage)}`;
        return s;
      },
    },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { color: COLORS.axis, formatter: (v) => compact(v), hideOverlap: true }, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { color: COLORS.text }, axisTick: { show: false } },
    series,
  };
}

// Coverage per period with the national reference and the target.
export function trendOption(points, regionName, { narrow = false } = {}) {
  const periods = points.map((p) => monthName(p.period, true));
  const values = points.flatMap((p) => [p.coverage, p.national_reference, p.target]).filter((v) => v !== null && v !== undefined);
  const lo = Math.max(0, Math.floor((Math.min(...values) * 100 - 5) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values) * 100 + 5) / 5) * 5);
  const line = (key, name, color, type, width) => ({
    type: 'line', name, data: points.map((p) => (p[key] === null || p[key] === undefined ? null : p[key] * 100)),
    connectNulls: false, symbol: type === 'solid' ? 'circle' : 'none', symbolSize: 7,
    lineStyle: { color, type, width }, itemStyle: { color },
    label: type === 'solid' ? { show: true, position: 'top', formatter: (p) => pct(p.value / 100), color: COLORS.text, fontSize: 11 } : undefined,
  });
  return {
    grid: { left: 8, right: 24, top: narrow ? 62 : 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, textStyle: { color: COLORS.axis } },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '–' : pct(v / 100)),
    },
    xAxis: { type: 'category', data: periods, axisLabel: { color: COLORS.axis }, boundaryGap: false },
    yAxis: { type: 'value', min: lo, max: hi, axisLabel: { color: COLORS.axis, formatter: (v) => `${v}%` }, splitLine: { lineStyle: { color: COLORS.grid } } },
    series: [
      line('coverage', t('series_region', { region: regionName }), COLORS.region, 'solid', 3),
      line('national_reference', t('series_national'), COLORS.national, 'dotted', 2),
      line('target', t('series_target'), COLORS.target, 'dashed', 2),
    ].filter((s) => s.data.some((v) => v !== null)),
  };
}
