import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { SeedClients } from './clients';
import { isNotFound } from './errors';

/**
 * What a seed run left behind that AWS cannot tell by itself (moto's Cost
 * Explorer queue cannot be read back), so that seeding again queues nothing twice.
 */
export interface SeedManifest {
  costPagesQueued: number;
  seededAt: string;
}

const BUCKET = 'stagelight-local-aws-seed';
const KEY = 'manifest.json';

export async function readManifest(c: SeedClients): Promise<SeedManifest | undefined> {
  try {
    const res = await c.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
    return JSON.parse(await res.Body!.transformToString()) as SeedManifest;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function writeManifest(c: SeedClients, manifest: SeedManifest) {
  try {
    await c.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await c.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  }
  await c.s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: JSON.stringify(manifest) }),
  );
}
