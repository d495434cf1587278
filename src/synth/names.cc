#include "synth/names.h"

#include <cmath>
#include <cstring>

namespace cakupan {

namespace {

struct List {
  const char* const* items = nullptr;
  uint32_t size = 0;
};
template <size_t N>
constexpr List L(const char* const (&a)[N]) {
  return List{a, static_cast<uint32_t>(N)};
}

// ---------------------------------------------------------------------------
// Word lists. Most frequent first within each list (see Pick()).

// Names heard everywhere in Indonesia today, mixed into every Muslim-majority
// culture's given names.
constexpr const char* kCommonMale[] = {
    "Rizky",   "Agus",    "Budi",    "Dedi",    "Eko",     "Hendra",  "Andi",     "Rudi",    "Fajar",
    "Arif",    "Bayu",    "Dimas",   "Irfan",   "Joko",    "Yudi",    "Ahmad",    "Rahmat",  "Wahyu",
    "Ilham",   "Reza",    "Dani",    "Heru",    "Indra",   "Taufik",  "Aditya",   "Anton",   "Ari",
    "Bambang", "Dwi",     "Firman",  "Fikri",   "Galih",   "Hadi",    "Iqbal",    "Lukman",  "Nanda",
    "Ridwan",  "Sandi",   "Teguh",   "Yusuf",   "Zainal",  "Gilang",  "Hafiz",    "Rian",    "Yoga",
    "Putra",   "Fauzi",   "Mulyadi", "Sigit",   "Doni",    "Ferdi",   "Gunawan",  "Rifki",   "Aldi",
};
constexpr const char* kCommonFemale[] = {
    "Dewi",   "Sri",     "Putri",   "Ayu",     "Rina",    "Fitri",   "Siti",     "Indah",   "Wulan",
    "Dian",   "Novi",    "Ratna",   "Sari",    "Yuni",    "Eka",     "Lestari",  "Maya",    "Nurul",
    "Rini",   "Intan",   "Kartika", "Lina",    "Mega",    "Nia",     "Rahma",    "Siska",   "Tika",
    "Vina",   "Yanti",   "Anisa",   "Aulia",   "Citra",   "Desi",    "Fitria",   "Hani",    "Ika",
    "Juwita", "Lia",     "Mira",    "Nadia",   "Pratiwi", "Safitri", "Yulia",    "Wati",    "Dinda",
    "Salsa",   "Nabila",  "Anggi",   "Risma",
};
constexpr const char* kCommonMaleSecond[] = {
    "Saputra",  "Pratama",  "Hidayat",  "Setiawan", "Kurniawan", "Santoso", "Wijaya",   "Nugroho",
    "Prasetyo", "Firmansyah", "Gunawan", "Hermawan", "Ramadhan", "Syahputra", "Permana", "Hakim",
    "Maulana",  "Fadillah", "Rahman",   "Susanto",  "Wibowo",    "Purnomo", "Suryadi",  "Sanjaya",
    "Putra",    "Saleh",    "Irawan",   "Febrian",  "Anggara",   "Pamungkas",
};
constexpr const char* kCommonFemaleSecond[] = {
    "Lestari",    "Wulandari", "Sari",      "Rahmawati", "Handayani", "Purnamasari", "Safitri",
    "Anggraini",  "Puspita",   "Kusuma",    "Permata",   "Susanti",   "Pertiwi",     "Maharani",
    "Oktavia",    "Ramadhani", "Novitasari", "Yuliani",  "Fitriani",  "Wahyuni",     "Rahayu",
    "Utami",      "Agustina",  "Kurniasih", "Damayanti", "Amelia",    "Azzahra",
};
constexpr const char* kMuslimMalePrefix[] = {"Muhammad", "Muhamad", "Mochammad", "Ahmad", "Abdul", "Moh."};
constexpr const char* kMuslimFemalePrefix[] = {"Siti", "Nur", "Nurul", "Sitti"};

// Javanese.
constexpr const char* kJawaMale[] = {
    "Slamet",   "Sutrisno", "Sugeng",   "Supriyadi", "Joko",     "Bambang",  "Sumarno",  "Agus",
    "Eko",      "Sukirman", "Wahyudi",  "Heri",      "Purwanto", "Widodo",   "Haryanto", "Suyanto",
    "Darmanto", "Sukardi",  "Mujiono",  "Paimin",    "Jumadi",   "Tarno",    "Kasno",    "Giyanto",
    "Susilo",   "Triyono",  "Sutarno",  "Rohmad",    "Sugiyono", "Mulyono",  "Priyo",    "Wahono",
    "Ngadiman", "Sunarto",  "Parjo",    "Wagiman",   "Tukiman",  "Sarno",    "Bejo",     "Gatot",
    "Budi",     "Yanto",    "Hartono",  "Kusno",     "Sukamto",  "Suparno",  "Wiyono",   "Dwi",
};
constexpr const char* kJawaFemale[] = {
    "Sri",     "Suparmi",  "Sumiati",  "Sulastri", "Endang",   "Tri",      "Wahyuni",  "Tumini",
    "Painem",  "Warsini",  "Wartini",  "Sukinem",  "Suyatmi",  "Ngatini",  "Sumarni",  "Parmi",
    "Rahayu",  "Lestari",  "Yuliani",  "Puji",     "Sugiyem",  "Kasmi",    "Suwarni",  "Murni",
    "Sutinah", "Karsih",   "Retno",    "Ani",      "Asih",     "Wiwik",    "Tutik",    "Susi",
    "Sunarsih", "Sumini",  "Legini",   "Rusmini",  "Tarmi",    "Dwi",      "Yatmi",    "Ponirah",
    "Sukarti", "Ngadiyem", "Siti",     "Ratna",    "Dewi",     "Wulan",
};
constexpr const char* kJawaMaleSecond[] = {
    "Santoso",  "Wibowo",    "Prasetyo", "Nugroho", "Susanto",  "Purnomo",  "Widodo",    "Hartono",
    "Suryono",  "Raharjo",   "Utomo",    "Setiawan", "Sugiarto", "Kuncoro", "Wicaksono", "Budiono",
    "Pamungkas", "Saputro",  "Hadi",     "Darmawan", "Sasongko", "Prabowo", "Triyono",   "Haryadi",
    "Sutrisno", "Wardoyo",   "Riyanto",  "Mulyono",
};
constexpr const char* kJawaFemaleSecond[] = {
    "Lestari",   "Rahayu",  "Wahyuni",   "Handayani",    "Wulandari", "Astuti",      "Rahmawati",
    "Utami",     "Purwanti", "Suryani",  "Kusumawati",   "Pratiwi",   "Setyaningsih", "Widayati",
    "Ningsih",   "Susilowati", "Mulyani", "Hastuti",     "Wijayanti", "Puspitasari", "Rahmadani",
    "Nurhayati", "Indrawati", "Sulistyowati",
};

// Sundanese.
constexpr const char* kSundaMale[] = {
    "Asep",   "Ujang",  "Dede",    "Cecep",  "Dadang", "Deden",   "Iwan",    "Jajang", "Ade",
    "Agus",   "Aep",    "Wawan",   "Yayan",  "Atep",   "Dadan",   "Ecep",    "Entis",  "Herman",
    "Nandang", "Rohmat", "Tatang", "Encep",  "Ikin",   "Otong",   "Udin",    "Eman",   "Apip",
    "Usep",   "Dodi",   "Ridwan",  "Yusup",  "Sopian", "Yana",    "Engkos",  "Oman",   "Aang",
    "Endang", "Ayi",    "Dudi",    "Hendi",  "Ilham",  "Rizki",
};
constexpr const char* kSundaFemale[] = {
    "Euis",  "Neneng", "Imas",    "Cucu",  "Enok",  "Iis",   "Eneng", "Yanti", "Nining", "Popon",
    "Tati",  "Titin",  "Nani",    "Yeni",  "Nenden", "Ai",   "Elis",  "Lilis", "Entin",  "Ela",
    "Dewi",  "Rina",   "Resti",   "Rika",  "Siti",  "Wiwin", "Ipah",  "Oneng", "Mimin",  "Teti",
    "Ening", "Yuyun",  "Ita",     "Ineu",  "Leni",  "Ratna", "Sri",   "Nurhayati", "Dedeh",
};
constexpr const char* kSundaMaleSecond[] = {
    "Saepudin",  "Supriatna", "Sukmana", "Kurniawan", "Hidayat",  "Mulyana",  "Suryana",  "Permana",
    "Sopandi",   "Rukmana",   "Hermawan", "Setiawan", "Ruhiyat",  "Sudrajat", "Gunawan",  "Firmansyah",
    "Nurjaman",  "Sumarna",   "Kusnadi", "Rohendi",   "Komarudin", "Taryana", "Darmawan", "Ramdani",
    "Maulana",   "Kurnia",    "Suherman", "Rosadi",
};
constexpr const char* kSundaFemaleSecond[] = {
    "Komariah", "Nurhasanah", "Rohayati", "Sumiati", "Kurniasih", "Nurlela", "Rosita",    "Yulianti",
    "Rahmawati", "Marlina",   "Herlina",  "Sumarni", "Nurjanah",  "Aisyah",  "Sopiah",    "Maryam",
    "Hasanah",  "Fitriani",   "Handayani", "Mulyani", "Apriani",  "Susilawati",
};

// Sumatran Malay (Bengkulu, Riau, Jambi, Sumatera Selatan, Bangka Belitung,
// Kepulauan Riau, coastal Kalimantan Barat), including Rejang and Serawai
// usage in Bengkulu.
constexpr const char* kMelayuMale[] = {
    "Ahmad",   "Syamsul",  "Zulkifli", "Rusli",   "Herman",   "Yusuf",    "Abdullah", "Jamaludin",
    "Bahrul",  "Darwis",   "Effendi",  "Fauzan",  "Hasan",    "Husin",    "Ismail",   "Jafar",
    "Kamaruddin", "Mahyudin", "Nasrul", "Rahmat", "Ridho",    "Samsudin", "Syafrudin", "Usman",
    "Wahyu",   "Yasir",    "Zainuddin", "Alamsyah", "Amran",  "Darmawan", "Edi",      "Feri",
    "Heriyanto", "Jon",    "Marzuki",  "Mursalin", "Rio",     "Roni",     "Sahrial",  "Syaiful",
    "Yudi",    "Zulfikar", "Junaidi",  "Helmi",   "Azhar",    "Iskandar", "Hairul",   "Sapri",
    "Erwin",   "Jasmadi",  "Rozali",   "Harmin",  "Sudirman", "Mukhlis",
};
constexpr const char* kMelayuFemale[] = {
    "Aminah",   "Fatimah",  "Halimah", "Khadijah", "Maimunah", "Nurhayati", "Rosmiati", "Rusmini",
    "Salmah",   "Sri",      "Suryani", "Yusnita",  "Zubaidah", "Asmah",     "Darmawati", "Elvi",
    "Erna",     "Fitri",    "Hartati", "Juliana",  "Leni",     "Masnah",    "Murniati", "Nurlaila",
    "Rahmi",    "Rosnani",  "Sumarni", "Yanti",    "Yuliana",  "Zuraida",   "Eliya",    "Mardiana",
    "Nelly",    "Desi",     "Rina",    "Herlina",  "Suwarni",  "Mariana",   "Yusmaniar", "Rosmala",
    "Emi",      "Lismawati", "Nurjanah", "Siti",
};
constexpr const char* kMelayuMaleSecond[] = {
    "Saputra", "Syahputra", "Hidayat", "Effendi",   "Alamsyah", "Gunawan", "Pratama", "Kurniawan",
    "Iskandar", "Firdaus",  "Mansyur", "Ramadhan",  "Hakim",    "Fadli",   "Rahman",  "Sulaiman",
    "Hamid",   "Syahrial",  "Ardiansyah", "Wijaya", "Putra",    "Hasibullah", "Ansori", "Jamil",
};
constexpr const char* kMelayuFemaleSecond[] = {
    "Sari",      "Yanti",   "Wati",      "Susanti", "Lestari", "Handayani", "Fitriani",  "Marlina",
    "Hayati",    "Safitri", "Rahmawati", "Aprilia", "Wulandari", "Oktaviani", "Anggraini", "Juwita",
    "Puspita",   "Novita",  "Astuti",    "Wahyuni",
};

// Minangkabau.
constexpr const char* kMinangMale[] = {
    "Afrizal", "Syafri",  "Yulizar",  "Zulhendri", "Rizal",   "Erizal",  "Yusrizal", "Hendri",
    "Nofrizal", "Jasman", "Darwin",   "Asril",     "Busra",   "Ilyas",   "Zainal",   "Amir",
    "Febri",   "Arman",   "Fadli",    "Ridwan",    "Syahrul", "Yondri",  "Refki",    "Deri",
    "Ikhsan",  "Rahmad",  "Alfian",   "Edison",    "Efrizal", "Mardius", "Novrizal", "Yasrul",
    "Zulkarnain", "Hasril", "Irwandi", "Syafrizal", "Dasril", "Yuhendri",
};
constexpr const char* kMinangFemale[] = {
    "Yeni",    "Yusnimar", "Nurhasni", "Marlina", "Rosmaini", "Yelmi",     "Desmawati", "Nurbaiti",
    "Elfi",    "Fitriyeni", "Gusnimar", "Hasnah", "Irma",     "Jusmaniar", "Lismawati", "Mardiah",
    "Nelfi",   "Rosna",    "Syafni",   "Welli",   "Yuliarni", "Zurniati",  "Ernawati",  "Ratna",
    "Rahmi",   "Silvia",   "Rika",     "Dewi",    "Sri",      "Nofita",    "Yusnidar",  "Elvira",
};
constexpr const char* kMinangMaleSecond[] = {
    "Efendi", "Saputra", "Putra",  "Syahputra", "Hidayat", "Rahman", "Yunus", "Anwar",
    "Darwis", "Idris",   "Halim",
};
constexpr const char* kMinangFemaleSecond[] = {
    "Sari", "Wati", "Yenti", "Murni", "Yanti", "Susanti", "Rahmi", "Fitri", "Fauziah", "Novita", "Hayati",
};
// Suku names some Minang families use as surnames.
constexpr const char* kMinangFamily[] = {
    "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Guci", "Caniago", "Melayu", "Pili",
};

// Batak (Toba, Simalungun, Karo).
constexpr const char* kBatakMale[] = {
    "Togar",   "Parlindungan", "Hotman", "Martua",  "Sahat",    "Poltak",  "Binsar",  "Tigor",
    "Hasudungan", "Maruli",    "Bonar",  "Rudolf",  "Jhonny",   "Robert",  "Daniel",  "Samuel",
    "Yosua",   "Ricardo",      "Benny",  "Firman",  "Hendrik",  "Lamhot",  "Marihot", "Halomoan",
    "Mangasi", "Jansen",       "Boy",    "Hiras",   "Edward",   "Jonatan", "Andreas", "Frans",
    "Josep",   "Rikson", "Lambok",
};
constexpr const char* kBatakFemale[] = {
    "Rotua",  "Sondang", "Tiurma", "Lamtiur", "Romauli", "Rosdiana", "Nurmala", "Hotnida",
    "Lasma",  "Mariani", "Ruth",   "Debora",  "Maria",   "Elisabeth", "Marta",  "Lenny",
    "Rosmawati", "Sarma", "Tiurlan", "Duma",  "Intan",   "Rina",     "Yohana",  "Ester",
    "Friska", "Hana",    "Lidya",  "Monika",  "Natalia", "Novita",   "Erna",    "Dormauli",
};
constexpr const char* kBatakFamily[] = {
    "Simanjuntak", "Sitorus",  "Nainggolan", "Siregar",     "Hutagalung", "Simatupang", "Pardede",
    "Sinaga",      "Situmorang", "Panjaitan", "Hutapea",    "Manurung",   "Sihombing",  "Tambunan",
    "Pasaribu",    "Silalahi", "Sitompul",   "Butarbutar",  "Sianturi",   "Simbolon",   "Damanik",
    "Purba",       "Saragih",  "Ginting",    "Tarigan",     "Sembiring",  "Sitepu",     "Hutabarat",
    "Lumbantobing", "Gultom",  "Aritonang",  "Siahaan",     "Marpaung",   "Napitupulu", "Sirait",
    "Simamora",    "Tampubolon", "Samosir",  "Sidabutar",   "Karo-Karo",
};

// Mandailing and Angkola (southern Tapanuli): Muslim given names, marga.
constexpr const char* kMandailingFamily[] = {
    "Lubis",    "Nasution", "Harahap",    "Siregar",  "Hasibuan", "Pohan",      "Daulay",  "Rangkuti",
    "Batubara", "Pulungan", "Matondang",  "Hutasuhut", "Parinduri", "Dalimunthe", "Ritonga", "Tanjung",
};

// Acehnese.
constexpr const char* kAcehMale[] = {
    "Mukhtar",  "Zulkifli", "Muzakir",   "Iskandar", "Fadhil",   "Razali",     "Saiful",  "Khairul",
    "Husaini",  "Nasruddin", "Mahdi",    "Munawar",  "Syarifuddin", "Ridwan",  "Hasballah", "Tarmizi",
    "Bukhari",  "Jalaluddin", "Mustafa", "Safrizal", "Azwar",    "Irwansyah",  "Darmawan", "Yusri",
    "Rizal",    "Fakhrurrazi", "Maimun", "Nurdin",   "Marzuki",  "Armia",      "Samsul",  "Zakaria",
    "Usman",    "Jamaluddin", "Junaidi", "Hasbi",
};
constexpr const char* kAcehFemale[] = {
    "Nurhayati", "Rahmah",  "Fauziah", "Salma",   "Yusnidar", "Nurlaili", "Mardhiah", "Zahara",
    "Rosmawati", "Syarifah", "Fitriani", "Hasnah", "Rosmiati", "Maryam",  "Nursiah",  "Ernawati",
    "Raudhah",   "Husna",    "Khairunnisa", "Rahmawati", "Safriana", "Yuliana", "Nurmala", "Rita",
    "Darmiati",  "Mutia",    "Julia",   "Azizah",     "Ainal",    "Marlina",  "Nuraini",
};
constexpr const char* kAcehMaleSecond[] = {
    "Abdullah", "Hasan", "Ibrahim", "Yusuf", "Ismail", "Saputra", "Ali",  "Daud",
    "Harun",    "Ahmad", "Syah",    "Husen", "Idris",  "Amin",    "Yunus", "Basyah",
};
constexpr const char* kAcehFemaleSecond[] = {
    "Hayati", "Fitri", "Nisa", "Zahara", "Husna", "Rahmi", "Sari", "Aini", "Nufus", "Wati", "Fajriah",
};
constexpr const char* kAcehMaleTitle[] = {"Teuku", "Tgk."};
constexpr const char* kAcehFemaleTitle[] = {"Cut", "Cut Nyak"};

// Bugis, Makassar, Mandar (and Muslim Sulawesi generally).
constexpr const char* kBugisMale[] = {
    "Baso",    "Sudirman", "Syamsuddin", "Arifin",  "Hamzah",   "Haris",     "Idris",    "Jufri",
    "Kamaruddin", "Lukman", "Mansyur",   "Muhtar",  "Nasrullah", "Rahman",   "Rusdi",    "Syahrir",
    "Amiruddin", "Basri",  "Darwis",     "Fadli",   "Hasanuddin", "Ilham",   "Jamaluddin", "Muliadi",
    "Nurdin",  "Ramli",    "Sainal",     "Tamrin",  "Usman",    "Zainuddin", "Asri",     "Erwin",
    "Herman",  "Irwan",    "Mustari",    "Sahabuddin", "Lahamuddin", "Syahrul", "Akbar",  "Ashar",
};
constexpr const char* kBugisFemale[] = {
    "Hasnawati", "Hasniah",  "Nurhaeda",  "Nuraeni",   "Rahmatia", "Megawati",  "Hasmiah",  "Irmawati",
    "Jumriah",   "Kasmawati", "Marlina",  "Nurbaya",   "Rosmini",  "Sahariah",  "Sumarni",  "Wahidah",
    "Halijah",   "Hadijah",  "Fatmawati", "Asriani",   "Darmawati", "Ernawati", "Haslinda", "Juhaeni",
    "Mardiana",  "Nurjannah", "Rosdiana", "Suriani",   "Hartati",  "Musdalifah", "Nurhayati", "Sitti",
};
constexpr const char* kBugisMaleSecond[] = {
    "Rahman", "Hamid", "Said",  "Arsyad", "Latif",  "Bakri",  "Tahir", "Saleh",
    "Malik",  "Hasan", "Bahar", "Tawakkal", "Mappiare", "Makkasau", "Jaya",
};
constexpr const char* kBugisFemaleSecond[] = {
    "Ningsih", "Wati", "Sari", "Ramadhani", "Aeni", "Yanti", "Rahayu", "Sukmawati",
};
constexpr const char* kBugisTitle[] = {"Andi"};

// Banjar (Kalimantan Selatan).
constexpr const char* kBanjarMale[] = {
    "Ahmad",   "Rusdi",  "Rahmadi", "Syahrani", "Arbani",  "Bahrani", "Fahrurrazi", "Hairul",
    "Hamdani", "Jumberi", "Kurdi",  "Mahyuni",  "Mursyid", "Rijali",  "Rusmadi",    "Saberan",
    "Taufik",  "Yusran", "Zainal",  "Ibrahim",  "Ilmi",    "Junaidi", "Masrani",    "Norhadi",
    "Rahmat",  "Riduan", "Samsuni", "Syarifuddin", "Udin", "Yani",    "Akhmad",
};
constexpr const char* kBanjarFemale[] = {
    "Aspiani",  "Aisyah",   "Fatimah",  "Halimah",   "Hasanah",  "Jamilah", "Mahrita",  "Masitah",
    "Norhayati", "Noorlaila", "Rabiatul", "Rusmilawati", "Salasiah", "Siti", "Yuliani",  "Zainab",
    "Maimunah", "Mariyati", "Jubaidah", "Khairiah",  "Nurul",    "Rahimah", "Sumiati",  "Amaliah",
    "Bainah",   "Herliani", "Masliani", "Rusmini",
};
constexpr const char* kBanjarMaleSecond[] = {
    "Rahman", "Arsyad", "Hamdi", "Fahmi", "Rifani", "Maulana", "Hidayat", "Saputra", "Effendi", "Ansyari", "Noor",
};
constexpr const char* kBanjarFemaleSecond[] = {
    "Hidayah", "Hasanah", "Wati", "Fitriani", "Rahmah", "Sari", "Safitri", "Noor", "Aulia",
};
constexpr const char* kBanjarMalePrefix[] = {"Muhammad", "M.", "Ahmad", "Abdul"};
constexpr const char* kBanjarFemalePrefix[] = {"Siti", "Noor", "Nor"};

// Balinese (built specially: I / Ni, birth-order name, given names).
constexpr const char* kBaliMale[] = {
    "Suarta",   "Sudarma",  "Wirawan",  "Sutrisna", "Adnyana",  "Arsana",   "Budiarta",  "Darmawan",
    "Gunawan",  "Kariasa",  "Mahendra", "Mertayasa", "Parwata", "Putra",    "Santika",   "Sukadana",
    "Sudiarta", "Suparta",  "Suwirya",  "Widiana",  "Wijaya",   "Yasa",     "Artawan",   "Astawa",
    "Dharma",   "Juliarta", "Muliawan", "Purnama",  "Sadia",    "Sanjaya",  "Swastika",  "Widnyana",
    "Suardana", "Sukarya",  "Wardana",  "Antara",
};
constexpr const char* kBaliFemale[] = {
    "Ariani",   "Suartini", "Sukerti",  "Wiranti",  "Yuliani",  "Ayu",      "Dewi",     "Astiti",
    "Mariani",  "Puspita",  "Sariasih", "Suastini", "Sudiani",  "Widiastuti", "Kartini", "Purnami",
    "Sugiantari", "Juliani", "Wahyuni", "Darmini",  "Ardani",   "Mertasari", "Sumiartini", "Suryani",
    "Sukarmi",  "Yasmini",  "Sri",      "Rai",      "Novianti", "Sukarini",
};
constexpr const char* kBaliMaleOrder[] = {"Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"};
constexpr const char* kBaliFemaleOrder[] = {"Wayan", "Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut"};
constexpr const char* kBaliMaleGentry[] = {"I Gusti Ngurah", "I Gusti Made", "Ida Bagus", "Anak Agung Gede",
                                           "Dewa Gede", "I Gusti Bagus"};
constexpr const char* kBaliFemaleGentry[] = {"I Gusti Ayu", "Ida Ayu", "Anak Agung Istri", "Dewa Ayu",
                                             "Desak Made", "Anak Agung Ayu"};

// Sasak (Lombok) and Sumbawa/Bima.
constexpr const char* kSasakMale[] = {
    "Hairul",   "Hamdi",    "Junaidi", "Saprudin",  "Supardi",  "Sahabudin", "Mahsun",   "Rusdi",
    "Zulkarnaen", "Jumadil", "Muhlis", "Sapari",    "Ridwan",   "Zainul",    "Abdurrahman", "Burhanudin",
    "Hasbullah", "Hulaimi", "Ikhsan",  "Kamarudin", "Lukmanul", "Mahrup",    "Munawir",  "Najamudin",
    "Sahrul",   "Syamsul",  "Wildan",  "Amrullah",  "Azwar",    "Fathurrahman", "Hadi",  "Herman",
    "Jamiludin", "Mardan",  "Samsul",  "Sahnan",
};
constexpr const char* kSasakFemale[] = {
    "Nurul",   "Hasanah",   "Rohaniah", "Sri",     "Rahmawati", "Nursiah",  "Saharni",  "Suhartini",
    "Sumiati", "Maesarah",  "Masniah",  "Hajrah",  "Aminah",    "Hartini",  "Hilmiati", "Husnul",
    "Khotimah", "Marni",    "Murniati", "Nurhidayah", "Rusmini", "Salmah",  "Sukmawati", "Wardatun",
    "Zuhriah", "Ermawati",  "Mulyati",  "Nurjannah", "Rabiatun", "Halimatussa'diah",
};
constexpr const char* kSasakMaleSecond[] = {"Hidayat", "Rahman", "Hakim", "Fauzi", "Saputra", "Jayadi",
                                            "Wahyudi", "Hamdani", "Ihsan"};
constexpr const char* kSasakFemaleSecond[] = {"Hidayati", "Wati", "Yanti", "Ningsih", "Sari", "Hayati", "Apriani"};
constexpr const char* kSasakMaleTitle[] = {"Lalu"};
constexpr const char* kSasakFemaleTitle[] = {"Baiq"};

// Betawi (Jakarta).
constexpr const char* kBetawiMale[] = {
    "Rojali",  "Mamat",    "Sabeni",  "Mursid",  "Jaelani", "Zakaria", "Marzuki",  "Sanusi",
    "Rohim",   "Usman",    "Ridwan",  "Syafei",  "Arif",    "Nasrudin", "Sarmili", "Salim",
    "Sueb",    "Muhidin",  "Sanip",   "Somad",   "Juned",   "Jamal",   "Kamal",    "Mansur",
    "Sanwani", "Rahmat",   "Syamsudin", "Mukhlis", "Hasbi", "Ali",     "Bachtiar", "Rizal",
};
constexpr const char* kBetawiFemale[] = {
    "Romlah",  "Juleha",   "Munah",   "Fatimah", "Zaenab",  "Maemunah", "Rohmah",  "Saodah",
    "Aisyah",  "Halimah",  "Hindun",  "Jamilah", "Khodijah", "Masitoh", "Nurhasanah", "Rohayati",
    "Salmah",  "Sariah",   "Sopiah",  "Umayah",  "Zubaedah", "Mardiyah", "Rukiah",  "Latifah",
    "Asmawati", "Nurlela", "Yuni",    "Lia",     "Ratna",   "Dewi",
};

// Dayak (Kalimantan interior): Christian given names, some traditional ones.
constexpr const char* kDayakMale[] = {
    "Yohanes",   "Antonius", "Agustinus", "Paulus",   "Stefanus",  "Yosef",     "Markus",  "Lukas",
    "Fransiskus", "Benediktus", "Ignatius", "Kristian", "Damianus", "Petrus",   "Yulius",  "Alexander",
    "Herkulanus", "Libertus", "Martinus", "Nikodemus", "Silvester", "Oktavianus", "Yakobus", "Ambrosius",
    "Laurensius", "Hendrikus", "Bujang",  "Apui",     "Ading",     "Yusak",
};
constexpr const char* kDayakFemale[] = {
    "Maria",    "Yuliana",  "Veronika", "Agnes",   "Sesilia", "Katarina",  "Margareta", "Rosalina",
    "Theresia", "Magdalena", "Kristina", "Lusia",  "Yosefina", "Anastasia", "Natalia",  "Regina",
    "Susana",   "Elisabet", "Fransiska", "Monika", "Priska",  "Yovita",    "Florentina", "Imelda",
    "Dayang",   "Meliana",
};

// Nusa Tenggara Timur (Timor, Flores, Sumba, Alor, Rote, Sabu).
constexpr const char* kNttMale[] = {
    "Yohanes",  "Fransiskus", "Yosef",   "Petrus",   "Paulus",   "Agustinus", "Dominikus", "Markus",
    "Aloysius", "Kornelis",   "Benediktus", "Hendrikus", "Yakobus", "Stefanus", "Yulius", "Martinus",
    "Wilhelmus", "Arnoldus",  "Bernardus", "Gabriel", "Matheus",  "Simon",     "Daniel",   "Yunus",
    "Oktovianus", "Adrianus", "Emanuel",   "Robertus", "Yoseph",  "Kristoforus",
};
constexpr const char* kNttFemale[] = {
    "Maria",    "Margaretha", "Yohana",    "Katarina", "Agustina", "Yuliana",   "Veronika",  "Paulina",
    "Fransiska", "Theresia",  "Elisabeth", "Helena",   "Regina",   "Bernadetha", "Martha",   "Anastasia",
    "Yasinta",  "Florida",    "Mariana",   "Skolastika", "Kristina", "Wilhelmina", "Susana", "Emiliana",
    "Oktaviana", "Sisilia",   "Goreti",    "Imakulata",
};
constexpr const char* kNttFamily[] = {
    "Bria",   "Nahak",  "Seran",   "Manek",   "Tefa",     "Lake",     "Bani",    "Kolo",    "Fallo",
    "Nenobais", "Tanone", "Sanam", "Nubatonis", "Tallo",  "Ndun",     "Lenggu",  "Riwu",    "Kana",
    "Dethan", "Nope",   "Foenay",  "Messakh", "Pello",    "Bire",     "Tukan",   "Kelen",   "Boli",
    "Koten",  "Beda",   "Making",  "Parera",  "Fernandez", "Lewar",   "Ola",     "Tokan",   "Wutun",
    "Sogen",  "Kabelen", "Mau",    "Taek",    "Leki",     "Klau",
};

// Minahasa (Sulawesi Utara).
constexpr const char* kMinahasaMale[] = {
    "Johny",  "Frangky", "Jefry",   "Stevy",  "Vecky",   "Hendra",  "Denny",    "Roy",   "Alfrets",
    "Novri",  "Rommy",   "Sonny",   "Ferry",  "Herry",   "Arie",    "Jemmy",    "Meldy", "Rolly",
    "Deddy",  "Steven",  "Michael", "Christian", "Yohanis", "Rivo", "Rendy",    "Marthen", "Jouke",
    "Reinhard", "Glenn", "Ronald",
};
constexpr const char* kMinahasaFemale[] = {
    "Meiske", "Marlyn", "Olvie",  "Stella", "Lenny",  "Femmy",   "Vonny",  "Deysi",  "Jeane",
    "Nova",   "Sherly", "Grace",  "Intan",  "Christy", "Greity", "Meity",  "Nancy",  "Riane",
    "Ivone",  "Yolanda", "Marie", "Anneke", "Debby",  "Lisye",   "Windy",  "Feybe",  "Veronica",
    "Juliana", "Fanny", "Syane",
};
constexpr const char* kMinahasaFamily[] = {
    "Wowor",    "Rumengan",  "Sumampouw", "Lumentut", "Pangemanan", "Mandagi",   "Rondonuwu",
    "Tumbelaka", "Kaunang",  "Lengkong",  "Tambuwun", "Sondakh",    "Wenas",     "Pinontoan",
    "Supit",    "Tumewu",    "Rumondor",  "Lumintang", "Karundeng", "Palar",     "Kalangi",
    "Warouw",   "Rorimpandey", "Mamesah", "Walangitan", "Tuwaidan", "Lasut",     "Runtuwene",
    "Sigar",    "Mangindaan", "Kumaat",   "Tangkilisan", "Pandeiroth", "Ratulangi",
};

// Gorontalo.
constexpr const char* kGorontaloMale[] = {
    "Rahmat", "Arfan",   "Ridwan",  "Hamzah", "Yusuf", "Rizal",  "Sofyan", "Idris",   "Rustam",
    "Ismail", "Nasir",   "Ahmad",   "Hasan",  "Fadli", "Irwan",  "Syarif", "Ikbal",   "Jusuf",
    "Kadir",  "Lukman",  "Rahim",   "Sudirman", "Yasin", "Zulkifli", "Rivai", "Arman",
};
constexpr const char* kGorontaloFemale[] = {
    "Nurain",  "Fatmawati", "Hadija", "Nurhayati", "Rahmawati", "Sumiati", "Aisa",   "Asna",
    "Hasna",   "Rosna",     "Sri",    "Titin",     "Wiwin",     "Yuliana", "Zubaida", "Nurma",
    "Rahma",   "Irma",      "Sartin", "Nining",    "Hartini",   "Maryam",  "Salma",  "Ningsih",
};
constexpr const char* kGorontaloFamily[] = {
    "Gobel",  "Katili",  "Pakaya", "Hulukati", "Lamusu",  "Nento",   "Biki",    "Tangahu", "Mooduto",
    "Datau",  "Bakari",  "Monoarfa", "Hiola",  "Podungge", "Mohamad", "Hasan",  "Daud",    "Abdullah",
    "Ibrahim", "Kadir",  "Yusuf",  "Mustapa",
};

// Maluku and Maluku Utara (Christian and Muslim families).
constexpr const char* kMalukuMale[] = {
    "Yopi",   "Max",     "Johanis", "Semuel", "Dominggus", "Jacob",  "Hendrik", "Abraham", "Frans",
    "Ruben",  "Marthen", "Agus",    "Yusuf",  "Ali",       "Hasan",  "Rahman",  "Ismail",  "Rizal",
    "Said",   "Abdullah", "Umar",   "Idrus",  "Husein",    "Salim",  "Yohanes", "Petrus",  "Daniel",
    "Alex",   "Eddy",    "Izaak",   "Nus",    "Benny",
};
constexpr const char* kMalukuFemale[] = {
    "Maria",   "Martha",   "Yohana",  "Elisabeth", "Paulina", "Magdalena", "Lea",     "Ester",
    "Naomi",   "Debora",   "Salomina", "Fransina", "Wilhelmina", "Fatima", "Siti",    "Nurlaila",
    "Hadija",  "Saleha",   "Aisa",    "Rosita",    "Mariam",  "Halima",    "Marlin",  "Jeanne",
    "Sarah",   "Rahel",    "Yulin",
};
constexpr const char* kMalukuFamily[] = {
    "Pattiasina", "Latuheru",  "Sahetapy",   "Tuasikal",   "Latuconsina", "Ohorella",  "Lessy",
    "Pattinama",  "Wattimena", "Leiwakabessy", "Matulessy", "Manuhutu",   "Tuhumury",  "Pattipeilohy",
    "Sapulette",  "Siahaya",   "Tahapary",   "Hukom",      "Nanlohy",     "Soplanit",  "Ralahalu",
    "Tualeka",    "Marasabessy", "Tamher",   "Pelu",       "Sangadji",    "Umasugi",   "Rumalutur",
    "Renwarin",   "Dumatubun", "Tomagola",   "Kiat",
};

// Papua.
constexpr const char* kPapuaMale[] = {
    "Yakobus", "Yulianus", "Markus",   "Niko",    "Melkias", "Yosias",  "Yance",   "Obet",
    "Eliezer", "Enos",     "Frans",    "Yohanes", "Paulus",  "Petrus",  "Musa",    "Daud",
    "Yusuf",   "Elias",    "Simon",    "Lukas",   "Yermias", "Nataniel", "Yonas",  "Kornelius",
    "Alpius",  "Benny",    "Nius",     "Demianus", "Hengky", "Agus",    "Martinus", "Titus",
    "Herman",  "Yulius",   "Matius",   "Otniel",
};
constexpr const char* kPapuaFemale[] = {
    "Marince", "Yuliana", "Martha",  "Agustina", "Yohana",  "Maria",    "Naomi",  "Debora",
    "Ester",   "Rahel",   "Sara",    "Lea",      "Elisabeth", "Yakomina", "Fransina", "Selfina",
    "Mariana", "Yosina",  "Priska",  "Susana",   "Adolfina", "Ruth",    "Dorkas", "Veronika",
    "Herlina", "Rosalina", "Lidia",  "Welmina",  "Mince",    "Yulita",
};
constexpr const char* kPapuaFamily[] = {
    "Wenda",   "Kogoya",  "Tabuni",  "Wonda",    "Murib",   "Yikwa",    "Rumbiak", "Mandowen",
    "Kambu",   "Waromi",  "Wanimbo", "Enembe",   "Yoman",   "Karoba",   "Wakerkwa", "Gobay",
    "Pigai",   "Douw",    "Tebay",   "Mote",     "Kayame",  "Yeimo",    "Rumbewas", "Ayomi",
    "Sawaki",  "Rumaropen", "Mansoben", "Krey",  "Wamafma", "Kaisiepo", "Wambrauw", "Yarangga",
    "Mirino",  "Itlay",   "Magai",   "Tekege",   "Bunai",   "Weya",     "Lokbere", "Hisage",
    "Asso",    "Walilo",  "Heluka",  "Gwijangge",
};

constexpr List kNone{};

// How a culture builds names.
struct CultureSpec {
  const char* name;
  List male, female;                // given names
  List male_second, female_second;  // second names
  List family;                      // family names / marga / fam; empty: none
  List male_prefix, female_prefix;  // Muslim prefixes (Muhammad, Siti)
  List male_title, female_title;    // titles (Andi, Teuku, Lalu)
  double p_single;                  // a one-word name
  double p_second;                  // add a second name
  double p_family;                  // add a family name
  double p_prefix;                  // start with a prefix
  double p_title;                   // start with a title
  double p_common;                  // draw the given name from the national list
};

const CultureSpec kCultures[kNamingCultureCount] = {
    // kJawa
    {"jawa", L(kJawaMale), L(kJawaFemale), L(kJawaMaleSecond), L(kJawaFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.28, 0.55, 0, 0.08, 0, 0.25},
    // kSunda
    {"sunda", L(kSundaMale), L(kSundaFemale), L(kSundaMaleSecond), L(kSundaFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.15, 0.70, 0, 0.08, 0, 0.25},
    // kMelayu
    {"melayu", L(kMelayuMale), L(kMelayuFemale), L(kMelayuMaleSecond), L(kMelayuFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.20, 0.60, 0, 0.12, 0, 0.30},
    // kMinang
    {"minang", L(kMinangMale), L(kMinangFemale), L(kMinangMaleSecond), L(kMinangFemaleSecond), L(kMinangFamily),
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.25, 0.50, 0.12, 0.08, 0, 0.20},
    // kBatak
    {"batak", L(kBatakMale), L(kBatakFemale), kNone, kNone, L(kBatakFamily), kNone, kNone, kNone, kNone, 0.02,
     0.15, 0.96, 0, 0, 0.15},
    // kMandailing: Malay given names, Mandailing marga
    {"mandailing", L(kMelayuMale), L(kMelayuFemale), L(kMelayuMaleSecond), L(kMelayuFemaleSecond),
     L(kMandailingFamily), L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.03, 0.20, 0.92, 0.10,
     0, 0.25},
    // kAceh
    {"aceh", L(kAcehMale), L(kAcehFemale), L(kAcehMaleSecond), L(kAcehFemaleSecond), kNone, L(kMuslimMalePrefix),
     L(kMuslimFemalePrefix), L(kAcehMaleTitle), L(kAcehFemaleTitle), 0.25, 0.45, 0, 0.15, 0.03, 0.20},
    // kBugis
    {"bugis", L(kBugisMale), L(kBugisFemale), L(kBugisMaleSecond), L(kBugisFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), L(kBugisTitle), L(kBugisTitle), 0.30, 0.40, 0, 0.14, 0.05,
     0.20},
    // kBanjar
    {"banjar", L(kBanjarMale), L(kBanjarFemale), L(kBanjarMaleSecond), L(kBanjarFemaleSecond), kNone,
     L(kBanjarMalePrefix), L(kBanjarFemalePrefix), kNone, kNone, 0.15, 0.45, 0, 0.30, 0, 0.15},
    // kBali: built by AppendBalineseName()
    {"bali", L(kBaliMale), L(kBaliFemale), kNone, kNone, kNone, kNone, kNone, kNone, kNone, 0, 0.35, 0, 0, 0.06,
     0},
    // kSasak
    {"sasak", L(kSasakMale), L(kSasakFemale), L(kSasakMaleSecond), L(kSasakFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), L(kSasakMaleTitle), L(kSasakFemaleTitle), 0.30, 0.35, 0, 0.15,
     0.05, 0.15},
    // kBetawi
    {"betawi", L(kBetawiMale), L(kBetawiFemale), L(kCommonMaleSecond), L(kCommonFemaleSecond), kNone,
     L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.25, 0.50, 0, 0.12, 0, 0.40},
    // kDayak
    {"dayak", L(kDayakMale), L(kDayakFemale), L(kCommonMaleSecond), L(kCommonFemaleSecond), kNone, kNone, kNone,
     kNone, kNone, 0.15, 0.55, 0, 0, 0, 0.15},
    // kNtt: second given name from the same list (Maria Goreti, Yohanes Don Bosco)
    {"ntt", L(kNttMale), L(kNttFemale), L(kNttMale), L(kNttFemale), L(kNttFamily), kNone, kNone, kNone, kNone,
     0.03, 0.30, 0.90, 0, 0, 0.05},
    // kMinahasa
    {"minahasa", L(kMinahasaMale), L(kMinahasaFemale), kNone, kNone, L(kMinahasaFamily), kNone, kNone, kNone,
     kNone, 0.02, 0.10, 0.95, 0, 0, 0.10},
    // kGorontalo
    {"gorontalo", L(kGorontaloMale), L(kGorontaloFemale), L(kCommonMaleSecond), L(kCommonFemaleSecond),
     L(kGorontaloFamily), L(kMuslimMalePrefix), L(kMuslimFemalePrefix), kNone, kNone, 0.10, 0.20, 0.65, 0.12, 0,
     0.20},
    // kMaluku
    {"maluku", L(kMalukuMale), L(kMalukuFemale), kNone, kNone, L(kMalukuFamily), kNone, kNone, kNone, kNone, 0.03,
     0.15, 0.92, 0, 0, 0.10},
    // kPapua
    {"papua", L(kPapuaMale), L(kPapuaFemale), kNone, kNone, L(kPapuaFamily), kNone, kNone, kNone, kNone, 0.04,
     0.12, 0.92, 0, 0, 0.05},
};

// NamingCulture mixtures per province (weights in percent).
struct Share {
  NamingCulture culture;
  int weight;
};
struct ProvinceMix {
  int province;
  Share shares[6];
};

using C = NamingCulture;
const ProvinceMix kProvinceMixes[] = {
    {11, {{C::kAceh, 86}, {C::kJawa, 7}, {C::kMandailing, 4}, {C::kMinang, 3}}},
    {12, {{C::kBatak, 36}, {C::kJawa, 30}, {C::kMelayu, 16}, {C::kMandailing, 13}, {C::kMinang, 3}, {C::kAceh, 2}}},
    {13, {{C::kMinang, 88}, {C::kJawa, 5}, {C::kMandailing, 4}, {C::kBatak, 3}}},
    {14, {{C::kMelayu, 42}, {C::kJawa, 25}, {C::kMinang, 15}, {C::kBatak, 10}, {C::kMandailing, 8}}},
    {15, {{C::kMelayu, 55}, {C::kJawa, 28}, {C::kMinang, 10}, {C::kBatak, 4}, {C::kSunda, 3}}},
    {16, {{C::kMelayu, 64}, {C::kJawa, 30}, {C::kSunda, 4}, {C::kMinang, 2}}},
    {17, {{C::kMelayu, 56}, {C::kJawa, 24}, {C::kMinang, 8}, {C::kSunda, 7}, {C::kBatak, 3}, {C::kMandailing, 2}}},
    {18, {{C::kJawa, 60}, {C::kMelayu, 24}, {C::kSunda, 12}, {C::kBali, 3}, {C::kMinang, 1}}},
    {19, {{C::kMelayu, 82}, {C::kJawa, 12}, {C::kBugis, 3}, {C::kMinang, 3}}},
    {21, {{C::kMelayu, 42}, {C::kJawa, 24}, {C::kBatak, 14}, {C::kMinang, 14}, {C::kBugis, 6}}},
    {31, {{C::kJawa, 36}, {C::kBetawi, 26}, {C::kSunda, 20}, {C::kBatak, 7}, {C::kMinang, 7}, {C::kMinahasa, 4}}},
    {32, {{C::kSunda, 84}, {C::kJawa, 12}, {C::kBetawi, 4}}},
    {33, {{C::kJawa, 98}, {C::kSunda, 2}}},
    {34, {{C::kJawa, 100}}},
    {35, {{C::kJawa, 100}}},
    {36, {{C::kSunda, 64}, {C::kJawa, 20}, {C::kBetawi, 16}}},
    {51, {{C::kBali, 88}, {C::kJawa, 9}, {C::kSasak, 3}}},
    {52, {{C::kSasak, 86}, {C::kBugis, 8}, {C::kBali, 4}, {C::kJawa, 2}}},
    {53, {{C::kNtt, 94}, {C::kBugis, 4}, {C::kJawa, 2}}},
    {61, {{C::kMelayu, 42}, {C::kDayak, 36}, {C::kJawa, 14}, {C::kBugis, 5}, {C::kSunda, 3}}},
    {62, {{C::kDayak, 44}, {C::kBanjar, 30}, {C::kJawa, 24}, {C::kSunda, 2}}},
    {63, {{C::kBanjar, 80}, {C::kJawa, 16}, {C::kBugis, 2}, {C::kDayak, 2}}},
    {64, {{C::kJawa, 34}, {C::kBugis, 25}, {C::kBanjar, 20}, {C::kDayak, 14}, {C::kMinahasa, 4}, {C::kNtt, 3}}},
    {65, {{C::kDayak, 36}, {C::kBugis, 32}, {C::kJawa, 20}, {C::kBanjar, 8}, {C::kNtt, 4}}},
    {71, {{C::kMinahasa, 80}, {C::kGorontalo, 10}, {C::kBugis, 6}, {C::kJawa, 4}}},
    {72, {{C::kBugis, 56}, {C::kJawa, 18}, {C::kMinahasa, 12}, {C::kGorontalo, 8}, {C::kBali, 6}}},
    {73, {{C::kBugis, 93}, {C::kJawa, 5}, {C::kMinahasa, 2}}},
    {74, {{C::kBugis, 76}, {C::kJawa, 14}, {C::kBali, 6}, {C::kMaluku, 4}}},
    {75, {{C::kGorontalo, 90}, {C::kBugis, 6}, {C::kJawa, 4}}},
    {76, {{C::kBugis, 94}, {C::kJawa, 6}}},
    {81, {{C::kMaluku, 82}, {C::kBugis, 9}, {C::kJawa, 9}}},
    {82, {{C::kMaluku, 62}, {C::kBugis, 22}, {C::kJawa, 12}, {C::kGorontalo, 4}}},
    {91, {{C::kPapua, 68}, {C::kJawa, 14}, {C::kBugis, 10}, {C::kMaluku, 5}, {C::kNtt, 3}}},
    {92, {{C::kPapua, 62}, {C::kJawa, 16}, {C::kBugis, 10}, {C::kMaluku, 8}, {C::kNtt, 4}}},
    {93, {{C::kPapua, 62}, {C::kJawa, 20}, {C::kBugis, 8}, {C::kMaluku, 6}, {C::kNtt, 4}}},
    {94, {{C::kPapua, 82}, {C::kBugis, 8}, {C::kJawa, 6}, {C::kNtt, 4}}},
    {95, {{C::kPapua, 92}, {C::kJawa, 4}, {C::kBugis, 4}}},
    {96, {{C::kPapua, 58}, {C::kJawa, 16}, {C::kMaluku, 14}, {C::kBugis, 12}}},
};
const ProvinceMix kDefaultMix = {0, {{C::kJawa, 60}, {C::kMelayu, 40}}};

// Skewed pick: index floor(n * u^1.7) makes the first entries several times
// more frequent than the last.
const char* Pick(const List& list, Rng& rng) {
  const double u = rng.Uniform();
  uint32_t i = static_cast<uint32_t>(static_cast<double>(list.size) * std::pow(u, 1.7));
  if (i >= list.size) i = list.size - 1;
  return list.items[i];
}

// Appends words in upper case, separated by single spaces, to the name that
// starts at `start` in `out`.
struct NameBuilder {
  std::string& out;
  size_t start;
  void Word(const char* word) {
    if (out.size() > start) out.push_back(' ');
    for (const char* p = word; *p != '\0'; ++p) {
      const char c = *p;
      out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  bool empty() const { return out.size() == start; }
};

void AppendBalineseName(const CultureSpec& spec, bool male, Rng& rng, NameBuilder& out) {
  if (rng.Chance(spec.p_title)) {
    out.Word(Pick(male ? L(kBaliMaleGentry) : L(kBaliFemaleGentry), rng));
  } else if (male) {
    out.Word("I");
    out.Word(kBaliMaleOrder[rng.Below(std::size(kBaliMaleOrder))]);
  } else {
    out.Word("Ni");
    if (rng.Chance(0.3)) out.Word("Luh");
    out.Word(kBaliFemaleOrder[rng.Below(std::size(kBaliFemaleOrder))]);
  }
  const List& given = male ? spec.male : spec.female;
  const char* first = Pick(given, rng);
  out.Word(first);
  if (rng.Chance(spec.p_second)) {
    const char* second = Pick(given, rng);
    if (std::strcmp(second, first) != 0) out.Word(second);
  }
}

}  // namespace

const char* CultureName(NamingCulture c) { return kCultures[static_cast<int>(c)].name; }

NamingCulture DrawCulture(int province, Rng& rng) {
  const ProvinceMix* mix = &kDefaultMix;
  for (const auto& m : kProvinceMixes) {
    if (m.province == province) {
      mix = &m;
      break;
    }
  }
  int total = 0;
  for (const auto& s : mix->shares) total += s.weight;
  int x = static_cast<int>(rng.Below(static_cast<uint64_t>(total)));
  for (const auto& s : mix->shares) {
    if (x < s.weight) return s.culture;
    x -= s.weight;
  }
  return mix->shares[0].culture;
}

void AppendName(NamingCulture culture, Sex sex, Rng& rng, std::string& out) {
  const CultureSpec& spec = kCultures[static_cast<int>(culture)];
  const bool male = sex != Sex::kFemale;
  NameBuilder b{out, out.size()};
  if (culture == NamingCulture::kBali) {
    AppendBalineseName(spec, male, rng, b);
    return;
  }
  const List& given = male ? spec.male : spec.female;
  const List& common = male ? L(kCommonMale) : L(kCommonFemale);
  const List& second = male ? spec.male_second : spec.female_second;
  const List& prefix = male ? spec.male_prefix : spec.female_prefix;
  const List& title = male ? spec.male_title : spec.female_title;

  const bool single = rng.Chance(spec.p_single);
  const char* lead = nullptr;  // title or prefix
  if (!single) {
    if (title.size > 0 && rng.Chance(spec.p_title)) {
      lead = Pick(title, rng);
    } else if (prefix.size > 0 && rng.Chance(spec.p_prefix)) {
      lead = Pick(prefix, rng);
    }
  }
  const char* first = rng.Chance(spec.p_common) ? Pick(common, rng) : Pick(given, rng);
  if (lead != nullptr && std::strcmp(lead, first) != 0) b.Word(lead);
  b.Word(first);
  if (single) return;
  if (rng.Chance(spec.p_second)) {
    const char* s = second.size > 0 ? Pick(second, rng) : Pick(given, rng);
    if (std::strcmp(s, first) != 0) b.Word(s);
  }
  if (spec.family.size > 0 && rng.Chance(spec.p_family)) b.Word(Pick(spec.family, rng));
  // A name made of the prefix alone ("SITI") is fine; an empty one is not.
  if (b.empty()) b.Word(Pick(given, rng));
}

}  // namespace cakupan
