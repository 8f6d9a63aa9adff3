import { readFileSync } from 'node:fs';
import { SAMPLE_CLINIC_CONFIG_PATH } from '../__testUtils__/sampleClinic';
import { loadClinicConfig } from './loadClinicConfig';
import { environmentNames, uploadEventFilter } from './names';
import {
  ClinicConfigError,
  ClinicConfigInput,
  parseClinicConfig,
} from './schema';

const sample = (): ClinicConfigInput =>
  JSON.parse(readFileSync(SAMPLE_CLINIC_CONFIG_PATH, 'utf8'));

function issuesOf(raw: unknown): string[] {
  try {
    parseClinicConfig(raw);
  } catch (error) {
    if (error instanceof ClinicConfigError) return error.issues;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('the clinic config', () => {
  it("accepts this repository's own clinic config", () => {
    expect(() => loadClinicConfig()).not.toThrow();
  });

  it('loads the sample clinic and applies the defaults', () => {
    const config = loadClinicConfig(SAMPLE_CLINIC_CONFIG_PATH);
    expect(config.clinic).toBe('northwind');
    expect(config.uploadPrefix).toBe('northwind/');
    expect(config.imageSuffix).toBe('.jpg');
    expect(config.stages.map(s => [s.name, s.protected])).toEqual([
      ['dev', false],
      ['test', false],
      ['staging', false],
      ['prod', true],
    ]);
  });

  it('keeps explicit prefix, suffix and protection', () => {
    const raw = sample();
    raw.uploadPrefix = 'cams/';
    raw.imageSuffix = '.dcm';
    raw.stages[0].protected = true;
    raw.stages[0].pausable = false;
    raw.stages[0].size.dbMinAcu = 0.5;
    const config = parseClinicConfig(raw);
    expect(uploadEventFilter(config)).toEqual({
      prefix: 'cams/',
      suffix: '.dcm',
    });
    expect(config.stages[0].protected).toBe(true);
  });

  it('rejects an invalid clinic id with a clear message', () => {
    expect(issuesOf({ ...sample(), clinic: 'North_Wind' })).toEqual([
      expect.stringMatching(
        /^clinic: invalid clinic id: use lowercase letters/,
      ),
    ]);
  });

  it('rejects malformed account ids, regions and emails, naming the field', () => {
    const raw = sample();
    raw.stages[1].account = '12345';
    raw.stages[1].region = 'Frankfurt';
    raw.reviewers = ['dr.lee@northwind.example', 'not-an-email'];
    raw.senderEmail = 'nobody';
    expect(issuesOf(raw)).toEqual(
      expect.arrayContaining([
        'stages.1.account: must be a 12-digit AWS account id',
        'stages.1.region: must be an AWS region such as eu-central-1',
        'reviewers.1: must be an email address',
        'senderEmail: must be an email address',
      ]),
    );
  });

  it('refuses to let a protected stage pause and ties pausing to 0 ACU', () => {
    const raw = sample();
    raw.stages[3].pausable = true;
    raw.stages[0].size.dbMinAcu = 1;
    raw.stages[1].pausable = false;
    expect(issuesOf(raw)).toEqual(
      expect.arrayContaining([
        'stages.3.pausable: stage "prod" is protected and cannot pause its database',
        'stages.0.size.dbMinAcu: a pausable stage has dbMinAcu 0 (Aurora pauses only at 0 ACU)',
        'stages.1.size.dbMinAcu: a stage that does not pause needs dbMinAcu of at least 0.5',
      ]),
    );
  });

  it('rejects duplicate stages, bad CIDRs, unknown keys and names too long for S3', () => {
    const raw = sample() as ClinicConfigInput & { extra?: unknown };
    raw.stages[1].name = 'dev';
    raw.stages[0].access = { allowCidrs: ['10.0.0.0/33'] };
    raw.extra = true;
    raw.clinic = 'a'.repeat(28);
    raw.stages[2].name = 'preproduction';
    const issues = issuesOf(raw);
    expect(issues).toEqual(
      expect.arrayContaining([
        'stages.1.name: stage "dev" appears twice',
        'stages.0.access.allowCidrs.0: must be an IPv4 or IPv6 CIDR block such as 203.0.113.0/24',
        expect.stringMatching(/^\(root\): Unrecognized key: "extra"/),
        expect.stringMatching(
          /^stages.2.name: clinic id and stage name are too long together/,
        ),
      ]),
    );
  });

  it('reports the file it read when the JSON itself is broken', () => {
    expect(() => loadClinicConfig('/nonexistent/clinic.config.json')).toThrow(
      /Invalid clinic config in \/nonexistent\/clinic.config.json/,
    );
  });
});

describe('derived names', () => {
  it('follows the ir-<clinic>-<stage> convention and puts the account into bucket names', () => {
    const config = loadClinicConfig(SAMPLE_CLINIC_CONFIG_PATH);
    const names = environmentNames(config, config.stages[0]);
    expect(names).toMatchObject({
      prefix: 'ir-northwind-dev',
      cluster: 'ir-northwind-dev',
      service: 'api',
      ingestQueue: 'ir-northwind-dev-ingest',
      ingestDlq: 'ir-northwind-dev-ingest-dlq',
      ingestFunction: 'ir-northwind-dev-ingest',
      notifyFunction: 'ir-northwind-dev-notify',
      uploadsBucket: 'ir-northwind-dev-uploads-111111111111',
      archiveBucket: 'ir-northwind-dev-archive-111111111111',
      webHost: 'dev.review.northwind.example',
      apiHost: 'api.dev.review.northwind.example',
    });
    const prod = environmentNames(config, config.stages[3]);
    expect(prod.webHost).toBe('review.northwind.example');
  });
});
