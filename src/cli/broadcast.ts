/**
 * `npm run broadcast -- <command>`: the admin API (/admin/api) from a terminal — groups, campaigns,
 * runs, audit. Talks HTTP only (base URL + bearer token from flags or LOA_XA_URL / ADMIN_TOKEN), so
 * it works against a remote server too. `--help` prints the Vietnamese usage.
 * Exit codes: 0 ok, 1 the server refused (its message is printed), 2 bad usage or no connection.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createI18n } from '../i18n/create-i18n.js';

const t = createI18n().getFixedT('vi', 'broadcast');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    actor: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    watch: { type: 'boolean' },
    out: { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    tag: { type: 'string' },
    unit: { type: 'string' },
    tags: { type: 'string' },
    status: { type: 'string' },
    title: { type: 'string' },
    text: { type: 'string' },
    'text-file': { type: 'string' },
    image: { type: 'string' },
    at: { type: 'string' },
    'monthly-day': { type: 'string' },
    time: { type: 'string' },
    cron: { type: 'string' },
    all: { type: 'boolean' },
    kinds: { type: 'string' },
    groups: { type: 'string' },
    campaign: { type: 'string' },
    limit: { type: 'string' },
  },
});

class UsageError extends Error {}

const baseUrl = (values.url ?? process.env.LOA_XA_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const token = values.token ?? process.env.ADMIN_TOKEN;
const actor = values.actor ?? process.env.LOA_XA_ACTOR;

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const arg = (index: number, name: string): string => {
  const v = positionals[index];
  if (v === undefined) throw new UsageError(t('cli.missingArgument', { name }));
  return v;
};

/** One admin API call; prints the server's message and exits 1 when it refuses. */
async function call(method: string, path: string, body?: unknown): Promise<Response> {
  if (!token) throw new UsageError(t('cli.missingToken'));
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (actor) headers['x-actor'] = encodeURIComponent(actor);
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/admin/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new UsageError(t('cli.connectFailed', { url: baseUrl, detail: (err as Error).message }));
  }
  if (!res.ok) {
    const payload = (await res.json().catch(() => ({}))) as { message?: string; field?: string; error?: string };
    process.stderr.write(`${payload.message ?? payload.error ?? res.statusText} (HTTP ${res.status})\n`);
    process.exit(1);
  }
  return res;
}

const callJson = async (method: string, path: string, body?: unknown) =>
  (await call(method, path, body)).json() as Promise<Record<string, unknown>>;
const print = (data: unknown): void => {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
};

/** The campaign body from --file, or from the individual flags (only those given, for updates). */
function campaignBody(): Record<string, unknown> {
  if (values.file) return JSON.parse(fs.readFileSync(values.file, 'utf8')) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  if (values.title !== undefined) body.title = values.title;
  if (values.text !== undefined) body.text = values.text;
  if (values['text-file'] !== undefined) body.text = fs.readFileSync(values['text-file'], 'utf8');
  if (values.image !== undefined) body.imageUrl = values.image;
  if (values.at !== undefined) body.schedule = { type: 'once', at: values.at };
  if (values['monthly-day'] !== undefined)
    body.schedule = { type: 'monthly', day: Number(values['monthly-day']), time: values.time ?? '08:00' };
  if (values.cron !== undefined) body.schedule = { type: 'cron', expression: values.cron };
  const audience = {
    all: values.all || undefined,
    kinds: list(values.kinds),
    tags: list(values.tags),
    groupIds: list(values.groups),
  };
  if (Object.values(audience).some((v) => v !== undefined))
    body.audience = JSON.parse(JSON.stringify(audience)) as unknown;
  return body;
}

async function showRun(id: string): Promise<void> {
  for (;;) {
    const data = (await callJson('GET', `/runs/${id}`)) as {
      run: { status: string; outcomeLabel: string; counts: Record<string, number> };
      deliveries: Array<Record<string, unknown>>;
    };
    if (values.json) print(data);
    else {
      process.stdout.write(`${t('cli.runLine', { id, status: data.run.outcomeLabel, ...data.run.counts })}\n`);
      if (!values.watch || data.run.status !== 'sending') {
        for (const d of data.deliveries)
          process.stdout.write(`  ${d.groupId}\t${d.groupName}\t${d.statusLabel}\t${d.messageId ?? d.reason ?? ''}\n`);
      }
    }
    if (!values.watch || data.run.status !== 'sending') return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function main(): Promise<void> {
  const [area, action] = positionals;
  if (values.help || !area) {
    process.stdout.write(`${t('cli.help')}\n`);
    return;
  }
  const command = `${area} ${action ?? ''}`.trim();
  switch (command) {
    case 'groups list':
      return print(
        await callJson(
          'GET',
          `/groups?${new URLSearchParams(JSON.parse(JSON.stringify({ kind: values.kind, tag: values.tag })) as Record<string, string>)}`,
        ),
      );
    case 'groups sync':
      return print((await callJson('POST', '/groups/sync')).summary);
    case 'groups set':
      return print(
        await callJson('PATCH', `/groups/${encodeURIComponent(arg(2, 'mã-nhóm'))}`, {
          ...(values.kind !== undefined ? { kind: values.kind === 'none' ? null : values.kind } : {}),
          ...(values.unit !== undefined ? { unit: values.unit } : {}),
          ...(values.tags !== undefined ? { tags: list(values.tags) } : {}),
        }),
      );
    case 'campaigns list':
      return print(
        await callJson('GET', `/campaigns${values.status ? `?status=${encodeURIComponent(values.status)}` : ''}`),
      );
    case 'campaigns show':
      return print(await callJson('GET', `/campaigns/${arg(2, 'số')}`));
    case 'campaigns create':
      return print(await callJson('POST', '/campaigns', campaignBody()));
    case 'campaigns update':
      return print(await callJson('PATCH', `/campaigns/${arg(2, 'số')}`, campaignBody()));
    case 'campaigns dry-run':
    case 'campaigns approve':
    case 'campaigns pause':
    case 'campaigns resume':
    case 'campaigns cancel':
      return print(await callJson('POST', `/campaigns/${arg(2, 'số')}/${action}`));
    case 'runs show':
      return showRun(arg(2, 'số'));
    case 'runs csv': {
      const csv = Buffer.from(await (await call('GET', `/runs/${arg(2, 'số')}/report.csv`)).arrayBuffer());
      if (!values.out) return void process.stdout.write(csv);
      fs.writeFileSync(values.out, csv);
      return void process.stderr.write(`${t('cli.saved', { file: values.out })}\n`);
    }
    case 'deliveries resolve':
      return print(
        await callJson('POST', `/deliveries/${arg(2, 'số')}/resolve`, { resolution: arg(3, 'sent|failed|resend') }),
      );
    default:
      if (area === 'audit') {
        const q = new URLSearchParams(
          JSON.parse(JSON.stringify({ campaignId: values.campaign, limit: values.limit })) as Record<string, string>,
        );
        return print(await callJson('GET', `/audit?${q}`));
      }
      throw new UsageError(t('cli.unknownCommand', { command }));
  }
}

try {
  await main();
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 2;
}
