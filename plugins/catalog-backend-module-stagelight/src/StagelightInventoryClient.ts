import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EnvironmentDetail,
  ListEnvironmentsResponse,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * What the provider needs from Stagelight: every environment with its resources.
 *
 * @public
 */
export interface StagelightInventory {
  /** undefined while Stagelight has no snapshot yet (it answers 503). */
  environments(): Promise<EnvironmentDetail[] | undefined>;
}

/**
 * Reads the inventory from the Stagelight backend with service-to-service auth,
 * so the catalog never repeats Stagelight's AWS fan-out.
 *
 * @public
 */
export class StagelightInventoryClient implements StagelightInventory {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async environments(): Promise<EnvironmentDetail[] | undefined> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('stagelight');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'stagelight',
    });
    const url = `${baseUrl}/environments?include=resources`;
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status === 503) return undefined;
    if (!res.ok) {
      const error = await ResponseError.fromResponse(res);
      // A backend without the Stagelight plugin answers /api/stagelight with
      // the root router's empty 404; Stagelight's own errors carry the full
      // JSON error body (with `request`).
      if (res.status === 404 && error.body.request === undefined) {
        throw new Error(
          `The Stagelight backend plugin is not installed in this backend: ${url} answered 404 Not Found, and not from Stagelight. ` +
            `The catalog module reads the clinics from it; add backend.add(import('@stagelight/backstage-plugin-stagelight-backend')); to packages/backend/src/index.ts.`,
        );
      }
      throw error;
    }
    const body = (await res.json()) as ListEnvironmentsResponse;
    return body.items as EnvironmentDetail[];
  }
}
