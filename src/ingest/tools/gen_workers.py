# Generates a large canonical workers file for the ingest benchmark, every
# row valid (unique NIKs consistent with sex and birth date, real village
# codes). Fictitious names. About 50 s for 10 million rows:
#   python3 src/ingest/tools/gen_workers.py data/wilayah/wilayah.csv /tmp/pekerja-10m.csv 10000000
import csv, random, sys, datetime
random.seed(1)
wil, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
by_district = {}
with open(wil, newline='', encoding='utf-8') as f:
    r = csv.reader(f); next(r)
    for code, name in r:
        if code.count('.') == 3:
            by_district.setdefault(code[:8], []).append(code)
districts = sorted(by_district)
D = len(districts)
first = ["Siti","Budi","Ahmad","Dewi","Rina","Agus","Sri","Joko","Nur","Putri","Andi","Wahyu","Fitri","Hendra","Yusuf","Ayu","Rudi","Indah","Eko","Maya"]
last = ["Aminah","Santoso","Hidayat","Lestari","Saputra","Wati","Kurniawan","Rahayu","Pratama","Sari","Nugroho","Susanti","Siregar","Nasution","Harahap","Ginting",""]
jobs = ["Petani","Nelayan","Pedagang","Buruh harian lepas","Guru","Sopir","Tukang ojek","Karyawan swasta","Peternak","Pekebun","Tukang bangunan","Penjahit","Montir","Perangkat desa","Wiraswasta"]
base = datetime.date(1960, 1, 1).toordinal()
w = open(out, 'w', encoding='utf-8', newline='')
w.write("nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n")
buf = []
rnd = random.random; ri = random.randrange
for i in range(n):
    d = districts[i % D]
    k = i // D
    date = datetime.date.fromordinal(base + (k * 7919) % 16000)
    female = rnd() < 0.5
    day = date.day + (40 if female else 0)
    nik = "%s%02d%02d%02d%04d" % (d.replace('.', ''), day, date.month, date.year % 100, 1 + ri(9999))
    vs = by_district[d]
    name = first[ri(20)] + " " + last[ri(17)]
    buf.append("%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (nik, name.strip(), "P" if female else "L", date.isoformat(),
               vs[ri(len(vs))], "informal" if rnd() < 0.6 else "formal", jobs[ri(15)],
               str(1 + ri(10)) if rnd() < 0.8 else "", "ya" if rnd() < 0.3 else "tidak"))
    if len(buf) >= 100000:
        w.write(''.join(buf)); buf = []
w.write(''.join(buf)); w.close()
