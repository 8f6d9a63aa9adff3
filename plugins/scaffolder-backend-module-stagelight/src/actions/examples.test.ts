import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import { startScaffolder } from '../__testUtils__/scaffolderBackend';
import { createCopyStackAction } from './copyStack';
import { createValidateClinicAction } from './validateClinic';
import { createWriteCatalogInfoAction } from './writeCatalogInfo';
import { createWriteClinicConfigAction } from './writeClinicConfig';

jest.setTimeout(120_000);

/** The module's actions; the first test proves this is every one it registers. */
const ACTIONS = [
  createValidateClinicAction({ catalog: catalogServiceMock() }),
  createCopyStackAction(),
  createWriteClinicConfigAction(),
  createWriteCatalogInfoAction(),
];

const EXAMPLES = ACTIONS.flatMap(action =>
  (action.examples ?? []).map(
    example => [action.id, example.description, example] as const,
  ),
);

let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;
beforeAll(async () => {
  scaffolder = await startScaffolder();
});
afterAll(async () => {
  await scaffolder.backend.stop();
});

interface ExampleStep {
  id: string;
  name: string;
  action: string;
  input: Record<string, unknown>;
}

/** Runs steps as a template in the real scaffolder (dry run): it validates each input against its action's schema, then runs the action. */
function dryRunSteps(steps: ExampleStep[]) {
  return scaffolder.dryRunTemplate({
    template: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'action-example' },
      spec: {
        owner: 'group:default/platform',
        type: 'example',
        parameters: [],
        steps,
      },
    },
    values: {},
    directoryContents: [],
  });
}

function stepsOf(example: TemplateExample): ExampleStep[] {
  return parse(example.example).steps;
}

describe('the actions examples', () => {
  it('are given for every action the module registers, as the scaffolder lists them', async () => {
    const res = await scaffolder.listActions();
    expect(res.status).toBe(200);
    const registered: { id: string; examples?: TemplateExample[] }[] =
      res.body.filter((a: { id: string }) => a.id.startsWith('stagelight:'));
    expect(registered.map(a => a.id).sort()).toEqual(
      ACTIONS.map(a => a.id).sort(),
    );
    expect(registered.filter(a => !a.examples?.length).map(a => a.id)).toEqual(
      [],
    );
  });

  it.each(EXAMPLES)(
    '%s: "%s" parses and runs, its input accepted by the action',
    async (actionId, _description, example) => {
      const steps = stepsOf(example);
      expect(steps.map(s => s.action)).toContain(actionId);
      for (const step of steps) {
        expect(step).toEqual({
          id: expect.any(String),
          name: expect.any(String),
          action: expect.stringMatching(/^stagelight:/),
          input: expect.any(Object),
        });
      }
      const res = await dryRunSteps(steps);
      expect({ status: res.status, error: res.body.error }).toEqual({
        status: 200,
        error: undefined,
      });
      expect(res.body.steps.map((s: { id: string }) => s.id)).toEqual(
        steps.map(s => s.id),
      );
    },
  );

  it('would catch an example whose input the action does not accept', async () => {
    const [step] = stepsOf(createCopyStackAction().examples![0]);
    const { clinic: _clinic, ...withoutClinic } = step.input;
    const res = await dryRunSteps([{ ...step, input: withoutClinic }]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'Invalid input passed to action stagelight:stack:copy, instance requires property "clinic"',
    );
  });
});
