import type { DialogOutcome } from '../bot/dialog.js';
import type { Screen, ScreenContext } from '../bot/dialog/dialog-screens.js';
import { foldText } from '../bot/dialog/fold-text.js';
import type { DialogCommand } from '../bot/dialog/parse-dialog-command.js';
import type { MatchResult } from '../faq/faq-types.js';
import { dayOf } from '../faq/validity.js';
import { assessHousehold, type HouseholdCase } from './assess-household.js';
import {
  HOUSEHOLD_ENTRY_ID,
  indicatorsOn,
  periodOn,
  type HouseholdCriteria,
  type HouseholdPeriod,
} from './household-criteria.js';
import { giveUpScreen, noPeriodScreen, questionScreen, verdictScreen, type Ask } from './household-screens.js';
import { HOUSEHOLD_DETAILS_ID, shortVerdictScreen } from './household-short-verdict.js';
import {
  hasHouseholdNumbers,
  parseHouseholdMessage,
  type HouseholdFacts,
  type HouseholdVocabulary,
} from './parse-household-message.js';

/** What the FAQ dialog gives the self-check for one input (a subset of its turn context). */
export interface HouseholdContext extends ScreenContext {
  userId: string;
}

/** A reply of the self-check, in the FAQ dialog's terms. */
export interface HouseholdTurn {
  screen: Screen;
  outcome: DialogOutcome;
}

/**
 * The household self-check as the FAQ dialog sees it (src/bot/dialog/create-faq-dialog.ts calls
 * these three hooks; each returns undefined when the input is not the self-check's).
 */
export interface HouseholdFlow {
  /**
   * Called first for every text command: the answer to a pending question, if it is one. Anything
   * else (a menu command, a new subject, a question asked over 30 minutes ago) drops the pending
   * question and returns undefined, so the message is handled as a normal message.
   */
  answer(ctx: HouseholdContext, command: DialogCommand): HouseholdTurn | undefined;
  /**
   * Called for a free-text question after the matcher: starts a check when the message carries
   * household numbers and asks about eligibility, or gives both a household size and an income,
   * or is the menu entry's title typed out. Safety
   * matches (emergency, scam, privacy, urgent hand-offs) keep the FAQ reply.
   */
  detect(ctx: HouseholdContext, text: string, match: MatchResult): HouseholdTurn | undefined;
  /** Called when a menu node is opened: the self-check's main-menu entry starts a check. */
  open(ctx: HouseholdContext, nodeId: string): HouseholdTurn | undefined;
}

export interface HouseholdFlowOptions {
  /** a question not answered within this is forgotten; default 30 minutes */
  pendingMs?: number;
  /** at most this many questions per check; default 2 */
  maxQuestions?: number;
  /** residents with a pending question kept in memory at most; default 10 000 */
  maxPending?: number;
}

/** One resident's check between two messages. Kept in memory only, never written to the database. */
interface Pending {
  facts: HouseholdFacts;
  asking: Ask;
  asked: number;
  at: number;
}

/** The full verdict of a resident's last check, shown when they choose "Xem chi tiết". Memory only. */
interface Shown {
  details: Screen;
  at: number;
}

/** Plausible ceilings of an income given without a period, read as monthly (else: ask). */
const MONTHLY_HOUSEHOLD_CEILING = 20_000_000;
const MONTHLY_PERSON_CEILING = 8_000_000;
const SAFETY_INTENTS = new Set(['emergency', 'scam', 'privacy']);

/** A safety reply (emergency, scam, privacy, an urgent hand-off) always keeps the FAQ's answer. */
function isSafetyReply(match: MatchResult): boolean {
  return match.kind === 'smalltalk' && (match.urgent === true || SAFETY_INTENTS.has(match.intent));
}

/**
 * Whether the matcher's answer is about another subject than the check's: neither one of its
 * follow-ups nor a node stating the lines and rules it applies (their facts, of the period in
 * force): "nhà 4 người, 6 triệu, con vay đi học được không" wants the student loan.
 */
function keepsStoryAnswer(ctx: HouseholdContext, criteria: HouseholdCriteria, match: MatchResult): boolean {
  if (match.kind !== 'answer') return false;
  if (criteria.followUps.includes(match.id)) return false;
  const period = periodOn(criteria, dayOf(ctx.now));
  const own = new Set(period ? [period.povertyLine, period.poor, period.nearPoor].flatMap((s) => s.facts) : []);
  return !(ctx.snapshot.node(match.id)?.facts ?? []).some((f) => own.has(f));
}

function vocabularyOn(criteria: HouseholdCriteria, day: string): HouseholdVocabulary {
  return { indicators: indicatorsOn(criteria, day), areas: criteria.areaPhrases, farming: criteria.farmingPhrases };
}

/** Later facts win; deprivations, farming and the eligibility intent accumulate. */
function merge(old: HouseholdFacts, next: HouseholdFacts): HouseholdFacts {
  const income = next.income ?? (next.incomeUnclear ? undefined : old.income);
  const incomeUnclear = next.income ? undefined : (next.incomeUnclear ?? (old.income ? undefined : old.incomeUnclear));
  const area = next.area ?? old.area;
  return {
    ...((next.size ?? old.size) !== undefined ? { size: next.size ?? old.size } : {}),
    ...(income ? { income } : {}),
    ...(incomeUnclear ? { incomeUnclear } : {}),
    ...(area ? { area } : {}),
    ...(!area && (next.areaConflict || old.areaConflict) ? { areaConflict: true } : {}),
    deprivations: [...new Set([...old.deprivations, ...next.deprivations])],
    farming: old.farming || next.farming,
    intent: old.intent || next.intent,
    ...(old.asksNext || next.asksNext ? { asksNext: true } : {}),
  };
}

/** "… xét được không hay phải chờ cuối năm": the resident asks how the procedure goes, not to be checked */
const ASKS_PROCEDURE = /\bhay (?:la )?(?:phai|can phai|bat buoc)\b/u;

/** Whether the message asks about the next standard (locale list `household:short.nextWords`, folded). */
function asksNext(ctx: HouseholdContext, text: string): boolean {
  const words: unknown = ctx.t('household:short.nextWords', { returnObjects: true });
  const folded = ` ${foldText(text)} `;
  return Array.isArray(words) && words.some((w) => typeof w === 'string' && folded.includes(` ${foldText(w)} `));
}

/** Whether an income said without a period is too large to be read as a month. */
function periodUnclear(facts: HouseholdFacts): boolean {
  const income = facts.income;
  if (!income || income.period || income.salary) return false;
  const household =
    income.basis === 'household'
      ? income.amount
      : income.basis === 'earner'
        ? income.amount * (income.earners ?? 1)
        : facts.size === undefined
          ? undefined
          : income.amount * facts.size;
  const perPerson =
    income.basis === 'person' ? income.amount : facts.size === undefined ? undefined : household! / facts.size;
  return (household ?? 0) >= MONTHLY_HOUSEHOLD_CEILING || (perPerson ?? 0) >= MONTHLY_PERSON_CEILING;
}

/** Whether the message names a year before the period in force ("năm 2021", "hồi 2019"). */
function asksAboutEarlierYear(text: string, period: HouseholdPeriod | undefined): boolean {
  if (!period) return false;
  const from = Number(period.validFrom.slice(0, 4));
  return [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].some((m) => Number(m[1]) < from);
}

/** The first thing the arithmetic still needs, in the order the questions are asked. */
function missing(facts: HouseholdFacts, criteria: HouseholdCriteria): Ask | undefined {
  if (facts.size === undefined && facts.income?.basis !== 'person') return 'size';
  if (!facts.income) return 'income';
  if (periodUnclear(facts)) return 'period';
  if (!facts.area && (facts.areaConflict || !criteria.areaDefault)) return 'area';
  return undefined;
}

/**
 * The household self-check conversation (issue 13): from the main-menu entry or from a message
 * such as "nhà em 5 người, thu nhập 12 triệu, có được cận nghèo không", it asks at most two
 * questions for what is missing (size, income, month or year, commune or ward), then computes
 * the income per person against the lines of content/household-check.yaml in force that day and
 * answers with the category it points to, never a certainty. Pending answers live in memory for
 * `pendingMs` only; nothing the resident typed is stored by the self-check.
 * @example const dialog = createFaqDialog({ faq, db, t, log, household: createHouseholdFlow() });
 */
export function createHouseholdFlow(options: HouseholdFlowOptions = {}): HouseholdFlow {
  const pendingMs = options.pendingMs ?? 30 * 60 * 1000;
  const maxQuestions = options.maxQuestions ?? 2;
  const maxPending = options.maxPending ?? 10_000;
  const pending = new Map<string, Pending>();
  const shown = new Map<string, Shown>();

  const forget = (userId: string): void => {
    pending.delete(userId);
  };
  /** Keeps `entry` for `userId` in a bounded map, dropping entries older than `pendingMs`. */
  const keep = <T extends { at: number }>(map: Map<string, T>, userId: string, entry: T): void => {
    for (const [id, p] of map) if (entry.at - p.at > pendingMs) map.delete(id);
    map.delete(userId);
    if (map.size >= maxPending) map.delete(map.keys().next().value!);
    map.set(userId, entry);
  };
  const remember = (userId: string, entry: Pending): void => keep(pending, userId, entry);

  function proceed(
    ctx: HouseholdContext,
    criteria: HouseholdCriteria,
    facts: HouseholdFacts,
    asked: number,
    opening: 'menu' | 'text' | undefined,
  ): HouseholdTurn {
    const day = dayOf(ctx.now);
    const period = periodOn(criteria, day);
    const answered = (screen: Screen): HouseholdTurn => {
      forget(ctx.userId);
      return { screen, outcome: { kind: 'answer', id: HOUSEHOLD_ENTRY_ID } };
    };
    if (!period) return answered(noPeriodScreen(ctx, day));
    let need = missing(facts, criteria);
    if (need && asked < maxQuestions) {
      remember(ctx.userId, { facts, asking: need, asked: asked + 1, at: ctx.now });
      return {
        screen: questionScreen(ctx, period, day, need, facts, opening),
        outcome: { kind: 'menu', id: HOUSEHOLD_ENTRY_ID },
      };
    }
    // out of questions: a commune's own setting may still settle the area
    if (need === 'area' && criteria.areaDefault) need = undefined;
    if (need) return answered(giveUpScreen(ctx, criteria, period, day));
    const { short, details } = verdict(ctx, criteria, period, facts, day);
    if (details) keep(shown, ctx.userId, { details, at: ctx.now });
    return answered(short);
  }

  /** "Xem chi tiết" of the last verdict (its number or its button), while it is remembered. */
  function detailsTurn(ctx: HouseholdContext, command: DialogCommand): HouseholdTurn | undefined {
    const entry = shown.get(ctx.userId);
    const asked =
      (command.kind === 'choice' && command.number === 1 && entry !== undefined) ||
      (command.kind === 'node' && command.id === HOUSEHOLD_DETAILS_ID);
    shown.delete(ctx.userId);
    if (!asked) return undefined;
    const fresh = entry !== undefined && ctx.now - entry.at <= pendingMs;
    const screen = fresh ? entry.details : { parts: [ctx.t('household:short.expired')] };
    return { screen, outcome: { kind: 'answer', id: HOUSEHOLD_ENTRY_ID } };
  }

  function verdict(
    ctx: HouseholdContext,
    criteria: HouseholdCriteria,
    period: HouseholdPeriod,
    facts: HouseholdFacts,
    day: string,
  ): { short: Screen; details?: Screen } {
    const income = facts.income!;
    const area = facts.area ?? criteria.areaDefault ?? 'rural';
    const c: HouseholdCase = {
      ...(facts.size !== undefined ? { size: facts.size } : {}),
      income: { ...income, period: income.period ?? 'month' },
      area,
      deprivations: facts.deprivations,
      farming: facts.farming,
    };
    const assessment = assessHousehold(criteria, c, day);
    if (!assessment) return { short: giveUpScreen(ctx, criteria, period, day) };
    const assumed = { period: !income.period, area: !facts.area };
    const args = { criteria, c, a: assessment, assumed, asksNext: facts.asksNext === true };
    return { short: shortVerdictScreen(ctx, args), details: verdictScreen(ctx, args) };
  }

  /** A check from the beginning (the menu entry): the first question, with the lines of the day. */
  function start(ctx: HouseholdContext, criteria: HouseholdCriteria): HouseholdTurn {
    const empty: HouseholdFacts = { deprivations: [], farming: false, intent: true };
    return proceed(ctx, criteria, empty, 0, 'menu');
  }

  /** Reads the answer to a month-or-year or commune-or-ward question (a number or a word). */
  function choiceAnswer(ctx: HouseholdContext, asking: 'period' | 'area', text: string): string | undefined {
    const folded = foldText(text);
    const options = asking === 'period' ? ['month', 'year'] : ['rural', 'urban'];
    return options.find((option) => {
      const value: unknown = ctx.t(`household:answers.${option}`, { returnObjects: true });
      return Array.isArray(value) && value.some((v) => typeof v === 'string' && foldText(v) === folded);
    });
  }

  return {
    answer(ctx, command) {
      const details = detailsTurn(ctx, command);
      if (details) return details;
      const entry = pending.get(ctx.userId);
      const criteria = ctx.snapshot.household;
      if (!entry) return undefined;
      if (!criteria || ctx.now - entry.at > pendingMs || (command.kind !== 'choice' && command.kind !== 'question')) {
        forget(ctx.userId);
        return undefined;
      }
      const text = command.kind === 'choice' ? String(command.number) : command.text;
      const vocabulary = vocabularyOn(criteria, dayOf(ctx.now));
      let facts: HouseholdFacts | undefined;
      if (entry.asking === 'period' || entry.asking === 'area') {
        const choice = choiceAnswer(ctx, entry.asking, text);
        const parsed = parseHouseholdMessage(text, vocabulary);
        if (choice === 'month' || choice === 'year') {
          facts = { ...entry.facts, income: { ...entry.facts.income!, period: choice } };
        } else if (choice === 'rural' || choice === 'urban') {
          facts = { ...entry.facts, area: choice };
        } else if (hasHouseholdNumbers(parsed) || (entry.asking === 'area' && parsed.area)) {
          facts = merge(entry.facts, parsed);
        }
      } else {
        const parsed = parseHouseholdMessage(text, vocabulary, entry.asking);
        if (hasHouseholdNumbers(parsed)) facts = merge(entry.facts, parsed);
        // the question asked for a month: an amount without one is a month, unless it is implausibly large
        if (facts?.income && !facts.income.period && entry.asking === 'income' && !periodUnclear(facts))
          facts = { ...facts, income: { ...facts.income, period: 'month' } };
      }
      if (!facts) {
        // not an answer: the resident moved on, and the message is theirs to be handled as usual
        forget(ctx.userId);
        return undefined;
      }
      return proceed(ctx, criteria, facts, entry.asked, undefined);
    },

    detect(ctx, text, match) {
      const criteria = ctx.snapshot.household;
      if (!criteria || isSafetyReply(match)) return undefined;
      if (foldText(text) === foldText(criteria.menu.title)) return start(ctx, criteria);
      const parsed = parseHouseholdMessage(text, vocabularyOn(criteria, dayOf(ctx.now)));
      const facts = asksNext(ctx, text) ? { ...parsed, asksNext: true } : parsed;
      // a size and an income together are a household described for the check, asked or not
      const described = facts.size !== undefined && facts.income !== undefined;
      // a household told as the story of another question keeps that question's confident answer
      const otherSubject = keepsStoryAnswer(ctx, criteria, match);
      if (!facts.intent && otherSubject) return undefined;
      if (!described && (!facts.intent || !hasHouseholdNumbers(facts))) return undefined;
      // a question about an earlier period ("năm 2021 chuẩn nghèo là bao nhiêu") is not today's check
      if (asksAboutEarlierYear(text, periodOn(criteria, dayOf(ctx.now)))) return undefined;
      // asking back is for a resident who asked to be checked, not for the story of another question,
      // nor for a question the FAQ answers directly ("150 nghìn tiền học … con em có được không")
      // nor for one that asks which way the procedure goes ("… hay phải đợi đến cuối năm")
      if (missing(facts, criteria) && (!facts.intent || otherSubject || ASKS_PROCEDURE.test(foldText(text))))
        return undefined;
      return proceed(ctx, criteria, facts, 0, 'text');
    },

    open(ctx, nodeId) {
      const criteria = ctx.snapshot.household;
      if (!criteria || nodeId !== HOUSEHOLD_ENTRY_ID) return undefined;
      return start(ctx, criteria);
    },
  };
}
