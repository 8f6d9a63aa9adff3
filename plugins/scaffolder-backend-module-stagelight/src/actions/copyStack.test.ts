import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import { installedStackSources } from '../stack/generatedRepository';
import { createCopyStackAction } from './copyStack';

const sources = installedStackSources();

async function copy() {
  const workspacePath = await mkdtemp(join(tmpdir(), 'stack-'));
  const { ctx, outputs } = actionContext({
    input: { clinic: 'lakeside', displayName: 'Lakeside Imaging' },
    workspacePath,
    isDryRun: true,
  });
  await createCopyStackAction().handler(ctx);
  return { workspacePath, outputs };
}

describe('stagelight:stack:copy', () => {
  let workspacePath: string;
  let outputs: Record<string, unknown>;
  beforeAll(async () => {
    ({ workspacePath, outputs } = await copy());
  });

  it.each([
    'src/config/schema.ts',
    'src/stack/ImageReviewStack.ts',
    'src/stack/ImageReviewStack.test.ts',
    'src/packageRoot.ts',
    'bin/app.ts',
    'docker/Dockerfile',
    'cdk.json',
  ])('copies %s from the stack package byte for byte', async path => {
    expect(await readFile(join(workspacePath, path))).toEqual(
      await readFile(join(sources.stack, path)),
    );
  });

  it('leaves out build output, installs, the sample config and monorepo files', () => {
    for (const path of [
      'node_modules',
      'cdk.out',
      '.bundles',
      'clinic.config.json',
      '.eslintrc.js',
      'README.md',
    ]) {
      expect(existsSync(join(workspacePath, path))).toBe(false);
    }
    expect(existsSync(join(workspacePath, 'docs/image-review-stack.md'))).toBe(
      true,
    );
    expect(outputs.fileCount).toBeGreaterThan(50);
  });

  it('vendors the tag contract and local AWS source, without their tests', async () => {
    expect(
      await readFile(
        join(workspacePath, 'vendor/stagelight-tag-contract/src/index.ts'),
      ),
    ).toEqual(await readFile(join(sources.tagContract, 'src/index.ts')));
    expect(
      existsSync(
        join(workspacePath, 'vendor/stagelight-tag-contract/src/index.test.ts'),
      ),
    ).toBe(false);
    const localAws = JSON.parse(
      await readFile(
        join(workspacePath, 'vendor/stagelight-local-aws/package.json'),
        'utf8',
      ),
    );
    expect(localAws.dependencies['@stagelight/tag-contract']).toBe(
      'link:../stagelight-tag-contract',
    );
  });

  it('writes a standalone package.json: the stack dependencies, no workspace ranges', async () => {
    const text = await readFile(join(workspacePath, 'package.json'), 'utf8');
    expect(text).not.toContain('workspace:');
    expect(text).not.toContain('@backstage/');
    const pkg = JSON.parse(text);
    const stack = JSON.parse(
      await readFile(join(sources.stack, 'package.json'), 'utf8'),
    );
    expect(pkg.name).toBe(stack.name);
    expect(pkg.description).toContain('Lakeside Imaging');
    expect(pkg.dependencies['aws-cdk-lib']).toBe(
      stack.dependencies['aws-cdk-lib'],
    );
    expect(pkg.dependencies['@stagelight/tag-contract']).toBe(
      'link:./vendor/stagelight-tag-contract',
    );
    expect(pkg.devDependencies['@internal/stagelight-local-aws']).toBe(
      'link:./vendor/stagelight-local-aws',
    );
    expect(pkg.devDependencies).toHaveProperty('@aws-sdk/client-ecs');
    expect(pkg.devDependencies).toHaveProperty('jest');
    expect(pkg.scripts).toMatchObject({
      test: 'jest',
      synth: stack.scripts.synth,
    });
    expect(pkg.exports['./package.json']).toBe('./package.json');
  });
});
