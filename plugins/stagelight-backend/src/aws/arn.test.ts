import { parseArn } from './arn';

describe('parseArn', () => {
  it.each([
    [
      'arn:aws:ecs:us-east-1:123456789012:service/ir-a-dev/api',
      {
        type: 'ecs:service',
        name: 'api',
        parent: 'ir-a-dev',
        region: 'us-east-1',
        accountId: '123456789012',
      },
    ],
    [
      'arn:aws:rds:eu-west-1:111122223333:cluster:ir-a-dev-db',
      { type: 'rds:cluster', name: 'ir-a-dev-db', region: 'eu-west-1' },
    ],
    [
      'arn:aws:sqs:us-east-1:123456789012:ir-a-dev-ingest',
      { type: 'sqs', name: 'ir-a-dev-ingest' },
    ],
    [
      'arn:aws:s3:::ir-a-dev-uploads',
      { type: 's3', name: 'ir-a-dev-uploads', region: '', accountId: '' },
    ],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:ir-a-dev-ingest',
      { type: 'lambda:function', name: 'ir-a-dev-ingest' },
    ],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:ir-a-dev-ingest:live',
      { type: 'lambda:function', name: 'ir-a-dev-ingest' },
    ],
    [
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/ir-a-dev/50dc6c495c0c9188',
      { type: 'elasticloadbalancing:loadbalancer', name: 'ir-a-dev' },
    ],
  ])('parses %s', (arn, expected) => {
    expect(parseArn(arn)).toEqual(expect.objectContaining(expected));
  });

  it('rejects what is not an ARN', () => {
    expect(parseArn('https://example.com')).toBeUndefined();
    expect(parseArn('arn:aws:sqs')).toBeUndefined();
  });
});
