import { timingSafeEqual } from 'node:crypto';
import express, { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type {
  ListImagesResponse,
  RegisterImageResponse,
  VersionResponse,
} from './contract';
import type { ImageStore } from './db/ImageStore';
import type { Logger } from '../logging';

export interface ApiRoutesOptions {
  store: ImageStore;
  /** The deploy marker this task was started with (env `DEPLOY_MARKER`). */
  deployMarker: string;
  /** Bearer token the ingest Lambda presents. */
  serviceToken: string;
  log: Logger;
}

const registerImageSchema = z
  .object({
    imageSetPath: z.string().min(1).max(1024),
    source: z.object({
      bucket: z.string().min(3).max(63),
      key: z.string().min(1).max(1024),
      versionId: z.string().min(1).max(1024).optional(),
      etag: z.string().max(256).optional(),
      size: z.int().min(0),
    }),
    archive: z.object({
      bucket: z.string().min(3).max(63),
      key: z.string().min(1).max(1024),
      versionId: z.string().min(1).max(1024).optional(),
    }),
  })
  .strict();

const listImagesQuery = z.object({
  imageSetId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const handle =
  (fn: AsyncHandler) => (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

function tokenMatches(header: string | undefined, expected: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApiRoutes(options: ApiRoutesOptions): express.Express {
  const { store, deployMarker, serviceToken, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '64kb' }));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Health checks every few seconds would drown the log.
      if (req.path === '/healthz') return;
      log.info('request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  // The portal and the pipeline probe exactly this: the marker says which deploy serves.
  app.get('/version', (_req, res) => {
    const body: VersionResponse = { marker: deployMarker };
    res.status(200).json(body);
  });

  // ALB target health: the process is up. It does not touch the database, so a
  // paused Aurora does not take the tasks out of the target group.
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });

  app.get(
    '/readyz',
    handle(async (_req, res) => {
      const ok = await store.ping();
      res.status(ok ? 200 : 503).json({ database: ok ? 'ok' : 'unavailable' });
    }),
  );

  const requireServiceToken = (
    req: Request,
    res: Response,
    next: NextFunction,
  ) => {
    if (!tokenMatches(req.header('authorization'), serviceToken)) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    next();
  };

  app.post(
    '/images',
    requireServiceToken,
    handle(async (req, res) => {
      const parsed = registerImageSchema.safeParse(req.body);
      if (!parsed.success) {
        res
          .status(400)
          .json({ error: 'invalid request', issues: parsed.error.issues });
        return;
      }
      const { imageCreated, ...result } = await store.register(parsed.data);
      if (imageCreated) {
        log.info('image registered', {
          imageId: result.image.id,
          imageSetId: result.imageSet.id,
          imageSetCreated: result.imageSetCreated,
        });
      }
      const body: RegisterImageResponse = result;
      res.status(imageCreated ? 201 : 200).json(body);
    }),
  );

  app.get(
    '/images',
    requireServiceToken,
    handle(async (req, res) => {
      const parsed = listImagesQuery.safeParse(req.query);
      if (!parsed.success) {
        res
          .status(400)
          .json({ error: 'invalid query', issues: parsed.error.issues });
        return;
      }
      const body: ListImagesResponse = {
        items: await store.listImages(parsed.data),
      };
      res.status(200).json(body);
    }),
  );

  app.get(
    '/image-sets/:id',
    requireServiceToken,
    handle(async (req, res) => {
      const id = z.uuid().safeParse(req.params.id);
      const set = id.success ? await store.getImageSet(id.data) : undefined;
      if (!set) {
        res.status(404).json({ error: 'image set not found' });
        return;
      }
      res.status(200).json(set);
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    log.error('request failed', { error });
    res.status(500).json({ error: 'internal error' });
  });

  return app;
}
