import { defineCatalog } from '../i18n/catalog.js';

/** Texts of the file store's refusals; every module that takes uploads shows these. */
export const filesMessages = defineCatalog('files', {
  id: {
    'error.FILES_TOO_LARGE': 'Berkas terlalu besar. Ukuran paling besar {limit}.',
    'error.FILES_TYPE_NOT_ALLOWED': 'Isi berkas ini berjenis {detected}, yang tidak diterima di sini. Jenis yang diterima: {allowed}.',
    'error.FILES_EMPTY': 'Berkas ini kosong. Pilih berkas yang berisi.',
    'error.FILES_NOT_FOUND': 'Berkas tidak ditemukan.',
  },
  en: {
    'error.FILES_TOO_LARGE': 'The file is too large. The largest accepted size is {limit}.',
    'error.FILES_TYPE_NOT_ALLOWED': 'The content of this file is {detected}, which is not accepted here. Accepted types: {allowed}.',
    'error.FILES_EMPTY': 'The file is empty. Choose a file with content.',
    'error.FILES_NOT_FOUND': 'The file was not found.',
  },
});
