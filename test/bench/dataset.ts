/**
 * A realistic desk's data for benchmarks: Indonesian titles and bodies whose words follow a
 * Zipf-like distribution (a few words very common, a long tail rare), the real kecamatan, desa,
 * agencies, categories and channels, repeat citizens, and a status mix like a desk's after years.
 * Deterministic (seeded), so every run measures the same data.
 */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const problems = [
  'Jalan rusak',
  'Jalan berlubang',
  'Lampu penerangan jalan mati',
  'Saluran air tersumbat',
  'Banjir saat hujan',
  'Sampah menumpuk',
  'Pelayanan KTP elektronik lambat',
  'Antrean puskesmas terlalu lama',
  'Obat di puskesmas kosong',
  'Bantuan sosial belum diterima',
  'Air PDAM tidak mengalir',
  'Air PDAM keruh',
  'Jembatan retak',
  'Pohon tumbang',
  'Dugaan pungutan liar',
  'Petugas tidak ramah',
  'Sekolah kekurangan guru',
  'Atap sekolah bocor',
  'Parkir liar',
  'Pedagang kaki lima menutup trotoar',
  'Izin usaha belum terbit',
  'Sertifikat tanah belum selesai',
  'Kartu BPJS tidak aktif',
  'Gaji honorer terlambat',
  'Angkutan umum ugal-ugalan',
  'Bising dari pabrik',
  'Limbah pabrik mencemari sungai',
  'Tanggul sungai jebol',
  'Irigasi sawah kering',
  'Pupuk bersubsidi langka',
];
const places = [
  'depan pasar',
  'dekat sekolah',
  'samping masjid',
  'depan balai desa',
  'dekat puskesmas',
  'jalan utama',
  'gang',
  'perempatan',
  'dusun',
  'depan kantor kecamatan',
];

// Vocabulary for bodies, roughly from most to least frequent.
const vocabulary = (
  'yang di dan tidak sudah ini itu dengan untuk ke dari pada warga kami saya ada belum karena sejak sangat jalan ' +
  'desa air petugas mohon segera bulan minggu hari lalu rusak lama bantuan pelayanan kantor malam pagi sore kondisi ' +
  'sekitar lokasi masyarakat pengendara anak sekolah dinas kecamatan tolong diperbaiki ditindaklanjuti membahayakan ' +
  'kendaraan motor mobil hujan banjir lubang lampu gelap sampah bau kotor antre dokter obat perawat data kartu ' +
  'surat izin biaya dipungut ribu rupiah kepala perangkat rt rw dusun lurah camat bupati pemerintah kabupaten ' +
  'probolinggo keluhan laporan pengaduan harap kejelasan waktu proses berkas persyaratan lengkap ditolak ' +
  'dikembalikan menunggu terlambat pensiun honorer guru murid kelas atap bocor retak jembatan sungai saluran ' +
  'tersumbat meluap sawah irigasi pupuk petani nelayan pasar pedagang trotoar parkir angkutan sopir ugal ' +
  'pabrik limbah bising debu asap pohon tumbang kabel listrik padam pdam keruh mengalir pipa bocor tagihan ' +
  'naik mahal kesehatan bpjs rumah sakit rujukan ambulans kecelakaan luka korban bahaya khawatir resah ' +
  'berulang kali sudah dilaporkan belum ada tanggapan berharap pihak terkait turun tangan memeriksa ' +
  'bromo tengger kraksaan dringu leces paiton gending pajarakan maron tongas sumberasih wonomerto bantaran ' +
  'kuripan lumbang sukapura sumber tiris krucil gading pakuniran kotaanyar besuk krejengan banyuanyar tegalsiwalan'
).split(/\s+/);

function zipfSampler(n: number, random: () => number, s = 1.07) {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const statusMix: Array<[string, number]> = [
  ['SELESAI', 0.55],
  ['DIARSIPKAN', 0.1],
  ['BARU', 0.1],
  ['TERVERIFIKASI', 0.08],
  ['TERDISPOSISI', 0.08],
  ['DITINDAKLANJUTI', 0.05],
  ['DITANGGAPI', 0.02],
  ['TUNDA', 0.02],
];

export interface Reference {
  kecamatan: string[];
  desaByKecamatan: Map<string, Array<{ code: string; name: string }>>;
  kecamatanName: Map<string, string>;
  agencies: string[];
  categories: Array<{ id: number; subIds: number[] }>;
  channels: string[];
}

export function makeGenerator(ref: Reference, seed = 42) {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const word = zipfSampler(vocabulary.length, random);
  const problem = zipfSampler(problems.length, random, 0.8);
  const agency = zipfSampler(ref.agencies.length, random, 0.9);
  const citizens: Array<{ name: string; phone: string; nik: string }> = [];
  const firstNames = [
    'Siti',
    'Ahmad',
    'Budi',
    'Sri',
    'Agus',
    'Dewi',
    'Eko',
    'Nur',
    'Hadi',
    'Rina',
    'Yusuf',
    'Wati',
    'Imam',
    'Lilik',
    'Joko',
  ];
  const lastNames = [
    'Aminah',
    'Santoso',
    'Wahyudi',
    'Rahayu',
    'Hidayat',
    'Susanti',
    'Prasetyo',
    'Lestari',
    'Fauzi',
    'Handayani',
  ];

  function citizen() {
    // One complaint in five comes from someone who complained before.
    if (citizens.length > 100 && random() < 0.2) return pick(citizens);
    const day = 1 + Math.floor(random() * 28) + (random() < 0.5 ? 40 : 0);
    const c = {
      name: `${pick(firstNames)} ${pick(lastNames)}`,
      phone: `08${pick(['12', '13', '15', '21', '22', '52', '53', '57', '77', '78', '95'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      nik: `3513${String(1 + Math.floor(random() * 24)).padStart(2, '0')}${String(day).padStart(2, '0')}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(50 + Math.floor(random() * 50))}${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
    };
    citizens.push(c);
    return c;
  }

  function status() {
    let r = random();
    for (const [s, p] of statusMix) if ((r -= p) < 0) return s;
    return 'SELESAI';
  }

  return function next() {
    const kec = pick(ref.kecamatan);
    const desa = pick(ref.desaByKecamatan.get(kec)!);
    const title = `${problems[problem()]} ${pick(places)} ${desa.name}`;
    const bodyLength = 25 + Math.floor(random() * 50);
    const words: string[] = [];
    for (let i = 0; i < bodyLength; i++) words.push(vocabulary[word()]!);
    const body = `${title}. ${words.join(' ')}.`;
    const category = pick(ref.categories);
    const anonymous = random() < 0.08;
    const who = citizen();
    return {
      type: random() < 0.85 ? 'PENGADUAN' : random() < 0.6 ? 'ASPIRASI' : 'PERMINTAAN_INFORMASI',
      channel: random() < 0.6 ? 'TATAP_MUKA' : pick(ref.channels),
      title,
      body,
      kecamatanCode: kec,
      desaCode: desa.code,
      locationDetail: pick(places),
      categoryId: category.id,
      subcategoryId: category.subIds.length && random() < 0.6 ? pick(category.subIds) : null,
      agencyCode: ref.agencies[agency()]!,
      supervisory: random() < 0.05,
      anonymous,
      confidential: random() < 0.05,
      name: anonymous ? null : who.name,
      phone: who.phone,
      nik: random() < 0.7 ? who.nik : null,
      status: status(),
      searchWords: [vocabulary[word()]!, desa.name.toLowerCase()],
    };
  };
}
