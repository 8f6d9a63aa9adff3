import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  clinicConfigInput,
  parseConfigInput,
  writeWorkspaceFile,
} from './clinicConfigFiles';
import { examples } from './writeClinicConfig.examples';

/** @public */
export const WRITE_CLINIC_CONFIG_ACTION_ID = 'stagelight:clinic-config:write';

/**
 * The stack reads its config from the package root under this name (src/config/loadClinicConfig.ts).
 *
 * @public
 */
export const CLINIC_CONFIG_FILE = 'clinic.config.json';

/**
 * Writes the generated repository's one clinic config file. The content is
 * validated again with the stack's schema, so the file is never one the
 * stack would reject, whatever produced the input.
 *
 * @public
 */
export function createWriteClinicConfigAction() {
  return createTemplateAction({
    id: WRITE_CLINIC_CONFIG_ACTION_ID,
    description:
      "Writes clinic.config.json, the one file holding every variable of a clinic's stack, after validating it with the stack's schema.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        config: clinicConfigInput,
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace; defaults to the root'),
      },
      output: {
        path: z =>
          z.string().describe('Workspace-relative path of the written file'),
      },
    },
    async handler(ctx) {
      parseConfigInput(ctx.input.config);
      const relativePath = ctx.input.targetPath
        ? `${ctx.input.targetPath.replace(/\/+$/, '')}/${CLINIC_CONFIG_FILE}`
        : CLINIC_CONFIG_FILE;
      await writeWorkspaceFile(
        ctx.workspacePath,
        relativePath,
        `${JSON.stringify(ctx.input.config, null, 2)}\n`,
      );
      ctx.logger.info(`Wrote ${relativePath}`);
      ctx.output('path', relativePath);
    },
  });
}
