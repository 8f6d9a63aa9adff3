import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../src/packageRoot';
import {
  synthesizeTemplates,
  TEMPLATE_FILES,
  templateYaml,
} from '../src/templates/synthesizeTemplates';

// `yarn templates`: rewrites templates/hub.yaml and templates/spoke.yaml from
// the constructs; `src/templates/templates.test.ts` fails until they are rewritten.
const outdir = mkdtempSync(join(tmpdir(), 'stagelight-aws-access-'));
try {
  const { templates } = synthesizeTemplates(outdir);
  for (const [name, file] of Object.entries(TEMPLATE_FILES)) {
    const path = join(TEMPLATES_DIR, file);
    writeFileSync(
      path,
      templateYaml(templates[name as keyof typeof TEMPLATE_FILES]),
    );
    console.log(`wrote ${path}`);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
