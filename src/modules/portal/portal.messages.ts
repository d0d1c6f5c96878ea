import { defineCatalog } from '../../platform/i18n/catalog.js';

export const portalMessages = defineCatalog('portal', {
  id: {
    'nav.home': 'Beranda',
    'nav.accessibility': 'Aksesibilitas',
    'home.title': 'Beranda',
    'home.heading': 'Layanan publik dalam satu pintu',
    'home.lead':
      'Satupintu menjalankan pelayanan publik langsung dari Standar Pelayanan yang diterbitkan: persyaratan menjadi formulir, prosedur menjadi alur kerja, jangka waktu menjadi tenggat, dan biaya menjadi tagihan.',
    'home.citizens.heading': 'Untuk warga dan pelaku usaha',
    'home.citizens.body':
      'Temukan layanan, lihat persyaratan, biaya dan waktu penyelesaiannya, ajukan permohonan, pantau statusnya, sampaikan pengaduan, dan beri penilaian.',
    'home.staff.heading': 'Untuk petugas dan pengelola',
    'home.staff.body':
      'Susun dan terbitkan Standar Pelayanan dan Maklumat, layani antrean dan permohonan tepat waktu, tindak lanjuti pengaduan, dan siapkan bukti evaluasi tahunan dari data yang sama.',
    'home.today': 'Hari ini {date}, pukul {time}.',
    'home.feedback': 'Menemukan hambatan saat memakai Satupintu? {link}',
    'home.feedbackLink': 'Laporkan kepada kami',
    'a11y.title': 'Pernyataan aksesibilitas',
    'a11y.lead':
      'Satupintu dibuat agar dapat dipakai semua orang, termasuk penyandang disabilitas dan pengguna ponsel sederhana dengan jaringan lambat.',
    'a11y.standard.heading': 'Standar yang kami ikuti',
    'a11y.standard.body':
      'Kami menargetkan Web Content Accessibility Guidelines (WCAG) 2.2 tingkat AA. Halaman publik berfungsi tanpa JavaScript, dapat dipakai dengan papan ketik dan pembaca layar, dan setiap halaman diuji otomatis dengan axe-core di peramban sungguhan.',
    'a11y.report.heading': 'Laporkan hambatan',
    'a11y.report.body': 'Jika ada bagian yang sulit dipakai, beri tahu kami. Kami membaca setiap laporan.',
    'form.kind': 'Jenis masukan',
    'form.kind.barrier': 'Hambatan aksesibilitas',
    'form.kind.content': 'Isi yang salah atau membingungkan',
    'form.kind.suggestion': 'Saran',
    'form.kind.other': 'Lainnya',
    'form.pageUrl': 'Halaman yang bermasalah',
    'form.pageUrl.hint': 'Salin alamat halamannya, atau tuliskan namanya.',
    'form.message': 'Apa yang terjadi?',
    'form.message.hint': 'Ceritakan apa yang Anda coba lakukan dan apa yang menghalangi. Minimal 10 karakter.',
    'form.contactEmail': 'Email untuk balasan',
    'form.contactEmail.hint': 'Hanya dipakai untuk menjawab laporan ini.',
    'form.submit': 'Kirim laporan',
    'feedback.thanks': 'Terima kasih. Laporan Anda sudah kami terima.',
  },
  en: {
    'nav.home': 'Home',
    'nav.accessibility': 'Accessibility',
    'home.title': 'Home',
    'home.heading': 'Public services through one door',
    'home.lead':
      'Satupintu runs public services straight from the published service standard: its requirements become the form, its procedure the workflow, its time limit the deadline, and its fee the bill.',
    'home.citizens.heading': 'For citizens and businesses',
    'home.citizens.body':
      'Find a service, see what to bring, what it costs and how long it takes, apply, track your application, complain, and rate the service.',
    'home.staff.heading': 'For officers and managers',
    'home.staff.body':
      'Draft and publish service standards and the service pledge, serve queues and applications on time, follow up complaints, and prepare the yearly evaluation from the same data.',
    'home.today': 'Today is {date}, {time}.',
    'home.feedback': 'Found a barrier while using Satupintu? {link}',
    'home.feedbackLink': 'Tell us',
    'a11y.title': 'Accessibility statement',
    'a11y.lead':
      'Satupintu is built to be usable by everyone, including people with disabilities and people on basic phones with slow connections.',
    'a11y.standard.heading': 'The standard we follow',
    'a11y.standard.body':
      'We aim for the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Public pages work without JavaScript, with a keyboard and with screen readers, and every page is tested automatically with axe-core in a real browser.',
    'a11y.report.heading': 'Report a barrier',
    'a11y.report.body': 'If something is hard to use, tell us. We read every report.',
    'form.kind': 'Type of feedback',
    'form.kind.barrier': 'Accessibility barrier',
    'form.kind.content': 'Wrong or confusing content',
    'form.kind.suggestion': 'Suggestion',
    'form.kind.other': 'Other',
    'form.pageUrl': 'Page with the problem',
    'form.pageUrl.hint': 'Paste the page address, or write its name.',
    'form.message': 'What happened?',
    'form.message.hint': 'Tell us what you tried to do and what got in the way. At least 10 characters.',
    'form.contactEmail': 'Email for a reply',
    'form.contactEmail.hint': 'Only used to answer this report.',
    'form.submit': 'Send report',
    'feedback.thanks': 'Thank you. We have received your report.',
  },
});
