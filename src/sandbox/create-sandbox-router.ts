import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { TFunction } from '../i18n/create-i18n.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import type { ZaloSimulator } from '../simulator/create-zalo-simulator.js';
import type { EmitResult } from '../simulator/webhook-emitter.js';
import { renderSandboxPage } from './render-sandbox-page.js';

const userIdSchema = z.string().regex(/^\d{1,19}$/);
const schemas = {
  resident: z.object({ displayName: z.string().trim().min(1).max(60) }),
  residentOnly: z.object({ userId: userIdSchema }),
  message: z.object({ userId: userIdSchema, text: z.string().trim().min(1).max(2000) }),
  click: z.object({ userId: userIdSchema, payload: z.string().min(1).max(1000) }),
  query: z.object({ user: userIdSchema }),
};

/** How many group messages the page shows per group (the newest). */
const GROUP_MESSAGES_SHOWN = 30;

/**
 * The `/sandbox` router (sandbox mode only): one Vietnamese chat page plus a small JSON API under
 * `/api/*` that drives the simulator. Sending a message makes the simulator POST a real, signed
 * `user_send_text` to the app's webhook; the bot's answers come back through the simulator's
 * OpenAPI and the page polls for them. All request bodies are validated with zod (400 on bad
 * input, 404 for an unknown resident); texts come from the `sandbox` locale namespace.
 *
 * API: GET /api/texts · POST /api/residents {displayName} → 201 {userId, displayName} ·
 * POST /api/follow {userId} · POST /api/messages {userId, text} · POST /api/click {userId, payload}
 * (the three answer 202 when the app acknowledged the webhook with 200, else 502 {status}) ·
 * GET /api/messages?user= → {resident, messages} · GET /api/groups → {groups}.
 */
export function createSandboxRouter(deps: { simulator: ZaloSimulator; t: TFunction; log: Logger }): Router {
  const { simulator, t, log } = deps;
  const pageTexts = t('sandbox:page', { returnObjects: true }) as unknown as Record<string, string>;
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/', (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.set(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    res.set('Cache-Control', 'no-store');
    res.type('html').send(renderSandboxPage(pageTexts, { nonce, base: req.baseUrl }));
  });

  router.get('/api/texts', (_req, res) => {
    res.json(pageTexts);
  });

  router.post('/api/residents', (req, res) => {
    const body = parse(schemas.resident, req.body, res);
    if (!body) return;
    const user = simulator.addUser({ displayName: body.displayName });
    log.info({ user: hashUserId(user.userId) }, 'sandbox: resident created');
    res.status(201).json({ userId: user.userId, displayName: user.displayName });
  });

  router.post('/api/follow', async (req, res) => {
    const body = parse(schemas.residentOnly, req.body, res);
    if (!body || !knownResident(body.userId, res)) return;
    reply(res, await simulator.emit(simulator.events.follow(body.userId)));
  });

  router.post('/api/messages', async (req, res) => {
    const body = parse(schemas.message, req.body, res);
    if (!body || !knownResident(body.userId, res)) return;
    reply(res, await simulator.sendUserText(body.userId, body.text));
  });

  router.post('/api/click', async (req, res) => {
    const body = parse(schemas.click, req.body, res);
    if (!body || !knownResident(body.userId, res)) return;
    reply(res, await simulator.clickButton(body.userId, body.payload));
  });

  router.get('/api/messages', (req, res) => {
    const query = parse(schemas.query, req.query, res);
    if (!query) return;
    if (!knownResident(query.user, res)) return;
    const user = simulator.getUser(query.user)!;
    res.json({
      resident: { userId: user.userId, displayName: user.displayName, isFollower: user.isFollower },
      messages: simulator.conversation(user.userId).map((m) => ({
        id: m.messageId,
        from: m.direction === 'in' ? 'resident' : 'oa',
        type: m.type,
        time: m.time,
        text: m.text ?? '',
        imageUrl: imageUrlOf(m.attachment),
        buttons: (m.buttons ?? [])
          .filter((b) => b.type.startsWith('oa.query.') && typeof b.payload === 'string')
          .map((b) => ({ title: b.title, payload: b.payload as string })),
      })),
    });
  });

  router.get('/api/groups', (_req, res) => {
    res.json({
      groups: simulator.listGroups().map((g) => ({
        groupId: g.groupId,
        name: g.name,
        status: g.status,
        owned: g.owned,
        memberCount: g.members.length,
        messages: g.history.slice(-GROUP_MESSAGES_SHOWN).map((m) => ({
          id: m.messageId,
          from: m.fromDisplayName,
          time: m.time,
          text: m.text ?? '',
          imageUrl: m.imageUrl,
        })),
      })),
    });
  });

  const badBody: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type !== 'entity.parse.failed' && error.type !== 'entity.too.large') return next(error);
    res.status(400).json({ error: 'invalid_request', message: t('sandbox:errors.invalid') });
  };
  router.use(badBody);

  function parse<T>(schema: z.ZodType<T>, input: unknown, res: Response): T | undefined {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    res.status(400).json({
      error: 'invalid_request',
      message: t('sandbox:errors.invalid'),
      issues: result.error.issues.map((i) => i.path.join('.')),
    });
    return undefined;
  }

  function knownResident(userId: string, res: Response): boolean {
    if (simulator.getUser(userId)) return true;
    res.status(404).json({ error: 'unknown_resident', message: t('sandbox:errors.unknownResident') });
    return false;
  }

  function reply(res: Response, result: EmitResult): void {
    if (result.status === 200) {
      res.status(202).json({ delivered: true, status: 200 });
      return;
    }
    log.warn(
      { status: result.status },
      'sandbox: the app did not acknowledge the webhook with 200; check that /webhook/zalo is mounted and the simulator secrets match the config',
    );
    res.status(502).json({ delivered: false, status: result.status ?? 'no-answer' });
  }

  return router;
}

/** The image URL of a media-template attachment as posted to the CS API, if any. */
function imageUrlOf(attachment: unknown): string | undefined {
  const elements = (attachment as { payload?: { elements?: Array<{ url?: unknown }> } } | undefined)?.payload?.elements;
  const url = elements?.[0]?.url;
  return typeof url === 'string' ? url : undefined;
}
