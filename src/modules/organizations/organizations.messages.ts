import { defineCatalog } from '../../platform/i18n/catalog.js';

export const organizationsMessages = defineCatalog('organizations', {
  id: {
    'error.ORGANIZATIONS_NOT_FOUND': 'Data organisasi tidak ditemukan, atau berada di luar wewenang Anda.',
    'error.ORGANIZATIONS_CODE_TAKEN': 'Kode ini sudah dipakai di tingkat yang sama. Pilih kode lain.',
    'error.ORGANIZATIONS_REFERENCE_INVALID': 'Pilihan ini tidak ditemukan, tidak aktif, atau di luar wewenang Anda.',
    'error.ORGANIZATIONS_VERSION_CONFLICT':
      'Data ini sudah diubah orang lain (versi {current}). Muat ulang halaman, periksa perubahannya, lalu simpan lagi.',
    'error.ORGANIZATIONS_HAS_ACTIVE_BOOTHS':
      'Belum dapat dinonaktifkan: masih ada {count} gerai aktif. Nonaktifkan gerainya terlebih dahulu.',
    'error.ORGANIZATIONS_ALREADY_INACTIVE': 'Data ini sudah tidak aktif.',
    'error.ORGANIZATIONS_OUT_OF_SCOPE': 'Hanya pengelola tingkat nasional yang dapat melakukan ini.',
  },
  en: {
    'error.ORGANIZATIONS_NOT_FOUND': 'The organization record was not found, or it is outside your remit.',
    'error.ORGANIZATIONS_CODE_TAKEN': 'This code is already used at the same level. Choose another code.',
    'error.ORGANIZATIONS_REFERENCE_INVALID': 'This choice was not found, is inactive, or is outside your remit.',
    'error.ORGANIZATIONS_VERSION_CONFLICT':
      'Someone else changed this record (version {current}). Reload the page, check their changes, then save again.',
    'error.ORGANIZATIONS_HAS_ACTIVE_BOOTHS': 'Cannot be deactivated yet: {count} booths are still active. Deactivate the booths first.',
    'error.ORGANIZATIONS_ALREADY_INACTIVE': 'This record is already inactive.',
    'error.ORGANIZATIONS_OUT_OF_SCOPE': 'Only national administrators can do this.',
  },
});
