import { DEFAULT_STAGES } from '@stagelight/tag-contract';
import { sampleForm } from '../__testUtils__/clinicForm';
import { ClinicForm, ClinicFormError, checkClinicForm } from './clinicForm';

function problemsOf(form: ClinicForm): string[] {
  try {
    checkClinicForm(form);
  } catch (error) {
    if (error instanceof ClinicFormError) return error.problems;
    throw error;
  }
  throw new Error('expected the form to be rejected');
}

describe('checkClinicForm', () => {
  it('turns a valid form into a config the stack accepts, every stage in order', () => {
    const { file, config } = checkClinicForm(sampleForm());
    expect(config.stages.map(s => s.name)).toEqual([...DEFAULT_STAGES]);
    expect(file.clinic).toBe('lakeside');
    const dev = config.stages[0];
    expect(dev).toMatchObject({
      account: '111111111111',
      region: 'eu-central-1',
      pausable: true,
      protected: false,
      access: { allowCidrs: ['203.0.113.0/24'] },
    });
    const prod = config.stages[3];
    // prod serves its users wherever they are, and never pauses.
    expect(prod).toMatchObject({
      account: '333333333333',
      protected: true,
      pausable: false,
      access: { public: true },
    });
    expect(prod.size.dbMinAcu).toBeGreaterThanOrEqual(0.5);
    // The file holds only what was configured; defaults are the stack's to apply.
    expect(file).not.toHaveProperty('uploadPrefix');
    expect(config.uploadPrefix).toBe('lakeside/');
  });

  it('makes every stage public when no office ranges are given', () => {
    const { config } = checkClinicForm(sampleForm({ officeCidrs: [] }));
    expect(config.stages.every(s => 'public' in s.access)).toBe(true);
  });

  it('gives the protected stage the web certificate', () => {
    const arn =
      'arn:aws:acm:us-east-1:333333333333:certificate/0f3c1a52-6b7e-4d8a-9c1e-2a4b6d8f0e13';
    const { config } = checkClinicForm(sampleForm({ webCertificateArn: arn }));
    expect(config.stages.map(s => s.webCertificateArn)).toEqual([
      undefined,
      undefined,
      undefined,
      arn,
    ]);
    expect(
      problemsOf(
        sampleForm({
          webCertificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x',
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^webCertificateArn: must be an ACM certificate ARN in us-east-1/,
      ),
    ]);
  });

  it('maps a SAML identity provider', () => {
    const { config } = checkClinicForm(
      sampleForm({
        identityProvider: {
          type: 'saml',
          metadataUrl: 'https://idp.lakeside.example/metadata.xml',
        },
      }),
    );
    expect(config.identityProvider).toEqual({
      type: 'saml',
      metadataUrl: 'https://idp.lakeside.example/metadata.xml',
    });
  });

  it.each([
    [
      'Lakeside',
      /contains uppercase letters; use lowercase \(try "lakeside"\)/,
    ],
    ['a'.repeat(64), /has 64 characters; use at most 28/],
    ['a'.repeat(29), /has 29 characters; use at most 28/],
    ['1lakeside', /must start with a lowercase letter/],
    ['lake_side', /only lowercase letters, digits and hyphens/],
    ['lake--side', /two hyphens in a row/],
  ])('rejects clinic id %p saying what to fix', (clinic, message) => {
    const problems = problemsOf(sampleForm({ clinic }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names the stage and the value of a malformed account id', () => {
    const form = sampleForm();
    form.stages.staging = { account: '2222', region: 'eu-west-1' };
    expect(problemsOf(form)).toEqual([
      'stages.staging.account: must be a 12-digit AWS account id (got "2222")',
    ]);
  });

  it('reports a missing stage', () => {
    const form = sampleForm();
    delete form.stages.test;
    expect(problemsOf(form)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^stages\.test\.account: must be a 12-digit/),
        expect.stringMatching(/^stages\.test\.region: must be an AWS region/),
      ]),
    );
  });

  it('lists every problem at once: malformed emails, office range and idp', () => {
    const problems = problemsOf(
      sampleForm({
        reviewers: ['retina@lakeside.example', 'dr.ames(at)lakeside'],
        senderEmail: 'no-reply',
        officeCidrs: ['203.0.113.0/33'],
        identityProvider: { type: 'oidc', issuer: 'http://insecure.example' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'reviewers.1: must be an email address (got "dr.ames(at)lakeside")',
        'senderEmail: must be an email address (got "no-reply")',
        expect.stringMatching(
          /^officeCidrs: must be an IPv4 or IPv6 CIDR block.*\(got "203\.0\.113\.0\/33"\)$/,
        ),
        expect.stringMatching(/^identityProvider\.issuer: /),
        expect.stringMatching(/^identityProvider\.clientId: /),
      ]),
    );
    // One line per distinct problem even though three stages share the office ranges.
    expect(problems.filter(p => p.startsWith('officeCidrs'))).toHaveLength(1);
  });

  it('accepts the longest clinic id: its bucket names still fit S3', () => {
    const { config } = checkClinicForm(sampleForm({ clinic: 'a'.repeat(28) }));
    expect(config.clinic).toHaveLength(28);
  });
});
