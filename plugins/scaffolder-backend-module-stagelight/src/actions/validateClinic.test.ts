import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { InputError } from '@backstage/errors';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import { sampleForm } from '../__testUtils__/clinicForm';
import { clinicSystem, EXISTING_CLINIC } from '../__testUtils__/clinicSystem';
import { createValidateClinicAction } from './validateClinic';

// Named differently but annotated with the clinic (e.g. renamed by hand).
const renamedSystem = clinicSystem({
  name: 'harbor-clinic',
  clinic: 'harbor',
  owner: 'group:default/harbor',
});

const unrelatedComponent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'lakeside' },
  spec: { type: 'service', owner: 'x', lifecycle: 'production' },
};

async function run(input: ReturnType<typeof sampleForm>, isDryRun = false) {
  const workspacePath = await mkdtemp(join(tmpdir(), 'validate-'));
  const catalog = catalogServiceMock({
    entities: [EXISTING_CLINIC, renamedSystem, unrelatedComponent],
  });
  const action = createValidateClinicAction({ catalog });
  const { ctx, outputs } = actionContext({
    input: input as any,
    workspacePath,
    isDryRun,
  });
  await action.handler(ctx);
  return { outputs, workspacePath };
}

describe('stagelight:clinic:validate', () => {
  it('outputs the clinic config for a valid, new clinic and writes nothing', async () => {
    const { outputs, workspacePath } = await run(sampleForm(), true);
    expect(outputs.clinic).toBe('lakeside');
    expect(outputs.stages).toEqual(['dev', 'test', 'staging', 'prod']);
    expect(outputs.config).toMatchObject({
      clinic: 'lakeside',
      owner: 'group:default/lakeside-imaging',
      reviewers: ['retina@lakeside.example', 'dr.ames@lakeside.example'],
    });
    expect(await readdir(workspacePath)).toEqual([]);
  });

  it.each([
    ['northwind', 'system:default/northwind'],
    ['harbor', 'system:default/harbor-clinic'],
  ])(
    'rejects clinic id %p, which the catalog already has',
    async (clinic, ref) => {
      await expect(run(sampleForm({ clinic }))).rejects.toThrow(
        `clinic id "${clinic}" is taken: the catalog already has ${ref}; choose another id`,
      );
    },
  );

  it('rejects bad parameters with an InputError listing each fix', async () => {
    const promise = run(
      sampleForm({ clinic: 'Lakeside', senderEmail: 'nobody' }),
    );
    await expect(promise).rejects.toBeInstanceOf(InputError);
    await expect(promise).rejects.toThrow(
      /fix these parameters:\n {2}- clinic id "Lakeside" contains uppercase letters.*\n {2}- senderEmail: must be an email address \(got "nobody"\)/,
    );
  });
});
