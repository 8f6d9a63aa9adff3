import { CLINIC_ID_PATTERN, DEFAULT_STAGES } from '@stagelight/tag-contract';
import { parseAllDocuments } from 'yaml';
import { DryRunFile, startScaffolder } from './__testUtils__/scaffolderBackend';
import {
  loadTemplate,
  sampleParameters,
} from './__testUtils__/newClinicTemplate';
import { parseClinicConfig } from './stack/stackPackage';

jest.setTimeout(60_000);

let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;
beforeAll(async () => {
  scaffolder = await startScaffolder();
});
afterAll(async () => {
  await scaffolder.backend.stop();
});

function fileOf(files: DryRunFile[], path: string): string {
  const file = files.find(f => f.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
}

describe('the new-clinic template in the real scaffolder (dry run)', () => {
  it('generates the stack, its one config, catalog entities and pipeline', async () => {
    const res = await scaffolder.dryRun(sampleParameters());
    expect(res.status).toBe(200);
    const files: DryRunFile[] = res.body.directoryContents;
    const paths = files.map(f => f.path);

    // Exactly one clinic config, holding the submitted values.
    expect(paths.filter(p => p.endsWith('clinic.config.json'))).toEqual([
      'clinic.config.json',
    ]);
    const config = parseClinicConfig(
      JSON.parse(fileOf(files, 'clinic.config.json')),
    );
    expect(config).toMatchObject({
      clinic: 'lakeside',
      displayName: 'Lakeside Imaging',
      owner: 'group:default/lakeside-imaging',
      reviewers: ['retina@lakeside.example', 'dr.ames@lakeside.example'],
      webDomain: 'review.lakeside.example',
    });
    expect(config.stages.map(s => [s.name, s.account, s.region])).toEqual([
      ['dev', '111111111111', 'eu-central-1'],
      ['test', '111111111111', 'eu-central-1'],
      ['staging', '222222222222', 'eu-west-1'],
      ['prod', '333333333333', 'eu-west-1'],
    ]);

    // The stack code, its standalone package.json, the pipeline.
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'cdk.json',
        'bin/app.ts',
        'src/config/schema.ts',
        'src/stack/ImageReviewStack.test.ts',
        'docker/Dockerfile',
        'src/testing/moto/MotoServer.ts',
        '.github/workflows/deploy.yml',
        '.github/workflows/promote.yml',
        '.github/scripts/stage.mjs',
        'tsconfig.json',
        '.yarnrc.yml',
        'README.md',
      ]),
    );
    expect(fileOf(files, 'package.json')).not.toContain('workspace:');
    // Nothing vendored: the tag contract comes from the registry.
    expect(paths.filter(p => p.startsWith('vendor/'))).toEqual([]);

    // GitHub expressions survive templating; the README is rendered.
    const deploy = fileOf(files, '.github/workflows/deploy.yml');
    expect(deploy).toContain(
      'DEPLOY_MARKER: ${{ github.sha }}-${{ github.run_attempt }}',
    );
    expect(deploy).toContain('aws-actions/configure-aws-credentials');
    // Scripts run through their interpreter: file modes do not survive every fetch.
    expect(deploy).toContain('run: bash .github/scripts/wait-for-readiness.sh');
    const readme = fileOf(files, 'README.md');
    expect(readme).toContain('# Lakeside Imaging');
    expect(readme).toContain('| prod | main |');
    expect(readme).toContain('`ir-lakeside-deploy`');

    // The catalog entities the catalog module would discover, with the repo slug.
    const entities = parseAllDocuments(fileOf(files, 'catalog-info.yaml')).map(
      d => d.toJS(),
    );
    expect(entities[0]).toMatchObject({
      kind: 'System',
      metadata: {
        name: 'lakeside',
        annotations: {
          'stagelight.io/clinic': 'lakeside',
          'github.com/project-slug': 'acme-health/lakeside-image-review',
        },
      },
    });
    expect(entities.filter(e => e.kind === 'Resource')).toHaveLength(20);

    // Publishing and registration are skipped in a dry run; everything else ran.
    const log: string[] = res.body.log.map((l: any) => l.body.message);
    expect(log).toEqual(
      expect.arrayContaining([
        'Skipping because publish:github does not support dry-run',
        'Skipping because catalog:register does not support dry-run',
      ]),
    );
    expect(res.body.output.links[1]).toEqual({
      title: 'Clinic in the catalog',
      icon: 'catalog',
      entityRef: 'system:default/lakeside',
    });
  });

  it.each([
    [
      'uppercase',
      { clinicId: 'Lakeside' },
      'instance.clinicId does not match pattern',
    ],
    [
      '64 characters',
      { clinicId: 'a'.repeat(64) },
      'instance.clinicId does not meet maximum length of 28',
    ],
    [
      'a malformed account',
      {
        stages: {
          ...sampleParameters().stages,
          test: { account: '1234', region: 'eu-central-1' },
        },
      },
      'instance.stages.test.account does not match pattern',
    ],
    [
      'a malformed email',
      { reviewers: ['dr.ames(at)lakeside'] },
      'instance.reviewers[0] does not conform to the "email" format',
    ],
    [
      'a missing sender',
      { senderEmail: undefined },
      'instance requires property "senderEmail"',
    ],
  ])(
    'rejects %s as the user types (form validation), generating nothing',
    async (_name, over, expected) => {
      const res = await scaffolder.dryRun(sampleParameters(over));
      expect(res.status).toBe(400);
      expect(res.body.directoryContents).toBeUndefined();
      const messages: string[] = res.body.errors.map(
        (e: any) => `${e.property} ${e.message}`,
      );
      // The form names the field and the broken rule; its help text states the rule.
      expect(messages).toEqual(
        expect.arrayContaining([expect.stringContaining(expected)]),
      );
      expect(messages.every(m => m.startsWith(expected.split(' ')[0]))).toBe(
        true,
      );
    },
  );

  it('rejects an existing clinic id in the first step, before anything is generated', async () => {
    const res = await scaffolder.dryRun(
      sampleParameters({ clinicId: 'northwind' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.directoryContents).toBeUndefined();
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message:
        'The clinic cannot be onboarded; fix these parameters:\n  - clinic id "northwind" is taken: the catalog already has system:default/northwind; choose another id',
    });
  });

  it('rejects in the first step what the form patterns cannot check (the stack schema)', async () => {
    // Matches the form's loose IPv6 pattern but is no CIDR block (two "::").
    const res = await scaffolder.dryRun(
      sampleParameters({ officeCidrs: ['203.0.113.0/24', '2001:db8::1::/64'] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.error.message).toBe(
      'The clinic cannot be onboarded; fix these parameters:\n  - officeCidrs: must be an IPv4 or IPv6 CIDR block such as 203.0.113.0/24 (got "2001:db8::1::/64")',
    );
  });

  it("uses the tag contract's clinic id rule and stage list in the form", async () => {
    const template = await loadTemplate();
    const clinic = template.spec.parameters[0].properties.clinicId;
    expect(clinic.pattern).toBe(CLINIC_ID_PATTERN.source);
    expect(template.spec.parameters[1].properties.stages.required).toEqual([
      ...DEFAULT_STAGES,
    ]);
    expect(template.spec.steps[0].action).toBe('stagelight:clinic:validate');
  });
});
