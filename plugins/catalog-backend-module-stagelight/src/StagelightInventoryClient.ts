import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EnvironmentDetail,
  ListEnvironmentsResponse,
} from '@stagelight/backstage-plugin-stagelight-common';

/** What the provider needs from Stagelight: every environment with its resources. */
export interface StagelightInventory {
  /** undefined while Stagelight has no snapshot yet (it answers 503). */
  environments(): Promise<EnvironmentDetail[] | undefined>;
}

/**
 * Reads the inventory from the Stagelight backend with service-to-service auth,
 * so the catalog never repeats Stagelight's AWS fan-out.
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
    const res = await fetch(`${baseUrl}/environments?include=resources`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status === 503) return undefined;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const body = (await res.json()) as ListEnvironmentsResponse;
    return body.items as EnvironmentDetail[];
  }
}
