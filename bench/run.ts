import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs every `bench/<name>/bench.ts` in turn (name order), each in its own Node process with the tsx
 * loader, under a header. Exits 1 if any bench failed. `npm run bench -- webhook` runs only the named ones;
 * `npm run bench -- webhook --quick` passes the flags to each (a reduced run, where a bench has one).
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
/** flags (`--quick`) go to every bench run */
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const benches = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(benchDir, entry.name, 'bench.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, name, 'bench.ts'), ...flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`bench/${name} failed (exit ${result.status ?? result.signal})`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benches completed`);
process.exit(failed ? 1 : 0);
