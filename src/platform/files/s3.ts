import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type * as Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
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

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, a cloud's object storage); AWS itself when absent. */
  endpoint?: string | undefined;
  /** Absent: the SDK's own chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  /** Where uploads wait while they are checked, before they go to the bucket (the OS temp folder by default). */
  spoolDir?: string | undefined;
}

/** What this store needs of a client: the SDK's `send`, or in unit tests a recording fake. */
export interface S3Sender {
  send(command: object): Promise<unknown>;
}

const sender = (client: S3Client): S3Sender => ({ send: (command) => client.send(command as Parameters<S3Client['send']>[0]) });

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Files in an S3-compatible bucket, private (no ACL is ever set; the bucket must not be public). An upload
 * is checked while it is spooled to a local temporary file (size, type by content, SHA-256), then sent
 * with its exact length, so the bucket never sees a refused or partial file. The SHA-256 and the given
 * name travel as object metadata. The SDK is loaded only when this backend is configured.
 */
export class S3FileStore implements FileStore {
  readonly #settings: S3Settings;
  #client: Promise<S3Sender> | undefined;
  #sdk: Promise<typeof Sdk> | undefined;

  constructor(settings: S3Settings, client?: S3Sender) {
    this.#settings = settings;
    if (client) this.#client = Promise.resolve(client);
  }

  #load() {
    this.#sdk ??= import('@aws-sdk/client-s3');
    return this.#sdk;
  }

  #send(command: object) {
    this.#client ??= this.#load().then(({ S3Client }) =>
      sender(
        new S3Client({
          region: this.#settings.region,
          forcePathStyle: this.#settings.forcePathStyle,
          ...(this.#settings.endpoint ? { endpoint: this.#settings.endpoint } : {}),
          ...(this.#settings.credentials ? { credentials: this.#settings.credentials } : {}),
          // Many S3-compatible servers reject the SDK's default extra checksums; send them only where required.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
      ),
    );
    return this.#client.then((client) => client.send(command));
  }

  async put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const spooled = await spool(source, options, this.#settings.spoolDir ?? join(tmpdir(), 'satupintu-uploads'));
    try {
      const { PutObjectCommand } = await this.#load();
      const key = newFileKey();
      const name = cleanName(options.name);
      await this.#send(
        new PutObjectCommand({
          Bucket: this.#settings.bucket,
          Key: key,
          Body: createReadStream(spooled.path),
          ContentLength: spooled.size,
          ContentType: spooled.mediaType,
          // Metadata travels as HTTP headers: ASCII only, so the name is percent-encoded.
          Metadata: { sha256: spooled.sha256, ...(name ? { name: encodeURIComponent(name) } : {}) },
        }),
      );
      return { key, size: spooled.size, sha256: spooled.sha256, mediaType: spooled.mediaType };
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    if (!isFileKey(key)) throw FileNotFound();
    const { GetObjectCommand } = await this.#load();
    try {
      const result = await this.#send(new GetObjectCommand({ Bucket: this.#settings.bucket, Key: key }));
      // In Node the body is the response stream itself.
      return (result as { Body: Readable }).Body;
    } catch (error) {
      if (isMissing(error)) throw FileNotFound();
      throw error;
    }
  }

  async stat(key: string): Promise<FileInfo | undefined> {
    if (!isFileKey(key)) return undefined;
    const { HeadObjectCommand } = await this.#load();
    try {
      const head = (await this.#send(new HeadObjectCommand({ Bucket: this.#settings.bucket, Key: key }))) as {
        ContentLength?: number;
        ContentType?: string;
        LastModified?: Date;
        Metadata?: Record<string, string>;
      };
      const name = head.Metadata?.name;
      return {
        key,
        size: head.ContentLength ?? 0,
        sha256: head.Metadata?.sha256 ?? '',
        mediaType: head.ContentType ?? 'application/octet-stream',
        name: name ? decodeURIComponent(name) : undefined,
        storedAt: head.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isFileKey(key)) return;
    const { DeleteObjectCommand } = await this.#load();
    await this.#send(new DeleteObjectCommand({ Bucket: this.#settings.bucket, Key: key }));
  }
}
