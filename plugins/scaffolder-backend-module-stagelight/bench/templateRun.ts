// How long from submitting the new-clinic template to generated files, through
// the real scaffolder backend (startTestBackend, fake catalog, SQLite):
//   yarn bench            (tsx bench/templateRun.ts [runs])
// 1. dry run: POST /api/scaffolder/v2/dry-run until the response carries the files;
// 2. task:    POST /api/scaffolder/v2/tasks with the template from the catalog
//             (publish and register removed: they need GitHub), polled until done;
// 3. the stack copy alone (stagelight:stack:copy's work).
// Prints figures only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import {
  TEMPLATE_DIR,
  loadTemplate,
  sampleParameters,
} from '../src/__testUtils__/newClinicTemplate';
import { startScaffolder } from '../src/__testUtils__/scaffolderBackend';
import { writeGeneratedRepository } from '../src/stack/generatedRepository';

const runs = Number(process.argv[2] ?? 5);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(0)} ms`;
  return `min ${f(s[0])}, median ${f(s[Math.floor(s.length / 2)])}, max ${f(
    s[s.length - 1],
  )} (${s.length} runs)`;
}

async function main() {
  const template = await loadTemplate();
  template.metadata.namespace = 'default';
  template.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${join(
      TEMPLATE_DIR,
      'template.yaml',
    )}`,
    'backstage.io/managed-by-origin-location': `file:${join(
      TEMPLATE_DIR,
      'template.yaml',
    )}`,
  };
  template.spec.steps = template.spec.steps.filter(
    (s: { action: string }) =>
      !['publish:github', 'catalog:register'].includes(s.action),
  );
  template.spec.output = {};
  const scaffolder = await startScaffolder({ catalogEntities: [template] });
  const server = scaffolder.backend.server;
  try {
    // Warm-up: module loading and the first copy are not what a user waits for twice.
    await scaffolder.dryRun(sampleParameters());

    const dry: number[] = [];
    let files = 0;
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await scaffolder.dryRun(sampleParameters());
      dry.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      files = res.body.directoryContents.length;
      bytes = res.body.directoryContents.reduce(
        (n: number, f: { base64Content: string }) =>
          n + Buffer.from(f.base64Content, 'base64').length,
        0,
      );
    }
    console.log(
      `dry run, submit -> files:   ${stats(dry)}; ${files} files, ${(
        bytes / 1024
      ).toFixed(0)} KiB`,
    );

    const task: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .send({
          templateRef: `template:default/${template.metadata.name}`,
          values: sampleParameters(),
        });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      for (;;) {
        const t = await request(server).get(
          `/api/scaffolder/v2/tasks/${created.body.id}`,
        );
        if (t.body.status === 'completed') break;
        if (t.body.status === 'failed' || t.body.status === 'cancelled') {
          const events = await request(server).get(
            `/api/scaffolder/v2/tasks/${created.body.id}/events`,
          );
          throw new Error(
            `task ${t.body.status}: ${JSON.stringify(events.body.slice(-3))}`,
          );
        }
        await new Promise(r => setTimeout(r, 20));
      }
      task.push(performance.now() - t0);
    }
    console.log(
      `task, submit -> completed:  ${stats(task)} (polled every 20 ms)`,
    );

    const copy: number[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'bench-copy-'));
      const t0 = performance.now();
      await writeGeneratedRepository(dir, {
        clinic: 'lakeside',
        displayName: 'Lakeside',
      });
      copy.push(performance.now() - t0);
      await rm(dir, { recursive: true, force: true });
    }
    console.log(`stack copy alone:           ${stats(copy)}`);
  } finally {
    await scaffolder.backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
