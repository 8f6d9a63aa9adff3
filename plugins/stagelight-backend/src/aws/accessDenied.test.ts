import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AwsAccessDeniedError,
  IAM_SERVICE_PREFIX,
  reportAccessDenied,
} from './accessDenied';

/**
 * The answers AWS and moto give to a refused call, served over HTTP to real
 * SDK clients: AWS's JSON and query-protocol refusals, moto's XML refusal to
 * a JSON client, and 403s that are not about permissions.
 */
const ANSWERS: Record<string, { type: string; body: string }> = {
  'aws-json': {
    type: 'application/x-amz-json-1.1',
    body: JSON.stringify({
      __type: 'AccessDeniedException',
      message:
        'User: arn:aws:sts::111111111111:assumed-role/stagelight-portal/s is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:eu-central-1:111111111111:service/c/api because no identity-based policy allows the ecs:UpdateService action',
    }),
  },
  'moto-xml-to-json': {
    type: 'text/html; charset=utf-8',
    body: '<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Errors><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/portal is not authorized to perform: ecs:UpdateService</Message><Type>Sender</Type></Error></Errors></ErrorResponse>',
  },
  'json-bad-signature': {
    type: 'application/x-amz-json-1.1',
    body: JSON.stringify({
      __type: 'InvalidSignatureException',
      message: 'The request signature we calculated does not match',
    }),
  },
  'query-denied': {
    type: 'text/xml',
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/portal is not authorized to perform: rds:DescribeDBClusters</Message></Error><RequestId>r-1</RequestId></ErrorResponse>',
  },
};

describe('a refused AWS call names its action', () => {
  let server: Server;
  let endpoint: string;
  let answer = 'aws-json';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.headers['x-amz-target']?.toString() ?? req.url ?? '');
      const a = ANSWERS[answer];
      res.writeHead(403, { 'content-type': a.type }).end(a.body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  const clientConfig = () => ({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 3,
  });

  async function updateService(kind: string) {
    answer = kind;
    const ecs = new ECSClient(clientConfig());
    reportAccessDenied(ecs, IAM_SERVICE_PREFIX.ecs);
    try {
      await ecs.send(
        new UpdateServiceCommand({
          cluster: 'c',
          service: 'api',
          desiredCount: 0,
        }),
      );
      throw new Error('the call succeeded');
    } catch (error) {
      return error as Error & { action?: string };
    } finally {
      ecs.destroy();
    }
  }

  it.each(['aws-json', 'moto-xml-to-json'])(
    'as AWS says it (%s)',
    async kind => {
      const error = await updateService(kind);
      expect(error).toBeInstanceOf(AwsAccessDeniedError);
      expect(error.name).toBe('AccessDenied');
      expect(error.action).toBe('ecs:UpdateService');
      expect(error.message).toMatch(
        /^ecs:UpdateService denied \(User: arn:aws:.* is not authorized to perform: ecs:UpdateService/,
      );
    },
  );

  it('over the query protocol too, with the client its prefix', async () => {
    answer = 'query-denied';
    const rds = new RDSClient(clientConfig());
    reportAccessDenied(rds, IAM_SERVICE_PREFIX.rds);
    const error = await rds.send(new DescribeDBClustersCommand({})).then(
      () => new Error('the call succeeded'),
      (e: Error) => e,
    );
    rds.destroy();
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect(error.message).toMatch(/^rds:DescribeDBClusters denied \(User: /);
  });

  it('leaves a 403 that is not about permissions as the SDK reports it', async () => {
    const error = await updateService('json-bad-signature');
    expect(error).not.toBeInstanceOf(AwsAccessDeniedError);
    expect(error.name).toBe('InvalidSignatureException');
  });

  it('is not retried: one request per refused call', async () => {
    requests.length = 0;
    await updateService('aws-json');
    expect(requests).toEqual([
      'AmazonEC2ContainerServiceV20141113.UpdateService',
    ]);
  });
});
