import { afterEach, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/databases.js';
import type { App } from '../../platform/http/server.js';
import { insertService, seedCatalog, type CatalogFixture } from './catalog.test-support.js';

/** The JSON-LD blocks of a page, parsed: they must be JSON exactly as a crawler reads them. */
function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

eachDatabase('catalog pages', (db) => {
  let app: App | undefined;
  let fixture: CatalogFixture;
  const start = async () => {
    fixture = await seedCatalog(db().db);
    app = await buildTestApp(db(), { PUBLIC_URL: 'https://satupintu.example' });
    return app;
  };
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    app!.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-language': 'id', ...headers } });

  it('/layanan searches in Indonesian and lists name, unit, time, cost and how, without any script', async () => {
    await start();
    const response = await get('/layanan?q=akta+kelahiran');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const body = response.body;
    expect(body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    const page = text(body);
    expect(page).toMatch(/\d+ layanan ditemukan untuk “akta kelahiran”/);
    const first = /<li class="sp-result">([\s\S]*?)<\/li>/.exec(body)![1]!;
    expect(first).toContain('href="/layanan/penerbitan-akta-kelahiran"');
    expect(text(first)).toContain('Bidang Pelayanan Administrasi Kependudukan, Dinas Kependudukan dan Pencatatan Sipil Kabupaten Badung');
    expect(text(first)).toContain('Paling lama 1 hari kerja');
    expect(text(first)).toContain('Gratis');
    expect(text(first)).toContain('Daring atau datang ke loket');
    expect(page).toContain('Termasuk sebutan lain: akte.');
  });

  it('/layanan finds the ID card for "ktp", "e-ktp" and the typo "akta kelahran"', async () => {
    await start();
    for (const [q, slug] of [
      ['ktp', 'perekaman-ktp-elektronik'],
      ['e-ktp', 'perekaman-ktp-elektronik'],
      ['akta kelahran', 'penerbitan-akta-kelahiran'],
    ] as const) {
      const body = (await get(`/layanan?q=${encodeURIComponent(q)}`)).body;
      expect(/<li class="sp-result">[\s\S]*?href="\/layanan\/([a-z0-9-]+)"/.exec(body)![1], q).toBe(slug);
    }
  });

  it('/layanan browses without a query: life events and categories to follow, filters as a GET form, paging', async () => {
    await start();
    const body = (await get('/layanan')).body;
    expect(text(body)).toContain('10 layanan ditemukan');
    expect(body).toContain('href="/layanan?peristiwa=birth"');
    expect(body).toContain('href="/layanan?kategori=licensing"');
    expect(body).toMatch(/<form method="get" action="\/layanan"[^>]*aria-label="Saring hasil"/);
    expect(body).toContain('<option value="51">BALI</option>');
    expect(body).toContain('Mal Pelayanan Publik Kabupaten Badung</option>');
    // Choosing a province offers its regencies.
    const bali = (await get('/layanan?wilayah=51')).body;
    expect(bali).toContain('<option value="51.03">KABUPATEN BADUNG</option>');
    expect(text(bali)).toContain('9 layanan ditemukan');
    const births = (await get('/layanan?peristiwa=birth&untuk=citizen')).body;
    expect(text(births)).toContain('3 layanan ditemukan');
    // 10 services, 20 a page: no pagination; past the end, a friendly empty page.
    expect(body).not.toContain('govuk-pagination');
    expect((await get('/layanan?halaman=3')).statusCode).toBe(200);
  });

  it('/layanan ignores odd parameters instead of failing', async () => {
    await start();
    for (const url of [
      '/layanan?q=%27%3B%20drop%20table%20x%3B--',
      '/layanan?q=' + 'a'.repeat(3000),
      '/layanan?instansi=not-a-uuid&mpp=1&unit=%00&kategori=unknown&peristiwa=x&untuk=alien&kanal=fax',
      '/layanan?wilayah=99.99.99.9999.1&kabkota=51.03',
      '/layanan?q=ktp&q=kk&halaman=-5',
      '/layanan?halaman=abc',
      '/layanan?q=%22',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url.slice(0, 60)).toBe(200);
    }
  });

  it('/layanan/:slug tells a citizen what to bring, the cost, the time, where, the steps and how to complain', async () => {
    await start();
    const response = await get('/layanan/penerbitan-akta-kelahiran');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const page = text(body);
    expect(body).toContain('<h1 class="govuk-heading-xl">Penerbitan Akta Kelahiran</h1>');
    // The checklist: mandatory first, optional apart, upload types and sizes in plain words.
    expect(page).toContain('Yang perlu dibawa');
    expect(page).toMatch(
      /Wajib Surat keterangan lahir dari rumah sakit, puskesmas atau bidan Untuk pengajuan daring: PDF, JPG, paling besar 2 MB\./,
    );
    expect(page).toMatch(
      /Jika ada atau bila diminta Buku nikah atau akta perkawinan orang tua Jika ada\. Untuk pengajuan daring: PDF, paling besar 4 MB\. Dua orang saksi Anda perlu hadir sendiri\./,
    );
    expect(page).toContain('Gratis Layanan ini tidak dipungut biaya. Dasar hukum: UU 24/2013 Pasal 79A');
    expect(page).toContain('Paling lama 1 hari kerja');
    expect(page).toContain('Waktu berhenti dihitung selama petugas menunggu kelengkapan dari Anda.');
    // Where: the mall and booth with hours in the mall's time zone (Bali is WITA), and online.
    expect(page).toContain('Layanan ini dapat diajukan secara daring melalui Satupintu.');
    expect(body).toContain(`href="/mpp/${fixture.mallId}"`);
    expect(page).toContain('Gerai: Gerai Disdukcapil');
    expect(page).toContain('Senin–Jumat 08.00–16.00 WITA');
    expect(page).toContain('Sabtu 08.00–12.00 WITA');
    expect(page).toContain('Minggu Tutup');
    // Steps as an ordered list and as an accessible drawing of the same list.
    expect(body).toMatch(/<ol class="govuk-list govuk-list--number sp-steps" id="langkah">/);
    expect(page).toContain('Petugas loket memeriksa kelengkapan berkas Oleh: Petugas loket · Waktu: 30 menit');
    expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bagan-alur-title bagan-alur-desc"/);
    expect(body).toContain('<title id="bagan-alur-title">Bagan alur layanan</title>');
    // Complaints, with contacts one can open.
    expect(body).toContain('href="https://wa.me/6281234567890"');
    expect(body).toContain('href="mailto:pengaduan@disdukcapil.badungkab.go.id"');
    expect(body).toContain('href="https://lapor.go.id"');
    expect(page).toContain('Pengaduan dijawab paling lama 5 hari kerja.');
    // The decree and the effective date, in words.
    expect(page).toMatch(
      /ditetapkan dengan keputusan nomor 188\.45\/100\/HK\/2026 tanggal 5 Januari 2026 oleh Kepala Dinas\. Berlaku mulai 10 Januari 2026\./,
    );
    expect(body).toContain('href="/layanan/penerbitan-akta-kelahiran/cetak"');
    expect(body).toContain('href="/layanan/penerbitan-akta-kelahiran.pdf"');
    expect(body).not.toMatch(/style=/);
  });

  it('/layanan/:slug carries schema.org GovernmentService JSON-LD that parses as JSON', async () => {
    await start();
    const body = (await get('/layanan/sim-baru')).body;
    const head = body.slice(0, body.indexOf('</head>'));
    const [data] = jsonLdBlocks(head) as Record<string, unknown>[];
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      name: 'Penerbitan Surat Izin Mengemudi Baru',
      url: 'https://satupintu.example/layanan/sim-baru',
      offers: { '@type': 'Offer', price: '180000', priceCurrency: 'IDR' },
      provider: { '@type': 'GovernmentOrganization', name: 'Satuan Penyelenggara Administrasi SIM' },
      areaServed: { '@type': 'AdministrativeArea', identifier: '51.03', name: 'KABUPATEN BADUNG' },
    });
    expect(head).toContain('<link rel="alternate" type="application/ld+json" href="/layanan/sim-baru/jsonld"/>');
    // The fee table with amounts in rupiah and the total.
    const page = text(body);
    expect(page).toContain('Penerbitan SIM A baru Rp 120.000 PP 76/2020');
    expect(page).toContain('Jumlah seluruhnya Rp 180.000');
    expect(page).toContain('Paling lama 2 jam');
    // A counter-only service says nothing about applying online.
    expect(page).not.toContain('secara daring');
  });

  it('a service name cannot break out of the JSON-LD block', async () => {
    await start();
    const name = 'Uji </script><script>alert(1)</script> <!-- & "kutip"';
    await insertService(
      db().db,
      { agencyId: fixture.agencyIds.DUKCAPIL, unitId: fixture.unitIds.DUKCAPIL, mallId: fixture.mallId, boothIds: fixture.boothIds },
      {
        unit: 'DUKCAPIL',
        slug: 'uji-nama-aneh',
        name,
        summary: 'Layanan dengan nama yang mencoba keluar dari blok JSON.',
      },
      99,
    );
    const body = (await get('/layanan/uji-nama-aneh')).body;
    expect(body).not.toContain('<script>alert(1)');
    expect(body.match(/<script/g)).toHaveLength(1);
    const [data] = jsonLdBlocks(body) as { name: string }[];
    expect(data!.name).toBe(name);
  });

  it('speaks English when asked', async () => {
    await start();
    const page = text((await get('/layanan/sim-baru?lang=en')).body);
    expect(page).toContain('What to bring');
    expect(page).toContain('At most 2 hours');
    expect(page).toContain('Free'.slice(0, 0) + 'Do not pay anything beyond these items.');
    const search = text((await get('/layanan?q=sim&lang=en')).body);
    expect(search).toMatch(/1 service found for “sim”/);
  });

  it('answers an unknown, draft or withdrawn service with a 404 page that offers a search', async () => {
    await start();
    for (const slug of ['tidak-ada', 'akta-kelahiran-draf', 'akta-kelahiran-lama', 'UPPER', '%2e%2e%2f', 'a%00b', 'x'.repeat(150)]) {
      for (const suffix of ['', '/cetak', '.pdf']) {
        const response = await get(`/layanan/${slug}${suffix}`);
        expect(response.statusCode, `${slug}${suffix}`).toBe(404);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toContain('Layanan tidak ditemukan');
        expect(response.body).toContain('action="/layanan"');
      }
    }
  });

  it('/layanan/:slug/cetak is a print view: checklist boxes, cost, time, where, complaints and a QR code to the page', async () => {
    await start();
    const response = await get('/layanan/penerbitan-akta-kelahiran/cetak');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('class="sp-print"');
    expect(body).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Kode QR menuju https:\/\/satupintu\.example\/layanan\/penerbitan-akta-kelahiran"/,
    );
    const page = text(body);
    for (const part of [
      'Yang perlu dibawa',
      'Biaya',
      'Waktu penyelesaian',
      'Tempat layanan',
      'Alur layanan',
      'Pengaduan, saran, dan masukan',
    ]) {
      expect(page).toContain(part);
    }
    expect(page).toContain('Dicetak dari https://satupintu.example/layanan/penerbitan-akta-kelahiran');
  });

  it('revalidates cheaply: the same page again with its ETag is a 304 without a body', async () => {
    await start();
    for (const url of [
      '/layanan?q=ktp',
      '/layanan/penerbitan-akta-kelahiran',
      '/layanan/penerbitan-akta-kelahiran/cetak',
      '/layanan/penerbitan-akta-kelahiran.pdf',
      `/mpp/${fixture.mallId}`,
    ]) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('/instansi, /unit and /mpp list services; an unknown or malformed id is a 404', async () => {
    await start();
    const agency = text((await get(`/instansi/${fixture.agencyIds.PTSP}`)).body);
    expect(agency).toContain('Layanan Dinas Penanaman Modal dan PTSP Kabupaten Badung');
    expect(agency).toContain('Pelayanan Terpadu Satu Pintu (2 layanan)');
    expect(agency).toContain('Nomor Induk Berusaha');
    const unit = await get(`/unit/${fixture.unitIds.DUKCAPIL}`);
    expect(unit.statusCode).toBe(200);
    expect(text(unit.body)).toContain('Penerbitan Akta Kelahiran');
    expect(text(unit.body)).toContain('Gerai Disdukcapil');
    // No maklumat yet: the page shows none rather than an invented one.
    expect(unit.body).not.toContain('Maklumat Pelayanan');
    const mall = text((await get(`/mpp/${fixture.mallId}`)).body);
    expect(mall).toContain('Mal Pelayanan Publik Kabupaten Badung');
    expect(mall).toContain('Senin–Jumat 08.00–16.00 WITA');
    expect(mall).toMatch(/Gerai Disdukcapil Dikelola oleh Bidang Pelayanan Administrasi Kependudukan .*Penerbitan Akta Kelahiran/);
    expect(mall).toMatch(/Gerai Perizinan .*Persetujuan Bangunan Gedung/);
    expect(mall).toContain('Layanan di kantor unit di wilayah ini Penerbitan Akta Kematian');
    for (const url of ['/instansi/not-a-uuid', '/unit/00000000-0000-4000-8000-000000000000', '/mpp/%27', `/instansi/${'9'.repeat(99)}`]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
