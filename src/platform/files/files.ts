import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import { fileTypeFromBuffer } from 'file-type';
import { defineError } from '../errors.js';
import './files.messages.js';

/**
 * Private file storage: decrees, and later the documents citizens upload with an application. Files are
 * never served publicly; a route that hands one out checks access first and streams it from `get`.
 *
 * Every `put` streams the file to storage while it counts and hashes it, and refuses it by its CONTENT
 * (magic bytes), not by the name or the type the sender claims: a renamed program is not a PDF.
 */
export interface PutOptions {
  /** Largest accepted size in bytes; one byte more and the upload is aborted and its partial file deleted. */
  maxBytes: number;
  /** Media types accepted, e.g. `['application/pdf', 'image/jpeg']`. */
  allowedTypes: readonly string[];
  /** The name the person gave the file; kept as metadata only, never part of the key or a path. */
  name?: string | undefined;
}

export interface StoredFile {
  /** Random, made here; never from input. */
  key: string;
  size: number;
  /** Hex SHA-256 of the content, e.g. for a decree's integrity check. */
  sha256: string;
  /** As detected from the content. */
  mediaType: string;
}

export interface FileInfo extends StoredFile {
  name?: string | undefined;
  storedAt: Date;
}

export interface FileStore {
  /** @throws FILES_TOO_LARGE (413), FILES_TYPE_NOT_ALLOWED (415), FILES_EMPTY (422); nothing stays stored then. */
  put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile>;
  /** @throws FILES_NOT_FOUND (404) */
  get(key: string): Promise<Readable>;
  /** Undefined when there is no such file (or the key is not one this store could have made). */
  stat(key: string): Promise<FileInfo | undefined>;
  /** Idempotent: deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
}

export const FileTooLarge = defineError('FILES_TOO_LARGE', 413);
export const FileTypeNotAllowed = defineError('FILES_TYPE_NOT_ALLOWED', 415);
export const FileEmpty = defineError('FILES_EMPTY', 422);
export const FileNotFound = defineError('FILES_NOT_FOUND', 404);

/** `ab/ab12…` — a v4 UUID under a two-character shard folder. Checked before any key touches a path or a request. */
const FILE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newFileKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

export const isFileKey = (key: unknown): key is string => typeof key === 'string' && FILE_KEY.test(key);

/** Enough of the start of a file for every format file-type knows, including the zip-based office formats. */
const SNIFF_BYTES = 64 * 1024;

/** Text has no magic bytes: plain text, CSV and Markdown look the same, so an allowed text type is taken as named. */
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/markdown', 'text/tab-separated-values']);

/** UTF-8 without NUL or other control characters (tab, line breaks, form feed and escape are fine). */
function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  try {
    // `stream: true` tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The media type of a file from its first bytes. */
export async function detectMediaType(head: Buffer): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

function acceptedType(detected: string, allowed: readonly string[]): string | undefined {
  if (allowed.includes(detected)) return detected;
  if (detected === 'text/plain') return allowed.find((t) => TEXT_TYPES.has(t));
  return undefined;
}

/** "10 MB", "512 KB", "900 bytes": for the person told their file is too large. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** A file name safe to keep as metadata: no folders, no control characters, bounded. */
export function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const last = name.split(/[\\/]/).pop()!;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const controls = /[\u0000-\u001f\u007f]/g;
  const base = last.replace(controls, '').trim().slice(0, 200);
  return base === '' ? undefined : base;
}

function checkOptions(options: PutOptions) {
  if (!Number.isInteger(options.maxBytes) || options.maxBytes < 1) {
    throw new Error(`maxBytes must be a positive integer, got ${options.maxBytes}`);
  }
  if (options.allowedTypes.length === 0) throw new Error('allowedTypes must name at least one media type');
}

async function write(out: Writable, chunk: Buffer) {
  if (!out.write(chunk)) await once(out, 'drain');
}

export interface Spooled {
  /** A temporary file holding the accepted content; the caller moves or removes it. */
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
}

/**
 * Streams `source` into a new temporary file in `dir`, counting and hashing as it goes, and checks the
 * type once the first 64 KB (or the whole file, if smaller) have arrived. The moment the size passes
 * `maxBytes` or the type is refused, reading stops and the partial file is deleted.
 */
export async function spool(source: Readable | Buffer, options: PutOptions, dir: string): Promise<Spooled> {
  checkOptions(options);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.part`);
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  let mediaType: string | undefined;

  const decide = async () => {
    if (size === 0) throw FileEmpty();
    const sample = Buffer.concat(head);
    const detected = await detectMediaType(sample);
    const accepted = acceptedType(detected, options.allowedTypes);
    if (!accepted) throw FileTypeNotAllowed({ detected, allowed: options.allowedTypes.join(', ') }, { detail: `detected ${detected}` });
    head = [];
    await write(out, sample);
    return accepted;
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > options.maxBytes) {
        throw FileTooLarge({ limit: formatBytes(options.maxBytes) }, { detail: `more than ${options.maxBytes} bytes` });
      }
      hash.update(buffer);
      if (mediaType !== undefined) {
        await write(out, buffer);
        continue;
      }
      head.push(buffer);
      headSize += buffer.length;
      if (headSize >= SNIFF_BYTES) mediaType = await decide();
    }
    mediaType ??= await decide();
    out.end();
    await finished(out);
    return { path, size, sha256: hash.digest('hex'), mediaType };
  } catch (error) {
    // Stop the sender too: a refused upload is not read to its end.
    if (!Buffer.isBuffer(source)) input.destroy();
    out.destroy();
    await finished(out).catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
}
