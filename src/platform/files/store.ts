import type { Config } from '../config.js';
import type { FileStore } from './files.js';
import { LocalFileStore } from './local.js';
import { S3FileStore } from './s3.js';

type FilesConfig = Pick<
  Config,
  | 'FILES_BACKEND'
  | 'filesDir'
  | 'S3_BUCKET'
  | 'S3_REGION'
  | 'S3_ENDPOINT'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>;

/** The configured store: a folder (FILES_DIR, default DATA_DIR/files) or an S3-compatible bucket (FILES_BACKEND=s3). */
export function createFileStore(config: FilesConfig): FileStore {
  if (config.FILES_BACKEND === 'local') return new LocalFileStore(config.filesDir);
  // config.ts refuses s3 without a bucket, and one key without the other.
  return new S3FileStore({
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

export {
  FileEmpty,
  FileNotFound,
  FileTooLarge,
  FileTypeNotAllowed,
  type FileInfo,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './files.js';
export { LocalFileStore } from './local.js';
export { S3FileStore } from './s3.js';
