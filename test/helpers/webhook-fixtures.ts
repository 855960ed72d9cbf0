import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEBHOOK_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/zalo/webhook',
);

export interface WebhookFixture {
  /** file name, e.g. `user_send_text.json` */
  file: string;
  /** the exact published bytes */
  raw: string;
  body: Record<string, unknown>;
}

/** Every full webhook body Zalo publishes (test/fixtures/zalo/webhook/*.json), read verbatim. */
export function loadWebhookFixtures(): WebhookFixture[] {
  return fs
    .readdirSync(WEBHOOK_FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(WEBHOOK_FIXTURES_DIR, file), 'utf8');
      return { file, raw, body: JSON.parse(raw) as Record<string, unknown> };
    });
}

/** One fixture by file name. */
export function webhookFixture(file: string): WebhookFixture {
  const fixture = loadWebhookFixtures().find((f) => f.file === file);
  if (!fixture) throw new Error(`no webhook fixture ${file}`);
  return fixture;
}
