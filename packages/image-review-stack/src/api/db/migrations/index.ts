/**
 * Schema migrations, applied in order on start (see ../migrate.ts). Append only:
 * an applied migration is never edited, a change is a new entry.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_images',
    sql: `
      CREATE TABLE image_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        path text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        image_set_id uuid NOT NULL REFERENCES image_sets(id),
        source_bucket text NOT NULL,
        source_key text NOT NULL,
        -- '' for an unversioned bucket, so the unique key below still holds.
        source_version_id text NOT NULL,
        source_etag text,
        archive_bucket text NOT NULL,
        archive_key text NOT NULL,
        archive_version_id text,
        size bigint NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_bucket, source_key, source_version_id)
      );
      CREATE INDEX images_by_set ON images (image_set_id, registered_at);
    `,
  },
];
