import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  cleanName,
  FileNotFound,
  isFileKey,
  newFileKey,
  spool,
  type FileInfo,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './files.js';

interface Sidecar {
  sha256: string;
  mediaType: string;
  name?: string | undefined;
  storedAt: string;
}

/**
 * Files in a folder on this machine (`DATA_DIR/files` by default): `<root>/<ab>/<uuid>` with its metadata
 * beside it in `<uuid>.json`. Uploads arrive in `<root>/.tmp` and are renamed into place only when accepted,
 * so a key never names a partial file. Keys are made here and checked against their pattern before they
 * become a path, so no input can reach outside the root.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  #path(key: string) {
    return join(this.root, key);
  }

  async put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const spooled = await spool(source, options, join(this.root, '.tmp'));
    const key = newFileKey();
    const path = this.#path(key);
    try {
      await mkdir(dirname(path), { recursive: true });
      const sidecar: Sidecar = {
        sha256: spooled.sha256,
        mediaType: spooled.mediaType,
        name: cleanName(options.name),
        storedAt: new Date().toISOString(),
      };
      await writeFile(`${path}.json`, JSON.stringify(sidecar), { mode: 0o600, flag: 'wx' });
      await rename(spooled.path, path);
    } catch (error) {
      await rm(spooled.path, { force: true });
      await rm(`${path}.json`, { force: true });
      throw error;
    }
    return { key, size: spooled.size, sha256: spooled.sha256, mediaType: spooled.mediaType };
  }

  async get(key: string): Promise<Readable> {
    if (!(await this.stat(key))) throw FileNotFound();
    return createReadStream(this.#path(key));
  }

  async stat(key: string): Promise<FileInfo | undefined> {
    if (!isFileKey(key)) return undefined;
    const path = this.#path(key);
    try {
      const [info, raw] = await Promise.all([stat(path), readFile(`${path}.json`, 'utf8')]);
      const sidecar = JSON.parse(raw) as Sidecar;
      return {
        key,
        size: info.size,
        sha256: sidecar.sha256,
        mediaType: sidecar.mediaType,
        name: sidecar.name,
        storedAt: new Date(sidecar.storedAt),
      };
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isFileKey(key)) return;
    const path = this.#path(key);
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }
}
