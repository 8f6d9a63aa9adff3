import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AWS_ACTIONS, awsActionsFor } from './awsActions';

/** The IAM service prefix of each SDK client package the backend uses. */
const IAM_PREFIX: Record<string, string> = {
  '@aws-sdk/client-application-auto-scaling': 'application-autoscaling',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-cost-explorer': 'ce',
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-lambda': 'lambda',
  '@aws-sdk/client-rds': 'rds',
  '@aws-sdk/client-resource-groups-tagging-api': 'tag',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-sts': 'sts',
};

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === '__testUtils__' ? [] : sourceFiles(path);
    }
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** The IAM action of every command the backend's own code sends, with where. */
function actionsSentBySource(): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const imports = text.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z0-9-]+)'/g,
    );
    for (const [, names, pkg] of imports) {
      for (const name of names.split(',').map(n => n.trim())) {
        const command = /^([A-Z][A-Za-z0-9]*)Command$/.exec(name);
        if (!command || !new RegExp(`new ${name}\\(`).test(text)) continue;
        const prefix = IAM_PREFIX[pkg];
        if (!prefix) throw new Error(`no IAM prefix for ${pkg} (${file})`);
        const action = `${prefix}:${command[1]}`;
        sent.set(action, [...(sent.get(action) ?? []), relative(SRC, file)]);
      }
    }
  }
  return sent;
}

describe('the list of AWS actions', () => {
  const sent = actionsSentBySource();
  const listed = new Set(AWS_ACTIONS.map(a => a.action));

  it('names every action the backend sends', () => {
    const missing = [...sent.keys()].filter(a => !listed.has(a));
    expect(missing).toEqual([]);
  });

  it('names nothing the backend does not send (least privilege)', () => {
    const unused = [...listed].filter(a => !sent.has(a));
    expect(unused).toEqual([]);
  });

  it('lists each action once, with a reason', () => {
    expect(listed.size).toBe(AWS_ACTIONS.length);
    for (const a of AWS_ACTIONS) expect(a.why.length).toBeGreaterThan(10);
  });

  it('keeps changes apart from reads: only power actions change anything', () => {
    const changes = [...listed].filter(a =>
      /:(Update|Tag|Stop|Start|Create|Delete|Put|Modify|Register)/.test(a),
    );
    expect(awsActionsFor('power')).toEqual(expect.arrayContaining(changes));
    expect(awsActionsFor('discover', 'status', 'cost')).toEqual(
      expect.not.arrayContaining(changes),
    );
  });

  it('finds the commands the adapters send (the scan itself works)', () => {
    expect(sent.get('ecs:UpdateService')).toEqual(['aws/EcsPowerAdapter.ts']);
    expect(sent.get('ce:GetCostAndUsage')).toEqual([
      'cost/CostExplorerAdapter.ts',
    ]);
  });
});
