import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { ClinicConfig, parseClinicConfig } from '../stack/stackPackage';

/** The zod the scaffolder hands to each input schema builder (plugin-scaffolder-node's own). */
type ScaffolderZod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/**
 * The `config` input of the actions that write a clinic's files. Loose on
 * purpose (any object): {@link parseConfigInput} checks it with the stack's
 * schema, so a bad value gets the schema's own message.
 */
export const clinicConfigInput = (z: ScaffolderZod) =>
  z
    .record(z.unknown())
    .describe(
      'The clinic config (output `config` of stagelight:clinic:validate)',
    );

/** The input config checked with the stack's own schema; a 400-style InputError when it would reject it. */
export function parseConfigInput(config: unknown): ClinicConfig {
  try {
    return parseClinicConfig(config, 'the action input');
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** Writes a file at a workspace-relative path (never outside the workspace), creating its folders. */
export async function writeWorkspaceFile(
  workspacePath: string,
  relativePath: string,
  content: string,
): Promise<void> {
  const target = resolveSafeChildPath(workspacePath, relativePath);
  await fs.mkdir(dirname(target), { recursive: true });
  await fs.writeFile(target, content);
}
