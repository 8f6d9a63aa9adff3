import { probeUrlFor } from './probeUrl';

const alb = {
  arn: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/ir-a-dev/abc',
  component: 'api',
  type: 'elasticloadbalancing:loadbalancer',
  name: 'ir-a-dev',
  accountId: '1',
  region: 'us-east-1',
};
const env = { clinic: 'a', stage: 'dev', resources: [alb] };

describe('probeUrlFor', () => {
  it('fills the configured template with the environment itself', () => {
    expect(
      probeUrlFor(
        env,
        {
          baseUrlTemplate: 'http://127.0.0.1:4567/{clinic}/{stage}/',
          path: '/version',
        },
        new Map(),
      ),
    ).toBe('http://127.0.0.1:4567/a/dev/version');
  });

  it("otherwise uses the environment's own tagged ALB", () => {
    expect(
      probeUrlFor(
        env,
        { path: '/version' },
        new Map([[alb.arn, 'ir-a-dev-1.us-east-1.elb.amazonaws.com']]),
      ),
    ).toBe('https://ir-a-dev-1.us-east-1.elb.amazonaws.com/version');
  });

  it('probes nothing without a template or a known ALB, or with a DNS name that is not a host', () => {
    expect(probeUrlFor(env, { path: '/version' }, new Map())).toBeNull();
    expect(
      probeUrlFor(
        env,
        { path: '/version' },
        new Map([[alb.arn, 'evil.com/x?y=@']]),
      ),
    ).toBeNull();
  });
});
