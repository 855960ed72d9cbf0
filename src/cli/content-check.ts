/**
 * Validates the FAQ content (docs/content-format.md "Checker rules"):
 *   npm run content:check [-- --dir CONTENT_DIR] [--json] [--date YYYY-MM-DD]
 * Prints one `file:line: error|warning CODE message` per finding (messages in Vietnamese, for
 * admins) and a summary line; with --json, one object {diagnostics, errors, warnings, files, nodes}.
 * Exit code 1 when there is any error, 0 otherwise (warnings alone pass). `--date` judges review
 * ages as on that day (default: today in Asia/Ho_Chi_Minh); `--dir` default ./content.
 */
import { checkContentDir } from '../faq/content/check-content-dir.js';
import { createFaqTranslator, formatDiagnostic } from '../faq/content/format-diagnostics.js';
import { dayOf } from '../faq/validity.js';
import { isIsoDay } from '../faq/content/yaml-reader.js';
import { parseFlags } from './parse-flags.js';
import { contentDirFor } from './content-dir.js';

function main(): number {
  const t = createFaqTranslator('vi');
  const values = parseFlags(
    {
      dir: { type: 'string' },
      json: { type: 'boolean' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    t('cli.usage'),
  );
  if (!values) return 2;
  if (values.help || (values.date !== undefined && !isIsoDay(values.date))) {
    process.stderr.write(`${t('cli.usage')}\n`);
    return values.help ? 0 : 2;
  }
  const checked = checkContentDir(contentDirFor(values.dir), values.date ?? dayOf(Date.now()), t);
  const counts = {
    errors: checked.errorCount,
    warnings: checked.warningCount,
    files: checked.loaded.files.length,
    nodes: checked.loaded.nodes.length,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ diagnostics: checked.diagnostics, ...counts })}\n`);
  } else {
    for (const d of checked.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
    process.stdout.write(`${t('cli.summary', counts)} ${t(counts.errors > 0 ? 'cli.failed' : 'cli.ok')}\n`);
  }
  return counts.errors > 0 ? 1 : 0;
}

process.exitCode = main();
