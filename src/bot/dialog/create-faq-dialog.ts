import type { TFunction } from '../../i18n/create-i18n.js';
import type { FaqNode, FaqSnapshot, FaqStore, MatchResult } from '../../faq/faq-types.js';
import type { HouseholdFlow } from '../../household/create-household-flow.js';
import { hashUserId, type Logger } from '../../shared/logger.js';
import type { Db } from '../../storage/open-database.js';
import type { Dialog, DialogInput, DialogOutcome, DialogReply, DialogTurn } from '../dialog.js';
import { boundQuestionText } from '../../faq/match/bounded-text.js';
import {
  answerScreen,
  fallbackScreen,
  invalidChoiceScreen,
  mainMenuScreen,
  suggestionsScreen,
  topicScreen,
  type Screen,
  type ScreenContext,
} from './dialog-screens.js';
import { createDialogStateRepository, type DialogState } from './dialog-state-repository.js';
import { availableNode, availableNodes, detailsOf } from './faq-navigation.js';
import { createConversation, type Conversation } from './conversation.js';
import { countsTowardFlood, createFloodLimiter, type FloodVerdict } from './flood-limiter.js';
import { createHandoffTurns } from './handoff-turns.js';
import { recogniseHandoffRequest } from './recognise-handoff-request.js';
import { createCommandParser, type CommandWords, type DialogCommand } from './parse-dialog-command.js';
import { createQuestionRepository, type QuestionOutcome } from './question-repository.js';
import { toButtons } from './to-buttons.js';

export interface FaqDialogOptions {
  /** attach `oa.query.show` buttons (first 5 options) besides the numbered text menu; default false */
  buttons?: boolean;
  /** silence after an official wrote to the resident; default 30 minutes */
  humanQuietMs?: number;
  /** per-resident flood limit; default 20 counted messages per 60 s; `max: Infinity` disables it */
  flood?: { max: number; windowMs: number };
  /** MESSAGE_RETENTION_DAYS: 0 stores no question text at all; default 90 */
  messageRetentionDays?: number;
  /** Config.timeZone, for office hours; default Asia/Ho_Chi_Minh */
  timeZone?: string;
}

export interface FaqDialogDeps {
  faq: FaqStore;
  db: Db;
  /** i18next `t` in the residents' language (vi); texts come from the `dialog` namespace */
  t: TFunction;
  log: Logger;
  options?: FaqDialogOptions;
  /** the household self-check (src/household/), active when the content has household-check.yaml */
  household?: HouseholdFlow;
  /** the conversation threads; default one over `db` */
  conversation?: Conversation;
  /** a resident's thread started waiting for an official (the officials' group notice) */
  onWaiting?: (userId: string, now: number) => void;
  /**
   * Another connection writes to the database at the same time (the webhook's, when this runs in the
   * bot worker): the turn's writes then commit one by one, so the write lock is never held while
   * matching and the webhook's insert does not wait behind a whole turn. Default false: one commit per turn.
   */
  sharedWriteLock?: boolean;
}

interface Turn {
  screen: Screen;
  outcome: DialogOutcome;
  /** a second message (the answer to a second question of the same message) */
  then?: Screen;
}

/** One input being answered: the content snapshot and time of the screens, the resident and their state. */
interface TurnContext extends ScreenContext {
  userId: string;
  state: DialogState | undefined;
  /** the resident's message was recorded now (false: a re-run event, its side effects happened already) */
  fresh: boolean;
  /** the inbox event's idempotence key in the thread */
  source: string | undefined;
}

/** A question asked longer ago than this is not attached to a new hand-off as its context. */
const HANDOFF_CONTEXT_MS = 24 * 60 * 60 * 1000;
const MAX_SUGGESTIONS = 3;

/**
 * The FAQ conversation behind the `Dialog` seam: main menu and sub-menus by number (or button
 * payload `#faq:<id>`), free-text matching with cited answers, suggestions and an honest fallback,
 * hand-off to an official, human takeover silence, a flood limit and the question log.
 * Each resident's position is stored with the content version; after a reload, numbers from an
 * old menu are resolved by node id, or answered with "menu changed" and the fresh menu.
 * Replies are computed synchronously against one content snapshot per input.
 * @example const dialog = createFaqDialog({ faq, db, t: i18n.getFixedT('vi'), log, options: { buttons: true } });
 */
export function createFaqDialog(deps: FaqDialogDeps): Dialog {
  const { faq, t, log } = deps;
  const options = {
    buttons: deps.options?.buttons ?? false,
    humanQuietMs: deps.options?.humanQuietMs ?? 30 * 60 * 1000,
    flood: deps.options?.flood ?? { max: 20, windowMs: 60_000 },
    messageRetentionDays: deps.options?.messageRetentionDays ?? 90,
  };
  const keepText = options.messageRetentionDays > 0;
  const states = createDialogStateRepository(deps.db);
  const conversation = deps.conversation ?? createConversation(deps.db, { keepText });
  const { handoffs, threads } = conversation;
  const turns = createHandoffTurns({
    conversation,
    t,
    timeZone: deps.options?.timeZone ?? 'Asia/Ho_Chi_Minh',
    onWaiting: deps.onWaiting,
  });
  const questions = createQuestionRepository(deps.db);
  const flood = createFloodLimiter(options.flood);
  const parse = createCommandParser(commandWords(t));

  /** Opens a node chosen by number, button or match; `alsoAsk`: a match's close runner-ups, offered after an answer. */
  function open(ctx: TurnContext, node: FaqNode, score?: number, alsoAsk: FaqNode[] = []): Turn {
    const outcome = (kind: DialogOutcome['kind']): DialogOutcome => ({
      kind,
      id: node.id,
      ...(score !== undefined && { score }),
    });
    const own = deps.household?.open(ctx, node.id);
    if (own) return own;
    if (node.kind === 'topic') return { screen: topicScreen(ctx, node), outcome: outcome('menu') };
    const detailsFor = detailsOf(node);
    if (detailsFor !== undefined) {
      const base = availableNode(ctx.snapshot, detailsFor, ctx.now);
      const version = base && ctx.snapshot.answerAt(base, ctx.now);
      if (!base || !version) return menuChanged(ctx);
      const followUps = availableNodes(ctx.snapshot, base.followUps, ctx.now);
      return {
        screen: answerScreen(ctx, base, version, followUps, [], [], true),
        outcome: { kind: 'answer', id: base.id },
      };
    }
    const version = ctx.snapshot.answerAt(node, ctx.now);
    if (!version) return menuChanged(ctx);
    if (node.kind === 'smalltalk') return { screen: { parts: [version.text.trim()] }, outcome: outcome('smalltalk') };
    const followUps = availableNodes(ctx.snapshot, node.followUps, ctx.now);
    const previous = ctx.state
      ? availableNodes(ctx.snapshot, ctx.state.options, ctx.now)
      : ctx.snapshot.children(null, ctx.now);
    return { screen: answerScreen(ctx, node, version, followUps, previous, alsoAsk), outcome: outcome('answer') };
  }

  function menuChanged(ctx: ScreenContext): Turn {
    return { screen: mainMenuScreen(ctx, { lead: [t('dialog:menu.changed')] }), outcome: { kind: 'menu' } };
  }

  /** A number refers to the options last shown (the main menu for a new resident). */
  function choose(ctx: TurnContext, number: number): Turn {
    const { state } = ctx;
    const ids =
      state && state.options.length > 0 ? state.options : ctx.snapshot.children(null, ctx.now).map((n) => n.id);
    const id = ids[number - 1];
    const node = id === undefined ? undefined : availableNode(ctx.snapshot, id, ctx.now);
    if (node) return open(ctx, node);
    const stale = state !== undefined && state.contentVersion !== ctx.snapshot.version;
    if (id !== undefined || stale) return menuChanged(ctx);
    const shown = availableNodes(ctx.snapshot, ids, ctx.now);
    const position = { nodeId: state?.nodeId ?? null, options: shown, breadcrumb: state?.breadcrumb ?? [] };
    const outcome: DialogOutcome = { kind: 'menu', ...(position.nodeId && { id: position.nodeId }) };
    return { screen: invalidChoiceScreen(ctx, number, position), outcome };
  }

  /** "Back" opens the deepest topic of the breadcrumb that still exists, else the main menu. */
  function back(ctx: TurnContext): Turn {
    const crumbs = ctx.state?.breadcrumb ?? [];
    for (let i = crumbs.length - 1; i >= 0; i--) {
      const topic = availableNode(ctx.snapshot, crumbs[i]!, ctx.now);
      if (topic?.kind === 'topic') return open(ctx, topic);
    }
    return { screen: mainMenuScreen(ctx), outcome: { kind: 'menu' } };
  }

  /** Opens (or finds) the resident's hand-off; `urgent`: a safety reply, with the message that caused it. */
  function openHandoff(ctx: TurnContext, urgent?: { text: string | null }) {
    const { userId, state } = ctx;
    const last = questions.lastOfUser(userId);
    const question = urgent ? urgent.text : last && ctx.now - last.createdAt <= HANDOFF_CONTEXT_MS ? last.text : null;
    const current = state?.nodeId ? ctx.snapshot.node(state.nodeId) : undefined;
    const lastAnswerId = current?.kind === 'answer' ? current.id : null;
    return handoffs.open({ userId, question, lastAnswerId, now: ctx.now, ...(urgent && { urgent: true }) });
  }

  /** `subject`: a request sentence that already says what it is about ("cho tôi gặp cán bộ về thẻ BHYT"). */
  function handoff(ctx: TurnContext, subject?: string): Turn {
    const { userId, now } = ctx;
    const { handoff: row, created } = openHandoff(ctx);
    log.info(
      { user: hashUserId(userId), handoffId: row.id, created },
      created ? 'hand-off opened' : 'hand-off already open',
    );
    if (subject !== undefined) setSubject(userId, subject);
    if (ctx.fresh && (created || conversation.stateOf(userId) === 'bot')) {
      turns.requested(userId, false, now);
      if (subject === undefined) threads.setAwaitingSubject(userId, true);
    }
    const when = turns.whenText(ctx.snapshot, now);
    const outcome: DialogOutcome = { kind: 'handoff' };
    if (!created) return { screen: { parts: [t('dialog:handoff.alreadyOpen', { when })] }, outcome };
    const parts = [
      t('dialog:handoff.opened', { when }),
      row.question || subject !== undefined ? '' : t('dialog:handoff.askQuestion'),
      t('dialog:handoff.meanwhile'),
    ];
    return { screen: { parts }, outcome };
  }

  /** The resident's words about their request: its subject (and its question when it has none). */
  function setSubject(userId: string, text: string): void {
    if (!keepText) return;
    handoffs.setSubject(userId, text);
    handoffs.attachQuestion(userId, text);
  }

  /** `text` is the bounded part the matcher sees; `fullText` what the resident wrote, kept for officials. */
  function answerQuestion(ctx: TurnContext, text: string, fullText: string): Turn {
    const { userId } = ctx;
    const match = ctx.snapshot.match(text, ctx.now);
    const turn = deps.household?.detect(ctx, text, match) ?? decideMatch(ctx, match);
    if (match.kind === 'smalltalk' && match.urgent) {
      const { handoff: row, created } = openHandoff(ctx, { text: keepText ? text : null });
      if (ctx.fresh) turns.requested(userId, true, ctx.now);
      log.warn(
        { user: hashUserId(userId), handoffId: row.id, created, node: match.id },
        'urgent hand-off opened by a safety reply',
      );
    }
    questions.log({
      userId,
      text: keepText ? fullText : null,
      keyText: text,
      outcome: turn.outcome.kind as QuestionOutcome,
      nodeId: turn.outcome.id ?? null,
      score: match.score,
      candidates: 'candidates' in match ? match.candidates : [],
      contentVersion: ctx.snapshot.version,
      now: ctx.now,
    });
    if (keepText) handoffs.attachQuestion(userId, fullText);
    return turn;
  }

  function decideMatch(ctx: TurnContext, match: MatchResult): Turn {
    const fallback: Turn = { screen: fallbackScreen(ctx), outcome: { kind: 'fallback', score: match.score } };
    if (match.kind === 'answer') {
      const node = availableNode(ctx.snapshot, match.id, ctx.now);
      const alternatives = availableNodes(
        ctx.snapshot,
        (match.alternatives ?? []).map((c) => c.id),
        ctx.now,
      );
      if (!node) return fallback;
      const second = match.second && availableNode(ctx.snapshot, match.second.id, ctx.now);
      const first = open(ctx, node, match.score, second ? [] : alternatives.slice(0, MAX_SUGGESTIONS - 1));
      if (!second) return first;
      return { ...first, then: open(ctx, second, match.second!.score).screen };
    }
    if (match.kind === 'suggestions') {
      const topic = match.topicId === undefined ? undefined : availableNode(ctx.snapshot, match.topicId, ctx.now);
      if (topic) return open(ctx, topic, match.score);
      const ids = match.candidates.map((c) => c.id);
      const nodes = availableNodes(ctx.snapshot, ids, ctx.now).slice(0, MAX_SUGGESTIONS);
      if (nodes.length === 0) return fallback;
      return { screen: suggestionsScreen(ctx, nodes), outcome: { kind: 'suggestions', score: match.score } };
    }
    if (match.kind === 'smalltalk') {
      const node = ctx.snapshot.node(match.id);
      const version = node && ctx.snapshot.answerAt(node, ctx.now);
      if (!version) return fallback;
      const text = version.text.trim();
      const screen = match.intent === 'greeting' ? mainMenuScreen(ctx, { lead: [text] }) : { parts: [text] };
      return { screen, outcome: { kind: 'smalltalk', id: match.id, score: match.score } };
    }
    const offered = availableNodes(
      ctx.snapshot,
      match.candidates.map((c) => c.id),
      ctx.now,
    ).slice(0, MAX_SUGGESTIONS);
    if (offered.length === 0) return fallback;
    return {
      screen: suggestionsScreen(ctx, offered, [t('dialog:fallback.notSure')]),
      outcome: { kind: 'fallback', score: match.score },
    };
  }

  function decide(ctx: TurnContext, input: DialogInput, command: DialogCommand | undefined): Turn {
    if (input.kind === 'follow') {
      return { screen: mainMenuScreen(ctx, { lead: [t('dialog:menu.welcome')] }), outcome: { kind: 'menu' } };
    }
    if (!command) return { screen: { parts: [t('dialog:unsupported')] }, outcome: { kind: 'fallback' } };
    const pending = deps.household?.answer(ctx, command);
    if (pending) return pending;
    switch (command.kind) {
      case 'menu':
        return { screen: mainMenuScreen(ctx), outcome: { kind: 'menu' } };
      case 'back':
        return back(ctx);
      case 'handoff':
        return handoff(ctx);
      case 'choice':
        return choose(ctx, command.number);
      case 'node': {
        const node = availableNode(ctx.snapshot, command.id, ctx.now);
        return node ? open(ctx, node) : menuChanged(ctx);
      }
      case 'question': {
        const fullText = input.kind === 'text' ? input.text.trim() : command.text;
        const request = ctx.snapshot.handoff && recogniseHandoffRequest(command.text, ctx.snapshot.handoff);
        if (request && !request.question) return handoff(ctx);
        // a request that carries a question: the bot answers what it can, else the question is the subject
        const answered = answerQuestion(ctx, command.text, fullText);
        return request && answered.outcome.kind === 'fallback' ? handoff(ctx, fullText) : answered;
      }
    }
  }

  /**
   * A turn while an official owns the conversation (or it waits for one): the bot stays silent,
   * except for a safety case, menu navigation (the acknowledgement promises "menu" still works) and
   * a new request ("đã ghi nhận"). Undefined: the bot answers as usual.
   */
  function whileHuman(ctx: TurnContext, input: DialogInput, command: DialogCommand | undefined): Turn | undefined {
    const silent: Turn = { screen: { parts: [] }, outcome: { kind: 'silent' } };
    if (input.kind === 'follow') return undefined;
    if (!command) return silent;
    if (command.kind === 'handoff') return handoff(ctx);
    if (command.kind !== 'question') return undefined;
    const fullText = input.kind === 'text' ? input.text.trim() : command.text;
    const request = ctx.snapshot.handoff && recogniseHandoffRequest(command.text, ctx.snapshot.handoff);
    if (request) return handoff(ctx, request.question ? fullText : undefined);
    if (ctx.fresh && turns.takesSubject(ctx.userId)) setSubject(ctx.userId, fullText);
    const match = ctx.snapshot.match(command.text, ctx.now);
    return match.kind === 'smalltalk' && match.urgent ? answerQuestion(ctx, command.text, fullText) : silent;
  }

  /** Over the flood limit: one notice (not while an official owns the thread), the message kept for officials. */
  function floodLimited(ctx: TurnContext, command: DialogCommand | undefined, verdict: FloodVerdict, human: boolean) {
    const { userId, now } = ctx;
    if (ctx.fresh) {
      if (!human) threads.markUnread(userId);
      if (verdict === 'warn') {
        threads.markFloodLimited(userId, now);
        threads.add({
          userId,
          kind: 'event',
          event: 'flood',
          now,
          ...(ctx.source && { source: `${ctx.source}:flood` }),
        });
        log.info(
          { user: hashUserId(userId) },
          'resident over the flood limit; warned once, messages kept in the thread',
        );
      }
      if (!human && command?.kind === 'question') logUnanswered(ctx, command.text);
    }
    const messages = verdict === 'warn' && !human ? [{ text: t('dialog:flood') }] : [];
    return { messages, outcome: { kind: 'flood' as const } };
  }

  /** A question the bot did not answer (flood limit): listed with the unanswered ones. */
  function logUnanswered(ctx: TurnContext, text: string): void {
    questions.log({
      userId: ctx.userId,
      text: keepText ? text : null,
      keyText: text,
      outcome: 'fallback',
      nodeId: null,
      score: 0,
      candidates: [],
      contentVersion: ctx.snapshot.version,
      now: ctx.now,
    });
  }

  function present(userId: string, snapshot: FaqSnapshot, turn: Turn, now: number): DialogReply {
    const { outcome } = turn;
    const screen = turn.then ?? turn.screen;
    const textOf = (s: Screen): string => s.parts.filter((p) => p.length > 0).join('\n\n');
    const text = textOf(screen);
    const position = screen.position;
    if (position) {
      const { nodeId, breadcrumb } = position;
      const optionIds = position.options.map((n) => n.id);
      states.savePosition(userId, { contentVersion: snapshot.version, nodeId, options: optionIds, breadcrumb }, now);
    }
    const buttons = options.buttons && screen.listed ? toButtons(screen.listed) : [];
    log.debug(
      { user: hashUserId(userId), outcome: outcome.kind, id: outcome.id, score: outcome.score },
      'dialog reply',
    );
    const last = buttons.length > 0 ? { text, buttons } : { text };
    return { messages: turn.then ? [{ text: textOf(turn.screen) }, last] : [last], outcome };
  }

  /**
   * Commands and matching see a bounded text (`boundQuestionText`): however long the message,
   * the synchronous work on it stays small. A message that had to be cut is a question.
   */
  function parseBounded(text: string): DialogCommand {
    const bounded = boundQuestionText(text);
    const command = parse(bounded.text);
    return bounded.cut && command.kind !== 'question' ? { kind: 'question', text: bounded.text } : command;
  }

  /**
   * One turn: the message lands in the thread first (once per inbox event), then the bot answers,
   * stays silent (an official owns the conversation) or is held by the flood limit.
   */
  function turnOf(ctx: TurnContext, input: DialogInput, command: DialogCommand | undefined, turn?: DialogTurn) {
    const { userId, now, state, snapshot } = ctx;
    const owner = turns.ownerOf(userId, now);
    const quiet = state !== undefined && state.humanQuietUntil > now;
    const human = owner !== 'bot' || quiet;
    if (human && ctx.fresh && input.kind !== 'follow') threads.markUnread(userId);
    if (input.kind !== 'follow' && countsTowardFlood(command)) {
      const verdict = flood.check(userId, now, turn?.eventId);
      if (verdict !== 'ok') return floodLimited(ctx, command, verdict, human);
    }
    if (owner !== 'bot') {
      const held = whileHuman(ctx, input, command);
      return held?.outcome.kind === 'silent'
        ? { messages: [], outcome: held.outcome }
        : present(userId, snapshot, held ?? decide(ctx, input, command), now);
    }
    if (quiet) {
      const resumes = input.kind === 'follow' || command?.kind === 'menu';
      if (!resumes) return { messages: [], outcome: { kind: 'silent' as const } };
      states.setHumanQuietUntil(userId, 0, snapshot.version, now);
    }
    return present(userId, snapshot, decide(ctx, input, command), now);
  }

  function respondNow(userId: string, input: DialogInput, now: number, turn: DialogTurn | undefined): DialogReply {
    const snapshot = faq.current();
    const state = states.get(userId);
    const command = input.kind === 'text' ? parseBounded(input.text) : undefined;
    const source = turn?.eventId === undefined ? undefined : `inbox:${turn.eventId}`;
    const fresh = turns.record(userId, input, source, now);
    const reply = turnOf({ t, snapshot, now, userId, state, fresh, source }, input, command, turn);
    const texts = reply.messages.map((m) => m.text);
    if (texts.length > 0) conversation.botSaid(userId, texts, source, now);
    return reply;
  }
  // the turn's writes (the resident's message, position, question log, the bot's lines) commit once
  const respondOnce = deps.sharedWriteLock ? respondNow : deps.db.transaction(respondNow);

  return {
    async respond(userId, input, now, turn) {
      return respondOnce(userId, input, now, turn);
    },
    noteHumanReply(userId, now) {
      states.setHumanQuietUntil(userId, now + options.humanQuietMs, faq.current().version, now);
    },
    officialWrote(userId, input, now) {
      conversation.officialWrote(userId, input, now);
    },
  };
}

function commandWords(t: TFunction): CommandWords {
  const list = (key: string): string[] => {
    const value: unknown = t(key, { returnObjects: true });
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  return {
    menu: list('dialog:commands.menu'),
    back: list('dialog:commands.back'),
    handoff: list('dialog:commands.handoff'),
  };
}
