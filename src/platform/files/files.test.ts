import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../config.js';
import { AppError, errorKey } from '../errors.js';
import { lookupMessage } from '../i18n/catalog.js';
import { detectMediaType, formatBytes, isFileKey } from './files.js';
import { LocalFileStore } from './local.js';
import { S3FileStore, type S3Sender } from './s3.js';
import { createFileStore } from './store.js';

/** The smallest files their formats' magic bytes recognise. */
export const SAMPLE = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex'),
  zip: Buffer.from('504b0304140000000000', 'hex'),
  csv: Buffer.from('nama,nik\nBudi,5103010101010001\n'),
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, recursively, as paths relative to it. */
function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(filesUnder(path).map((p) => join(entry.name, p)));
    else out.push(entry.name);
  }
  return out;
}

/** A stream of `chunks` chunks of `size` bytes that starts like a PDF, and tells how many chunks were read. */
function pdfStream(chunks: number, size = 16 * 1024) {
  const read = { count: 0 };
  async function* generate() {
    for (let i = 0; i < chunks; i++) {
      read.count++;
      yield i === 0 ? Buffer.concat([SAMPLE.pdf, Buffer.alloc(size - SAMPLE.pdf.length, 0x20)]) : Buffer.alloc(size, 0x20);
    }
  }
  return { stream: Readable.from(generate()), read };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('detectMediaType', () => {
  it('reads the type from the content, and calls UTF-8 text plain text and anything else octet-stream', async () => {
    expect(await detectMediaType(SAMPLE.pdf)).toBe('application/pdf');
    expect(await detectMediaType(SAMPLE.png)).toBe('image/png');
    expect(await detectMediaType(SAMPLE.jpeg)).toBe('image/jpeg');
    expect(await detectMediaType(SAMPLE.csv)).toBe('text/plain');
    expect(await detectMediaType(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBe('application/octet-stream');
  });

  it('formats limits for people', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(900)).toBe('900 bytes');
  });
});

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'satupintu-files-'));
    store = new LocalFileStore(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores a file under a random key with its size, SHA-256 and detected type, and gives it back', async () => {
    const stored = await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'], name: 'SK Kepala Dinas.pdf' });
    expect(isFileKey(stored.key)).toBe(true);
    expect(stored).toMatchObject({ size: SAMPLE.pdf.length, sha256: sha256(SAMPLE.pdf), mediaType: 'application/pdf' });
    expect(await text(await store.get(stored.key))).toBe(SAMPLE.pdf.toString());
    expect(await store.stat(stored.key)).toMatchObject({ ...stored, name: 'SK Kepala Dinas.pdf' });
    const again = await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'] });
    expect(again.key).not.toBe(stored.key);
  });

  it('streams a large file through in chunks and hashes all of it', async () => {
    const { stream, read } = pdfStream(40);
    const stored = await store.put(stream, { maxBytes: 1024 * 1024, allowedTypes: ['application/pdf'] });
    expect(read.count).toBe(40);
    expect(stored.size).toBe(40 * 16 * 1024);
    expect(statSync(join(root, stored.key)).size).toBe(stored.size);
    const copy = Buffer.concat(await (await store.get(stored.key)).toArray());
    expect(stored.sha256).toBe(sha256(copy));
  });

  it('aborts an upload one byte over the limit, stops reading it, and leaves no partial file', async () => {
    const { stream, read } = pdfStream(100);
    const error = await refusal(store.put(stream, { maxBytes: 5 * 16 * 1024, allowedTypes: ['application/pdf'] }));
    expect(error.code).toBe('FILES_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.params).toEqual({ limit: '80 KB' });
    expect(read.count).toBeLessThanOrEqual(7);
    expect(filesUnder(root)).toEqual([]);
    const small = await refusal(store.put(Buffer.alloc(11, 0x20), { maxBytes: 10, allowedTypes: ['text/plain'] }));
    expect(small.code).toBe('FILES_TOO_LARGE');
    expect(filesUnder(root)).toEqual([]);
  });

  it('judges the type by the content, not the name: a PNG called .pdf is refused, naming both types', async () => {
    const error = await refusal(store.put(SAMPLE.png, { maxBytes: 1024, allowedTypes: ['application/pdf'], name: 'sk.pdf' }));
    expect(error.code).toBe('FILES_TYPE_NOT_ALLOWED');
    expect(error.status).toBe(415);
    expect(error.params).toEqual({ detected: 'image/png', allowed: 'application/pdf' });
    expect(lookupMessage(errorKey(error), 'en', error.params)).toBe(
      'The content of this file is image/png, which is not accepted here. Accepted types: application/pdf.',
    );
    const zip = await refusal(store.put(SAMPLE.zip, { maxBytes: 1024, allowedTypes: ['image/jpeg', 'image/png'], name: 'foto.jpg' }));
    expect(zip.params).toEqual({ detected: 'application/zip', allowed: 'image/jpeg, image/png' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a large file of the wrong type after its first 64 KB, without reading the rest', async () => {
    let read = 0;
    async function* png() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield i === 0 ? Buffer.concat([SAMPLE.png, Buffer.alloc(16 * 1024)]) : Buffer.alloc(16 * 1024);
      }
    }
    const error = await refusal(store.put(Readable.from(png()), { maxBytes: 10 * 1024 * 1024, allowedTypes: ['application/pdf'] }));
    expect(error.code).toBe('FILES_TYPE_NOT_ALLOWED');
    expect(read).toBeLessThanOrEqual(6);
    expect(filesUnder(root)).toEqual([]);
  });

  it('takes text as the allowed text type it was asked for, and refuses binary noise and empty files', async () => {
    expect((await store.put(SAMPLE.csv, { maxBytes: 1024, allowedTypes: ['text/csv'] })).mediaType).toBe('text/csv');
    const noise = await refusal(store.put(Buffer.from([0, 1, 2, 3]), { maxBytes: 1024, allowedTypes: ['text/csv'] }));
    expect(noise.params).toMatchObject({ detected: 'application/octet-stream' });
    expect((await refusal(store.put(Buffer.alloc(0), { maxBytes: 1024, allowedTypes: ['text/plain'] }))).code).toBe('FILES_EMPTY');
  });

  it('knows only keys it could have made: traversal and foreign names find nothing and delete nothing', async () => {
    const stored = await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'] });
    for (const key of ['../../etc/passwd', `${stored.key}/../x`, stored.key.toUpperCase(), '/etc/passwd', `${stored.key}.json`]) {
      expect(await store.stat(key)).toBeUndefined();
      expect((await refusal(store.get(key))).code).toBe('FILES_NOT_FOUND');
      await store.delete(key);
    }
    expect(await store.stat(stored.key)).toBeDefined();
    await store.delete(stored.key);
    await store.delete(stored.key);
    expect(await store.stat(stored.key)).toBeUndefined();
    expect(filesUnder(root).filter((f) => !f.startsWith('.tmp'))).toEqual([]);
  });

  it('keeps only the last part of a given name, without control characters', async () => {
    const stored = await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'], name: '../../x/\u0007Keputusan.pdf' });
    expect((await store.stat(stored.key))?.name).toBe('Keputusan.pdf');
  });
});

describe('S3FileStore (unit level: no S3 server here, a recording client stands in)', () => {
  let spoolDir: string;
  let sent: object[];
  let answer: (command: object) => unknown;
  const client: S3Sender = {
    send: async (command) => {
      sent.push(command);
      return answer(command);
    },
  };
  const settings = () => ({ bucket: 'satupintu-berkas', region: 'ap-southeast-3', forcePathStyle: true, spoolDir });

  beforeEach(() => {
    spoolDir = mkdtempSync(join(tmpdir(), 'satupintu-s3-'));
    sent = [];
    answer = () => ({});
  });
  afterEach(() => {
    rmSync(spoolDir, { recursive: true, force: true });
  });

  it('checks the upload locally, then puts it with its exact length, type and SHA-256, and removes the spool file', async () => {
    const store = new S3FileStore(settings(), client);
    const stored = await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'], name: 'SK Dinas №1.pdf' });
    expect(sent).toHaveLength(1);
    const put = sent[0] as PutObjectCommand;
    expect(put).toBeInstanceOf(PutObjectCommand);
    expect(put.input).toMatchObject({
      Bucket: 'satupintu-berkas',
      Key: stored.key,
      ContentLength: SAMPLE.pdf.length,
      ContentType: 'application/pdf',
      Metadata: { sha256: sha256(SAMPLE.pdf), name: encodeURIComponent('SK Dinas №1.pdf') },
    });
    expect(put.input).not.toHaveProperty('ACL');
    expect(filesUnder(spoolDir)).toEqual([]);
  });

  it('sends nothing for a refused upload and leaves nothing in the spool folder', async () => {
    const store = new S3FileStore(settings(), client);
    const { stream } = pdfStream(10);
    expect((await refusal(store.put(stream, { maxBytes: 20_000, allowedTypes: ['application/pdf'] }))).code).toBe('FILES_TOO_LARGE');
    expect((await refusal(store.put(SAMPLE.png, { maxBytes: 1024, allowedTypes: ['application/pdf'] }))).code).toBe(
      'FILES_TYPE_NOT_ALLOWED',
    );
    expect(sent).toEqual([]);
    expect(filesUnder(spoolDir)).toEqual([]);
  });

  it('maps a missing object to FILES_NOT_FOUND and reads metadata back', async () => {
    const store = new S3FileStore(settings(), client);
    const key = (await store.put(SAMPLE.pdf, { maxBytes: 1024, allowedTypes: ['application/pdf'] })).key;
    answer = () => {
      throw Object.assign(new Error('missing'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    };
    expect((await refusal(store.get(key))).code).toBe('FILES_NOT_FOUND');
    expect(await store.stat(key)).toBeUndefined();
    answer = () => ({
      ContentLength: 12,
      ContentType: 'application/pdf',
      LastModified: new Date('2026-01-02T03:04:05Z'),
      Metadata: { sha256: 'ab', name: encodeURIComponent('Keputusan.pdf') },
    });
    expect(await store.stat(key)).toEqual({
      key,
      size: 12,
      sha256: 'ab',
      mediaType: 'application/pdf',
      name: 'Keputusan.pdf',
      storedAt: new Date('2026-01-02T03:04:05Z'),
    });
    answer = () => ({ Body: Readable.from([SAMPLE.pdf]) });
    expect(await text(await store.get(key))).toBe(SAMPLE.pdf.toString());
    await store.delete(key);
    const kinds = sent.map((c) => c.constructor);
    expect(kinds).toEqual([
      PutObjectCommand,
      GetObjectCommand,
      HeadObjectCommand,
      HeadObjectCommand,
      GetObjectCommand,
      DeleteObjectCommand,
    ]);
  });

  it('never sends a key it did not make', async () => {
    const store = new S3FileStore(settings(), client);
    expect((await refusal(store.get('../rahasia'))).code).toBe('FILES_NOT_FOUND');
    expect(await store.stat('rahasia')).toBeUndefined();
    await store.delete('*');
    expect(sent).toEqual([]);
  });
});

describe('file store configuration', () => {
  it('uses DATA_DIR/files by default, FILES_DIR when set, and S3 when asked', () => {
    const local = createFileStore(loadConfig({ DATA_DIR: '/srv/satupintu' }));
    expect(local).toBeInstanceOf(LocalFileStore);
    expect((local as LocalFileStore).root).toBe('/srv/satupintu/files');
    expect((createFileStore(loadConfig({ FILES_DIR: '/mnt/berkas' })) as LocalFileStore).root).toBe('/mnt/berkas');
    expect(createFileStore(loadConfig({ FILES_BACKEND: 's3', S3_BUCKET: 'berkas' }))).toBeInstanceOf(S3FileStore);
  });

  it('refuses S3 without a bucket, or with only one of the two keys, and never echoes the secret', () => {
    expect(() => loadConfig({ FILES_BACKEND: 's3' })).toThrow(/S3_BUCKET: is required when FILES_BACKEND is s3/);
    let problems: string[] = [];
    try {
      loadConfig({ FILES_BACKEND: 's3', S3_BUCKET: 'berkas', S3_SECRET_ACCESS_KEY: 'sangat-rahasia' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems.join('\n')).toMatch(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither/);
    expect(problems.join('\n')).not.toContain('sangat-rahasia');
  });
});
