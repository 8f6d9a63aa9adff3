/**
 * What the ingest queue carries: S3 object-created notifications (one per SQS
 * message, possibly several records) and the s3:TestEvent S3 sends once when
 * the notification is configured.
 */
export interface UploadedObject {
  bucket: string;
  key: string;
  versionId?: string;
  etag?: string;
  size: number;
}

export type UploadMessage =
  | { kind: 'test-event' }
  | { kind: 'objects-created'; objects: UploadedObject[] };

/** A message no retry can fix; it belongs in the dead-letter queue. */
export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

interface S3EventRecordShape {
  eventSource?: unknown;
  eventName?: unknown;
  s3?: {
    bucket?: { name?: unknown };
    object?: {
      key?: unknown;
      size?: unknown;
      eTag?: unknown;
      versionId?: unknown;
    };
  };
}

/** S3 URL-encodes keys in notifications, with `+` for spaces. */
function decodeKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export function parseUploadMessage(body: string): UploadMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new MalformedMessageError('message body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new MalformedMessageError('message body is not an object');
  }
  if ((parsed as { Event?: unknown }).Event === 's3:TestEvent') {
    return { kind: 'test-event' };
  }
  const records = (parsed as { Records?: unknown }).Records;
  if (!Array.isArray(records) || records.length === 0) {
    throw new MalformedMessageError('message carries no S3 event records');
  }
  const objects = records.map((record: S3EventRecordShape, i) => {
    const bucket = record.s3?.bucket?.name;
    const key = record.s3?.object?.key;
    const size = record.s3?.object?.size;
    if (
      record.eventSource !== 'aws:s3' ||
      typeof record.eventName !== 'string'
    ) {
      throw new MalformedMessageError(`record ${i} is not an S3 event`);
    }
    if (!record.eventName.startsWith('ObjectCreated:')) {
      throw new MalformedMessageError(
        `record ${i} is ${record.eventName}, not an object creation`,
      );
    }
    if (
      typeof bucket !== 'string' ||
      typeof key !== 'string' ||
      typeof size !== 'number'
    ) {
      throw new MalformedMessageError(`record ${i} lacks bucket, key or size`);
    }
    const { versionId, eTag } = record.s3?.object ?? {};
    return {
      bucket,
      key: decodeKey(key),
      size,
      versionId:
        typeof versionId === 'string' && versionId !== 'null'
          ? versionId
          : undefined,
      etag: typeof eTag === 'string' ? eTag : undefined,
    };
  });
  return { kind: 'objects-created', objects };
}

/**
 * The image set an upload belongs to: its folder below the clinic prefix
 * (`<prefix><set>/<image><suffix>`); an image directly under the prefix forms
 * a set of its own.
 */
export function imageSetPathOf(
  key: string,
  filter: { prefix: string; suffix: string },
): string {
  if (!key.startsWith(filter.prefix) || !key.endsWith(filter.suffix)) {
    throw new MalformedMessageError(
      `object key does not match ${filter.prefix}*${filter.suffix}`,
    );
  }
  const lastSlash = key.lastIndexOf('/');
  const folder = key.slice(0, lastSlash);
  if (lastSlash >= filter.prefix.length) return folder;
  return key.slice(0, key.length - filter.suffix.length);
}
