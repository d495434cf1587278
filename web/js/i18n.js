// Language (Bahasa Indonesia by default, English on request) and number formats:
// id: 37,0%  1.234.567  Rp 201.600   en: 37.0%  1,234,567  Rp 201,600

const STORAGE_KEY = 'cakupan.lang';

const STRINGS = {
  id: {
    app_title: 'Cakupan Jaminan Sosial Ketenagakerjaan',
    app_subtitle: 'Pemantauan kepesertaan BPJS Ketenagakerjaan sampai tingkat desa',
    skip: 'Lompat ke isi',
    lang_toggle: 'English',
    lang_toggle_label: 'Switch to English',
    search_label: 'Cari wilayah',
    search_placeholder: 'Cari provinsi, kabupaten, kecamatan, desa…',
    search_none: 'Tidak ada wilayah yang cocok',
    search_hint: 'Ketik minimal 2 huruf',
    period: 'Periode',
    needs_reconcile: 'perlu rekonsiliasi',
    stale_periods: 'Periode yang perlu direkonsiliasi ulang: {list}.',
    pick_other_period: 'Periode yang sudah direkonsiliasi:',
    basis: 'Basis penyebut',
    basis_labour_force: 'Penduduk bekerja (BPS)',
    basis_registry: 'Registri pekerja',
    basis_labour_force_note: 'Peserta aktif ÷ penduduk bekerja menurut BPS (Sakernas); angka BPS umumnya tersedia sampai kabupaten/kota.',
    basis_registry_note: 'Pekerja terdata yang menjadi peserta aktif ÷ seluruh pekerja terdata (pendataan desa); tersedia sampai desa.',
    breadcrumbs: 'Jejak wilayah',
    loading: 'Memuat…',
    retry: 'Coba lagi',
    coverage: 'Cakupan',
    national_reference: 'rujukan nasional',
    target: 'target',
    no_target: 'target belum ditetapkan',
    no_national: 'rujukan nasional tidak tersedia',
    gap_national_behind: '{n} peserta untuk mencapai rata-rata nasional',
    gap_national_ahead: 'Di atas rata-rata nasional ({n} peserta lebih)',
    gap_target_behind: '{n} peserta untuk mencapai target',
    gap_target_ahead: 'Target tercapai ({n} peserta di atas target)',
    gap_target_ahead_exact: 'Target tercapai',
    gap_national_ahead_exact: 'Sama dengan rata-rata nasional',
    points: '{p} poin',
    active_of: '{a} peserta aktif dari {d} {what}',
    what_labour_force: 'penduduk bekerja (BPS, {p})',
    what_registry: 'pekerja terdata',
    non_active: 'Non-aktif',
    unregistered: 'Belum terdaftar',
    registry: 'Pekerja terdata',
    rank: 'Peringkat {r} dari {n}',
    no_coverage_basis_lf: 'Tidak ada angka penduduk bekerja untuk wilayah ini, sehingga cakupan berbasis BPS tidak dapat dihitung.',
    no_coverage_rows_lf: 'Tidak ada angka penduduk bekerja untuk wilayah di tingkat ini, sehingga cakupan berbasis BPS tidak dapat dihitung.',
    use_registry: 'Tampilkan dengan basis registri',
    definition: 'Definisi',
    definition_lf: 'Cakupan = peserta aktif (iuran lunas pada periode) ÷ penduduk bekerja (BPS). Peserta non-aktif tidak dihitung.',
    definition_registry: 'Cakupan = pekerja terdata dengan kepesertaan aktif ÷ seluruh pekerja terdata di wilayah. Peserta non-aktif tidak dihitung.',
    ranking_title: 'Peringkat {level}',
    ranking_aria: 'Diagram batang cakupan {level}, tertinggi {hi} ({hiv}), terendah {lo} ({lov}).',
    ranking_none: 'Tidak ada wilayah dengan angka cakupan pada basis ini.',
    rows_without_coverage: '{n} wilayah tanpa angka cakupan tidak ditampilkan di diagram.',
    region_target: 'target wilayah',
    colour_legend: 'Warna: kuning tua = rujukan nasional ({mid}), merah = 20 poin di bawahnya, hijau = 20 poin di atasnya.',
    show_table: 'Tampilkan tabel data',
    table_word: 'Tabel',
    hide_table: 'Sembunyikan tabel data',
    map_title: 'Peta cakupan',
    map_aria: 'Peta {level} diwarnai menurut cakupan; data yang sama ada di tabel kesenjangan.',
    no_boundaries: 'Peta batas wilayah belum diimpor — gunakan `cakupan import boundaries FILE`. Peringkat dan tabel tetap tersedia.',
    table_title: 'Tabel kesenjangan',
    table_caption: 'Cakupan, target dan kesenjangan {level} di {region}',
    col_rank: 'Peringkat',
    col_region: 'Wilayah',
    col_coverage: 'Cakupan',
    col_target: 'Target',
    col_gap_points: 'Selisih ke target (poin)',
    col_gap_workers: 'Peserta ke target',
    col_gap_nat_points: 'Selisih ke nasional (poin)',
    col_gap_nat_workers: 'Peserta ke rata-rata nasional',
    col_active: 'Peserta aktif',
    col_denominator: 'Penyebut',
    col_non_active: 'Non-aktif',
    col_unregistered: 'Belum terdaftar',
    reached: 'tercapai',
    sort_by: 'Urutkan menurut {c}',
    attributed_self: '{n} peserta aktif tercatat langsung di {region} (tanpa wilayah di bawahnya) dan tidak masuk baris mana pun.',
    export: 'Unduh',
    export_csv: 'CSV',
    export_xlsx: 'Excel',
    export_label: 'Unduh {what} sebagai {fmt}',
    no_rows: 'Wilayah ini tidak memiliki wilayah di bawahnya.',
    breakdown_title: 'Rincian',
    breakdown_aria: 'Diagram batang bertumpuk {dim}: peserta aktif, non-aktif dan belum terdaftar per kelompok.',
    dim_segment: 'Segmen kepesertaan',
    dim_sex: 'Jenis kelamin',
    dim_formality: 'Formal / informal',
    dim_age_band: 'Kelompok umur',
    dim_vulnerability: 'Kerentanan',
    dim_decile: 'Desil kesejahteraan',
    col_group: 'Kelompok',
    col_share_active: 'Porsi peserta aktif',
    over_100: 'Cakupan di atas 100% berarti peserta aktif melebihi penyebut kelompok itu; periksa angka penyebutnya.',
    active: 'Aktif',
    trend_title: 'Tren cakupan',
    trend_aria: 'Diagram garis cakupan {region} per periode, dari {first} sampai {last}.',
    trend_none: 'Belum ada periode dengan angka cakupan.',
    col_period: 'Periode',
    series_region: 'Cakupan {region}',
    series_national: 'Rujukan nasional',
    series_target: 'Target',
    village_lowest: 'Desa/kelurahan adalah tingkat terendah.',
    unprotected_count: '{n} pekerja terdata tanpa perlindungan: {u} belum terdaftar, {a} non-aktif.',
    unregistered_count: '{u} pekerja terdata belum terdaftar sebagai peserta.',
    workers_cta: 'Lihat pekerja tanpa perlindungan',
    workers_title: 'Pekerja di {village}',
    workers_status: 'Status kepesertaan',
    status_unprotected: 'Tanpa perlindungan (non-aktif atau belum terdaftar)',
    status_unregistered: 'Belum terdaftar',
    status_non_active: 'Non-aktif',
    status_active: 'Aktif',
    status_all: 'Semua',
    workers_total: '{n} pekerja',
    workers_empty: 'Tidak ada pekerja dengan status ini di desa ini pada periode ini.',
    workers_privacy: 'NIK dan nama sudah disamarkan oleh server; dasbor tidak pernah menampilkan data pribadi utuh.',
    col_nik: 'NIK',
    col_name: 'Nama',
    col_sex: 'JK',
    col_age: 'Umur',
    col_sector: 'Sektor',
    col_occupation: 'Pekerjaan',
    col_decile: 'Desil',
    col_vulnerable: 'Rentan',
    col_status: 'Status',
    col_segment: 'Segmen',
    sex_L: 'Laki-laki',
    sex_P: 'Perempuan',
    yes: 'Ya',
    no: 'Tidak',
    sector_formal: 'Formal',
    sector_informal: 'Informal',
    page_of: 'Halaman {p} dari {n}',
    prev: 'Sebelumnya',
    next: 'Berikutnya',
    pagination: 'Halaman daftar pekerja',
    back_to_village: 'Kembali ke ringkasan desa',
    workers_list: 'daftar pekerja',
    coverage_table: 'tabel cakupan',
    breakdown_table: 'rincian',
    trend_table: 'tren',
    level_national: 'Nasional',
    level_province: 'Provinsi',
    level_regency: 'Kabupaten/Kota',
    level_district: 'Kecamatan',
    level_village: 'Desa/Kelurahan',
    levels_province: 'provinsi',
    levels_regency: 'kabupaten/kota',
    levels_district: 'kecamatan',
    levels_village: 'desa/kelurahan',
    err_stale: 'Data berubah sejak rekonsiliasi terakhir; jalankan `cakupan reconcile`.',
    err_no_data: 'Belum ada data yang direkonsiliasi; jalankan `cakupan reconcile`.',
    err_not_found: 'Tidak ditemukan.',
    err_network: 'Server cakupan tidak dapat dihubungi. Periksa bahwa `cakupan serve` masih berjalan.',
    err_generic: 'Terjadi kesalahan',
    err_charts: 'Pustaka grafik (ECharts) tidak dapat dimuat — jalankan `bash scripts/install-web-deps.sh`. Tabel tetap tersedia.',
    server_message: 'Pesan server',
    footer_data: 'Data dimuat {t} · versi {v}',
    footer_definitions: 'Definisi setiap angka: docs/definitions.md. Sumber kode wilayah: Kepmendagri 300.2.2-2138/2025.',
    nik_note: 'disamarkan',
  },
  en: {
    app_title: 'Employment Social Security Coverage',
    app_subtitle: 'Monitoring BPJS Ketenagakerjaan membership down to every village',
    skip: 'Skip to content',
    lang_toggle: 'Bahasa Indonesia',
    lang_toggle_label: 'Ganti ke Bahasa Indonesia',
    search_label: 'Search regions',
    search_placeholder: 'Search provinces, regencies, districts, villages…',
    search_none: 'No matching region',
    search_hint: 'Type at least 2 letters',
    period: 'Period',
    needs_reconcile: 'needs reconciliation',
    stale_periods: 'Periods to reconcile again: {list}.',
    pick_other_period: 'Reconciled period:',
    basis: 'Denominator basis',
    basis_labour_force: 'Employed persons (BPS)',
    basis_registry: 'Worker registry',
    basis_labour_force_note: 'Active participants ÷ employed persons according to BPS (Sakernas); BPS figures usually exist down to regencies/cities.',
    basis_registry_note: 'Registered workers with an active membership ÷ all registered workers (village enumeration); available down to villages.',
    breadcrumbs: 'Region path',
    loading: 'Loading…',
    retry: 'Retry',
    coverage: 'Coverage',
    national_reference: 'national reference',
    target: 'target',
    no_target: 'no target set',
    no_national: 'national reference not available',
    gap_national_behind: '{n} participants to reach the national average',
    gap_national_ahead: 'Above the national average ({n} participants more)',
    gap_target_behind: '{n} participants to reach the target',
    gap_target_ahead: 'Target met ({n} participants above the target)',
    gap_target_ahead_exact: 'Target met',
    gap_national_ahead_exact: 'Equal to the national average',
    points: '{p} pts',
    active_of: '{a} active participants of {d} {what}',
    what_labour_force: 'employed persons (BPS, {p})',
    what_registry: 'registered workers',
    non_active: 'Non-active',
    unregistered: 'Unregistered',
    registry: 'Registered workers',
    rank: 'Rank {r} of {n}',
    no_coverage_basis_lf: 'There is no employed-persons figure for this region, so coverage on the BPS basis cannot be computed.',
    no_coverage_rows_lf: 'There are no employed-persons figures at this level, so coverage on the BPS basis cannot be computed.',
    use_registry: 'Show on the registry basis',
    definition: 'Definition',
    definition_lf: 'Coverage = active participants (contributions paid for the period) ÷ employed persons (BPS). Non-active participants are not counted.',
    definition_registry: 'Coverage = registered workers with an active membership ÷ all registered workers of the region. Non-active participants are not counted.',
    ranking_title: 'Ranking of {level}',
    ranking_aria: 'Bar chart of coverage by {level}, highest {hi} ({hiv}), lowest {lo} ({lov}).',
    ranking_none: 'No region has a coverage figure on this basis.',
    rows_without_coverage: '{n} regions without a coverage figure are not shown in the chart.',
    region_target: 'region target',
    colour_legend: 'Colour: amber = national reference ({mid}), vermillion = 20 points below it, green = 20 points above it.',
    show_table: 'Show data table',
    table_word: 'Table',
    hide_table: 'Hide data table',
    map_title: 'Coverage map',
    map_aria: 'Map of {level} coloured by coverage; the same data is in the gap table.',
    no_boundaries: 'Region boundaries have not been imported — use `cakupan import boundaries FILE`. The ranking and the table are still available.',
    table_title: 'Gap table',
    table_caption: 'Coverage, target and gaps of the {level} of {region}',
    col_rank: 'Rank',
    col_region: 'Region',
    col_coverage: 'Coverage',
    col_target: 'Target',
    col_gap_points: 'Gap to target (pts)',
    col_gap_workers: 'Participants to target',
    col_gap_nat_points: 'Gap to national (pts)',
    col_gap_nat_workers: 'Participants to national average',
    col_active: 'Active participants',
    col_denominator: 'Denominator',
    col_non_active: 'Non-active',
    col_unregistered: 'Unregistered',
    reached: 'met',
    sort_by: 'Sort by {c}',
    attributed_self: '{n} active participants are attributed to {region} itself (no lower region) and are in no row.',
    export: 'Download',
    export_csv: 'CSV',
    export_xlsx: 'Excel',
    export_label: 'Download the {what} as {fmt}',
    no_rows: 'This region has no regions below it.',
    breakdown_title: 'Breakdowns',
    breakdown_aria: 'Stacked bar chart by {dim}: active, non-active and unregistered per group.',
    dim_segment: 'Membership segment',
    dim_sex: 'Sex',
    dim_formality: 'Formal / informal',
    dim_age_band: 'Age band',
    dim_vulnerability: 'Vulnerability',
    dim_decile: 'Welfare decile',
    col_group: 'Group',
    col_share_active: 'Share of active',
    over_100: 'Coverage above 100% means more active participants than the group\'s denominator; check the denominator.',
    active: 'Active',
    trend_title: 'Coverage trend',
    trend_aria: 'Line chart of coverage of {region} per period, from {first} to {last}.',
    trend_none: 'No period has a coverage figure yet.',
    col_period: 'Period',
    series_region: 'Coverage {region}',
    series_national: 'National reference',
    series_target: 'Target',
    village_lowest: 'Villages are the lowest level.',
    unprotected_count: '{n} registered workers without protection: {u} unregistered, {a} non-active.',
    unregistered_count: '{u} registered workers are not members.',
    workers_cta: 'See unprotected workers',
    workers_title: 'Workers in {village}',
    workers_status: 'Membership status',
    status_unprotected: 'Unprotected (non-active or unregistered)',
    status_unregistered: 'Unregistered',
    status_non_active: 'Non-active',
    status_active: 'Active',
    status_all: 'All',
    workers_total: '{n} workers',
    workers_empty: 'No worker with this status in this village for this period.',
    workers_privacy: 'NIKs and names are masked by the server; the dashboard never shows full personal data.',
    col_nik: 'NIK',
    col_name: 'Name',
    col_sex: 'Sex',
    col_age: 'Age',
    col_sector: 'Sector',
    col_occupation: 'Occupation',
    col_decile: 'Decile',
    col_vulnerable: 'Vulnerable',
    col_status: 'Status',
    col_segment: 'Segment',
    sex_L: 'Male',
    sex_P: 'Female',
    yes: 'Yes',
    no: 'No',
    sector_formal: 'Formal',
    sector_informal: 'Informal',
    page_of: 'Page {p} of {n}',
    prev: 'Previous',
    next: 'Next',
    pagination: 'Worker list pages',
    back_to_village: 'Back to the village summary',
    workers_list: 'worker list',
    coverage_table: 'coverage table',
    breakdown_table: 'breakdown',
    trend_table: 'trend',
    level_national: 'National',
    level_province: 'Province',
    level_regency: 'Regency/City',
    level_district: 'District',
    level_village: 'Village',
    levels_province: 'provinces',
    levels_regency: 'regencies/cities',
    levels_district: 'districts',
    levels_village: 'villages',
    err_stale: 'The data changed since the last reconciliation; run `cakupan reconcile`.',
    err_no_data: 'Nothing has been reconciled yet; run `cakupan reconcile`.',
    err_not_found: 'Not found.',
    err_network: 'The cakupan server cannot be reached. Check that `cakupan serve` is still running.',
    err_generic: 'Something went wrong',
    err_charts: 'The chart library (ECharts) could not be loaded — run `bash scripts/install-web-deps.sh`. The tables are still available.',
    server_message: 'Server message',
    footer_data: 'Data loaded {t} · version {v}',
    footer_definitions: 'What every figure means: docs/definitions.md. Region codes: Kepmendagri 300.2.2-2138/2025.',
    nik_note: 'masked',
  },
};

let lang = 'id';
let formats = null;

function makeFormats(l) {
  const locale = l === 'en' ? 'en-US' : 'id-ID';
  return {
    locale,
    int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    one: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    money: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    monthShort: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

export function initLang() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  setLang(stored === 'en' ? 'en' : 'id', false);
}

export function setLang(l, remember = true) {
  lang = l === 'en' ? 'en' : 'id';
  formats = makeFormats(lang);
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
}

export const getLang = () => lang;

// t('rank', {r: 1, n: 10})
export function t(key, vars) {
  let s = STRINGS[lang][key] ?? STRINGS.id[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

const DASH = '–';
const MINUS = '−';

// 0.37 -> '37,0%' (id) / '37.0%' (en); null -> '–'
export function pct(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return DASH;
  return `${formats.one.format(fraction * 100)}%`;
}
// 1234567 -> '1.234.567'
export function int(n) {
  if (n === null || n === undefined) return DASH;
  return formats.int.format(n);
}
// 14737 -> '+14.737', -3 -> '−3'
export function signedInt(n) {
  if (n === null || n === undefined) return DASH;
  if (n > 0) return `+${formats.int.format(n)}`;
  if (n < 0) return `${MINUS}${formats.int.format(-n)}`;
  return formats.int.format(0);
}
// 2.0 -> '+2,0', rounded to one decimal; -0.04 -> '0,0'
export function signedPoints(p) {
  if (p === null || p === undefined) return DASH;
  const r = Math.round(p * 10) / 10;
  if (r > 0) return `+${formats.one.format(r)}`;
  if (r < 0) return `${MINUS}${formats.one.format(-r)}`;
  return formats.one.format(0);
}
// 201600 -> 'Rp 201.600'
export function money(n) {
  if (n === null || n === undefined) return DASH;
  return `Rp ${formats.money.format(n)}`;
}
// '2024-11' -> 'November 2024'
export function monthName(period, short = false) {
  if (!period) return DASH;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return (short ? formats.monthShort : formats.month).format(d);
}
export function dateTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso || DASH) : formats.dateTime.format(d);
}

export const levelName = (level) => t(`level_${level}`);

// The API's region kinds are Indonesian words; English names them.
const KINDS_EN = {
  Nasional: 'National', Provinsi: 'Province', Kabupaten: 'Regency', Kota: 'City',
  Kecamatan: 'District', Desa: 'Village', Kelurahan: 'Urban village',
};
export const kindName = (kind) => (lang === 'en' && KINDS_EN[kind]) || kind;
export const levelsName = (level) => t(`levels_${level}`);
