import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An action context for calling a handler directly. (The scaffolder's own
 * test-utils package still targets plugin-scaffolder-node 0.13.)
 */
export function actionContext<TInput extends JsonObject>(options: {
  input: TInput;
  workspacePath: string;
  isDryRun?: boolean;
}) {
  const outputs: Record<string, unknown> = {};
  const ctx = {
    input: options.input,
    workspacePath: options.workspacePath,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
    createTemporaryDirectory: () =>
      mkdtemp(join(tmpdir(), 'stagelight-action-')),
    getInitiatorCredentials: async () => mockCredentials.user(),
    task: { id: 'task-1' },
  } as unknown as ActionContext<TInput, any>;
  return { ctx, outputs };
}
