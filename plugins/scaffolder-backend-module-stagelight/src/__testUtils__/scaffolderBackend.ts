import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import { scaffolderModuleStagelight } from '../module';
import { loadTemplate, templateDirectoryContents } from './newClinicTemplate';

/** A clinic the catalog already has (the monorepo's sample). */
export const EXISTING_CLINIC: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'northwind',
    annotations: { 'stagelight.io/clinic': 'northwind' },
  },
  spec: { owner: 'group:default/northwind-imaging' },
};

/** The real scaffolder backend with this module and the GitHub module, and a fake catalog. */
export async function startScaffolder(
  options: { catalogEntities?: Entity[] } = {},
) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      scaffolderModuleStagelight,
      catalogServiceMock.factory({
        entities: options.catalogEntities ?? [EXISTING_CLINIC],
      }),
      mockServices.rootConfig.factory({
        data: {
          integrations: { github: [{ host: 'github.com' }] },
        },
      }),
    ],
  });
  const template = await loadTemplate();
  const directoryContents = await templateDirectoryContents();

  /** POST /api/scaffolder/v2/dry-run: runs the template's steps, publishing skipped. */
  async function dryRun(values: Record<string, unknown>) {
    return request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values, directoryContents });
  }
  return { backend, dryRun };
}

export interface DryRunFile {
  path: string;
  base64Content: string;
  executable?: boolean;
}
