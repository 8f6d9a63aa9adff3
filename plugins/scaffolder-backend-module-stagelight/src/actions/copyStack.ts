import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  StackSources,
  writeGeneratedRepository,
} from '../stack/generatedRepository';
import { examples } from './copyStack.examples';

/** @public */
export const COPY_STACK_ACTION_ID = 'stagelight:stack:copy';

/**
 * Copies the image-review stack, as installed with the portal, into the
 * workspace as a standalone repository (see writeGeneratedRepository).
 * Reading the installed package at run time keeps every generated repository
 * on the portal's stack code, never a fork of it.
 *
 * @public
 */
export function createCopyStackAction(
  options: { sources?: StackSources } = {},
) {
  return createTemplateAction({
    id: COPY_STACK_ACTION_ID,
    description:
      'Copies the installed image-review stack package (what it publishes, code unchanged) into the workspace with a standalone package.json that installs its dependencies, the tag contract included, from the registry.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        clinic: z => z.string().describe('Clinic id'),
        displayName: z => z.string().describe('Clinic display name'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace; defaults to the root'),
      },
      output: {
        fileCount: z => z.number().describe('Number of files written'),
      },
    },
    async handler(ctx) {
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath ?? '.',
      );
      const { files } = await writeGeneratedRepository(target, {
        clinic: ctx.input.clinic,
        displayName: ctx.input.displayName,
        sources: options.sources,
      });
      ctx.logger.info(`Copied the image-review stack: ${files.length} files`);
      ctx.output('fileCount', files.length);
    },
  });
}
