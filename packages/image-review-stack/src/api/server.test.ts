import { Pool } from 'pg';
import { createLogger } from '../logging';
import { startTestApiService, TestApiService } from '../testing/apiService';
import type { RegisterImageRequest, RegisterImageResponse } from './contract';
import { runMigrations } from './db/migrate';

const TOKEN = 'test-service-token-0123456789';
const logLines: string[] = [];
const log = createLogger({
  write: line => logLines.push(line),
  level: 'debug',
});

let api: TestApiService;

beforeAll(async () => {
  api = await startTestApiService({
    deployMarker: 'marker-42',
    serviceToken: TOKEN,
    log,
  });
});

afterAll(async () => {
  await api?.close();
});

const registration = (key: string, versionId = 'v1'): RegisterImageRequest => ({
  imageSetPath: 'northwind/visit-0001',
  source: { bucket: 'uploads', key, versionId, etag: 'e1', size: 1234 },
  archive: { bucket: 'archive', key, versionId: `a-${versionId}` },
});

const post = (body: unknown, token = TOKEN) =>
  fetch(`${api.url}/images`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });

describe('the API service', () => {
  it('serves the deploy marker on GET /version', async () => {
    const res = await fetch(`${api.url}/version`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ marker: 'marker-42' });
  });

  it('answers the health check without touching the database, and reports readiness with it', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(await ready.json()).toEqual({ database: 'ok' });
  });

  it('registers an image once per object version and creates its image set once', async () => {
    const first = await post(registration('northwind/visit-0001/a.jpg'));
    expect(first.status).toBe(201);
    const a = (await first.json()) as RegisterImageResponse;
    expect(a.imageSetCreated).toBe(true);
    expect(a.image).toMatchObject({
      sourceKey: 'northwind/visit-0001/a.jpg',
      sourceVersionId: 'v1',
      size: 1234,
    });

    const again = await post(registration('northwind/visit-0001/a.jpg'));
    expect(again.status).toBe(200);
    const a2 = (await again.json()) as RegisterImageResponse;
    expect(a2.image.id).toBe(a.image.id);
    expect(a2.imageSetCreated).toBe(false);

    const second = await post(registration('northwind/visit-0001/b.jpg'));
    const b = (await second.json()) as RegisterImageResponse;
    expect(second.status).toBe(201);
    expect(b.imageSet.id).toBe(a.imageSet.id);
    expect(b.imageSetCreated).toBe(false);

    const newVersion = await post(
      registration('northwind/visit-0001/a.jpg', 'v2'),
    );
    expect(newVersion.status).toBe(201);

    const list = await fetch(`${api.url}/images?imageSetId=${a.imageSet.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { items } = (await list.json()) as {
      items: { sourceKey: string; sourceVersionId: string }[];
    };
    expect(items.map(i => `${i.sourceKey}@${i.sourceVersionId}`)).toEqual([
      'northwind/visit-0001/a.jpg@v1',
      'northwind/visit-0001/b.jpg@v1',
      'northwind/visit-0001/a.jpg@v2',
    ]);

    const set = await fetch(`${api.url}/image-sets/${a.imageSet.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await set.json()).toMatchObject({
      id: a.imageSet.id,
      path: 'northwind/visit-0001',
    });
  });

  it('creates an image set exactly once under concurrent registrations', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post({
          ...registration(`northwind/visit-0002/${i}.jpg`),
          imageSetPath: 'northwind/visit-0002',
        }).then(r => r.json() as Promise<RegisterImageResponse>),
      ),
    );
    expect(results.filter(r => r.imageSetCreated)).toHaveLength(1);
    expect(new Set(results.map(r => r.imageSet.id)).size).toBe(1);
  });

  it('rejects registrations without the service token or with a malformed body', async () => {
    expect((await post(registration('northwind/x.jpg'), 'wrong')).status).toBe(
      401,
    );
    expect((await fetch(`${api.url}/images`, { method: 'POST' })).status).toBe(
      401,
    );
    const bad = await post({ imageSetPath: '', source: {} });
    expect(bad.status).toBe(400);
    expect((await fetch(`${api.url}/images`)).status).toBe(401);
    expect(
      (
        await fetch(`${api.url}/image-sets/not-a-uuid`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(404);
  });

  it('writes structured JSON logs', () => {
    const entries = logLines.map(l => JSON.parse(l));
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'info',
          msg: 'migration applied',
          migration: '0001_images',
        }),
        expect.objectContaining({
          level: 'info',
          msg: 'api listening',
          marker: 'marker-42',
        }),
        expect.objectContaining({
          msg: 'request',
          method: 'GET',
          path: '/version',
          status: 200,
        }),
      ]),
    );
    expect(entries.every(e => typeof e.time === 'string')).toBe(true);
  });

  it('runs migrations idempotently (a second task starting finds nothing to do)', async () => {
    const pool = new Pool(api.database);
    try {
      expect(await runMigrations(pool, log)).toEqual([]);
      const { rows } = await pool.query('SELECT id FROM schema_migrations');
      expect(rows).toEqual([{ id: '0001_images' }]);
    } finally {
      await pool.end();
    }
  });
});
