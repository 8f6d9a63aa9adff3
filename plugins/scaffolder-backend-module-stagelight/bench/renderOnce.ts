// Renders the new-clinic template through the real scaffolder (dry run) into a
// folder and links its dependencies: `tsx bench/renderOnce.ts <dir>`.
// For looking at a generated repository by hand.
import { mkdir } from 'node:fs/promises';
import { sampleParameters } from '../src/__testUtils__/newClinicTemplate';
import {
  linkDependencies,
  writeDryRunFiles,
} from '../src/__testUtils__/renderedRepository';
import { startScaffolder } from '../src/__testUtils__/scaffolderBackend';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/renderOnce.ts <empty dir>');
  const scaffolder = await startScaffolder();
  try {
    const res = await scaffolder.dryRun(sampleParameters());
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    await mkdir(dir, { recursive: true });
    await writeDryRunFiles(dir, res.body.directoryContents);
    await linkDependencies(dir);
    console.log(
      `rendered ${res.body.directoryContents.length} files into ${dir}`,
    );
  } finally {
    await scaffolder.backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
