#!/usr/bin/env node
/**
 * stagelight-local-aws: local AWS for the dev portal.
 *
 *   up    start moto_server where app-config.yaml says (or reuse one already
 *         running there), seed the demo fleet, serve the demo APIs; runs until
 *         interrupted
 *   seed  seed the demo fleet into the moto_server app-config.yaml points at
 *
 * Options: --config <file> (repeatable; default app-config.yaml in the repo root),
 *          --warmup-seconds <n> (how long a woken demo API takes to answer; default 20)
 */
import { resolve } from 'node:path';
import { demoFleet } from './fleet/demoFleet';
import { readLocalAwsSettings } from './config/localAwsSettings';
import { startMotoServer } from '@stagelight/image-review-stack/moto';
import { seedFleet } from './seed/seedFleet';
import { startApiSimulator } from './simulator/ApiSimulator';

function parseArgs(argv: string[]) {
  const [command = 'up', ...rest] = argv;
  const configs: string[] = [];
  let warmupSeconds = 20;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--config') configs.push(resolve(rest[++i]));
    else if (rest[i] === '--warmup-seconds') warmupSeconds = Number(rest[++i]);
    else throw new Error(`Unknown option ${rest[i]}`);
  }
  if (!configs.length) {
    // A development CLI run from source with tsx, never built: __dirname is this folder.
    // eslint-disable-next-line no-restricted-syntax
    configs.push(resolve(__dirname, '../../../app-config.yaml'));
  }
  if (!['up', 'seed'].includes(command))
    throw new Error(`Unknown command ${command}`);
  if (!(warmupSeconds >= 0))
    throw new Error('--warmup-seconds takes a number >= 0');
  return { command, configs, warmupSeconds };
}

async function main() {
  const { command, configs, warmupSeconds } = parseArgs(process.argv.slice(2));
  const settings = readLocalAwsSettings(configs);
  const log = (line: string) => console.log(`[local-aws] ${line}`);

  const moto = await startMotoServer({
    port: settings.port,
    reuseExisting: true,
  });
  log(`${moto.owned ? 'started' : 'reusing'} moto_server at ${moto.endpoint}`);
  const report = await seedFleet({
    endpoint: moto.endpoint,
    fleet: demoFleet(settings.region),
    today: new Date(),
  });
  log(
    `demo fleet ready: ${report.environments} environments in ${Math.round(
      report.durationMs,
    )} ms`,
  );
  if (command === 'seed') return;

  const simulator = await startApiSimulator({
    endpoint: moto.endpoint,
    region: settings.region,
    port: settings.simulatorPort,
    warmupMs: warmupSeconds * 1000,
  });
  log(`demo APIs answer at ${simulator.url}/<clinic>/<stage>/version`);
  log('ready');

  const shutdown = async () => {
    await simulator.close();
    await moto.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(error => {
  console.error(
    `[local-aws] ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
