/** The line an adopter adds to packages/backend/src/index.ts to install the backend plugin. */
export const STAGELIGHT_BACKEND_ADD_LINE =
  "backend.add(import('@stagelight/backstage-plugin-stagelight-backend'));";

/**
 * Thrown by StagelightClient when the Backstage backend has no Stagelight
 * plugin: the frontend is installed, the backend half is not.
 *
 * A Backstage backend answers a path under `/api/` that no plugin serves with
 * an empty 404 (its root router's not-found handler), while the Stagelight
 * backend answers every failure, its own 404s included, with Backstage's JSON
 * error body. So a 404 without that body means nobody serves `/api/stagelight`.
 *
 * @public
 */
export class StagelightBackendMissingError extends Error {
  /** The request that found no Stagelight backend. */
  readonly url: string;

  constructor(url: string) {
    super(
      `The Stagelight backend plugin is not installed: ${url} answered 404 Not Found, and not from Stagelight. ` +
        `Add ${STAGELIGHT_BACKEND_ADD_LINE} to packages/backend/src/index.ts, configure stagelight.aws.targets and restart the backend.`,
    );
    this.name = 'StagelightBackendMissingError';
    this.url = url;
  }
}
