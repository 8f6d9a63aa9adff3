import { createServer, Server } from 'node:http';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import {
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
} from '@stagelight/image-review-stack/moto';
import { environmentResourceNames } from '../fleet/demoFleet';

/**
 * Stands in, on loopback, for the API every demo environment would serve behind
 * its load balancer: `GET /<clinic>/<stage>/version` answers the deploy marker of
 * the service's primary deployment while it has running tasks, and 503 (what an
 * ALB with no healthy targets answers) while it has none. moto starts tasks
 * instantly, so a woken service answers only after `warmupMs`, like Fargate
 * registering a new target.
 */
export interface ApiSimulatorOptions {
  endpoint: string;
  region: string;
  port: number;
  warmupMs: number;
  /** A clock, so tests can move time. */
  now?: () => number;
}

export interface ApiSimulator {
  url: string;
  close(): Promise<void>;
}

export async function startApiSimulator(
  options: ApiSimulatorOptions,
): Promise<ApiSimulator> {
  const ecs = new ECSClient(
    localAwsClientConfig(options.endpoint, options.region),
  );
  const now = options.now ?? Date.now;
  /** When each environment was last seen with running tasks after having none. */
  const upSince = new Map<string, number>();

  async function servedMarker(
    clinic: string,
    stage: string,
  ): Promise<string | undefined> {
    const names = environmentResourceNames({ clinic, stage }, LOCAL_ACCOUNT_ID);
    const { services } = await ecs.send(
      new DescribeServicesCommand({
        cluster: names.cluster,
        services: [names.service],
      }),
    );
    const service = services?.find(s => s.status === 'ACTIVE');
    const key = `${clinic}/${stage}`;
    if (!service || !service.runningCount) {
      upSince.delete(key);
      return undefined;
    }
    if (!upSince.has(key)) upSince.set(key, now());
    if (now() - upSince.get(key)! < options.warmupMs) return undefined;
    const primary = service.deployments?.find(d => d.status === 'PRIMARY');
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: primary?.taskDefinition ?? service.taskDefinition!,
      }),
    );
    return taskDefinition?.containerDefinitions
      ?.find(c => c.name === 'api')
      ?.environment?.find(e => e.name === 'DEPLOY_MARKER')?.value;
  }

  const server: Server = createServer((req, res) => {
    const match = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/version$/.exec(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || !match) {
      send(404, { error: 'Not found' });
      return;
    }
    servedMarker(match[1], match[2]).then(
      marker =>
        marker
          ? send(200, { marker })
          : send(503, { error: 'No healthy targets' }),
      () => send(502, { error: 'Bad gateway' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    close: () =>
      new Promise(resolve => {
        ecs.destroy();
        server.close(() => resolve());
      }),
  };
}
