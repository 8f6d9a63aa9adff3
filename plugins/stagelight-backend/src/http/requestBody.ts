import express, { RequestHandler } from 'express';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_BODY_LIMIT,
  MAX_BODY_DEPTH,
  SCHEDULE_BODY_LIMIT,
} from '../schema/bounds';

/** Routes whose body may hold a whole schedule; every other body is a reason and a number. */
const SCHEDULE_ROUTES: Array<{ method: string; path: RegExp }> = [
  { method: 'PUT', path: /^\/environments\/[^/]+\/[^/]+\/schedule\/?$/ },
  { method: 'POST', path: /^\/cost\/projection\/?$/ },
];

/** The body limit of a request's route: one limit per route, whoever mounts which router. */
export function bodyLimitOf(req: { method: string; path: string }): string {
  return SCHEDULE_ROUTES.some(
    r => r.method === req.method && r.path.test(req.path),
  )
    ? SCHEDULE_BODY_LIMIT
    : DEFAULT_BODY_LIMIT;
}

/** How deep a parsed JSON value nests, walked without recursion (a hostile body cannot blow the stack). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

class PayloadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(message: string) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * Parses JSON bodies for every route, before the contract is checked: within
 * the route's size limit (413 past it), at most MAX_BODY_DEPTH levels deep,
 * and a clear 400 for malformed JSON. Errors never echo the body.
 */
export function requestBody(): RequestHandler {
  const parsers = new Map(
    [DEFAULT_BODY_LIMIT, SCHEDULE_BODY_LIMIT].map(limit => [
      limit,
      express.json({ limit }),
    ]),
  );
  return (req, res, next) => {
    const limit = bodyLimitOf(req);
    parsers.get(limit)!(req, res, (error?: any) => {
      if (error?.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `Request body is over ${limit}, the limit of ${req.method} ${req.path}`,
          ),
        );
      } else if (error?.type === 'entity.parse.failed') {
        next(new InputError('Request body is not valid JSON'));
      } else if (error) {
        next(
          new InputError(
            `Request body could not be read (${error.type ?? error.name})`,
          ),
        );
      } else if (nestingDepth(req.body) > MAX_BODY_DEPTH) {
        next(
          new InputError(
            `Request body nests deeper than ${MAX_BODY_DEPTH} levels`,
          ),
        );
      } else {
        next();
      }
    });
  };
}
