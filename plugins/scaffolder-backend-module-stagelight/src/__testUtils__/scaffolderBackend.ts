import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import { scaffolderModuleStagelight } from '../module';
import { EXISTING_CLINIC } from './clinicSystem';
import { loadTemplate, templateDirectoryContents } from './newClinicTemplate';

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

  /** POST /api/scaffolder/v2/dry-run: runs a template's steps, publishing skipped. */
  async function dryRunTemplate(body: {
    template: unknown;
    values: Record<string, unknown>;
    directoryContents: { path: string; base64Content: string }[];
  }) {
    return request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send(body);
  }

  /** Dry run of the new-clinic template with these parameter values. */
  async function dryRun(values: Record<string, unknown>) {
    return dryRunTemplate({ template, values, directoryContents });
  }

  /** GET /api/scaffolder/v2/actions: every registered action, as the editor lists them. */
  async function listActions() {
    return request(backend.server).get('/api/scaffolder/v2/actions');
  }
  return { backend, dryRun, dryRunTemplate, listActions };
}

export interface DryRunFile {
  path: string;
  base64Content: string;
  executable?: boolean;
}
