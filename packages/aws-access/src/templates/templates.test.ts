import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { parse } from 'yaml';
import { AWS_ACTIONS, AwsActionPurpose } from '../actions/awsActions';
import { TEMPLATES_DIR } from '../packageRoot';
import {
  POWER_ALLOW_SID,
  POWER_DENY_SID,
  readSid,
} from '../policy/spokePolicy';
import {
  SynthesizedTemplates,
  synthesizeTemplates,
  TEMPLATE_FILES,
  templateYaml,
} from './synthesizeTemplates';

const CFN_LINT = process.env.CFN_LINT ?? '/root/.pyenv/shims/cfn-lint';

let outdir: string;
let synthesized: SynthesizedTemplates;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'aws-access-test-'));
  synthesized = synthesizeTemplates(outdir);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const committedPath = (name: keyof typeof TEMPLATE_FILES) =>
  join(TEMPLATES_DIR, TEMPLATE_FILES[name]);

/** The managed policy statements of a synthesized template. */
function policyStatements(name: keyof typeof TEMPLATE_FILES): any[] {
  const policies = Template.fromJSON(synthesized.templates[name]).findResources(
    'AWS::IAM::ManagedPolicy',
  );
  const list = Object.values(policies);
  expect(list).toHaveLength(1);
  return (list[0] as any).Properties.PolicyDocument.Statement;
}

describe('the committed templates', () => {
  it.each(Object.keys(TEMPLATE_FILES) as (keyof typeof TEMPLATE_FILES)[])(
    'templates/%s.yaml is what the constructs synthesize (run `yarn templates` after a change)',
    name => {
      const committed = readFileSync(committedPath(name), 'utf8');
      expect(committed).toBe(templateYaml(synthesized.templates[name]));
      expect(parse(committed)).toEqual(synthesized.templates[name]);
    },
  );

  it('pass cfn-lint', () => {
    if (!existsSync(CFN_LINT)) {
      throw new Error(
        `cfn-lint not found at ${CFN_LINT}; install it with: pip install cfn-lint (or set CFN_LINT)`,
      );
    }
    const result = spawnSync(
      CFN_LINT,
      ['--', committedPath('hub'), committedPath('spoke')],
      { encoding: 'utf8' },
    );
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks(synthesized.app)],
    ['HIPAA Security', () => new HIPAASecurityChecks(synthesized.app)],
  ])('pass the cdk-nag %s pack', (_name, pack) => {
    const report = pack().validateScope(synthesized.app);
    const summary = report.violations.map(
      v =>
        `${v.severity} ${v.ruleName}: ${v.violatingResources
          .map(r => r.constructPath)
          .join(', ')}`,
    );
    expect(summary).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('leave a reason on every acknowledged rule', () => {
    const acknowledged = synthesized.app.node
      .findAll()
      .flatMap(c => c.node.metadata)
      .filter(m => m.type === 'aws:cdk:acknowledged-rules');
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const entry of acknowledged) {
      for (const [id, reason] of Object.entries(
        entry.data as Record<string, string>,
      )) {
        expect({ id, justified: reason.length > 40 }).toEqual({
          id,
          justified: true,
        });
      }
    }
  });
});

describe('the spoke template', () => {
  it('grants every action of the list in the statement of its purpose', () => {
    const statements = policyStatements('spoke');
    const sidOf = (purpose: AwsActionPurpose) =>
      purpose === 'power' ? POWER_ALLOW_SID : readSid(purpose);
    const actionsOf = (s: any): string[] => [s.Action].flat();
    for (const { action, purpose } of AWS_ACTIONS) {
      const allowing = statements
        .filter(s => s.Effect === 'Allow' && actionsOf(s).includes(action))
        .map(s => s.Sid);
      expect({ action, allowing }).toEqual({
        action,
        allowing: [sidOf(purpose)],
      });
    }
  });

  it('conditions power on the app tag parameter and denies it on the protected stages parameter', () => {
    const statements = policyStatements('spoke');
    const allow = statements.find(s => s.Sid === POWER_ALLOW_SID);
    expect(allow.Condition).toEqual({
      StringEquals: {
        'aws:ResourceTag/stagelight:app': { Ref: 'AppTagValue' },
      },
    });
    const deny = statements.find(s => s.Sid === POWER_DENY_SID);
    expect(deny.Effect).toBe('Deny');
    expect(deny.Action).toEqual(allow.Action);
    expect(deny.Condition).toEqual({
      StringEquals: {
        'aws:ResourceTag/stagelight:stage': { Ref: 'ProtectedStages' },
      },
    });
    const params = (synthesized.templates.spoke as any).Parameters;
    expect(params.ProtectedStages).toMatchObject({
      Type: 'CommaDelimitedList',
      Default: 'prod',
    });
  });

  it('trusts only the hub account, with the external id when one is given', () => {
    const role = Object.values(
      Template.fromJSON(synthesized.templates.spoke).findResources(
        'AWS::IAM::Role',
      ),
    )[0] as any;
    const [trust] = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(trust.Action).toBe('sts:AssumeRole');
    expect(JSON.stringify(trust.Principal)).toContain('"Ref":"HubAccountId"');
    expect(trust.Condition).toEqual({
      'Fn::If': [
        'HasExternalId',
        { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
        { Ref: 'AWS::NoValue' },
      ],
    });
  });
});

describe('the hub template', () => {
  it('allows nothing but assuming the spoke role in the listed accounts', () => {
    const statements = policyStatements('hub');
    expect(statements).toEqual([
      {
        Sid: 'AssumeSpokeRoles',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':iam::*:role/',
              { Ref: 'SpokeRoleName' },
            ],
          ],
        },
        Condition: {
          StringEquals: { 'aws:ResourceAccount': { Ref: 'SpokeAccountIds' } },
        },
      },
    ]);
  });
});
