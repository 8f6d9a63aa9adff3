import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { actionContext } from '../__testUtils__/actionContext';
import { sampleForm } from '../__testUtils__/clinicForm';
import { clinicConfigFromForm } from '../clinic/clinicForm';
import { parseClinicConfig } from '../stack/stackPackage';
import { createWriteCatalogInfoAction } from './writeCatalogInfo';
import { createWriteClinicConfigAction } from './writeClinicConfig';

const file = clinicConfigFromForm(sampleForm());

describe('stagelight:clinic-config:write', () => {
  it('writes clinic.config.json the stack loads, also in a dry run', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'config-'));
    const { ctx, outputs } = actionContext({
      input: { config: file as any },
      workspacePath,
      isDryRun: true,
    });
    await createWriteClinicConfigAction().handler(ctx);
    expect(outputs.path).toBe('clinic.config.json');
    const written = JSON.parse(
      await readFile(join(workspacePath, 'clinic.config.json'), 'utf8'),
    );
    expect(written).toEqual(file);
    expect(parseClinicConfig(written).clinic).toBe('lakeside');
  });

  it('refuses a config the stack would reject', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'config-'));
    const { ctx } = actionContext({
      input: { config: { ...file, senderEmail: 'x' } as any },
      workspacePath,
    });
    await expect(createWriteClinicConfigAction().handler(ctx)).rejects.toThrow(
      /senderEmail: must be an email address/,
    );
  });

  it('stays inside the workspace', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'config-'));
    const { ctx } = actionContext({
      input: { config: file as any, targetPath: '../outside' },
      workspacePath,
    });
    await expect(createWriteClinicConfigAction().handler(ctx)).rejects.toThrow(
      /outside/,
    );
  });
});

describe('stagelight:catalog-info:write', () => {
  it('writes one YAML document per entity and outputs their refs', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'catalog-'));
    const { ctx, outputs } = actionContext({
      input: { config: file as any, repoSlug: 'acme/lakeside' },
      workspacePath,
      isDryRun: true,
    });
    await createWriteCatalogInfoAction().handler(ctx);
    const docs = parseAllDocuments(
      await readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).map(d => d.toJS());
    expect(docs).toHaveLength(1 + 4 + 5 * 4);
    expect(docs[0]).toMatchObject({
      kind: 'System',
      metadata: { name: 'lakeside' },
    });
    expect(outputs.entityRefs).toEqual(
      expect.arrayContaining([
        'system:default/lakeside',
        'component:default/lakeside-api',
        'resource:default/lakeside-dev-queue',
      ]),
    );
  });
});
