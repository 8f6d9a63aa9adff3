import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { clinicEntities } from '../catalog/clinicEntities';
import {
  clinicConfigInput,
  parseConfigInput,
  writeWorkspaceFile,
} from './clinicConfigFiles';
import { examples } from './writeCatalogInfo.examples';

/** @public */
export const WRITE_CATALOG_INFO_ACTION_ID = 'stagelight:catalog-info:write';

/**
 * Writes catalog-info.yaml: the clinic's System, Components and per-stage
 * Resources, named as the Stagelight catalog module names what it discovers.
 *
 * @public
 */
export function createWriteCatalogInfoAction() {
  return createTemplateAction({
    id: WRITE_CATALOG_INFO_ACTION_ID,
    description:
      "Writes catalog-info.yaml with the clinic's System, Components and per-stage Resources, derived from the clinic config.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        config: clinicConfigInput,
        repoSlug: z =>
          z
            .string()
            .optional()
            .describe('owner/repo, for the github.com/project-slug annotation'),
        path: z =>
          z
            .string()
            .optional()
            .describe('Workspace-relative file; defaults to catalog-info.yaml'),
      },
      output: {
        entityRefs: z =>
          z.array(z.string()).describe('Refs of the entities written'),
      },
    },
    async handler(ctx) {
      const config = parseConfigInput(ctx.input.config);
      const entities = clinicEntities(config, {
        repoSlug: ctx.input.repoSlug || undefined,
      });
      await writeWorkspaceFile(
        ctx.workspacePath,
        ctx.input.path ?? 'catalog-info.yaml',
        entities.map(e => stringify(e)).join('---\n'),
      );
      ctx.output(
        'entityRefs',
        entities.map(e => stringifyEntityRef(e)),
      );
    },
  });
}
