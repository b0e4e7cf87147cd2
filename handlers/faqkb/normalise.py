"""Indonesian text normalisation for matching how principals really type.

Lower-casing and accent folding, chat abbreviations and slang (``gmn``, ``kpn``, ``yg``,
``kepsek``, ``korwil``), Roman and word numerals (``angkatan III`` = ``angkatan tiga`` =
``angkatan 3``), a few English words mapped to their Indonesian twins, and affix stripping
that is checked against the knowledge base's own vocabulary (``pendaftaran`` → ``daftar``
only because ``daftar`` is a word the knowledge base uses).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.config import BULELENG_KECAMATAN
from handlers.faqkb import lexicon
from handlers.faqkb.affixes import stem_candidates
from handlers.faqkb.patterns import ascii_re

# Chat abbreviations and slang → standard words (may expand to several words).
# The regency's kecamatan and its town, folded (where an asker works, not another regency)
KECAMATAN_NAMES = frozenset(name.lower() for name in BULELENG_KECAMATAN) | {"singaraja"}

ABBREVIATIONS: dict[str, str] = {
    "kelar": "selesai",  # "ga kelar di sekolah" (colloquial; a real word, so never a typo)
    "duluan": "dulu",  # "smp kls brp yg duluan": first (colloquial)
    "gmn": "bagaimana",
    "bllg": "buleleng",  # (as chat shortens the regency's name)
    "gmna": "bagaimana",
    "gimana": "bagaimana",
    "bgmn": "bagaimana",
    "bgm": "bagaimana",
    "kpn": "kapan",
    "angk": "angkatan",  # "angk 3 thn brp"
    "mentri": "menteri",  # (not "entar")
    "whn": "when",  # English chat
    "gmail": "email",  # an e-mail address (Merdeka Mengajar accounts are belajar.id)
    "betulin": "perbaiki",  # "gimana betulinnya": fix it (chat's -in for -kan)
    "betulkan": "perbaiki",
    "membetulkan": "perbaiki",
    "benerin": "perbaiki",
    "dibetulin": "diperbaiki",  # "bisa dibetulin?": fixed
    "dibenerin": "diperbaiki",
    "dibetulkan": "diperbaiki",
    "bll": "buleleng",  # the regency, as local chat shortens it
    "kapn": "kapan",
    "sy": "saya",
    "sya": "saya",
    "aku": "saya",
    "yg": "yang",
    "utk": "untuk",
    "untk": "untuk",
    "tgl": "tanggal",
    "tggl": "tanggal",
    "brp": "berapa",
    "brapa": "berapa",
    "blm": "belum",
    "blum": "belum",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "ndak": "tidak",
    "max": "maksimal",
    "umr": "usia",
    "maks": "maksimal",
    "maximum": "maksimal",
    "minimum": "minimal",
    "buat": "untuk",  # "buat sekolah" = for the school ("dibuat" is another word)
    "nda": "tidak",
    "ndk": "tidak",
    "enggak": "tidak",
    "gk": "tidak",
    "tak": "tidak",
    "dgn": "dengan",
    "dg": "dengan",
    "krn": "karena",
    "karna": "karena",
    "jg": "juga",
    "aja": "saja",
    "aj": "saja",
    "dmn": "dimana",
    "bs": "bisa",
    "bsa": "bisa",
    "bisakah": "bisa",
    "apakh": "apakah",
    "ap": "apa",
    "knp": "kenapa",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "sm": "sama",
    "lg": "lagi",
    "skrg": "sekarang",
    "skg": "sekarang",
    "trs": "terus",
    "brktnya": "next",  # (as "berikutnya" is: "rapat pmo brktnya kpn")
    "dr": "dari",
    "pd": "pada",
    "spt": "seperti",
    "ttg": "tentang",
    "mhn": "mohon",
    "tlg": "tolong",
    "trm": "terima",
    "kasih": "kasih",
    "makasih": "terima kasih",
    "mksh": "terima kasih",
    "thx": "terima kasih",
    "tq": "terima kasih",
    "kepsek": "kepala sekolah",
    "kasek": "kepala sekolah",
    "ks": "kepala sekolah",
    "korwil": "koordinator wilayah",
    "disdik": "disdikpora",
    "kadis": "kepala disdikpora",
    "sekdis": "sekretaris disdikpora",
    "sekdisdik": "sekretaris disdikpora",
    "kadisdik": "kepala disdikpora",
    "kadisdikpora": "kepala disdikpora",
    "dinas": "disdikpora",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kab.": "kabupaten",
    "sekolahnya": "sekolah",
    "sklh": "sekolah",
    "skolah": "sekolah",
    "sekola": "sekolah",
    "penggerak": "penggerak",
    "pengerak": "penggerak",
    "sp": "sekolah penggerak",
    "psp": "psp",
    "pkp": "pelatihan komite pembelajaran",
    "pmo": "pmo",
    "bimtek": "bimtek",
    "zoom": "zoom",
    "wa": "whatsapp",
    "hp": "hp",
    "no": "nomor",
    "nmr": "nomor",
    "thn": "tahun",
    "th": "tahun",
    "bln": "bulan",
    "jam": "jam",
    "syarat2": "syarat",
    "persyaratan": "syarat",
    # "sarat" (laden) is a real word, but a principal writing "sarat daftar" means the requirements
    "sarat": "syarat",
    "persaratan": "syarat",
    "daring": "daring",
    "online": "daring",
    "onlen": "daring",  # (as it is said)
    "onlin": "daring",
    "luring": "tatap muka",
    "offline": "tatap muka",
    "pns": "pns",
    "asn": "pns",
    "tmt": "tmt",
    "pak": "bapak",
    "bu": "ibu",
    "bpk": "bapak",
    "lwt": "lewat",
    "apk": "aplikasi",  # ("bimtek pake apk apa": the app, as chat shortens it)
    "jm": "jam",
    "thru": "through",  # (English chat spelling)
    "hukdis": "hukuman disiplin",
    "pake": "pakai",
    "ngadain": "mengadakan",
    "ngadakan": "mengadakan",
    "diadain": "diadakan",  # (round 34: "-in" for "-kan", as "dimasukin"; not a typo of "kada")
    "diadakin": "diadakan",
    "adain": "adakan",
    "ngapain": "apa",
    "keberapa": "berapa",
    "tu": "itu",
    "apaan": "apa",
    "msh": "masih",
    "hrs": "harus",
    "ndaftar": "daftar",
    "daptar": "daftar",
    "dftr": "daftar",
    "kurtilas": "kurikulum 2013",
    "kurmer": "kurikulum merdeka",
    "ket": "keterangan",  # "surat ket sehat"
    "gmana": "bagaimana",
    "piye": "bagaimana",
    "sampe": "sampai",
    "dlm": "dalam",
    "bgt": "sekali",
    "pisan": "sekali",  # "suksma pisan": very (Balinese and Sundanese chat), not a typo of "pesan"
    "pengen": "ingin",
    "pingin": "ingin",
    "kenapa": "tujuan",
    "mengapa": "tujuan",
    "why": "tujuan",
    "setor": "kirim",
    "nyetor": "kirim",
    "liat": "lihat",
    "ngeliat": "lihat",
    "ngecek": "lihat",
    "cek": "lihat",
    "sdn": "sd negeri",
    "smpn": "smp negeri",
    "sman": "sma negeri",
    "smkn": "smk negeri",
    "tkn": "tk negeri",
    "kepmen": "keputusan menteri",
    "sistem": "bot",  # "hapus data saya dari sistem": this bot's records
    "chatbot": "bot",
}

# English (and a few Indonesian) words mapped to the word the knowledge base uses.
SYNONYMS: dict[str, str] = {
    # an age cap is its limit ("why is the age cap 56"); to sit on a committee is to be its member ("who is supposed to sit on it")
    "cap": "batas",
    "sit": "anggota",
    # complaining is reporting a problem: "ngadunya kemana", "diadukan ke siapa"
    "ngadu": "lapor",
    # a body's job is its duties: "pmo kerjaannya apa aja?"
    "kerjaan": "tugas",
    # …and so is its function ("tim PMO … fungsinya apa?", "what is the function of the PMO?"; "fungsi" alone is the base's own word)
    "fungsinya": "tugas",
    "function": "tugas",
    # being put through to someone is contacting them: "tolong sambungin ke petugas"
    "penggunaan": "digunakan",  # "penggunaan BOS Kinerja": what it is used for, not "pengguna" (a user)
    "penggunaannya": "digunakan",
    "berkomunikasi": "bicara",  # "ingin berkomunikasi langsung dengan petugas"
    "komunikasi": "bicara",
    "sambungin": "hubungi",
    "sambungkan": "hubungi",
    "menyambungkan": "hubungi",
    "disambungkan": "hubungi",
    "mengadu": "lapor",
    "diadukan": "dilaporkan",
    "aduan": "laporan",
    "register": "daftar",
    "registration": "daftar",
    "registering": "daftar",
    "enrol": "daftar",
    "enroll": "daftar",
    "sign": "daftar",
    "apply": "daftar",
    "join": "ikut",
    "cohort": "angkatan",
    "batch": "angkatan",
    "gelombang": "angkatan",
    "continue": "lanjut",
    "replace": "ganti",
    "regency": "kabupaten",
    "setting": "atur",  # "reminder zoom, gmn setting nya?": how to set it (not "set" + "ting")
    "settingan": "atur",
    "regencies": "kabupaten",
    "city": "kabupaten",  # "which other regency or city …" (as "kota")
    "cities": "kabupaten",
    "different": "beda",
    "parties": "anggota",  # "Which parties make up the PMO at regency level?": its members
    "choose": "pilih",  # "Which kecamatan can I choose when registering in the bot?" ("select" is the selection's)
    "chose": "pilih",
    "chosen": "pilih",
    "pick": "pilih",
    "picked": "pilih",
    "mapped": "pemetaan",  # "Which levels were mapped?": the office's mapping of principals ("map" only beside them: matcher)
    "mapping": "pemetaan",
    "classroom": "pembelajaran",  # "what changes for my teachers in the classroom": the learning
    "classrooms": "pembelajaran",
    "district": "kecamatan",
    "districts": "kecamatan",
    "schedule": "jadwal",
    # (round 20: English words the base's own English does not use)
    "intervention": "intervensi",
    "class": "kelas",
    "classes": "kelas",
    "digitalisation": "digitalisasi",
    "digitalization": "digitalisasi",
    "date": "tanggal",
    "dates": "tanggal",
    "time": "jam",
    "belong": "masuk",  # "which regencies belonged to Angkatan I" (not "be" + "long")
    "belonged": "masuk",
    "belongs": "masuk",
    "division": "bidang",
    "divisions": "bidang",
    "private": "swasta",
    "public": "negeri",
    "principal": "kepala sekolah",
    "principals": "kepala sekolah",
    "headmaster": "kepala sekolah",
    "teacher": "guru",
    "teachers": "guru",
    "requirement": "syarat",
    "requirements": "syarat",
    "eligible": "syarat",
    "kriteria": "syarat",
    "criteria": "syarat",
    "criterion": "syarat",
    "condition": "syarat",
    "conditions": "syarat",
    "eligibility": "syarat",
    "qualification": "syarat",
    "qualifications": "syarat",
    "prerequisite": "syarat",
    "prerequisites": "syarat",
    "age": "usia",
    "umur": "usia",
    "old": "usia",
    "training": "pelatihan",
    "guidance": "bimtek",
    "technical": "bimtek",
    "funding": "dana",
    "fund": "dana",
    "funds": "dana",
    "budget": "dana",
    "anggaran": "dana",
    "biaya": "dana",
    "curriculum": "kurikulum",
    "selection": "seleksi",
    "select": "seleksi",  # ("Buleleng itu selected kapan": chosen in the selection)
    # (English words in Indonesian or English messages: "issue … nggak bisa solved, escalate ke mana?",
    # "angkatan 2 lagi preparation apa")
    "prepare": "persiapan",
    "preparation": "persiapan",
    "aim": "tujuan",  # "What was the aim of the Bimtek …"
    "issue": "masalah",
    "problem": "masalah",
    "solve": "diselesaikan",
    "escalate": "berjenjang",
    "submit": "diserahkan",
    "position": "jabatan",
    "remaining": "sisa",
    "tenure": "masa jabatan",
    "stage": "tahap",
    "stages": "tahap",
    "tahapan": "tahap",
    "interview": "wawancara",
    "timezone": "zona waktu",
    "mentor": "pelatih ahli",
    "coach": "pelatih ahli",
    "coaching": "pelatih ahli",
    "zona": "zona",
    "wib": "wib",
    "wita": "wita",
    "bulan": "tanggal",
    "use": "pakai",
    "used": "pakai",
    "uses": "pakai",
    "using": "pakai",
    "accreditation": "akreditasi",
    "akreditas": "akreditasi",
    "transfer": "mutasi",
    "dipindah": "mutasi",
    "dipindahkan": "mutasi",
    "dipindahtugaskan": "mutasi",
    "pemindahan": "mutasi",
    "pindah": "mutasi",
    "rotasi": "mutasi",
    "acting": "plt",
    "pelaksana": "plt",
    "organiser": "selenggara",
    "organise": "selenggara",
    "organize": "selenggara",
    "team": "tim",
    "money": "dana",
    "organizer": "selenggara",
    "organised": "selenggara",
    "organized": "selenggara",
    "organises": "selenggara",
    "organizes": "selenggara",
    "organising": "selenggara",
    "organizing": "selenggara",
    "hosted": "selenggara",
    "stand": "singkatan",  # "what does PMO stand for"
    "graduation": "kelulusan",  # ("the graduation plenary": the selection's final decision)
    "institution": "lembaga",
    "agency": "lembaga",
    "foundation": "yayasan",
    "send": "kirim",
    "sending": "kirim",
    "sent": "kirim",
    "stop": "berhenti",
    "secretary": "sekretaris",
    "decided": "diputuskan",
    "offline": "luring",
    "face": "tatap muka",
    "joined": "ikut",
    "joins": "ikut",
    "joining": "ikut",
    "national": "nasional",
    "nationally": "nasional",
    "nationwide": "nasional",
    "year": "tahun",
    "years": "tahun",
    "close": "ditutup",
    "closed": "ditutup",
    "closes": "ditutup",
    "closing": "ditutup",
    "individually": "sendiri",
    "targeted": "target",
    "targets": "target",
    "sasaran": "target",
    "meets": "pertemuan",
    "meetings": "pertemuan",
    "often": "berkala",
    "frequently": "berkala",
    "periodically": "berkala",
    "monthly": "berkala",
    "quarterly": "triwulan",
    "individual": "sendiri",
    "personally": "sendiri",
    "rutin": "berkala",
    "routine": "berkala",
    "regular": "berkala",
    "regularly": "berkala",
    "topics": "materi",
    "topic": "materi",
    "purpose": "tujuan",
    "goal": "tujuan",
    "goals": "tujuan",
    "objective": "tujuan",  # "what was the stated objective of the Bimtek …?"
    "objectives": "tujuan",
    "held": "laksana",
    "school": "sekolah",
    "schools": "sekolah",
    "special": "khusus",
    "task": "tugas",
    "duty": "tugas",
    "duties": "tugas",
    "app": "aplikasi",
    "application": "aplikasi",
    "pay": "dana",
    "pays": "dana",
    "paid": "dana",
    "session": "sesi",
    "sessions": "sesi",
    "reminder": "pengingat",
    "notif": "pengingat",  # "bot nya ngirim pengingat zoom terus, jd rame notif": the bot's reminders
    "notifnya": "pengingat",
    "reminders": "pengingat",
    "remind": "pengingat",
    "web": "laman",
    "website": "laman",
    "situs": "laman",
    "site": "laman",
    "portal": "laman",  # "lewat portal apa": the website one registers on
    "pakaian": "baju",  # "aturan pakaian wawancara": what to wear
    "clothes": "baju",
    "attire": "baju",
    "attend": "ikut",
    "attended": "ikut",
    "represented": "mewakili",
    "certificate": "sertifikat",
    "bahan": "materi",
    # "next": not a form of "ikut" (join), nor of "lanjut" (continue: "form dilanjut besok")
    "berikutnya": "next",
    "selanjutnya": "next",
    "slanjutnya": "next",
    "upcoming": "next",
    "fee": "dana",
    "fees": "dana",
    "cost": "dana",
    "kabupatennya": "kabupaten",
    "kota": "kabupaten",
    "peserta": "ikut",
    # more of the English principals use (inflected forms are found by english_base)
    # visitors' words for rules ("what regulation sets the requirements"), protection ("which law protects the data …")
    "after": "setelah",
    "gmt": "utc",  # "WITA itu GMT plus berapa": the time zone's offset (not the typo corrector's "gmeet")
    "regulation": "peraturan",
    "regulations": "peraturan",
    "protects": "perlindungan",
    "protect": "perlindungan",
    "protected": "perlindungan",
    "protection": "perlindungan",
    "mentoring": "pendampingan",
    # "who provides the consultative and asymmetric assistance to the local govt?": PSP's first intervention, in English
    "consultative": "konsultatif",
    "consultation": "konsultatif",
    "asymmetric": "asimetris",
    "asymmetrical": "asimetris",
    "mentored": "pendampingan",
    "accompany": "pendampingan",
    "handles": "pendampingan",  # "one Pelatih Ahli only handles a single school?"
    # "which division handled the PSP socialisation": the one that took care of it ("menangani")
    "handled": "menangani",
    "handling": "menangani",
    # "why were only the SD names collected through the korwil": the names the korwil sent in
    "name": "nama",
    "names": "nama",
    "collected": "kumpul",
    "gathered": "kumpul",
    # formal English of visitors' questions: "How is the programme financed?", "… started the programme at the same time",
    # "What do candidates have to submit …?", "What topics were discussed …?", "What improvement is … expected …?",
    # "What information will I need to have ready …?"
    "serve": "menjabat",  # "who currently serves as Head of Disdikpora?"
    "ngajak": "imbau",  # "surat resmi yg ngajak kepsek … ikut PSP": the circular urging them
    "mengajak": "imbau",
    "ajak": "imbau",
    "ajakan": "imbau",
    # more of visitors' formal English: "request the deletion of my data", "conducted … remotely", "the initial selection",
    # "the automated assistant", "leave the form halfway"
    "imel": "email",  # (as chat writes it)
    "recorded": "direkam",  # "was the Bimtek recorded?" ("be recorded in" a database: see _EN_PHRASES)
    "deletion": "hapus",
    "conduct": "laksana",
    "remotely": "daring",  # (not "remote": measured, it took a right answer to the interview's topic)
    "initial": "awal",
    "assistant": "bot",
    "chatbot": "bot",
    "quit": "henti",  # "how do I quit the registration form halfway?" (as "stop")
    "character": "karakter",  # "how many characters is the NPSN?"
    "characters": "karakter",
    "dash": "strip",  # "no NIP: leave it empty or type a dash?" (the form takes "-")
    "hyphen": "strip",
    "empty": "kosong",
    "blank": "kosong",
    "finance": "dana",
    "start": "mulai",
    "candidate": "calon",
    "discussed": "materi",
    "improvement": "tingkat",
    "improve": "tingkat",
    "ready": "siap",
    # "if a principal fails stage 2, can they appeal?": failing a stage ("gagal tahap")
    "fail": "gagal",
    "fails": "gagal",
    "failed": "gagal",
    "socialisation": "sosialisasi",
    "socialization": "sosialisasi",
    "socialise": "sosialisasi",
    "socialize": "sosialisasi",
    "single": "satu",
    "period": "lama",
    "duration": "durasi",
    "head": "kepala",
    "chief": "kepala",
    "leader": "kepala",
    "lead": "kepala",
    "accredited": "akreditasi",
    "accredit": "akreditasi",
    "subject": "materi",
    "covered": "materi",
    "material": "materi",
    "materials": "materi",
    "part": "ikut",
    "participate": "ikut",
    "participant": "ikut",
    "member": "anggota",
    "members": "anggota",
    "committee": "komite",
    "coordinator": "korwil",
    "simulation": "simulasi",
    "teaching": "mengajar",
    "teach": "mengajar",
    "announcement": "pengumuman",
    "verification": "verifikasi",
    "verif": "verifikasi",  # "verif & penilaian kpn"
    "verifnya": "verifikasi",
    "verified": "verifikasi",
    "scoring": "penilaian",
    "assessment": "penilaian",
    "announce": "pengumuman",
    "result": "hasil",
    "pass": "lulus",
    "passed": "lulus",
    "delete": "hapus",
    "erase": "hapus",
    "remove": "hapus",
    "see": "lihat",
    "view": "lihat",
    "check": "lihat",
    "change": "ganti",
    "rejected": "tolak",
    "rejects": "tolak",
    "reject": "tolak",
    "refused": "tolak",
    "digits": "angka",
    "digit": "angka",
    "switch": "ganti",
    "language": "bahasa",
    "english": "inggris",
    "calendar": "kalender",
    "staff": "petugas",
    "human": "petugas",
    "officer": "petugas",
    "speak": "bicara",
    "talk": "bicara",
    "contact": "kontak",
    "document": "dokumen",
    "documents": "dokumen",
    "essay": "esai",
    "essays": "esai",
    "health": "sehat",
    "small": "kecil",  # "a small private SD": the school's size, a keyword of which schools may join
    "favourite": "favorit",
    "favorite": "favorit",
    "facilities": "fasilitas",
    "facility": "fasilitas",
    "grade": "kelas",  # "which grade starts the new curriculum" (an accreditation grade is read before: see the matcher)
    "grades": "kelas",
    "sanction": "sanksi",
    "sanctions": "sanksi",
    "sanctioned": "sanksi",
    "disciplinary": "disiplin",
    "reprimand": "sanksi",
    "teguran": "sanksi",  # "pernah kena teguran lisan": a (light) disciplinary sanction
    "legal": "hukum",
    "lawsuit": "perkara",
    "police": "hukum",  # "a police case": a legal process
    "court": "hukum",
    "qualify": "syarat",
    "retire": "pensiun",
    "retirement": "pensiun",
    "level": "jenjang",
    "levels": "jenjang",
    "ministry": "kementerian",
    "education": "pendidikan",
    "office": "kantor",
    "form": "formulir",
    "deadline": "batas",
    "kindergarten": "paud",
    "preschool": "paud",
    "elementary": "sd",
    "primary": "sd",
    "junior": "smp",
    "decide": "diputuskan",
    "decision": "keputusan",
    # (round 27) English words the base says in Indonesian: channels, available, encouraged (the circular's "imbauan"),
    # began, achieve, contains, a civil servant, implementation
    "secondary": "smp",  # "primary and secondary education": SD and SMP, what Disdikpora covers
    "ibukota": "ibu kota",  # (written as one word: not a typo of "bakat")
    "channel": "kanal",
    "channels": "kanal",
    "available": "tersedia",
    "encourage": "imbau",
    "encouraged": "imbau",
    "encourages": "imbau",
    "encouraging": "imbau",
    "urge": "imbau",
    "urged": "imbau",
    "begin": "mulai",
    "began": "mulai",
    "begins": "mulai",
    "beginning": "mulai",
    "achieve": "capai",
    "achieved": "capai",
    "contain": "isi",
    "contains": "isi",
    "implementation": "implementing",
    "implemented": "implementing",
    "implement": "implementing",
    # (round 28) the form's summary, a field typed wrong
    "summary": "ringkasan",
    "misspelled": "typo",
    "misspelt": "typo",
    "mistyped": "typo",
    # (round 28) "persetujuan data pribadi": consent, not a form of "tujuan" (purpose)
    "persetujuan": "consent",
    "persetujuannya": "consent",
    "menyetujui": "consent",
    "disetujui": "consent",
    # (round 34) "wajib on cam ga di zoom": the camera
    "cam": "kamera",
    "oncam": "kamera",
    "offcam": "kamera",
}


def english_bases(token: str, shortest: int = 3) -> list[str]:
    """The base forms an English word may be inflected from, likeliest first: "covering" → "cover", "cove"."""
    found = []
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if token.endswith(suffix) and len(token) - len(suffix) >= shortest:
            found.append(token[: -len(suffix)] + repl)
    return found


def english_base(token: str) -> str | None:
    """An English word's base form the tables know: "heads" → "head", "registered" → "register", "covering" → "cover"."""
    return next((base for base in english_bases(token) if base in SYNONYMS), None)


@lru_cache(maxsize=1)
def _missing_letter() -> dict[str, str | None]:
    """Each table word of six letters or more with one letter after the first left out → the word (None when two fit).

    (Typos rarely hit the first letter; without it "election" would be "selection".)
    """
    found: dict[str, str | None] = {}
    for word in SYNONYMS:
        if len(word) >= 6 and word.isalpha():
            for i in range(1, len(word)):
                typed = word[:i] + word[i + 1 :]
                found[typed] = word if found.get(typed, word) == word else None
    return {typed: word for typed, word in found.items() if typed not in SYNONYMS}


def english_typo(token: str) -> str | None:
    """The English table word ``token`` is typed one letter short of ("remindrs" → "reminders"), if only one."""
    return _missing_letter().get(token) if len(token) >= 5 else None


# Balinese-Indonesian as principals in Buleleng write it (alus and everyday forms) → Indonesian.
BALINESE: dict[str, str] = {
    # years, "still", "not", "if", "true": "yusa tiang sampun 57 tiban", "nu dados ngiring?"
    "leres": "benar",
    "tiban": "tahun",
    "warsa": "tahun",
    "nu": "masih",
    "kantun": "masih",
    "tusing": "tidak",
    "sakewala": "tetapi",
    "yening": "kalau",
    "kayang": "sampai",
    "puput": "selesai",
    "dije": "dimana",
    "nyingak": "lihat",
    "ningalin": "lihat",
    "ngantenang": "lihat",
    "malih": "lagi",
    "sakewanten": "tetapi",
    "kewanten": "tetapi",
    "nanging": "tetapi",
    "ngecek": "cek",
    "saking": "dari",
    "puniki": "ini",
    "kadi": "seperti",
    "ngudiang": "kenapa",
    "ngujang": "kenapa",
    "benjang": "besok",
    "ibi": "kemarin",
    "dibi": "kemarin",
    "kari": "masih",
    "ragane": "anda",
    "ipun": "dia",
    "sami": "semua",
    "makejang": "semua",
    "akeh": "banyak",
    "liu": "banyak",
    "bedik": "sedikit",
    "kidik": "sedikit",
    "ngaryanin": "membuat",
    "ngardi": "membuat",
    "ngaturang": "memberikan",
    "icen": "beri",
    "ngicen": "memberi",
    "orahang": "bilang",
    "ngorahang": "bilang",
    "baosang": "bilang",
    "patut": "harus",
    "mesti": "harus",
    "musti": "harus",
    "wau": "baru",
    "rauh": "datang",
    "kadampingin": "didampingi",
    "olih": "oleh",
    "kesimpen": "disimpan",
    "sampunang": "jangan",
    "sida": "bisa",
    "nyidayang": "bisa",
    "tiang": "saya",
    "titiang": "saya",
    "gek": "saya",  # ("gek operator di SD Tejakula nih, …": a young woman speaking of herself by her form of address)
    "pidan": "kapan",
    "kenken": "bagaimana",
    "kengken": "bagaimana",
    "punapi": "bagaimana",
    "nike": "itu",
    "nika": "itu",
    "niki": "ini",
    "punika": "itu",
    "napi": "apa",
    "nggih": "ya",
    "inggih": "ya",
    "ampura": "maaf",
    "suksma": "terima kasih",
    "sampun": "sudah",
    "durung": "belum",
    "uning": "tahu",
    "nunas": "minta",
    "ring": "di",
    "lan": "dan",
    "sane": "yang",
    "manten": "saja",
    "carane": "cara",
    "dija": "dimana",
    "kuda": "berapa",
    "kudang": "berapa",
    "mangkin": "sekarang",
    "nenten": "tidak",
    "wenten": "ada",
    "sareng": "dengan",
    "ngomong": "bicara",
    "matur": "bicara",  # "matur ring petugas": to speak to the staff (alus)
    "jagi": "akan",
    "ngiring": "ikut",  # "ngiring PSP": to take part
    "mayusa": "usia",
    "yusa": "usia",
    "dados": "bisa",
    "ngamargiang": "melaksanakan",
    "kamargiang": "dilaksanakan",
    "ica": "mohon",
    "sapunapi": "bagaimana",
    "sapasira": "siapa",
    "rikala": "kapan",
    "wikan": "tahu",
    "prasida": "bisa",
    "ngawit": "mulai",
    "pacang": "akan",
    "wantah": "hanya",
    "sekadi": "seperti",
    "galah": "waktu",
    "rahina": "hari",
    "ngranjing": "masuk",
    "mangda": "agar",
    "sira": "siapa",
    "sapa": "siapa",  # (Javanese, and chat: "data yg diisi sapa yg bs liat")
    "ngelaksanayang": "melaksanakan",
    # (round 25) the passive "ka-…-ang", "see", "what it means", "how many", "if", "for"
    "kalaksanayang": "dilaksanakan",
    "kalaksanaang": "dilaksanakan",
    "kapuputang": "diselesaikan",
    "cingak": "lihat",
    "nyingakin": "lihat",
    "artine": "artinya",
    "pinten": "berapa",
    "yen": "kalau",
    "anggen": "untuk",
    "jumlahne": "jumlahnya",
}

# Words that carry no topic: question words, particles, pronouns, politeness.
STOPWORDS = frozenset(
    """
    apa apakah siapa siapakah kapan kapankah berapa berapakah bagaimana gimana mana dimana kemana darimana mengapa kenapa
    yang di ke dari untuk dan atau itu ini saja ya sih dong kah deh nih tuh lah pun juga ada adalah dengan pada oleh
    saya kami kita anda bapak ibu pak bu mohon tolong info informasi nya tentang soal mau ingin akan sudah belum
    bisa boleh dapat harus perlu kalau jika agar supaya bahwa seperti sama lagi terus hal tersebut para sebagai
    termasuk apa-apa sajakah mengenai terkait punya kah hai halo selamat pagi siang sore malam om swastyastu swastiastu
    tidak bukan masih ini jadi menjadi bikin harus wajib perlu need needs must required require
    should get got gets onto mam whats whos hows wheres whens friend friends fulfil fulfill fulfils fulfills order default
    roughly approximately approx during information
    the a an is are was were be been of in on at to for and or what when which who whom how why where does do did
    can could should would will my our your this that these those there it its with about please tell me i we you
    maaf minta hormat bersama perhatian perhatiannya ucapkan mengucapkan khususnya sehubungan kiranya kira kira-kira sekiranya berkenan memberikan
    penjelasan tanya bertanya nanya menanyakan numpang izin ijin permisi sebelumnya baru kemarin tadi begini gitu begitu kan
    kok nih yah lho mari terima kasih banyak atas tiang titiang sane lan nike niki nggih ampura suksma sampun manten
    dong deh sih ah eh oh gan kak kakak mas mbak bli min admin dear sir madam hi hello sebenarnya sebetulnya memang emang
    hubungan hubungannya kaitan kaitannya ngerti mengerti paham tahu tau mengganggu ganggu penjelasannya petunjuknya arahannya
    from their them they some something anything any us am has have had if then also just pls plz pas sini secara lalu kemudian trus bingung nanti
    don dont doesn didn want wants anymore through via done still yet take takes taking get gets
    kindly possible able whether selaku bermaksud demikian pertanyaan pertanyaannya dengar denger biar
    many much like know would afternoon morning evening good yth kepada sampaikan mengetahui katanya kabarnya
    dalam beserta serta demikian kerjasamanya kerja samanya
    as up
    terhadap soalnya karena karna krn makanya jadinya sehingga walaupun meskipun biarpun tapi tetapi namun sedangkan
    actually really exactly exact basically briefly quickly explain explanation by else someone somebody anyone anybody
    jelaskan jelasin jelaskn terangkan uraikan jabarkan
    barusan kemaren dulu dahulu loh nah hmm wah aduh waduh kayaknya sepertinya mungkin
    yaitu yakni ialah apanya itunya ininya begituan gituan beginian aku gue gua lu lo elu ane ente pengin pengen pingin kepengen nantinya
    itself himself herself themselves ourselves myself yourself excuse isn aren wasn weren not always never sometimes come comes too well ngo ngos around
    kayak kyk berlangsung but
    heard hear said true colleague colleagues stated ago
    jujur jujurnya sejujurnya sorry wkwk wkwkwk haha hehe quick
    certain particular even berikut so inside
    she he her his him shall
    mostly both whereas while either neither each every such very own whose because although though however thus therefore hence usually already here
    ee eee em emm hm dengernya dengarnya mendengar kedengaran
    context konteks
    ratu jero dayu mbok
    apabila bilamana bagi dijelaskan diterangkan diuraikan dijabarkan
    respect inform attention respectfully request requested sebaiknya menyampaikan core
    mine ours yours theirs think thinking thought sure understand understood quite honestly bit nothing saying everyone everybody
    somewhere ones recently today moment earlier going trying try matters stuff sounds forget forgot lol lots lot getting confused
    confusing worried worry nervous curious busy silly bother disturb advance newly actual happen happened happening
    btw guys gaes gais
    tho supposed soon
    """.split()
)


# Courtesies around a question ("thanks, how do I register?", "ok, bimtek kapan?") name no topic either
# (kept out of the vowel-less look below: "noted" has the consonants of "united")
COURTESY_STOPWORDS = frozenset(
    """
    thanks thank thx ty tq tks cheers appreciate appreciated ok okay oke okee okeh okey noted alright cool great wow regards hello hallo helo hey greetings
    makasih makasi makasii mkasih mksh mks mksih terimakasih trimakasih trims trmksh trmksih tengkiu tengkyu matur suksme nuwun nuhun hatur
    assalamualaikum asalamualaikum assalamu assalammualaikum alaikum samlekom waalaikumsalam walaikumsalam wassalam wassalamualaikum
    wr wb warahmatullahi wabarakatuh
    shalom rahajeng semeng wengi wilujeng punten sip sippp mantap mantab mantul josss keren xixi hihi oalah bye dadah
    santi shanti santih namo buddhaya swasti astu
    """.split()
)
STOPWORDS_WITHOUT_COURTESY = STOPWORDS
STOPWORDS = STOPWORDS | COURTESY_STOPWORDS

# Roman numerals and ordinal words become digits after these words only ("kelas I", "angkatan III").
NUMBERED = {"angkatan", "tahap", "kelas", "semester", "tahun", "gelombang", "cohort", "stage", "batch", "hari"}
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_ORDINAL = {
    "pertama": "1",
    "kesatu": "1",
    "kedua": "2",
    "ketiga": "3",
    "keempat": "4",
    "kelima": "5",
    "keenam": "6",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
}
_CARDINAL = {
    "satu": "1",
    "dua": "2",
    "tiga": "3",
    "empat": "4",
    "lima": "5",
    "enam": "6",
    "tujuh": "7",
    "delapan": "8",
    "sembilan": "9",
    "sepuluh": "10",
    "sebelas": "11",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
}
_MONTHS = {
    "januari": "januari",
    "jan": "januari",
    "january": "januari",
    "februari": "februari",
    "feb": "februari",
    "pebruari": "februari",
    "february": "februari",
    "maret": "maret",
    "mar": "maret",
    "march": "maret",
    "april": "april",
    "apr": "april",
    "mei": "mei",
    "may": "mei",
    "juni": "juni",
    "jun": "juni",
    "june": "juni",
    "juli": "juli",
    "jul": "juli",
    "july": "juli",
    "agustus": "agustus",
    "agu": "agustus",
    "agt": "agustus",
    "august": "agustus",
    "september": "september",
    "sep": "september",
    "sept": "september",
    "oktober": "oktober",
    "okt": "oktober",
    "october": "oktober",
    "november": "november",
    "nov": "november",
    "desember": "desember",
    "des": "desember",
    "december": "desember",
}

MONTH_NAMES = frozenset(_MONTHS.values())
MONTH_WORDS = frozenset(_MONTHS)  # every spelling of a month the reader knows


def month_name(word: str) -> str | None:
    """The Indonesian month a word names ("mar", "march", "maret" → "maret"), or None."""
    return _MONTHS.get(word)

_TOKEN_RE = ascii_re(r"[a-z0-9]+")


# Punctuation as speech-to-text writes it when people dictate it ("… kapan tanda tanya").
# ("titik" ends a dictated sentence anywhere — "… swasta titik terima kasih" — but is a word in
# "titik temu", "titik koordinat" and between digits)
_SPACES_RE = ascii_re(r"[ \t]{2,}")
# words speech-to-text writes as it hears them ("was the bim tech held online", "i mel wajib diisi", "jam sepuluh we i be")
# (not "i mail": "I mail the form" is English)
_DICTATED_WORDS = {
    "bim tech": "bimtek",
    "bim tek": "bimtek",
    "i mel": "email",
    "we i be": "wib",
    "we i ta": "wita",
    # SIMPKB said as heard: "simpe kabe", "simpeka be", "sim peka be"
    "simpe kabe": "simpkb",
    "simpe ka be": "simpkb",
    "simpeka be": "simpkb",
    "sim peka be": "simpkb",
    "simpekabe": "simpkb",
}
_DICTATED_WORDS_RE = ascii_re(r"\b(?:" + "|".join(_DICTATED_WORDS) + r")\b")
_DICTATED_MARK_RE = ascii_re(r"\btanda (tanya|seru)\b|\bkoma\b|(?<!\d )\btitik\b(?!\s+(?:temu|koordinat|nol|\d))")
_DICTATED_MARKS = {"tanya": "?", "seru": "!"}


def _dictated_mark(found: re.Match[str]) -> str:
    if found.group(1):
        return _DICTATED_MARKS[found.group(1)]
    return "," if found.group(0) == "koma" else "."


# "KM" for Kurikulum Merdeka, as teachers write it: where a school uses it ("km di SD kelas brp", "pakai KM"), not kilometres
# ("5 km dari sekolah") nor "kamu" (a capital "KM" as typed is read by the matcher's _KM_RE)
_KM_SCHOOL_RE = ascii_re(
    # (lowercase "km" is "kami" as often: only with the grade it starts in, "km di sd psp th pertama mulai kelas brp")
    r"(?<![\d.,] )\bkm\b(?=\s+(?:di|pd|pada)\s+(?:sd|smp|tk|paud)\b[^.?!\n]*\b(?:kelas|kls)\b)"
    r"|\b((?:pakai|pake|terapkan|menerapkan|penerapan|implementasi|pelaksanaan|ikm)\s+)km\b"
)
_K13_RE = ascii_re(r"\bk\s*-?\s*13\b")
_P3K_RE = ascii_re(r"\bp3k\b")
# "apa-apa" after a "not" ("blm nerima apa2", "ga dapet apa-apa"): anything, not "what" (but "blm tau apa2 aja syaratnya" asks)
_NOTHING_RE = ascii_re(
    r"\b((?:blm|belum|blum|tdk|tidak|ga|gak|gk|nggak|ngga|ndak|durung|tak)\s+(?:[a-z]+\s+)?)apa(?:2|-apa|\s+apa)\b(?!\s*(?:saja|aja|sj|aj|sih)\b)"
)
_REDUPLICATION_RE = ascii_re(r"\b([a-z]{3,})2(?=nya\b|\b)")
_ANY_DIGIT_RE = ascii_re(r"[0-9]")
_DIGIT_LETTER_RE = ascii_re(r"(\d)([a-z])|([a-z])(\d)")
_STRETCH_RE = ascii_re(r"([a-hj-wyz])\1{2,}")


# "…: 1) … 2) …" (an item after a colon, a sentence's end or at the start; not "(tahap 2) …")
# (a space after the mark: "jam 09.00)" is a time, not an item)
_NUMBERED_ITEMS_RE = ascii_re(r"(?:\s+(?:\d|dua|tiga|beberapa)\s+(?:hal|pertanyaan)\s*)?(?:^|(?<=[:.?!\n])\s|:)\s*\(?(?<!\d)\d{1,2}\)\s+")
# (…and before a time asked: "mulai kpn smp kpn", "dari tgl brp smp tgl brp")
_UNTIL_RE = ascii_re(
    r"\b(sdh|sudah|udh|udah|dah|blm|belum|baru)\s+smp\b|\b(kapan|kpn|brp|berapa)\s+smp(?=\s+(?:kapan|kpn|tgl|tanggal|tangal|brp|berapa)\b)"
    # (…and "dr mana smp mana", from where to where; not "sd mana smp mana", the levels)
    r"|\b((?:dari|dr|dri)\s+mana)\s+smp(?=\s+mana\b)"
)


# "diselenggarakan(nya)" says an event took place; only "… diselenggarakan oleh", "penyelenggara",
# "yang menyelenggarakan" ask who organised it
_HELD_RE = ascii_re(r"\bdiselenggarakan(nya)?\b(?!\s+oleh\b)")
# Balinese "pidan" is "when", but "back then" after "sane" (the one back then) and "once" before "pernah"
_PAST_PIDAN_RE = ascii_re(r"\b(?P<before>(?:sane|ane|yang|yg|dugas|uli)\s+)pidan\b|\bpidan\b(?=\s+(?:\w+\s+)?pernah\b)")
# Balinese "ten" is "not" ("masih bisa daftar napi ten", "ten wenten", "sampun ten"), not the English number, beside the
# Balinese words it goes with
_NOT_TEN_RE = ascii_re(
    r"\b(?P<before>(?:napi|nggih|inggih|sampun|durung|punapi|nike|niki|tiang|titiang) )ten\b"
    r"|\bten(?= (?:wenten|uning|dados|sida|nyidayang|kayun|polih|mresidayang|nike|niki|nggih)\b)"
)
# a kecamatan's name as dictation splits it ("sekolah penggerak di kecamatan teja kula ada berapa"): one name
_SPLIT_PLACE_RE = ascii_re(r"\b(?:(gerok) (gak)|(seri) (rit)|(busung) (biu)|(suka) (sada)|(teja) (kula)|(kubu) (tambahan)|(bule) (leng))\b")


_UNTIL_ABBREVIATION_RE = ascii_re(r"\bs\s?\.\s?d\b\.?")
_SCHOOL_YEAR_RE = ascii_re(r"\b(20\d\d)\s?/\s?(\d\d)\b(?![/\d])")


def _school_year(found: re.Match[str]) -> str:
    """"2023/24" is the school year 2023/2024 (two years in a row; not "421/2022/03", a letter's number)."""
    first, second = found.group(1), found.group(2)
    return f"{first}/20{second}" if (int(first) + 1) % 100 == int(second) else found.group(0)
_ABBREVIATION_DOT_RE = ascii_re(r"\b(kec|kab|kel|prov|jl)\.(?=\s+\w)")


_TYANG_RE = ascii_re(r"\bt(?:i?t)?yang\b")


_EMOJI_BETWEEN_RE = ascii_re(r"(?<=\w)\s*[\U0001F000-\U0001FAFF\u2600-\u27BF][\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\s]*\s(?=\w[^?]*\?)")


def fold(text: str) -> str:
    """Lower-case, strip accents and emoji, turn ``ke-3`` into ``ke 3`` and ``angkatan-III`` into two words."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        # "… hp tiang keburu mati 🙈 nama kasi kurikulum … siapa ya?": an emoji between two words of a chat message ends a
        # sentence, before a question marked later (not in wishes and thanks: "Rahajeng Galungan … tim PMO 🙏🌼 semoga …")
        text = _EMOJI_BETWEEN_RE.sub(". ", text)
    text = text.lower().replace("’", "'")
    if "  " in text or "\t" in text:
        text = _SPACES_RE.sub(" ", text)  # (a run of spaces says nothing; long runs would make some patterns slow)
    if "13" in text:
        text = _K13_RE.sub("kurikulum 2013", text)
    if "km" in text:
        text = _KM_SCHOOL_RE.sub(lambda found: f"{found.group(1) or ''}kurikulum merdeka", text)  # "km di SD", "pakai KM": Kurikulum Merdeka
    if "tyang" in text:
        text = _TYANG_RE.sub("tiang", text)  # Balinese "tyang", as "tiang" is also written (I, me): not "tayang" (shown)
    if "p3k" in text:
        text = _P3K_RE.sub("pppk", text)  # government contract staff, as chat writes PPPK
    if "titik" in text or "koma" in text or "tanda " in text:
        text = _DICTATED_MARK_RE.sub(_dictated_mark, text)
    if "bim " in text or "i mel" in text or "we i" in text or "simpe" in text or "peka" in text:
        text = _DICTATED_WORDS_RE.sub(lambda found: _DICTATED_WORDS[found.group()], text)
    if "apa" in text:
        text = _NOTHING_RE.sub(r"\1apa pun", text)  # "sy blm nerima apa2 di sekolah": anything, nothing asked
    if "2" in text:
        text = _REDUPLICATION_RE.sub(r"\1", text)  # "malam2", "syarat2nya": chat reduplication, not a number
    if "." in text:  # "rekap Kec. Busungbiu": an abbreviation's dot ends no sentence
        text = _ABBREVIATION_DOT_RE.sub(r"\1", text)
        text = _UNTIL_ABBREVIATION_RE.sub("sampai", text)  # "tgl brp s.d. brp?": "sampai dengan", no sentence ends
    if "/" in text:  # "2023/24" is the school year 2023/2024
        text = _SCHOOL_YEAR_RE.sub(_school_year, text)
    if ")" in text:  # "mau tanya 2 hal: 1) … 2) …": each item a sentence, the count no number
        text = _NUMBERED_ITEMS_RE.sub(lambda found: ". " if found.start() else "", text)
    # "sdh smp tahap apa", "mulai kpn smp kpn": "smp" is "sampai", not the school level
    if "smp" in text:
        text = _UNTIL_RE.sub(lambda found: (found.group(1) or found.group(2) or found.group(3)) + " sampai", text)
    if "diselenggarakan" in text:
        text = _HELD_RE.sub(r"dilaksanakan\1", text)  # "tujuan diselenggarakannya bimtek": the event held, not its organiser
    if "place" in text:
        text = _TOOK_PLACE_RE.sub("held", text)  # "when the PMO Bimtek took place": held, not a place
    # Balinese "sane pidan" (the one back then), "pidan … pernah" (once): not "when"
    if "pidan" in text:
        text = _PAST_PIDAN_RE.sub(lambda found: (found.group("before") or "") + "dulu", text)
    if " ten" in text or text.startswith("ten"):
        text = _NOT_TEN_RE.sub(lambda found: (found.group("before") or "") + "tidak", text)
    if ("kula" in text or "tambahan" in text or "biu" in text or "sada" in text or "gerok " in text or " rit" in text or " leng" in text) and (
        (joined := _SPLIT_PLACE_RE.sub(lambda found: "".join(part for part in found.groups() if part), text)) != text
    ):
        text = joined
    if "puluh" in text or "belas" in text:
        text = _JOINED_NUMBER_RE.sub(r"\1 \2", text)
    if _ANY_DIGIT_RE.search(text) is None:
        return text  # (the patterns below need a digit: a cheap look first)
    return _DIGIT_LETTER_RE.sub(lambda m: f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}", text)


# Letter names as speech-to-text writes spelled-out abbreviations ("pe em o" = PMO).
LETTER_NAMES = {
    "a": "a", "be": "b", "ce": "c", "de": "d", "e": "e", "ef": "f", "ge": "g", "ha": "h", "i": "i", "je": "j", "ka": "k",
    "el": "l", "em": "m", "en": "n", "o": "o", "pe": "p", "ki": "q", "er": "r", "es": "s", "te": "t", "u": "u", "ve": "v",
    "fe": "v", "we": "w", "eks": "x", "ye": "y", "zet": "z",
    # …and as English speech-to-text writes them ("pee em oh" = PMO)
    "ay": "a", "bee": "b", "cee": "c", "dee": "d", "gee": "g", "jay": "j", "kay": "k", "oh": "o", "pee": "p", "ar": "r",
    "ess": "s", "tee": "t", "vee": "v", "zee": "z", "zed": "z",
}  # fmt: skip
# (a run of this many letter names that spells no known word is still one word: an abbreviation the base
# does not know, "pe pe de be" = PPDB, is a thing of its own, not four letters)
_SPELLED_RUN = 3


# The last text found with no letter stretched: no part of it has one either, so the clauses of a message, read
# after the whole of it, are not searched again (one slot shared by all threads: whichever text it holds, that holds)
_UNSTRETCHED: list[str] = [""]


def tokens(text: str, folded: bool = False) -> list[str]:
    """Folded word tokens as typed (no expansion); stretched letters folded ("bimtekk", "pakkk")."""
    if not folded:
        text = fold(text)
    if text not in _UNSTRETCHED[0]:
        # Roman numerals ("iii", "xx") are letters repeated on purpose: i and x are never folded.
        unstretched = _STRETCH_RE.sub(r"\1", text)
        if unstretched == text:
            _UNSTRETCHED[0] = text
        text = unstretched
    return _TOKEN_RE.findall(text)


# affixes speech-to-text writes apart ("pen daftar an", "per syarat an"), joined only when the whole is a
# known word ("per sekolah" stays; "di", "ke", "kan" are left out: words of their own far more often)
_SPLIT_PREFIXES = frozenset("pen pem peng penge per pe ber ter mem men meng menge".split())
_SPLIT_SUFFIXES = frozenset({"an"})


def _affixed(words: list[str], i: int, known: Callable[[str], bool]) -> int:
    """How many pieces from ``i`` on are one known word split at its affixes (3, 2, or 0)."""
    if i + 2 < len(words) and words[i] in _SPLIT_PREFIXES and words[i + 2] in _SPLIT_SUFFIXES and known("".join(words[i : i + 3])):
        return 3
    if i + 1 < len(words) and (words[i] in _SPLIT_PREFIXES or words[i + 1] in _SPLIT_SUFFIXES) and known(words[i] + words[i + 1]):
        return 2
    return 0


# first letters a typo may swap for one that sounds alike (f, v and p)
_SOUND_ALIKE = {"f": "vp", "v": "f", "p": "f"}


def _spelled(names: list[str]) -> str:
    return "".join(LETTER_NAMES[w] for w in names)


def _abbreviation_run(names: list[str]) -> bool:
    """Whether letter names spell an abbreviation of their own: three or more, two different at least (not "ha ha ha", "o o o")."""
    return len(names) >= _SPELLED_RUN and len(set(names)) > 1


_LETTER_NAME = "(?:" + "|".join(sorted(LETTER_NAMES, key=len, reverse=True)) + ")"
_LETTER_RUN_RE = ascii_re(rf"\b{_LETTER_NAME}(?: {_LETTER_NAME}){{{_SPELLED_RUN - 1},}}\b")


def spelled_abbreviations(folded: str) -> set[str]:
    """Every abbreviation the letter names dictated in ``folded`` may spell ("pe pe de be es de": ppdbsd, ppdb, pdb, …)."""
    found: set[str] = set()
    for run in _LETTER_RUN_RE.finditer(folded):
        names = run.group(0).split()
        found |= {_spelled(names[i:j]) for i in range(len(names)) for j in range(i + _SPELLED_RUN, len(names) + 1) if _abbreviation_run(names[i:j])}
    return found


_BALINESE_GIVEN = frozenset("wayan putu gede gde made kadek nengah nyoman komang ketut".split())


_RUN_ON_SMALL = frozenset({"itu", "ini", "apa", "aja", "saja", "sih", "dong", "kah"})
_ENGLISH_SMALL = frozenset({"a", "an", "are", "as", "at", "be", "do", "if", "in", "is", "it", "me", "of", "on", "or", "so", "the", "to", "us", "we"})


def join_dictated(words: list[str], known: Callable[[str], bool]) -> list[str]:
    """Undo speech-to-text splits: ``bim tek`` → ``bimtek``, ``pe em o`` → ``pmo``, ``kep sek`` → ``kepsek``.

    A run of two or more spelled letter names becomes one word when that word is ``known``; two
    neighbours that are not words on their own are joined when together they are.
    """
    out: list[str] = []
    count = len(words)
    i = 0
    while i < count:
        word = words[i]
        if word in LETTER_NAMES:
            # the longest run of letter names starting here that spells a known word
            j = i
            while j < count and words[j] in LETTER_NAMES and j - i < 6:
                j += 1
            end = next((end for end in range(j, i + 1, -1) if known(_spelled(words[i:end]))), 0)
            if end:
                out.append(_spelled(words[i:end]))
                i = end
                continue
            if _abbreviation_run(words[i:j]):
                # (up to where a known word is spelled: "pe pe de be es de" is PPDB and SD)
                end = next((k for k in range(i + 2, j - 1) if known(_spelled(words[k:j]))), j)
                out.append(_spelled(words[i:end]))
                i = end
                continue
        # "pen daftar an", "pe laksana an": an affix the dictation split off a known word
        affixed = _affixed(words, i, known) if word in _SPLIT_PREFIXES or i + 1 < count and words[i + 1] in _SPLIT_SUFFIXES else 0
        if affixed:
            out.append("".join(words[i : i + affixed]))
            i += affixed
        # (not when what follows joins the one after it: "dan a simetris" is "dan asimetris", not "dana simetris")
        elif (
            i + 1 < count
            and not known(word)
            and not known(words[i + 1])
            and known(word + words[i + 1])
            and not (i + 2 < count and not known(words[i + 2]) and known(words[i + 1] + words[i + 2]))
            # (nor "is" + "i" before a Balinese given name: "Who is I Ketut Agus Susilawan?" asks of a man, not of "isi")
            and not (words[i + 1] == "i" and i + 2 < count and words[i + 2] in _BALINESE_GIVEN)
            # (nor two small English words: "since we are a private school" is not "area")
            and not (word in _ENGLISH_SMALL and words[i + 1] in _ENGLISH_SMALL)
        ):
            out.append(word + words[i + 1])
            i += 2
        else:
            out.append(word)
            i += 1
    return out


def _paid_person(words: list[str], at: int) -> bool:
    """Whether the "paid" at ``at`` is said of a person: "is a Pelatih Ahli paid", "coaches are paid", "are the coaches paid"."""
    before = words[max(at - 4, 0) : at]
    if _PAID_AFTER.isdisjoint(before):
        return False  # (a passive: "is/are/get … paid")
    subject = words[at - 2] if at >= 2 and words[at - 1] in _PAID_AFTER else words[at - 1]  # ("coaches are paid" / "a coach paid")
    return subject in _PAID_PEOPLE


@lru_cache(maxsize=50_000)  # the tables never change while the bot runs; chat repeats its words
def _lookup(token: str) -> str | None:
    found = ABBREVIATIONS.get(token) or BALINESE.get(token) or SYNONYMS.get(token)
    if found is None and token.endswith(("s", "ed", "ing")):
        base = english_base(token)
        found = SYNONYMS[base] if base else None
    return found


_UNITS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9}


def _compose_numbers(words: list[str]) -> list[str]:
    """Spelled numbers as dictation writes them: "lima puluh enam" → "56", "dua belas" → "12"."""
    if _NUMBER_JOINS.isdisjoint(words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _UNITS and nxt in ("puluh", "belas"):
            value = _UNITS[word] * 10 if nxt == "puluh" else 10 + _UNITS[word]
            i += 2
            if nxt == "puluh" and i < len(words) and words[i] in _UNITS:
                value += _UNITS[words[i]]
                i += 1
            out.append(str(value))
            continue
        out.append(word)
        i += 1
    return _compose_thousands(out) if "ribu" in out or "seribu" in out else out


_EN_SMALL = {
    **{w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())},
    **{w: n for n, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 13)},
}
_EN_TENS = {w: n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}


def _en_below_hundred(words: list[str], i: int) -> tuple[int, int]:
    """An English number below 100 at ``words[i]`` ("twenty two", "fourteen") and where it ends; (-1, i) if none."""
    word = words[i] if i < len(words) else ""
    if word in _EN_TENS:
        value = _EN_TENS[word] * 10
        if i + 1 < len(words) and 0 < _EN_SMALL.get(words[i + 1], 0) < 10:
            return value + _EN_SMALL[words[i + 1]], i + 2
        return value, i + 1
    if word in _EN_SMALL:
        return _EN_SMALL[word], i + 1
    return -1, i


def _compose_english(words: list[str]) -> list[str]:
    """English numbers as dictation writes them: "twenty twenty two" → "2022", "twenty thousand" → "20000".

    ("five hundred and fourteen" → "514"; a lone "one" or "two" is left to the word lists.)
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        value, j = _en_below_hundred(words, i)
        if value < 0:
            out.append(words[i])
            i += 1
            continue
        if words[i] == "twenty" and j == i + 1:
            year, k = _en_below_hundred(words, j)
            if 10 <= year <= 99:  # "twenty twenty two": a year said in pairs
                out.append(str(2000 + year))
                following, after = _en_below_hundred(words, k)
                if following == year + 1:  # "twenty twenty three twenty four": the school year 2023/2024
                    out.append(str(2000 + following))
                    k = after
                i = k
                continue
        big = False
        if j < len(words) and words[j] == "hundred":
            value, j, big = value * 100, j + 1, True
            rest, k = _en_below_hundred(words, j + (j < len(words) and words[j] == "and"))
            if 0 < rest < 100:
                value, j = value + rest, k
        if j < len(words) and words[j] == "thousand":
            value, j, big = value * 1000, j + 1, True
            rest, k = _en_below_hundred(words, j + (j < len(words) and words[j] == "and"))
            if k < len(words) and words[k] == "hundred" and 0 < rest < 10:
                rest, k = rest * 100, k + 1
            if 0 < rest < 1000:
                value, j = value + rest, k
        if big or words[i] in _EN_TENS:
            out.append(str(value))
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


def _compose_thousands(words: list[str]) -> list[str]:
    """A year said aloud: "dua ribu dua puluh satu" → "2021", "dua ribu dua" → "2002", "dua ribu dua dua" → "2022"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        thousands = 1 if word == "seribu" else _UNITS.get(word, 0) if i + 1 < len(words) and words[i + 1] == "ribu" else 0
        if not thousands:
            out.append(word)
            i += 1
            continue
        i += 1 if word == "seribu" else 2
        value = thousands * 1000
        rest = words[i] if i < len(words) else ""
        if rest.isdigit() and int(rest) < 1000:
            value += int(rest)
            i += 1
        elif rest in _UNITS and i + 1 < len(words) and words[i + 1] in _UNITS:
            value += 10 * _UNITS[rest] + _UNITS[words[i + 1]]  # "dua ribu dua dua": the year's last two digits said one by one, 2022
            i += 2
        elif rest in _UNITS and (i + 1 >= len(words) or words[i + 1] != "ratus"):
            value += _UNITS[rest]
            i += 1
        out.append(str(value))
    return out


# words after which "admin" is the person reached, not a form of address
_TO_SOMEONE = frozenset("sama sm ama dengan dgn ke kpd kepada with to hubungi menghubungi kontak contact chat ngobrol bicara berbicara ngomong tanya".split())


_ALREADY = frozenset("sudah sdh udah udh dah telah tlh blm belum blom".split())  # (after them "lewat" is time gone by…)
# (…not before a channel: "sudah lewat bot daftar")
_CHANNELS = frozenset("bot sini wa whatsapp telegram web website situs laman simpkb link tautan email form formulir aplikasi operator korwil".split())
_HOW = frozenset("cara bagaimana gimana gmn gmana bgmn bgm how".split())


def _registered_in(before: list[str]) -> bool:
    """Whether the words before "sistem data" say one is registered in it ("terdaftar di", "tercatat dalam")."""
    return len(before) == 2 and before[0] in _REGISTERED and before[1] in ("di", "dalam", "dlm", "ke")


_REGISTERED = frozenset("terdaftar tercatat terdata masuk didaftarkan dicatat terinput".split())
_REGISTERED_STRICT = frozenset("terdaftar tercatat terdata".split())
_YES_NO_TAILS = [[w] for w in "belum blm tidak tdk gak ga gk nggak enggak".split()]


_JUDGED = frozenset({"sudah", "sdh", "udah", "udh", "belum", "blm", "tidak", "tdk", "gak", "ga", "kurang", "yang", "yg", "sudh"})
_FIRST_TIME_BEFORE = (["ini"], ["baru"], ["untuk"], ["utk"], ["saya"], ["sy"], ["tiang"], ["kami"])
# ("… was done in person", "the interview is held in person", "come in person for the interview"; not "see the schedule in person")
_DONE_IN_PERSON = frozenset(
    {"done", "held", "conducted", "is", "was", "are", "were", "be", "happen", "happens", "come", "attend", "take"}
    | {"interview", "wawancara", "bimtek", "simulation"}
)
_IN_PERSON_EVENTS = frozenset({"wawancara", "interview", "seleksi", "selection", "tahap", "stage", "simulasi", "bimtek", "pkp", "pelatihan", "training"})
_CHECK_TAIL = frozenset({"", "gak", "ga", "gk", "nggak", "ngga", "tidak", "tdk", "ndak", "kan", "ya", "nggih", "kah", "pak", "bu", "bli", "nih", "sih"})
_HOW_OFTEN = frozenset("many several few multiple some couple at both one two three four five".split())
_PAID_AFTER = frozenset("is are be get gets got getting was were being".split())
# a question word or not understanding after "terus terang" ("terus terang saya belum ngerti …, untuk apa?")
_FRANK_BEFORE = frozenset(
    "apa apakah siapa kapan kpn berapa brp bagaimana gimana gmn mana dimana kenapa mengapa napi ngerti mengerti paham tahu tau bingung".split()
)
_JUDGES = frozenset("committee panel board jury assessor assessors selection".split())
_AIMED = (["achieve"], ["accomplish"], ["do"], ["deliver"], ["produce"], ["be"])
_APP_WORDS = frozenset("aplikasi apk app pakai pake lewat via link tautan meeting daring online atau gugel google meet".split())
_MAY_I = (["may", "i"], ["can", "i"], ["could", "i"], ["might", "i"], ["may", "we"])
_BEFORE_A_MONTH = frozenset("in on of since until till by early late mid end during from to bulan tgl tanggal akhir awal pertengahan sejak".split())


def _may_is_month(words: list[str], at: int) -> bool:
    """Whether "may" at ``at`` is the month: after a day or "in/bulan…", or before a day or a year ("May 2022", "in May")."""
    before = words[at - 1] if at else ""
    after = words[at + 1] if at + 1 < len(words) else ""
    return before in _BEFORE_A_MONTH or before.isdigit() or after.isdigit() or not after


_PAID_AFTER_LIST = [[w] for w in sorted(_PAID_AFTER)]
_PAID_PEOPLE = frozenset(
    "ahli pelatih coach coaches trainer trainers facilitator facilitators fasilitator narasumber speaker speakers staff teacher teachers "
    "principal principals korwil coordinator coordinators members member officers team pmo operator operators committee guru".split()
)
_NOT_A_TASK = frozenset("with dengan ya dong please pls pak bu min admin nggih".split())
_BOT_DOES = frozenset("bantu bantuin lakukan lakuin kerjakan jawab jawabin layani".split())
_EXPLAIN = frozenset("jelaskan jelasin jelaskn terangkan sebutkan sebutin ceritakan ceritain uraikan jabarkan tolong kasih kasi bantu infokan cek".split())
_EVENT_WORDS = frozenset({"bimtek", "sosialisasi", "pelatihan", "training", "workshop", "sesi", "session", "webinar", "pkp"})


# The words expand() has a rule of its own for, as typed (first pass) and once expanded (second pass):
# every other word goes straight to the tables. A new rule there adds its word here.
_EXPAND_RULED = frozenset(
    "sistem aplikasi data paid meet gmail times performing achieving performance time meant intended supposed difference details "
    "information info capital jum zum gugel mit ask may pass passed passing matur".split()
)
_EXPANDED_RULED = frozenset(
    "ke awal sebelumnya benar bener betul lewat via kerjanya pertama kali right person run runs ran kamu km anda bantu bantuin help coba way "
    "terang terangnya akhir akhirnya utama utamanya tujuan one question q dimaksud dimaksudkan dimaksudnya ngomong ngmg ngomg admin of "
    "honor".split()
).union(ROMAN, _ORDINAL, _CARDINAL, _MONTHS)
# the words that make spelled numbers one ("lima puluh", "dua belas", "dua ribu")
_NUMBER_JOINS = frozenset({"puluh", "belas", "ribu", "seribu"})


def expand(words: list[str]) -> list[str]:
    """Abbreviations, Balinese and English words expanded; numerals turned into digits."""
    expanded: list[str] = []
    for at, token in enumerate(words):
        if token in _EXPAND_RULED:  # (most words have no rule of their own: straight to the tables)
            # ("aplikasi" only for someone's data: "data kepsek hrs terdaftar di aplikasi apa"; not "pendaftar PSP terdaftar di aplikasi apa?")
            data_before = "data" in words[max(at - 6, 0) : at] or "terdata" in words[max(at - 2, 0) : at]
            if (token == "sistem" or token == "aplikasi" and data_before) and _registered_in(words[max(at - 2, 0) : at]) and (
                words[at + 1 : at + 2] == ["data"]
                # ("terdaftar di sistem apa": which system; not "… masuk di sistem apa belum?", whether it is in)
                or words[at + 1 : at + 2] in (["apa"], ["mana"]) and words[at - 2] in _REGISTERED_STRICT and words[at + 2 : at + 3] not in _YES_NO_TAILS
            ):
                # "terdaftar di sistem data apa", "terdaftar di sistem apa", "terdaftar di aplikasi apa": the education data system,
                # not this bot's records
                token = "dapodik"
            elif token == "data" and words[at - 1 : at] == ["sistem"] and _registered_in(words[max(at - 3, 0) : at - 1]):
                continue
            if token == "paid" and _paid_person(words, at):
                # "How much is a Pelatih Ahli paid per school?": someone's pay, not who funds the programme ("Is PSP paid or free?",
                # "Is the committee training paid by BOS Kinerja?")
                expanded.append("honor")
                continue
            if token == "meet" and words[at - 1 : at] == ["google"]:
                expanded[-1:] = ["gmeet"]  # "lewat google meet ya": the meeting app, one name
                continue
            if token == "gmail" and (words[at - 1 : at] == ["akun"] or words[at + 1 : at + 2] in (["account"], ["accounts"])) and words[
                at - 2 : at - 1
            ] not in (["bikin"], ["buat"], ["membuat"], ["bikinin"], ["create"], ["make"]):
                # "login pake akun gmail biasa bisa?": an account to log in with, not an address to write to (not "bikin akun
                # gmail", making one: the base's [decline] phrase, which must not shrink to "bikin akun")
                continue
            if token == "times" and at and (words[at - 1] in _HOW_OFTEN or words[at - 1].isdigit()):
                continue  # "I hear it many times", "two times a year": how often, not the hours
            if token in ("performing", "achieving", "performance") and words[at - 1 : at] in (["high"], ["top"], ["well"], ["best"], ["higher"]):
                expanded[-1:] = ["best"]  # "only for high-performing schools?": the best schools, a word of who may join
                continue
            if token == "time" and words[at - 2 : at] in (["how", "much"], ["how", "long"]):
                expanded[-2:] = ["lama"]  # "in how much time?": how long, not the clock
                continue
            if token in ("meant", "intended", "supposed") and words[at + 1 : at + 2] == ["to"] and words[at + 2 : at + 3] in _AIMED:
                expanded.append("tujuan")  # "What was the Bimtek meant to achieve?": its aim
                continue
            if token == "time" and words[at - 2 : at] in (["at", "the"], ["at", "that"]):
                continue  # "the head … at the time of the news report": then, not the clock
            if token == "difference" and "time" in words[max(at - 2, 0) : at + 3]:
                expanded.append("selisih")  # "the time difference between Bali and Jakarta": the clocks' difference
                continue
            if token in ("details", "information", "info", "data") and words[at - 1 : at] == ["personal"]:
                expanded[-1:] = ["data", "pribadi"]  # "What personal details will I be asked for": personal data
                continue
            if token == "capital" and words[at + 1 : at + 2] not in (["letter"], ["letters"], ["huruf"]):
                expanded.extend(("ibu", "kota"))  # "what is the capital of Buleleng": its chief town (not "capital letters")
                continue
            if token == "zum" or token == "jum" and _APP_WORDS & set(words[max(at - 3, 0) : at + 3]):
                # dictated "pakai aplikasi apa jum atau gugel mit": Zoom, spelled as heard ("zum" always: "pengingat zum nya
                # isinya apa"; "jum" only beside an app's words, or it is Friday)
                expanded.append("zoom")
                continue
            if token == "gugel" and words[at + 1 : at + 2] in (["mit"], ["meet"], ["mît"]):
                expanded.append("gmeet")  # dictated "gugel mit": Google Meet
                continue
            if token == "mit" and words[at - 1 : at] == ["gugel"]:
                continue
            if token == "ask" and (words[at - 2 : at] in _MAY_I or words[at - 1 : at] == ["to"]):
                continue  # "May I ask, when is the Bimtek held?", "I would like to ask …": how one asks, no topic
            if token == "may" and not _may_is_month(words, at):
                continue  # "May I ask who attended …", "May a principal be moved …": the modal, not the month
            if (
                token in ("pass", "passed", "passing")
                and words[at + 1 : at + 2] in (["by"], ["through"], ["along"])
                and words[at - 1 : at] not in _PAID_AFTER_LIST
                and words[at - 1 : at] not in (["has"], ["have"], ["had"])
                and not _JUDGES & set(words[at + 2 : at + 4])
            ):
                continue  # "… looked closed when I passed by this morning": went past (not "was passed by the panel", a selection passed)
            if token == "matur" and words[at + 1 : at + 2] in (["suksma"], ["suksme"], ["nuwun"]):
                continue  # "matur suksma": thanks (alus), not "matur" (to speak to someone)
        expansion = _lookup(token)
        if expansion is None and token.endswith(("nya", "ny")) and len(token) > 5:  # "umurnya", "jadwalny"
            expansion = _lookup(token[: -3 if token.endswith("nya") else -2])
        expanded.extend((expansion or token).split())
    if any(word in _EN_TENS or word in ("hundred", "thousand") for word in expanded):
        expanded = _compose_english(expanded)
    expanded = _compose_numbers(expanded)
    for i in range(len(expanded) - 1):
        # English puts the ordinal first: "first cohort", "second stage" → "angkatan first"
        if expanded[i] in _ORDINAL and expanded[i + 1] in NUMBERED and not expanded[i].startswith("ke"):
            expanded[i], expanded[i + 1] = expanded[i + 1], expanded[i]
    out: list[str] = []
    for at, word in enumerate(expanded):
        if word not in _EXPANDED_RULED and not word.isdigit():
            out.append(word)  # (most words have no rule of their own)
            continue
        previous = out[-1] if out else ""
        if previous in NUMBERED and word == "ke":  # "angkatan ke 3" = "angkatan 3"
            continue
        if word == "awal" and len(out) >= 2 and out[-1] == "dari" and out[-2] in ("mulai", "ulang", "mengulang", "memulai"):
            out[-2:] = ["mengulang"]  # "harus mulai dari awal lagi?": starting over, not the programme's start
            continue
        if previous in ("pertanyaan", "langkah", "step", "isian", "kolom", "pilihan") and word == "sebelumnya":
            out.append("kembali")  # "balik ke pertanyaan sebelumnya": going back in the form ("sebelumnya" alone is "in advance")
            continue
        if word in ("benar", "bener", "betul") and (previous in ("apa", "apakah") or previous in ("itu", "ini") and out[-2:-1] in (["apa"], ["apakah"])):
            continue  # "apa benar cuma bidang GTK …", "napi nika leres?": "is it true that", not the word "right"
        following = expanded[at + 1] if at + 1 < len(expanded) else ""
        if word == "lewat" and previous in _ALREADY and following not in _CHANNELS:
            out.append("ditutup")  # "udh lewat blm pendaftarannya": past its time, not "via" ("sudah lewat bot daftar")
            continue
        if word == "via" and following in ("apa", "mana"):
            out.append("lewat")  # "bimtek pmo nya via apa?": by what means ("via" alone is a word of passage)
            continue
        if word == "kerjanya" and previous not in _HOW and following not in _HOW:
            out.append("tugas")  # "PMO itu kerjanya ngapain aja": its tasks (not "cara kerjanya", "kerjanya gimana": how it works)
            continue
        first = at if word == "pertama" and following == "kali" else at - 1 if word == "kali" and expanded[at - 1 : at] == ["pertama"] else -1
        if first > 0 and expanded[first - 1 : first] in _FIRST_TIME_BEFORE:
            continue  # "ini pertama kali ikut seleksi": my first time (not "kabupaten yang pertama kali ikut PSP": the first cohort)
        if word in ("benar", "bener", "betul") and following in _CHECK_TAIL and previous not in _JUDGED:
            continue  # "…, bener?", "… sampai april 2022, bener gak?": a claim checked, not the word "right"
        if word == "right" and expanded[at - 2 : at] in (["is", "that"], ["is", "it"], ["that", "s"], ["am", "i"]):
            continue  # "Is that right?": a claim checked, not a right
        if word == "person" and previous == "in" and _IN_PERSON_EVENTS & set(expanded) and expanded[at - 2 : at - 1] and expanded[at - 2] in _DONE_IN_PERSON:
            out[-1:] = ["tatap", "muka"]  # "stage 2 … done in person at LPMP": face to face (not "meet the staff in person")
            continue
        if word in ("run", "runs", "ran") and (
            following == "by" and _EVENT_WORDS & set(expanded[max(at - 3, 0) : at])
            or previous in ("who", "which")
            and (_EVENT_WORDS & set(expanded[at + 1 : at + 4]) or following in ("it", "them") and _EVENT_WORDS & set(expanded[:at]))
        ):
            out.append("selenggara")  # "the Bimtek was run by the ministry", "who runs the Bimtek": who organised it
            continue
        if word in ("kamu", "km", "anda") and (
            following in _BOT_DOES or following in ("bisa", "bs", "dapat", "dpt") and expanded[at + 2 : at + 3] and expanded[at + 2] in _BOT_DOES
        ):
            out.append("bot")  # "apa saja yang bisa kamu bantu?", "kamu bisa jawab apa aja?": the bot addressed, asked what it does
            continue
        if (
            word in ("bantu", "bantuin", "help")
            and following in ("saya", "sy", "kami", "tiang", "aku", "me", "us")
            and expanded[at + 2 : at + 3]
            and expanded[at + 2] not in _NOT_A_TASK
        ):
            continue  # "bisa bantu saya daftar psp?": help asked with something to do, not the aid the sources lack
        if word == "coba" and following in _EXPLAIN:
            continue  # "coba jelasin intervensi2 …": a softener before a request, not trying something ("mau coba daftar")
        if word == "way" and expanded[at - 2 : at] == ["by", "the"]:
            continue  # "Pak, by the way PSP …": a filler, not a way of doing something
        if word in ("terang", "terangnya") and previous in ("terus", "trus", "trs") and _FRANK_BEFORE & set(expanded[at + 1 : at + 20]):
            continue  # "terus terang saya belum ngerti … tujuan bimtek itu untuk apa": frankly, a filler before a question
        if word in ("akhir", "akhirnya", "utama", "utamanya") and previous == "tujuan":
            continue  # "tujuan akhirnya buat apa": the aim itself, not a closing date ("batas akhir")
        if word == "tujuan" and previous in ("akhir", "end", "ultimate", "final"):
            out[-1] = word  # "the end goal", "the ultimate aim"
            continue
        if previous == "quick" and word in ("one", "question", "q"):
            continue  # "Quick one - which regencies …": not the number one
        if word in ("dimaksud", "dimaksudkan", "dimaksudnya") and previous == "yang":
            continue  # "yg dimaksud kepsek memenuhi syarat itu apa": asks for X itself, not for a meaning
        if word in ("ngomong", "ngmg", "ngomg") and following in ("sm", "sama", "ama", "dengan", "dgn", "ke"):
            out.append("hubungi")  # "mau ngmg sm petugas": talking with someone is reaching them (not "ngmg2 …", by the way)
            continue
        if word == "admin" and previous in _TO_SOMEONE:
            out.append("petugas")  # "ngobrol sm admin", "hubungi admin": a person to reach, not the address "min"
            continue
        if previous == "number" and word == "of":
            out[-1] = "jumlah"  # "the number of schools" is a count, not a phone number
            continue
        if previous in ("guru", "pegawai", "tenaga") and word == "honor":  # a "guru honor" is a contract teacher, not a fee
            out.append("honorer")
            continue
        if previous in NUMBERED and (word in ROMAN or word in _ORDINAL):
            out.append(ROMAN.get(word) or _ORDINAL[word])
        elif word in _CARDINAL:
            out.append(_CARDINAL[word])
        elif word in _MONTHS:
            out.append(_MONTHS[word])
        elif word.isdigit():
            out.append(str(int(word)) if len(word) <= 4 else word)
        else:
            out.append(word)
    return name_programme(out)


# Names written out in formal letters, as the knowledge base abbreviates them.
SPELLED_OUT = {
    ("bimbingan", "teknis"): "bimtek",
    ("manajemen", "operasional"): "pmo",
    ("management", "office"): "pmo",
    ("kelompok", "kerja"): "pokja",
    ("koordinator", "wilayah"): "korwil",
    ("pendidikan", "kantor"): "disdikpora",  # "education office" (English order, words already mapped)
    ("satuan", "pendidikan"): "sekolah",  # the formal word for a school
    ("atas", "nama"): "mewakili",  # "daftarkan atas nama sekolah": on behalf of, no name asked for
    ("lewat", "mana"): "cara",  # "daftarnya lewat mana": by what way, how
    ("praktek", "mengajar"): "simulasi",  # "ada praktek ngajar kah": the teaching simulation of stage 2
    ("praktek", "ngajar"): "simulasi",
    ("praktik", "mengajar"): "simulasi",
    ("praktik", "ngajar"): "simulasi",
    ("pmo", "pemda"): "pmo",  # "Bimtek (Tim Pokja) PMO Pemda": the event's full name, no other subject
    ("disdikpora", "pendidikan"): "disdikpora",  # "dinas pendidikan" once "dinas" is read as Disdikpora
    # English renderings of "Sekolah Penggerak" ("school" already read as "sekolah")
    ("sekolah", "mover"): "psp",
    ("mover", "sekolah"): "psp",
    ("driving", "sekolah"): "psp",
    ("sekolah", "movers"): "psp",
    ("movers", "sekolah"): "psp",
}


def name_programme(words: list[str]) -> list[str]:
    """"sekolah penggerak", "program sekolah penggerak" and "psp" are one name: ``psp``; "bimbingan teknis" is "bimtek"."""
    out: list[str] = []
    for word in words:
        short = SPELLED_OUT.get((out[-1], word)) if out else None
        if short:
            out[-1] = short
        elif word == "penggerak" and out and out[-1] == "sekolah":
            out[-1] = "psp"
            if len(out) > 1 and out[-2] == "program":
                del out[-2]
        elif word in ("program", "programme", "programnya"):
            if not (out and out[-1] == "psp"):  # "the PSP programme": the name once
                out.append("psp")  # in this bot "the programme" ("program ini") is PSP
        else:
            out.append(word)
    return out


# Where the question starts in a long message: after "mau tanya", "mohon informasi mengenai"…
ASKING_RE = ascii_re(
    r"\b(?:mau|ingin|pengen|izin|ijin|numpang|mohon|bermaksud|hendak)(?: saya| kami)?"
    r" (?:tanya|bertanya|nanya|menanyakan|tanyakan|info|informasi|mengetahui|tahu)"
    r"(?: (?:mengenai|tentang|soal|terkait|perihal))?\b"
    r"|\b(?:mohon|minta|nunas) (?:info|informasi|penjelasan)(?: (?:mengenai|tentang|soal|terkait|perihal))?\b"
    r"|\b(?:would like|want|wanted|wish|like) to (?:know|ask)(?: about)?\b"
    # "yang mau saya tanyakan, …", "pertanyaan kami: …": what follows is the question
    r"|\b(?:yang|yg) (?:mau|ingin|pengen|hendak|perlu|akan) (?:saya|sy|kami|tiang) (?:tanyakan|tanya)(?: (?:adalah|yaitu|ialah))?\b"
    r"|\bpertanyaan(?:nya)? (?:saya|sy|kami|tiang)\b"
    # "kepsek nitip tanya: …", "ada titipan pertanyaan dari kepsek …": a question passed on
    r"|\b(?:nitip|titip|menitip|menitipkan|titipan|nitipin) (?:tanya|pertanyaan|pesan)\b",
)
# "kepsek TK di Sukasada nanya kapan …", "ada kepsek bertanya …": a question relayed, what follows is
# it — though who asks may tell what about ("teman di Tabanan nanya masuk angkatan berapa")
# (a person asks: "bot ini nanya …", "form-nya nanya apa aja" are about the form's questions)
RELAYED_RE = ascii_re(
    r"\b(?:kepsek|kasek|kepala|teman|temen|rekan|guru|operator|pengawas|korwil|beliau|ybs)\b(?: [^ .?!,]+){0,5}? "
    r"(?:nanya|nanyain|nanyakan|bertanya|menanyakan)\b(?! (?:ke|kpd|kepada|sama|sm|ama|dengan|dgn)\b)"
    # (…and in English: "a principal in Seririt asked me when …")
    r"|\b(?:principal|principals|teacher|teachers|colleague|friend|supervisor|operator|coordinator)\b(?: [^ .?!,]+){0,4}? "
    r"(?:asked me|asks me|is asking|was asking|wants to know|wanted to know|asked)\b"
)
_TOOK_PLACE_RE = ascii_re(r"\b(?:took|take|takes|taking|taken)\s+place\b")
# "waktu jakarta", "jam bali": a city's time is its zone
_CITY_TIME_RE = ascii_re(
    r"\b(?:waktu|jam|time in) (?:(jakarta|jawa|pusat|nasional)|(bali|buleleng|singaraja|denpasar|setempat|sini))\b"
    r"|\b(?:(jakarta|java)|(bali|buleleng|singaraja|denpasar|local)) time\b"
)
# Context that says where the news came from ("kami dapat edaran psp", "td dpt info dr korwil",
# "saya mendengar dari korwil tentang psp"): never the question itself.
_HEARSAY_RE = ascii_re(
    r"\b(?:dapat|dpt|dapet|terima|menerima|nerima|dengar|mendengar|denger|baca|membaca|memperoleh|peroleh)"
    r"(?: \w+){0,2}? (?:info|informasi|kabar|edaran|se|undangan|berita|pesan|dari|dr)\b"
    # "… I hear it many times in the bimtek", "sering dengar di rapat": where a term was heard
    r"|\b(?:hear|heard|hearing|dengar|denger|mendengar)\b(?: \w+){0,4}? (?:in|at|during|di|dalam|saat|waktu|pas) (?:the )?"
    r"(?:bimtek|rapat|meeting|meetings|zoom|sosialisasi|grup|group|training|pelatihan|kkks|mkks|k3s)(?:\s+(?:meeting|rapat|chat|grup|group))?\b"
    # "Menurut berita Disdikpora Maret 2022, …", "according to the news, …": the source cited
    r"|\b(?:menurut|according to)(?: the)? (?:berita|info|informasi|kabar|edaran|surat edaran|artikel|news|article)\b"
    # …or whom the asker works with ("Hi, I'm with LPMP Bali, …"): context too (not "I'm from a
    # private school", "I am from Bangli": what the asker is may be the question's condition)
    r"|\b(?:i'?m|i am|we are|we're) with\b"
)
_PIECE_RE = ascii_re(r"[^.,;!?\n]+[.,;!?\n]*")
# A letter's addressee line ("Yth. Tim PMO Disdikpora Buleleng.", "Kepada Yth. Admin PSP,"): whom
# the letter goes to, not what it asks.
_ADDRESSEE_RE = ascii_re(r"^\s*(?:kepada\s+)?(?:yth\b\.?|yang\s+terhormat\b)[^.,;!?\n]*[.,;!?\n]+")


# An exclamation calling on God ("Ya Tuhan, tahap 2 itu isinya apa saja?", "astaga", "oh my god"): a feeling, no religious matter
_INTERJECTION_RE = ascii_re(
    r"\b(?:ya|oh|o|duh|aduh)\s+(?:tuhan|allah|gusti|rabb|dewa ratu|dewa)\b|\bya ampun\w*|\bastag(?:h)?firullah\w*|\bastaga\w*"
    r"|\bmasya ?allah\b|\b(?:oh )?my god\b|\bomg\b|\bdewa ratu\b",
    re.IGNORECASE,  # (the message as typed too: "Tuhan" capitalised is no name of another programme)
)
_INTERJECTION_HINTS = ("tuhan", "allah", "gusti", "rabb", "dewa", "ampun", "astag", "god", "omg")


def without_interjections(text: str) -> str:
    """``text`` (folded or as typed) without an exclamation calling on God (see above)."""
    return _INTERJECTION_RE.sub(" ", text) if any(w in text.lower() for w in _INTERJECTION_HINTS) else text


# A date said aloud, as speech-to-text writes it ("bimtek pmo tanggal delapan sampai sebelas maret"): its day in digits, so that
# the date is read as the ones typed are ("tanggal 8 sampai 11 maret" says which Bimtek)
_UNIT_WORDS = "|".join(_UNITS)
# a spelled number written as one word ("umur tiang limapuluh delapan"): its two words
_JOINED_NUMBER_RE = ascii_re(r"\b(" + _UNIT_WORDS + r")(puluh|belas)\b")
_SPOKEN_DAY = r"(?:(?:" + _UNIT_WORDS + r")\s+(?:puluh(?:\s+(?:" + _UNIT_WORDS + r"))?|belas)|sepuluh|sebelas|" + _UNIT_WORDS + r")"
_SPOKEN_DATE_RE = ascii_re(
    r"\b(" + _SPOKEN_DAY + r")(?=(?:\s+(?:sampai|sampe|hingga|sd|s d|dan|atau)\s+(?:tanggal\s+|tgl\s+)?(?:" + _SPOKEN_DAY + r"|\d{1,2}))?"
    r"\s+(?:bulan\s+)?(?:" + "|".join(sorted((m for m in _MONTHS if len(m) > 3), key=len, reverse=True)) + r")\b)"
)


def spoken_dates(folded: str) -> str:
    """``folded`` with the days of dates said aloud in digits (see above), and a year said aloud ("dua ribu dua dua") too."""
    if "ribu" in folded and _SPOKEN_YEAR_RE.search(folded):
        # (in the text, as typed years are: "maret dua ribu dua dua" names the event's month as "maret 2022" does)
        folded = _SPOKEN_YEAR_RE.sub(lambda m: " ".join(_compose_thousands(_compose_numbers(m.group(0).split()))), folded)
    if not any(month in folded for month in _MONTHS) or not _SPOKEN_DATE_RE.search(folded):
        return folded
    return _SPOKEN_DATE_RE.sub(lambda m: _CARDINAL.get(m.group(1)) or " ".join(_compose_numbers(m.group(1).split())), folded)


_UNIT_NAMES = "(?:" + "|".join(_UNITS) + ")"
# "dua ribu dua dua", "dua ribu dua puluh dua", "dua ribu dua satu": a year of this century said aloud
_SPOKEN_YEAR_RE = ascii_re(
    r"\bdua ribu (?:dua puluh(?: " + _UNIT_NAMES + r")?|" + _UNIT_NAMES + r" " + _UNIT_NAMES + r"|sepuluh|sebelas|" + _UNIT_NAMES + r" belas)\b"
)


def clock_words(folded: str) -> str:
    """A city's time is its zone: "waktu jakarta" is WIB, "jam bali" WITA."""
    return _CITY_TIME_RE.sub(lambda m: "wib" if m.group(1) or m.group(3) else "wita", folded)


def without_addressee(folded: str) -> str:
    """``folded`` without the addressee line a letter opens with."""
    return _ADDRESSEE_RE.sub("", folded, count=1).strip()


# Where a claim was heard, inside the sentence that tells it ("I heard in the MKKS meeting that registration closes …",
# "sy dengar di rapat K3S kemarin pendaftaran …"): the place, not the claim's topic
_HEARD_AT_RE = ascii_re(
    r"\b(heard|hear|hearing|dengar|denger|mendengar)((?:\s+\w+){0,2}?)\s+(?:in|at|during|di|dalam|saat|pas|waktu)\s+(?:the\s+|our\s+)?"
    r"(?:(?:kkks|mkks|k3s|gugus|korwil)\s+)?(?:rapat|pertemuan|meeting|grup|group|chat|forum)"
    r"(?:\s+(?:kkks|mkks|k3s|gugus|korwil|kepsek|wa|kemarin|kemaren|tadi|td))*\b"
)


# …and who told it ("Kemarin Pak Korwil bilang yg daftar PSP itu kepala sekolahnya", "The korwil said PSP mentoring is long"):
# the teller, not the topic (the korwil's own recap); "bilang"/"said" stays, a claim to check
_TELLER_RE = ascii_re(
    r"\b(?:(?:pak|bu|bapak|ibu|bli)\s+)?(?:korwil|teman|temen|rekan|kepsek|pengawas|kawan|operator)(?:\s+(?:saya|sy|tiang|kami|sebelah|lain))?"
    r"\s+(?=(?:bilang|blg|mengatakan|ngomong|cerita|menyampaikan)\b)"
    r"|\b(?:the|our|my|a)\s+(?:korwil|colleague|colleagues|friend|supervisor)\s+(?=(?:said|says|told|mentioned)\b)"
)
# ("kata korwil bisa daftar PSP lewat bot ini": as the korwil said — hearsay still, without who told it; not a guess after the
# question, "… angkatan berapa? kata kepsek sebelah angkatan II")
_SAID_BY_RE = ascii_re(
    r"(?<![?]\s)\bkata\s+(?:(?:pak|bu|bapak|ibu|bli)\s+)?(?:korwil|teman|temen|rekan|kepsek|pengawas|kawan|operator)(?:\s+(?:saya|sy|tiang|kami|sebelah|lain))?\b"
)


def without_where_heard(folded: str) -> str:
    """``folded`` without where a claim told in the same sentence was heard, nor who told it (see above)."""
    told = _TELLER_RE.sub("", _HEARD_AT_RE.sub(lambda m: m.group(1) + m.group(2), folded))
    return _SAID_BY_RE.sub("katanya", told) if "kata " in told else told


# English chat shorthand, in a message read as English ("hi when ws the pmo bimtek", "how many yrs …"): the words
# themselves, so that the kinds of question and the English words are read as written out ("hr" is left: Indonesian chat
# writes "hari" so, "how many hr is the bimtek")
_EN_SHORTHAND = {
    "ws": "was", "wz": "was", "yrs": "years", "yr": "year", "hrs": "hours", "mins": "minutes", "u": "you",
    "ur": "your", "abt": "about", "whn": "when", "wht": "what", "hw": "how", "pls": "please", "plz": "please", "thru": "through",
    "b4": "before", "bc": "because", "cuz": "because", "coz": "because", "govt": "government", "govts": "governments", "dont": "don't",
    "cant": "can't",
}
_EN_SHORTHAND_RE = ascii_re(r"\b(?:" + "|".join(_EN_SHORTHAND) + r")\b")


# English phrases whose words alone point elsewhere (read on the message only): "what's PSP short for?" (not "short"), "reach a
# staff member" (a person to contact, not a member of a team), "everything the bot has stored about me" (one's data)
_EN_PHRASES = (
    (ascii_re(r"\bshort\s+for\b"), "stand for"),
    # "how do I get out of the form without sending anything?": leaving it, as "stop"
    (ascii_re(r"\bget\s+out\s+of\b"), "quit"),
    # "share its experience with other schools": sharing good practice (not "could you share their names?", "share my screen
    # with other participants")
    (ascii_re(r"\bshare\b(?=(?:\s+\w+){0,3}\s+with\s+(?:other|another|nearby|neighbouring|neighboring)\s+(?:schools?|sekolah)\b)"), "berbagi"),
    # "which law protects the data I give": the data protection law (not "which law governs PSP?", its legal basis)
    (ascii_re(r"\blaws?\b(?=[^.?!]*\b(?:data|privacy|personal|pribadi|privasi)\b)"), "undang"),
    # "can this bot reply in English": the bot's language (not "please reply soon")
    (ascii_re(r"\brepl(?:y|ies)\b(?=(?:\s+\w+){0,2}\s+in\s+(?:english|inggris|indonesian|indonesia|bahasa|balinese)\b)"), "balas"),
    # "When did Buleleng go through the PSP selection for the first time?": first, no clock time; "go through" is taking part
    (ascii_re(r"\bfor\s+the\s+(first|second|third|last)\s+time\b"), r"\1"),
    # (not "my registration went through": it was received)
    (ascii_re(r"\b(?:go|goes|went|gone|going)\s+through\b(?=\s+(?:the\s+)?(?:psp\s+)?(?:selection|seleksi|stages?)\b)"), "ikut"),
    # "the PMO Pokja Bimtek for local governments": the regional governments (Pemda)
    (ascii_re(r"\b(?:local|regional)\s+governments?\b"), "pemda"),
    # "how many years left in post does a principal need": the term of office still to serve
    (
        ascii_re(r"\b(?:years?|time|term)\s+(?:left|remaining)\s+(?:in|of|on)\s+(?:(?:the|my|their|his|her)\s+)?(?:post|office|position|service|tenure|term|duty)\b"),
        "sisa masa tugas",
    ),
    # "is my data private?", "is my NIP kept safe": the data's privacy (not a private school)
    (
        ascii_re(
            r"\b(?:my|our|the)\s+(?:data|information|info|details|nip|phone number|number)\s+(?:is\s+|are\s+|be\s+|kept\s+|stays?\s+){0,2}"
            r"(?:private|safe|secure)\b"
        ),
        "privasi",
    ),
    # "list all the kecamatan": the places (not "the registrations of all kecamatan", the admin's figures for all of them)
    (
        ascii_re(
            r"^(?![^.?!]*\b(?:registrations?|registered|totals?|figures|numbers|recap|rekap|statisti\w*|counts?|pendaftar\w*)\b)"
            r"([^.?!]*?)\ball\s+(?:the\s+|of\s+the\s+)?(?=(?:kecamatan|districts|sub-?districts|regencies)\b)"
        ),
        r"\1",
    ),
    # "the dates of the Bimtek back in March 2022": then, no going back
    (
        ascii_re(
            r"\bback\s+(?=in\s+(?:20\d\d|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
        ),
        "",
    ),
    # "what's the point of the program": its purpose (not "at what point", a time; nor "the point of contact")
    (ascii_re(r"\b(?:what(?:'s|s| is| was)|what)\s+(?:is\s+)?(?:the\s+)?point\s+of\b"), "what is the purpose of"),
    # "the regency-level PMO" is the regency's (not "resolved at one level": a tier; nor "which school level": a jenjang)
    (ascii_re(r"\b(regency|district|provincial|province|national|kecamatan|subdistrict|sub-district)[- ]level\b"), r"\1"),
    # "the consultative and asymmetric assistance": PSP's mentoring of the regions (not "thanks for your kind assistance")
    (
        ascii_re(r"\b((?:consultative|asymmetric|asymmetrical)(?:\s+(?:and|&)\s+(?:consultative|asymmetric|asymmetrical))?)\s+(?:assistance|support)\b"),
        r"\1 mentoring",
    ),
    # "what command do I use to talk to a staff member?": how to do it (the command is in its answer), not the list of commands
    # (before "do I type …" below reads as what to fill in)
    (ascii_re(r"\b(?:what|which)\s+command\s+(?:do|should|can|must|would)\s+(?:i|we)\s+(?:use|type|send|enter)\s+to\b"), "how do i"),
    # "the sources of funding" are the funds; "the last day for uploading" is the deadline
    (ascii_re(r"\bsources?\s+of\s+(?:the\s+)?(?:funding|funds?|financing|money)\b"), "funding"),
    (ascii_re(r"\blast\s+day\s+(?:for|to)\b"), "deadline for"),
    (ascii_re(r"\b(?:the|our|my)\s+old\s+(?=kepsek|principal|head|operator|school)"), "the previous "),  # (former, not an age)
    # "daylight saving time" is the time zone's; "period of service" the term left; "the national
    # (education) database" is Dapodik; "what should be entered in that field" is what to fill in
    (ascii_re(r"\bdaylight\s+sav(?:ing|ings)(?:\s+time)?\b"), "zona waktu"),
    # (a principal to "be recorded" in a database, not a recording: "was the Bimtek recorded?", "will the zoom bimtek be recorded?"
    # keep their word)
    (ascii_re(r"\b(?:be|been|being)\s+recorded\b(?=\s+(?:in|on|as|into|under|at)\b)"), "be registered"),
    (ascii_re(r"(\b(?:database|system|dapodik|where|which)\b[^.?!]*?)\b(?:be|been|being)\s+recorded\b"), r"\1be registered"),
    (ascii_re(r"\bperiod\s+of\s+service\b|\bterm\s+of\s+office\b|\bservice\s+(?:period|term)\b"), "masa tugas"),
    (ascii_re(r"\b(?:national\s+)?(?:education\s+)?(?:database|data\s*base)\b"), "dapodik"),
    (ascii_re(r"\b(?:should|must|do\s+i|do\s+we)\s+(?:be\s+)?(?:entered|enter|put|typed|type)\b"), "isi"),
    # "the PMO working groups" are its pokja; "carried out" is held; "at the same time as" is no clock time
    (ascii_re(r"\bworking\s+groups?\b"), "pokja"),
    # "What details does the reminder message include?": what the reminder holds
    (ascii_re(r"\b(reminders?|pengingat)\s+(?:messages?|texts?|notifications?)\b"), r"\1"),
    (
        ascii_re(r"\b(?:what\s+(?:details|information|info)\s+(?:does|do|will)\s+(?:the\s+|a\s+|each\s+)?)((?:\w+\s+){1,3}?)(?:include|contain)\b"),
        r"what is in \1",
    ),
    # "at what point does the principal have to hand in the health certificate?": when, and submitting it
    (ascii_re(r"\bat\s+what\s+point\b"), "when"),
    (ascii_re(r"\b(?:hand|hands|handed|turn|turns|turned)\s+in\b"), "submit"),
    # "What does the regency PMO team actually do?": its duties (not "what do I do if …", "what does it do to my data", nor "what
    # does this bot do?", what it offers)
    (
        ascii_re(
            r"^(?:so\s+)?what\s+(?:does|do|did)\s+(?![^?]*\bbot\b)"
            # (a body or an office: not "what do you do?", "what do I need to do?", "what do principals do?")
            r"((?:the\s+)?(?:[a-z]+\s+){0,3}?(?:pmo|team|teams|tim|lpmp|bpmp|committee|komite|pokja|office|dinas|disdikpora|unit|division|bidang)\s+)"
            r"(?:actually\s+|really\s+|exactly\s+)?do\s*\??\s*$"
        ),
        r"what are the duties of \1",
    ),
    (ascii_re(r"\bcarried\s+out\b"), "held"),
    (ascii_re(r"\b(?:at\s+)?the\s+same\s+time(?:\s+as)?\b"), "together with"),
    # "start over" is doing the form again ("do I have to start over?"); "a principal who's currently in a legal case": the
    # principal's situation, not the sources' current figures
    (ascii_re(r"\bstart\s+(?:all\s+)?over\b|\bstart\s+again\b"), "ulang"),
    (
        ascii_re(
            r"(?:(?<=\bwho s )currently\b|(?<=\bwho's )currently\b|(?<=\bwho is )currently\b|(?<=\bi m )currently\b|(?<=\bwe re )currently\b"
            r"|(?<=\bi'm )currently\b|(?<=\bi am )currently\b|(?<=\bwe're )currently\b|(?<=\bwe are )currently\b|(?<=\bshe's )currently\b"
            r"|(?<=\bhe's )currently\b|(?<=\bshe is )currently\b|(?<=\bhe is )currently\b"
            r"|\bcurrently\b(?=\s+(?:in|facing|being|serving|on|involved)\b))"
            # (…not before the office held: "Who is currently the head of Disdikpora?" asks its present holder)
            r"(?!\s+(?:the\s+)?(?:head|secretary|leads|leading|heads|heading|serves|serving\s+as|in\s+charge)\b)"
        ),
        "",
    ),
    (ascii_re(r"\b(?:staff|team)\s+members?\b|\bmembers?\s+of\s+(?:the\s+)?staff\b"), "staff"),
    (ascii_re(r"\breach\b(?=\s+(?:a|an|the|some|someone|somebody|anyone|staff|person|people|human|officer|admin|an\s+admin)\b)"), "contact"),
    # "another person already registered our NPSN": someone else who registered (not "can someone else see my data?")
    (
        ascii_re(
            r"(?:\b(?:another|other)\s+(?:person|people)\b|\bsomeone\s+else\b|\bsomebody\s+else\b)"
            r"(?=\s+(?:has\s+|had\s+|have\s+)?(?:already\s+)?(?:registered|used|taken|claimed|signed\s+up)\b)"
        ),
        "orang lain",
    ),
    (
        ascii_re(
            # (also "all the data you keep about me")
            r"\b(?:everything|what|all)\s+(?:the\s+data\s+)?(?:that\s+)?"
            r"(?:the\s+bot|this\s+bot|you|it)\s+(?:has\s+|have\s+)?"
            r"(?:stored|stores|saved|saves|kept|keeps?|knows?|holds?)\s+(?:about|on|of)\s+(?:me|her|him|them|us)\b"
        ),
        "my data",
    ),
)


def english_shorthand(folded: str) -> str:
    """An English message with its chat shorthand and misleading phrases written out (see above)."""
    folded = _EN_SHORTHAND_RE.sub(lambda m: _EN_SHORTHAND[m.group()], folded)
    for pattern, said in _EN_PHRASES:
        folded = pattern.sub(said, folded)
    return folded


# Who passed a question on, in the sentence that asks it ("kepsek di Gerokgak nanya siapa penyelenggara …", "Pak, kepsek
# di kecamatan saya nanya PMO itu …", "Some principals asked me what this bot can do"): the relayer is no topic, and a
# kecamatan before "siapa" is where the relayer's principal is, not whose person is asked. Another regency named stays for
# what differs by regency ("teman di Tabanan nanya masuk angkatan berapa" asks about Tabanan); one's own area says nothing.
# (not "kepala sekolah tanya ke siapa kalau …": whom to ask is the question; nor "can teachers ask …")
_RELAY_FRAME_RE = ascii_re(
    r"\b(?:(?:ada|beberapa|bbrp|banyak|para|salah satu)\s+)?(?:(?:pak|bu|bapak|ibu|bli)\s+)?"
    r"(?:ada\s+(?:yang|yg)|(?:kepsek|kasek|kepala\s+(?:sekolah|sd|smp|tk|paud)|guru|teman|temen|rekan|pengawas|operator)(?:\s+(?:sd|smp|tk|paud))?)"
    r"(?:\s+(?:di|dr|dari)\s+(?:(?:kecamatan|kec|wilayah|gugus|daerah|desa)\s+)?(?:saya|sy|kami|tiang))?"
    r"(?P<place>\s+(?:di|dr|dari)\s+(?:(?:kecamatan|kec)\s+)?[a-z]+)?"
    # ("kepsek binaan sy nanya", "guru pada nanya": whose they are, and that they asked together)
    r"(?:\s+(?:binaan|sebelah|lain)(?:\s+(?:saya|sy|tiang|kami))?)?(?:\s+(?:pada|pd|semua|smua|sering|juga|jg))?"
    r"\s+(?:nanya|nanyain|nanyakan|tanya|bertanya|menanyakan)(?:\s+(?:ke|kpd|kepada|sama|sm)\s+(?:saya|sy|tiang|kami))?"
    r"\b(?!\s+(?:ke|kpd|kepada|pada|sama|sm|ama|dengan|dgn|jawab)\b)\s*[,:]?"
    r"|\b(?:(?:some|several|many|a few|two|three|a|one|the|my|our)\s+)?(?:of\s+(?:the|my|our)\s+)?"
    r"(?:principals?|school heads?|head ?teachers?|headmasters?|teachers?|colleagues?|supervisors?)"
    r"(?:\s+in\s+my\s+(?:area|district|kecamatan))?(?P<place_en>\s+(?:in|from)\s+(?!my\b)[a-z]+)?"
    r"\s+(?:asked|have asked|has asked|keep asking|kept asking|are asking|were asking|wanted to know|want to know|wonder|wondered|are wondering)"
    r"(?:\s+me)?(?:\s+about)?\b\s*[,:]?"
)


def without_relay(folded: str) -> str:
    """``folded`` without who passed the question on (see above), keeping a place outside the regency they named."""
    if not any(verb in folded for verb in ("nanya", "tanya", "asked", "asking", "know", "wonder")):
        return folded
    return _RELAY_FRAME_RE.sub(_relayed_place, folded)


def _relayed_place(found: re.Match[str]) -> str:
    # (a kecamatan of the regency is where the relayer's principal works: "kepsek di Gerokgak nanya siapa penyelenggara …";
    # another regency stays only for what differs by regency, its cohort and dates: not "teman di Badung nanya syarat daftar")
    place = found.group("place") or found.group("place_en") or ""
    if not place or place.split()[-1] in KECAMATAN_NAMES or not _BY_REGENCY_RE.search(found.string, found.end()):
        return " "
    return place + " "


_BY_REGENCY_RE = ascii_re(r"\b(?:angkatan|cohort|kuota|quota|ikut|masuk|kapan|kpn|jadwal|when|join)\b")


# (not news missed: "tiang ga dpt surat edaran dr dinas soal psp, intinya isinya apa ya" asks what it said)
_NEGATED_BEFORE_RE = ascii_re(r"\b(?:ga|gk|gak|tdk|blm|tidak|belum|nggak|ndak|ngga|durung)\s+$")


def _told_source(piece: str) -> bool:
    """Whether a piece of a message says where the news came from (see _HEARSAY_RE), not that it never came."""
    return any(not _NEGATED_BEFORE_RE.search(piece, 0, found.start()) for found in _HEARSAY_RE.finditer(piece))


def without_hearsay(folded: str, asks: Callable[[str], bool]) -> str:
    """``folded`` without its clauses that only say where the news came from (and ask nothing)."""
    pieces = _PIECE_RE.findall(folded)
    if len(pieces) < 2:
        return folded
    kept = [p for p in pieces if not (_told_source(p) and not asks(p))]
    return "".join(kept).strip() if kept and len(kept) < len(pieces) else folded


# ("dan" joins two clauses when a question or a subject follows it: "… dan kapan …", "… dan sy …";
# not two things of one clause: "verifikasi dan penilaian", "simulasi mengajar dan wawancara")
_CLAUSE_RE = ascii_re(
    r"[.!?;\n]+|,\s+|\s+(?:lalu|terus|trus|tapi|lan)\s+"
    # (a colon before a question: "… asked me to check: which institution organised …", "… buat laporan: kapan …")
    r"|:\s+(?=(?:which|what|when|who|whom|where|how|is|are|was|were|did|does|do|can|could|apa|apakah|siapa|kapan|kpn|berapa|brp|"
    r"bagaimana|gimana|gmn|dimana|di mana|mana)\b)"
    # (dictated, unpunctuated: the one addressed, then "I" begins a sentence — "… ada berapa macam pak tiang mau isi laporan …")
    r"|\s+(?:pak|bu|bapak|ibu|ratu|bli|mbok)\s+(?=(?:tiang|titiang|saya|sy|aku)\s)"
    r"|\s+dan\s+(?=(?:apa|apakah|siapa|kapan|kpn|berapa|brp|bagaimana|gimana|gmn|dimana|di mana|kemana|mana|bisa|bs|boleh|blh|"
    r"saya|sy|kami|tiang|kita|beliau|ada|juga|jika|kalau|kalo|klo|masih|msh|sudah|sdh|udah|belum|blm|[a-z]+nya)\b)"
)


_BRACKETED_RE = ascii_re(r"\([^()\n]*\)")


def _split_clauses(folded: str) -> list[str]:
    """``folded`` split at _CLAUSE_RE, but not at a comma inside brackets.

    "the deadline for stage 1 (documents, CV and essays)" lists what the stage was; "a) syarat usia, b) …" has no
    opening bracket.
    """
    if "(" not in folded:
        return _CLAUSE_RE.split(folded)
    inside = [m.span() for m in _BRACKETED_RE.finditer(folded)]
    parts, at = [], 0
    for cut in _CLAUSE_RE.finditer(folded):
        if cut.group(0).startswith(",") and any(a < cut.start() < b for a, b in inside):
            continue
        parts.append(folded[at : cut.start()])
        at = cut.end()
    parts.append(folded[at:])
    return parts


def clauses(folded: str) -> list[str]:
    """The parts of a long (folded) message that may hold the question: sentences, clauses, what follows "mau tanya"."""
    parts = [p.strip() for p in _split_clauses(folded) if p and p.strip()]
    for found in ASKING_RE.finditer(folded):
        parts.append(folded[found.end() :].strip())
    return parts


def numbered_pairs(words: list[str]) -> frozenset[tuple[str, str]]:
    """The numbered things expanded words name: ("tahap", "1"), ("angkatan", "3")."""
    return frozenset((prev, w) for prev, w in zip(words, words[1:], strict=False) if w.isdigit() and prev in NUMBERED and prev != "tahun")


def raw_tokens(text: str) -> list[str]:
    """Folded word tokens, abbreviations expanded, numerals turned into digits."""
    return expand(tokens(text))


def skeleton(word: str) -> str:
    """A word's consonants, doubled ones once ("penggerak" → "pngrk"... "pnggrk")."""
    return re.sub(r"(.)\1+", r"\1", "".join(ch for ch in word if ch not in "aiueo"))


# Vowel-less chat spellings of words that carry no topic ("sbnrnya", "mksdnya") are dropped, not guessed.
STOPWORD_SKELETONS = frozenset(skeleton(w) for w in STOPWORDS_WITHOUT_COURTESY if len(w) >= 5) - {""}


class Vocabulary:
    """The knowledge base's words, and how any typed word maps onto one of them.

    Roots are the words themselves plus every affix-stripped form that two different words
    share ("dilaksanakan" and "pelaksanaan" share "laksana"), so related forms meet.
    """

    def __init__(self, words: Iterable[str], correct_to: Iterable[str] | None = None) -> None:
        raw = set(words)
        seen: dict[str, str] = {}
        shared: set[str] = set()
        dictionary = lexicon.root_words()
        for word in raw:
            if word in dictionary:
                continue  # a root word stays whole: "seleksi" is not "se-leks-i"
            for candidate in stem_candidates(word)[1:]:
                # a shared root must be a real word, not a fragment two words happen to share
                if len(candidate) >= 4 and candidate in dictionary and seen.setdefault(candidate, word) != word:
                    shared.add(candidate)
        # PySastrawi's stemmer was measured here too (roots in the vocabulary, preferred by
        # canonical): no better on the query sets and two more wrong-topic answers (it cuts
        # "penggerak" to "gerak", "angkatan" to "angkat"), so affixes stay checked against the
        # knowledge base's own words; its dictionary still guards the corrector (lexicon.py).
        self.words = raw | shared
        self._choices: dict[str, list[str]] = {}
        # Typos are corrected only towards ``correct_to`` (the questions' and keywords' words):
        # the answers' English words would turn "france" into "face".
        targets = self.words if correct_to is None else set(correct_to) & self.words
        for w in sorted(targets):
            if len(w) >= 4 and not w.isdigit():
                self._choices.setdefault(w[0], []).append(w)
        self._targets = frozenset(targets)
        self._dropped: dict[str, str | None] = {}
        self._canonical: dict[str, str] = {}
        self._corrected: dict[str, str | None] = {}
        self._splits: dict[tuple[str, bool], list[str] | None] = {}
        # Chat drops vowels ("sklh", "pnggerak", "daftr"): a word's consonants name it when no
        # other correctable word has the same ones.
        skeletons: dict[str, set[str]] = {}
        for w in targets:
            if w.isalpha():
                skeletons.setdefault(skeleton(w), set()).add(w)
        self._skeletons = {k: next(iter(v)) for k, v in skeletons.items() if len(v) == 1 and len(k) >= 3}

    def __reduce__(self) -> tuple[Callable[[tuple[object, ...]], Vocabulary], tuple[tuple[object, ...]]]:
        # The index is built in a child process and pickled (matcher.index_apart). Compiled to C, a
        # class is unpickled by calling it with no arguments: its state goes by hand.
        state = (self.words, self._choices, self._targets, self._dropped, self._canonical, self._corrected, self._splits, self._skeletons)
        return _vocabulary_restored, (state,)

    def forget(self) -> None:
        """Drop what reading has cached (after reading thousands of examples, before chat).

        The word tables' caches go too: splitting the examples' words filled them with fragments.
        """
        self._canonical.clear()
        self._corrected.clear()
        self._dropped.clear()
        self._splits.clear()
        _lookup.cache_clear()
        lexicon.is_real_word.cache_clear()
        lexicon.vowel_restored.cache_clear()

    def canonical(self, word: str) -> str:
        """The shortest known root of ``word`` (``pendaftaran`` → ``daftar``), else ``word``."""
        cached = self._canonical.get(word)
        if cached is not None:
            return cached
        # (a dictionary root is never cut into another word: "setuju" is not "tuju")
        if word.isdigit() or len(word) <= 3 or word in lexicon.root_words():
            result = word
        else:
            candidates = stem_candidates(word)
            kept = next((c for c in candidates if c in lexicon.KEPT_ROOTS), None)
            known = [c for c in candidates if c in self.words]
            result = kept or (min(known, key=len) if known else word)
        if len(self._canonical) < 100_000:
            self._canonical[word] = result
        return result

    def devowelled(self, word: str) -> str | None:
        """The known word ``word`` is a vowel-less spelling of (``sklh`` → ``sekolah``), if only one fits."""
        if len(word) < 3 or not word.isalpha():
            return None
        return self._skeletons.get(skeleton(word))

    def transposed(self, word: str) -> str | None:
        """The known word ``word`` is two neighbouring letters swapped from (``dilihta`` → ``dilihat``, ``digti`` → ``digit``), if only one."""
        if len(word) < 4 or not word.isalpha():
            return None
        swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]}
        found = sorted(w for w in swapped if w in self.words)
        return found[0] if len(found) == 1 else None

    def letter_dropped(self, word: str) -> str | None:
        """The known word ``word`` is with one letter left out (``penilain`` → ``penilaian``), if only one.

        Checked before a word is read as two joined words: "penilain" is not "peni" + "lain".
        """
        if len(word) < 6 or not word.isalpha():
            return None
        if word in self._dropped:
            return self._dropped[word]
        found = {
            w
            for i in range(1, len(word) + 1)  # (typos rarely hit the first letter)
            for letter in "abcdefghijklmnopqrstuvwxyz"
            if (w := word[:i] + letter + word[i:]) in self._targets
        }
        result = found.pop() if len(found) == 1 else None
        if len(self._dropped) < 100_000:
            self._dropped[word] = result
        return result

    def correct(self, word: str) -> str | None:
        """The known word ``word`` is a typo of (``jenjnag`` → ``jenjang``), if one is close enough."""
        if len(word) < 5 or word.isdigit():
            return None
        if word in self._corrected:
            return self._corrected[word]
        # Typos rarely hit the first letter; requiring it keeps real words ("acara",
        # "singkatan") from being "corrected" into knowledge-base words ("cara", "angkatan").
        found = process.extractOne(word, self._choices.get(word[0], []), scorer=fuzz.ratio, score_cutoff=80)
        for alike in _SOUND_ALIKE.get(word[0], "") if found is None else "":
            # …except the letters that sound alike, which Indonesian writes either way ("ferivikasi", "pasilitas")
            found = process.extractOne(alike + word[1:], self._choices.get(alike, []), scorer=fuzz.ratio, score_cutoff=80)
            if found is not None:
                break
        result = found[0] if found else None
        if len(self._corrected) < 100_000:
            self._corrected[word] = result
        return result

    def split_joined(self, word: str, strict: bool = False) -> list[str] | None:
        """``bimtekpmo`` → ``["bimtek", "pmo"]``, ``syaratumur`` → ``["syarat", "umur"]``: a word typed without its space.

        Each half must be a word of the knowledge base, of the chat/English tables, or of the
        dictionary (at least 4 letters then: "sya" + "ratumur" is no split), and one of them a
        knowledge-base word; of several splits the one with the longest shorter half wins.
        ``strict``: both halves must be the base's words (for a word that is itself a real word).
        """
        if len(word) < 6 or not word.isalpha():
            return None
        key = (word, strict)
        if key in self._splits:
            return self._splits[key]
        found = self._split(word, strict)
        if len(self._splits) < 100_000:
            self._splits[key] = found
        return found

    def _split(self, word: str, strict: bool) -> list[str] | None:
        best: tuple[int, int, int] | None = None
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            if left in self.words and (right in self.words or right in _RUN_ON_SMALL):
                return [left, right]  # (or a small word dictation ran on: "pspitu" is "psp itu")
            if strict:  # a real word ("kesempatan") is split only into two of the base's words
                continue
            ok_left, ok_right = self._part(left), self._part(right)
            if ok_left and ok_right and (left in self.words or right in self.words or ok_left + ok_right >= 3):
                rank = (ok_left + ok_right, min(len(left), len(right)), i)
                best = max(best, rank) if best else rank
        return [word[: best[2]], word[best[2] :]] if best else None

    def _part(self, part: str) -> int:
        """How surely ``part`` is a word on its own: 2 the base's or a table's word, 1 a dictionary word, 0 none."""
        if part in self.words or (len(part) >= 3 and _lookup(part) is not None):
            return 2
        return int(len(part) >= 4 and lexicon.is_real_word(part))


def _vocabulary_restored(state: tuple[object, ...]) -> Vocabulary:
    """A pickled :class:`Vocabulary` again (see ``Vocabulary.__reduce__``)."""
    vocab = Vocabulary(())
    (vocab.words, vocab._choices, vocab._targets, vocab._dropped, vocab._canonical, vocab._corrected, vocab._splits, vocab._skeletons) = state  # type: ignore[assignment]
    return vocab
