import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../shared/errors.js';

/**
 * The environment schema: one entry per variable, each with the line that documents it.
 * `.env.example` repeats these lines for operators; keep the two in step.
 * To add a knob: add it here with a default and a `describe()`, then to `.env.example`, then read it from `Config`.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('TCP port to listen on'),
  HOST: z.string().min(1).default('127.0.0.1').describe('address to listen on'),
  ZALO_APP_ID: z.string().optional().describe('Zalo app id; also checked against the webhook body app_id'),
  ZALO_APP_SECRET: z.string().optional().describe('app secret key, sent as the secret_key header to OAuth'),
  ZALO_OA_SECRET_KEY: z.string().optional().describe('OA secret key used in the webhook signature'),
  ZALO_ACCESS_TOKEN: z.string().optional().describe('bootstrap OA access token'),
  ZALO_REFRESH_TOKEN: z.string().optional().describe('bootstrap OA refresh token'),
  ZALO_OPENAPI_URL: z.url().default('https://openapi.zalo.me').describe('Zalo OpenAPI base URL'),
  ZALO_OAUTH_URL: z.url().default('https://oauth.zaloapp.com').describe('Zalo OAuth base URL'),
  ZALO_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(4000)
    .describe('ceiling for OpenAPI calls per minute; the lower of this and X-RateLimit-Limit wins'),
  ZALO_VERIFIER_CODE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .optional()
    .describe('domain verification code; serves /zalo_verifier<CODE>.html'),
  DATA_DIR: z.string().min(1).default('./data').describe('folder of the SQLite database'),
  CONTENT_DIR: z.string().min(1).default('./content').describe('folder of the FAQ content files'),
  ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional().describe('bearer token for /admin/api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_MESSAGE_TEXT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('log residents’ full message texts (off by default: personal data)'),
  BOT_WORKER: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('run the resident side (inbox processing, dialog, replies) in a worker thread (opt-in)'),
  MESSAGE_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(90)
    .describe('days to keep residents’ question texts; 0 keeps none'),
  DIALOG_BUTTONS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('add oa.query buttons to menus (the numbered text menu always works without them)'),
  DIALOG_FLOOD_MAX: z.coerce
    .number()
    .int()
    .positive()
    .default(20)
    .describe('messages per resident per flood window before "slow down" (menu taps do not count)'),
  DIALOG_FLOOD_WINDOW_SECONDS: z.coerce.number().int().positive().default(60).describe('length of the flood window'),
  REPLY_ABSENT_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(12)
    .describe('a reply whose send outcome is unknown is sent again only when Zalo still lacks it this long after'),
  HUMAN_QUIET_MINUTES: z.coerce
    .number()
    .min(0)
    .default(30)
    .describe('the bot stays silent this long after an official wrote to a resident from the OA'),
  HANDOFF_QUIET_HOURS: z.coerce
    .number()
    .positive()
    .default(24)
    .describe('a thread an official owns goes back to the bot after this many hours without an official writing'),
  HANDOFF_NOTIFY_GROUP_ID: z
    .string()
    .default('')
    .describe('OA group that hears "a resident needs an official" (at most once per thread per hour); empty = off'),
  SANDBOX: z.enum(['auto', 'true', 'false']).default('auto').describe('auto: sandbox when no Zalo credentials are set'),
  TZ_NAME: z.string().default('Asia/Ho_Chi_Minh').describe('time zone for schedules and dates shown'),
  BROADCAST_QUIET_HOURS: z
    .string()
    .regex(/^(off|((0\d|1\d|2[0-3]):[0-5]\d-(0\d|1\d|2[0-3]):[0-5]\d))?$/, 'HH:MM-HH:MM (e.g. 21:00-07:00) or off')
    .default('21:00-07:00')
    .describe('local hours when no campaign message is sent; a run due inside waits for the end (off = none)'),
  APPROVAL_NOTIFY_GROUP_ID: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9]{1,64})?$/, 'a Zalo group id (letters and digits), or empty for none')
    .default('')
    .describe('the officials\' Zalo group told once of each "Gửi đề nghị duyệt" (empty = off)'),
  BROADCAST_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .default(6)
    .describe('runs missed while the server was down are still sent when at most this late'),
  BROADCAST_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(4)
    .describe('group sends in flight per campaign run (Zalo’s rate limit still applies)'),
  BROADCAST_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(5)
    .describe('send attempts per group before a temporary failure is reported as failed'),
  BROADCAST_TWO_PERSON_RULE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('whoever drafted or last edited a campaign cannot approve it'),
  BROADCAST_TICK_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(15)
    .describe('how often the broadcast scheduler looks for due runs'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe(
      'behind a TLS reverse proxy: believe X-Forwarded-Proto/-For (console Secure cookie, sign-in rate limit per IP)',
    ),
});

export type Env = Record<string, string | undefined>;

/** Parsed, validated configuration. Built once by `main.ts`; everything else receives it. */
export interface Config {
  port: number;
  host: string;
  sandbox: boolean;
  zalo: {
    appId: string;
    appSecret: string;
    oaSecretKey: string;
    accessToken?: string;
    refreshToken?: string;
    openapiUrl: string;
    oauthUrl: string;
    rateLimitPerMinute: number;
    verifierCode?: string;
  };
  dataDir: string;
  /** DATA_DIR was not set (./data): the folder may be created; a configured one must exist */
  dataDirDefault: boolean;
  databaseFile: string;
  contentDir: string;
  adminToken?: string;
  log: { level: string; messageText: boolean };
  messageRetentionDays: number;
  /** FAQ conversation knobs (bot/dialog) */
  dialog: { buttons: boolean; floodMax: number; floodWindowMs: number; humanQuietMs: number };
  /** hand-off threads (bot/dialog/conversation.ts): quiet timeout, officials' group notice (undefined = off) */
  handoff: { quietMs: number; notifyGroupId?: string };
  /** 1:1 reply outbox (src/bot/reply-outbox.ts): Zalo's records prove a reply absent this long after its send */
  replies: { absentAfterMs: number };
  /** BOT_WORKER: the resident side runs in a worker thread (src/bot/bot-worker.ts) */
  botWorker: boolean;
  timeZone: string;
  /** believe X-Forwarded-Proto / X-Forwarded-For (set only behind a reverse proxy) */
  trustProxy: boolean;
  /** campaign scheduler and sender (src/broadcast) */
  broadcast: {
    quietHours: string;
    graceMs: number;
    concurrency: number;
    maxAttempts: number;
    twoPersonRule: boolean;
    tickMs: number;
    /** APPROVAL_NOTIFY_GROUP_ID; null = no Zalo notice of approval requests */
    approvalNotifyGroupId: string | null;
  };
}

const ZALO_KEYS = ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY'] as const;

/** Sandbox credentials: fixed, public, only ever used against the in-process simulator. */
export const SANDBOX_ZALO = {
  appId: '1000000000000000001',
  appSecret: 'sandbox-app-secret',
  oaSecretKey: 'sandbox-oa-secret',
} as const;

/**
 * Parses the environment once. Throws a `ConfigError` that names the offending variable.
 * @example parseConfig(process.env)
 */
export function parseConfig(env: Env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? 'environment');
    throw new ConfigError(key, `${key}: ${issue.message}`);
  }
  const e = result.data;
  const present = ZALO_KEYS.filter((k) => e[k]);
  const sandbox = e.SANDBOX === 'true' || (e.SANDBOX === 'auto' && present.length === 0);
  if (!sandbox && present.length < ZALO_KEYS.length) {
    const missing = ZALO_KEYS.find((k) => !e[k])!;
    throw new ConfigError(
      missing,
      `${missing} is required when Zalo credentials are configured (or unset all of ${ZALO_KEYS.join(', ')} for sandbox mode)`,
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    sandbox,
    zalo: {
      appId: sandbox ? SANDBOX_ZALO.appId : e.ZALO_APP_ID!,
      appSecret: sandbox ? SANDBOX_ZALO.appSecret : e.ZALO_APP_SECRET!,
      oaSecretKey: sandbox ? SANDBOX_ZALO.oaSecretKey : e.ZALO_OA_SECRET_KEY!,
      accessToken: sandbox ? undefined : e.ZALO_ACCESS_TOKEN,
      refreshToken: sandbox ? undefined : e.ZALO_REFRESH_TOKEN,
      openapiUrl: e.ZALO_OPENAPI_URL.replace(/\/+$/, ''),
      oauthUrl: e.ZALO_OAUTH_URL.replace(/\/+$/, ''),
      rateLimitPerMinute: e.ZALO_RATE_LIMIT_PER_MINUTE,
      verifierCode: e.ZALO_VERIFIER_CODE,
    },
    dataDir,
    dataDirDefault: env.DATA_DIR === undefined,
    databaseFile: path.join(dataDir, 'loa-xa.sqlite'),
    contentDir: path.resolve(e.CONTENT_DIR),
    adminToken: e.ADMIN_TOKEN,
    log: { level: e.LOG_LEVEL, messageText: e.LOG_MESSAGE_TEXT },
    messageRetentionDays: e.MESSAGE_RETENTION_DAYS,
    dialog: {
      buttons: e.DIALOG_BUTTONS,
      floodMax: e.DIALOG_FLOOD_MAX,
      floodWindowMs: e.DIALOG_FLOOD_WINDOW_SECONDS * 1000,
      humanQuietMs: e.HUMAN_QUIET_MINUTES * 60 * 1000,
    },
    handoff: {
      quietMs: e.HANDOFF_QUIET_HOURS * 3_600_000,
      ...(e.HANDOFF_NOTIFY_GROUP_ID.trim() && { notifyGroupId: e.HANDOFF_NOTIFY_GROUP_ID.trim() }),
    },
    replies: { absentAfterMs: e.REPLY_ABSENT_AFTER_SECONDS * 1000 },
    botWorker: e.BOT_WORKER,
    timeZone: e.TZ_NAME,
    trustProxy: e.TRUST_PROXY,
    broadcast: {
      quietHours: e.BROADCAST_QUIET_HOURS,
      graceMs: e.BROADCAST_GRACE_HOURS * 3_600_000,
      concurrency: e.BROADCAST_CONCURRENCY,
      maxAttempts: e.BROADCAST_MAX_ATTEMPTS,
      twoPersonRule: e.BROADCAST_TWO_PERSON_RULE,
      tickMs: e.BROADCAST_TICK_SECONDS * 1000,
      approvalNotifyGroupId: e.APPROVAL_NOTIFY_GROUP_ID || null,
    },
  };
}
