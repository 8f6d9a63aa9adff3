import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';

/**
 * The catalog entity that already stands for a clinic id, if any: a System
 * annotated with the clinic (what the Stagelight catalog module and this
 * template create) or any System of the same name, which the new clinic's
 * System would collide with.
 */
export async function findClinicInCatalog(
  catalog: CatalogService,
  clinic: string,
  credentials: BackstageCredentials,
): Promise<string | undefined> {
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          kind: 'System',
          [`metadata.annotations.${STAGELIGHT_CLINIC_ANNOTATION}`]: clinic,
        },
        { kind: 'System', 'metadata.name': clinic },
      ],
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  return items.length > 0 ? stringifyEntityRef(items[0]) : undefined;
}
