import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { ClinicConfig, parseClinicConfig } from '../stack/stackPackage';

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
