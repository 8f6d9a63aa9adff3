import {
  CopyObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { UploadedObject } from './uploadMessage';

export interface ArchiveTarget {
  bucket: string;
  /** KMS key the archive copy is encrypted with. */
  kmsKeyId: string;
}

export interface ArchivedObject {
  bucket: string;
  key: string;
  versionId?: string;
  /** False when this source version had been archived before (a redelivery). */
  copied: boolean;
  /** The source object version the copy holds (see resolveSourceVersion). */
  sourceVersionId?: string;
}

// Object metadata keys recording which source version an archive copy holds.
const SOURCE_VERSION = 'source-version-id';
const SOURCE_ETAG = 'source-etag';

/**
 * The archive version that already holds this source version, if any. Looks at
 * every version of the key, not just the latest: a redelivered message for v1
 * may arrive after v2 was archived.
 */
async function findArchivedCopy(
  s3: S3Client,
  bucket: string,
  source: UploadedObject,
) {
  const listed = await s3.send(
    new ListObjectVersionsCommand({ Bucket: bucket, Prefix: source.key }),
  );
  const versions = (listed.Versions ?? []).filter(v => v.Key === source.key);
  for (const version of versions) {
    const head = await s3.send(
      new HeadObjectCommand({
        Bucket: bucket,
        Key: source.key,
        VersionId: version.VersionId,
      }),
    );
    if (holdsSource(head.Metadata, source)) return head;
  }
  return undefined;
}

function holdsSource(
  metadata: Record<string, string> | undefined,
  source: UploadedObject,
) {
  if (!metadata) return false;
  return source.versionId
    ? metadata[SOURCE_VERSION] === source.versionId
    : Boolean(source.etag) && metadata[SOURCE_ETAG] === source.etag;
}

/**
 * Copies an upload into the archive bucket under the same key, encrypted with
 * the archive's KMS key. Idempotent per source object version: SQS delivers at
 * least once, and a redelivered message must not add a second archive version.
 */
export async function archiveUpload(
  s3: S3Client,
  source: UploadedObject,
  target: ArchiveTarget,
): Promise<ArchivedObject> {
  const existing = await findArchivedCopy(s3, target.bucket, source);
  if (existing) {
    return {
      bucket: target.bucket,
      key: source.key,
      versionId: existing.VersionId,
      copied: false,
      sourceVersionId: existing.Metadata?.[SOURCE_VERSION] || undefined,
    };
  }
  const original = await s3.send(
    new HeadObjectCommand({
      Bucket: source.bucket,
      Key: source.key,
      VersionId: source.versionId,
    }),
  );
  const sourceVersionId = resolveSourceVersion(source, original);
  const copySource = `${source.bucket}/${encodeURIComponent(source.key)}${
    sourceVersionId ? `?versionId=${encodeURIComponent(sourceVersionId)}` : ''
  }`;
  const copy = await s3.send(
    new CopyObjectCommand({
      Bucket: target.bucket,
      Key: source.key,
      CopySource: copySource,
      MetadataDirective: 'REPLACE',
      ContentType: original.ContentType,
      Metadata: {
        [SOURCE_VERSION]: sourceVersionId ?? '',
        [SOURCE_ETAG]: source.etag ?? original.ETag?.replace(/"/g, '') ?? '',
      },
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: target.kmsKeyId,
      BucketKeyEnabled: true,
    }),
  );
  return {
    bucket: target.bucket,
    key: source.key,
    versionId: copy.VersionId,
    copied: true,
    sourceVersionId,
  };
}

/**
 * S3 names the object version in notifications from versioned buckets; when an
 * event lacks it (moto's do), the current version is the event's object only
 * if its ETag is the event's ETag, so only then is its version id adopted.
 */
function resolveSourceVersion(
  source: UploadedObject,
  current: { VersionId?: string; ETag?: string },
): string | undefined {
  if (source.versionId) return source.versionId;
  const currentEtag = current.ETag?.replace(/"/g, '');
  return source.etag && currentEtag === source.etag
    ? current.VersionId
    : undefined;
}
