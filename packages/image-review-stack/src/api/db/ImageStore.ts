import type { Pool } from 'pg';
import type {
  Image,
  ImageSet,
  RegisterImageRequest,
  RegisterImageResponse,
} from '../contract';

interface ImageRow {
  id: string;
  image_set_id: string;
  source_bucket: string;
  source_key: string;
  source_version_id: string;
  archive_bucket: string;
  archive_key: string;
  archive_version_id: string | null;
  size: string;
  registered_at: Date;
}

interface ImageSetRow {
  id: string;
  path: string;
  created_at: Date;
}

function toImage(row: ImageRow): Image {
  return {
    id: row.id,
    imageSetId: row.image_set_id,
    sourceBucket: row.source_bucket,
    sourceKey: row.source_key,
    sourceVersionId: row.source_version_id,
    archiveBucket: row.archive_bucket,
    archiveKey: row.archive_key,
    archiveVersionId: row.archive_version_id,
    size: Number(row.size),
    registeredAt: row.registered_at.toISOString(),
  };
}

function toImageSet(row: ImageSetRow): ImageSet {
  return {
    id: row.id,
    path: row.path,
    createdAt: row.created_at.toISOString(),
  };
}

/** Images and image sets in PostgreSQL. Registration is idempotent per source object version. */
export class ImageStore {
  constructor(private readonly pool: Pool) {}

  async register(
    input: RegisterImageRequest,
  ): Promise<RegisterImageResponse & { imageCreated: boolean }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // ON CONFLICT DO NOTHING RETURNING yields a row only to the one caller that
      // inserted it, even under concurrent registrations of the same set.
      const inserted = await client.query<ImageSetRow>(
        `INSERT INTO image_sets (path) VALUES ($1)
         ON CONFLICT (path) DO NOTHING RETURNING id, path, created_at`,
        [input.imageSetPath],
      );
      const imageSetCreated = inserted.rowCount === 1;
      const setRow = imageSetCreated
        ? inserted.rows[0]
        : (
            await client.query<ImageSetRow>(
              'SELECT id, path, created_at FROM image_sets WHERE path = $1',
              [input.imageSetPath],
            )
          ).rows[0];

      const versionId = input.source.versionId ?? '';
      const image = await client.query<ImageRow>(
        `INSERT INTO images (image_set_id, source_bucket, source_key, source_version_id,
                             source_etag, archive_bucket, archive_key, archive_version_id, size)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (source_bucket, source_key, source_version_id) DO NOTHING
         RETURNING *`,
        [
          setRow.id,
          input.source.bucket,
          input.source.key,
          versionId,
          input.source.etag ?? null,
          input.archive.bucket,
          input.archive.key,
          input.archive.versionId ?? null,
          input.source.size,
        ],
      );
      const imageCreated = image.rowCount === 1;
      const imageRow = imageCreated
        ? image.rows[0]
        : (
            await client.query<ImageRow>(
              `SELECT * FROM images
               WHERE source_bucket = $1 AND source_key = $2 AND source_version_id = $3`,
              [input.source.bucket, input.source.key, versionId],
            )
          ).rows[0];
      await client.query('COMMIT');
      return {
        image: toImage(imageRow),
        imageSet: toImageSet(setRow),
        imageSetCreated,
        imageCreated,
      };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async listImages(filter: {
    imageSetId?: string;
    limit: number;
  }): Promise<Image[]> {
    const { rows } = filter.imageSetId
      ? await this.pool.query<ImageRow>(
          `SELECT * FROM images WHERE image_set_id = $1
           ORDER BY registered_at, id LIMIT $2`,
          [filter.imageSetId, filter.limit],
        )
      : await this.pool.query<ImageRow>(
          'SELECT * FROM images ORDER BY registered_at DESC, id LIMIT $1',
          [filter.limit],
        );
    return rows.map(toImage);
  }

  async getImageSet(id: string): Promise<ImageSet | undefined> {
    const { rows } = await this.pool.query<ImageSetRow>(
      'SELECT id, path, created_at FROM image_sets WHERE id = $1',
      [id],
    );
    return rows[0] ? toImageSet(rows[0]) : undefined;
  }

  /** Cheap round trip for readiness: false while the database is unreachable or resuming. */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
