import type { Screen, ScreenContext } from '../bot/dialog/dialog-screens.js';
import { numberedList } from '../bot/dialog/dialog-screens.js';
import { availableNodes } from '../bot/dialog/faq-navigation.js';
import type { LegalBasis } from '../faq/faq-types.js';
import type { Assessment, CloseLine, HouseholdCase } from './assess-household.js';
import type { Area, Confidence, HouseholdCriteria, HouseholdPeriod } from './household-criteria.js';
import type { HouseholdFacts, Income } from './parse-household-message.js';

/** A question the self-check may ask (at most two per check). */
export type Ask = 'size' | 'income' | 'period' | 'area';

/** "1250000" → "1.250.000" (Vietnamese thousands separator). */
export function formatDong(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * The income per person as shown: to the nearest 1.000 đ, unless that would print a line the
 * income is not exactly on ("1.500.000" for 1.500.400, which is over the line).
 */
export function displayPerPerson(perPerson: number, lines: readonly number[]): string {
  const rounded = Math.round(perPerson / 1000) * 1000;
  const misleading = lines.some((line) => rounded === line && Math.round(perPerson) !== line);
  return formatDong(misleading ? perPerson : rounded);
}

/** ISO `YYYY-MM-DD` → `dd/mm/yyyy`. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function formatBasis(basis: readonly LegalBasis[]): string {
  return basis.map((b) => (b.article ? `${b.document}, ${b.article}` : b.document)).join('; ');
}

/** A few words after a figure that is not confirmed by two sources; nothing when it is. */
export function hedge(ctx: ScreenContext, confidence: Confidence): string {
  if (confidence === '[2+]') return '';
  return ctx.t(confidence === '[1]' ? 'household:hedge.one' : 'household:hedge.unverified');
}

export function areaName(ctx: ScreenContext, period: HouseholdPeriod, area: Area): string {
  return period.areaNames?.[area] ?? ctx.t(`household:area.${area}`);
}

/** "Chuẩn nghèo áp dụng ngày …: 1.500.000 đ … ở nông thôn, 2.000.000 đ … ở thành thị." */
function linesInForce(ctx: ScreenContext, period: HouseholdPeriod, day: string): string {
  return ctx.t('household:start.lines', {
    date: formatDay(day),
    rural: formatDong(period.povertyLine.rural),
    urban: formatDong(period.povertyLine.urban),
    ruralName: areaName(ctx, period, 'rural'),
    urbanName: areaName(ctx, period, 'urban'),
  });
}

function questionText(ctx: ScreenContext, ask: Ask, facts: HouseholdFacts): string {
  const { t } = ctx;
  if (ask === 'period') return t('household:ask.period', { amount: formatDong(facts.income?.amount ?? 0) });
  if (ask === 'income' && facts.incomeUnclear)
    return `${t(`household:ask.unclear.${facts.incomeUnclear}`)} ${t('household:ask.income')}`;
  return t(`household:ask.${ask}`);
}

/**
 * A question of the self-check. `opening`: the first reply of a check, with the lines in force
 * (from the menu also the purpose, "no personal data" and a one-message example).
 */
export function questionScreen(
  ctx: ScreenContext,
  period: HouseholdPeriod,
  day: string,
  ask: Ask,
  facts: HouseholdFacts,
  opening: 'menu' | 'text' | undefined,
): Screen {
  const { t } = ctx;
  const lead =
    opening === 'menu'
      ? [
          t('household:start.intro'),
          t('household:start.privacy'),
          linesInForce(ctx, period, day),
          t('household:start.tip'),
        ]
      : opening === 'text'
        ? [t('household:start.more'), linesInForce(ctx, period, day)]
        : [];
  return { parts: [lead.join('\n'), questionText(ctx, ask, facts), t('household:ask.footer')] };
}

/** When two questions did not give what the arithmetic needs: the lines, an example, the next step. */
export function giveUpScreen(
  ctx: ScreenContext,
  criteria: HouseholdCriteria,
  period: HouseholdPeriod,
  day: string,
): Screen {
  const { t } = ctx;
  return {
    parts: [
      t('household:giveUp'),
      linesInForce(ctx, period, day),
      t('household:verdict.nextStep.apply'),
      criteria.contact ? t('dialog:answer.contact', { contact: criteria.contact }) : '',
    ],
  };
}

export function noPeriodScreen(ctx: ScreenContext, day: string): Screen {
  return { parts: [ctx.t('household:noPeriod', { date: formatDay(day) })] };
}

function amountText(ctx: ScreenContext, income: Income): string {
  const { t } = ctx;
  const amount = formatDong(income.amount);
  if (income.qualifier === 'range' && income.range)
    return t('household:verdict.facts.range', { low: formatDong(income.range[0]), high: formatDong(income.range[1]) });
  return income.qualifier ? t(`household:verdict.facts.${income.qualifier}`, { amount }) : amount;
}

/** "hộ 5 người; thu nhập cả hộ khoảng 12.000.000 đ/tháng (tôi hiểu là một tháng); ở nông thôn" */
export function understoodFacts(
  ctx: ScreenContext,
  c: HouseholdCase,
  periodAssumed: boolean,
  areaAssumed: boolean,
): string {
  const { t } = ctx;
  const parts: string[] = [];
  if (c.size !== undefined) parts.push(t('household:verdict.facts.size', { count: c.size }));
  const per = t(`household:verdict.facts.${c.income.period}`);
  const amount = amountText(ctx, c.income);
  const income =
    c.income.basis === 'earner'
      ? t('household:verdict.facts.earner', { count: c.income.earners ?? 1, amount, per })
      : t(`household:verdict.facts.${c.income.basis}`, { amount, per });
  parts.push(periodAssumed ? `${income} ${t('household:verdict.facts.assumedMonth')}` : income);
  if (!areaAssumed) parts.push(t('household:verdict.facts.area', { area: t(`household:area.${c.area}`) }));
  if (c.farming) parts.push(t('household:verdict.facts.farming'));
  return parts.join('; ');
}

function categoryText(ctx: ScreenContext, a: Assessment, c: HouseholdCase): string[] {
  return a.standing === 'poor-or-near-poor' ? poorText(ctx, a) : aboveText(ctx, a, c);
}

/** Under the poverty line: poor or near-poor, decided by the deprivations the reviewer counts. */
function poorText(ctx: ScreenContext, a: Assessment): string[] {
  const { t } = ctx;
  const { period } = a;
  const { required, total } = period.poor;
  const out = [
    t('household:verdict.poor.lead', {
      required,
      ofTotal: total ? t('household:verdict.poor.ofTotal', { total }) : '',
      poorHedge: hedge(ctx, period.poor.confidence),
      nearPoorHedge: hedge(ctx, period.nearPoor.confidence),
    }),
    t('household:verdict.poor.reviewer'),
  ];
  if (a.mentioned.length > 0) {
    out.push(
      t('household:verdict.poor.mentioned', {
        list: a.mentioned.map((i) => i.name).join(', '),
        count: a.mentioned.length,
        hedge: hedge(ctx, period.poor.indicatorsConfidence ?? period.poor.confidence),
      }),
      t(a.mentioned.length >= required ? 'household:verdict.poor.leanPoor' : 'household:verdict.poor.leanNearPoor', {
        required,
      }),
    );
  }
  return out;
}

/** Over the poverty line: the average-living band, the low-income worker line, the province's own line. */
function aboveText(ctx: ScreenContext, a: Assessment, c: HouseholdCase): string[] {
  const { t } = ctx;
  const { period } = a;
  const line = formatDong(a.povertyLine);
  const out: string[] = [];
  const band = period.averageBand;
  if (a.standing === 'average' && a.band && band) {
    const bandHedge = hedge(ctx, band.confidence);
    out.push(
      t('household:verdict.average.lead', { line }),
      t('household:verdict.average.band', { min: formatDong(a.band[0]), max: formatDong(a.band[1]) }),
      c.farming
        ? t('household:verdict.average.farming', { hedge: bandHedge })
        : t('household:verdict.average.ifFarming', { hedge: bandHedge }),
    );
  } else if (a.band) {
    out.push(t('household:verdict.above.withBand', { line, max: formatDong(a.band[1]) }));
  } else {
    out.push(t('household:verdict.above.noBand', { line }));
  }
  const low = period.lowIncomeWorker;
  if (a.lowIncome && low) {
    if (a.lowIncome.under)
      out.push(
        t('household:verdict.lowIncome.under', {
          line: formatDong(a.lowIncome.line),
          hedge: hedge(ctx, low.confidence),
        }),
      );
    else out.push(t('household:verdict.lowIncome.over', { line: formatDong(a.lowIncome.line) }));
  }
  if (!a.band || !a.lowIncome) out.push(t('household:verdict.above.unknownBands'));
  const provincial = period.provincialLine;
  if (a.provincial?.under && provincial) {
    out.push(
      t('household:verdict.provincial', {
        name: provincial.name,
        use: provincial.use,
        amount: formatDong(a.provincial.line),
        area: areaName(ctx, period, a.area),
        hedge: hedge(ctx, provincial.confidence),
      }),
    );
  }
  return out;
}

/** One "very close to …" note naming each close line (lines of equal value together), nearest first. */
export function closeText(ctx: ScreenContext, close: readonly CloseLine[], key = 'household:verdict.close'): string {
  const { t } = ctx;
  if (close.length === 0) return '';
  const byLine = new Map<number, CloseLine[]>();
  for (const c of close) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const and = t('household:verdict.closeNames.and');
  const lines = [...byLine.values()]
    .sort((x, y) => x[0]!.percent - y[0]!.percent)
    .map((group) =>
      t(group[0]!.exact ? 'household:verdict.closeExact' : 'household:verdict.closeLine', {
        which: group.map((c) => t(`household:verdict.closeNames.${c.kind}`)).join(and),
        line: formatDong(group[0]!.line),
        percent: group[0]!.percent,
      }),
    );
  return t(key, { lines: lines.join(and) });
}

/** What a verdict screen shows: the household as read, its assessment, and what was assumed. */
export interface VerdictArgs {
  criteria: HouseholdCriteria;
  c: HouseholdCase;
  a: Assessment;
  assumed: { period: boolean; area: boolean };
  /** the resident asked about the next standard */
  asksNext?: boolean;
}

/**
 * The full verdict (the "Xem chi tiết" of the short one, household-short-verdict.ts): what was understood, the income per person, the line in force that day with its
 * legal basis, the category it points to and what else decides it (deprivations, scored by the
 * reviewer), closeness to a line, the next standard, the next step and the follow-up questions.
 * It never says the household *is* poor: the review decides.
 */
export function verdictScreen(ctx: ScreenContext, verdict: VerdictArgs): Screen {
  const { criteria, c, a, assumed } = verdict;
  const { t } = ctx;
  const followUps = availableNodes(ctx.snapshot, criteria.followUps, ctx.now);
  return {
    parts: [
      summaryText(ctx, c, a, assumed).join('\n'),
      categoryText(ctx, a, c).join('\n'),
      [boundText(ctx, c, a), closeText(ctx, a.close)].filter(Boolean).join('\n'),
      nextPeriodText(ctx, a),
      nextStepText(ctx, a),
      followUps.length > 0 ? `${t('dialog:answer.followUps')}\n${numberedList(t, followUps)}` : '',
      t('household:verdict.footer'),
    ],
    ...(followUps.length > 0
      ? { position: { nodeId: null, options: followUps, breadcrumb: [] }, listed: followUps }
      : {}),
  };
}

/** What was understood, the income per person, the line of the day and the area assumed. */
function summaryText(
  ctx: ScreenContext,
  c: HouseholdCase,
  a: Assessment,
  assumed: { period: boolean; area: boolean },
): string[] {
  const { t } = ctx;
  const { period } = a;
  const lines = [a.povertyLine, a.band?.[1], a.lowIncome?.line, a.provincial?.line].filter(
    (l): l is number => l !== undefined,
  );
  const otherArea: Area = a.area === 'rural' ? 'urban' : 'rural';
  const perPersonKey =
    c.income.qualifier === 'over'
      ? 'household:verdict.perPersonOver'
      : c.income.qualifier === 'under'
        ? 'household:verdict.perPersonUnder'
        : 'household:verdict.perPerson';
  return [
    t('household:verdict.title'),
    t('household:verdict.understood', { facts: understoodFacts(ctx, c, assumed.period, assumed.area) }),
    t(perPersonKey, { amount: displayPerPerson(a.perPerson, lines) }),
    t('household:verdict.line', {
      date: formatDay(a.day),
      period: period.name,
      amount: formatDong(a.povertyLine),
      area: areaName(ctx, period, a.area),
      basis: formatBasis(period.povertyLine.legalBasis) + hedge(ctx, period.povertyLine.confidence),
    }),
    assumed.area
      ? t('household:verdict.areaAssumed', {
          area: areaName(ctx, period, a.area),
          other: areaName(ctx, period, otherArea),
          amount: formatDong(period.povertyLine[otherArea]),
        })
      : '',
  ].filter(Boolean);
}

/** "dưới 2 triệu" over the line, "hơn 1 củ" under it: the real figure may fall on the other side. */
export function boundText(
  ctx: ScreenContext,
  c: HouseholdCase,
  a: Assessment,
  keys = 'household:verdict.bound',
): string {
  const line = formatDong(a.povertyLine);
  if (c.income.qualifier === 'under' && a.standing !== 'poor-or-near-poor') return ctx.t(`${keys}.under`, { line });
  if (c.income.qualifier === 'over' && a.standing === 'poor-or-near-poor') return ctx.t(`${keys}.over`, { line });
  return '';
}

/** The next period's line, when one is known, and where this income would stand under it. */
function nextPeriodText(ctx: ScreenContext, a: Assessment): string {
  if (!a.next) return '';
  const { t } = ctx;
  return [
    t('household:verdict.next.lead', {
      date: formatDay(a.next.period.validFrom),
      amount: formatDong(a.next.line),
      area: areaName(ctx, a.next.period, a.area),
      basis: formatBasis(a.next.period.povertyLine.legalBasis),
    }),
    t(a.next.under ? 'household:verdict.next.under' : 'household:verdict.next.over'),
  ].join(' ');
}

/** Mẫu số 01 at the UBND xã/phường and the review calendar, hedged when the procedure may change. */
function nextStepText(ctx: ScreenContext, a: Assessment): string {
  const { t } = ctx;
  const { period } = a;
  return [
    t(a.standing === 'above' ? 'household:verdict.nextStep.ifChanged' : 'household:verdict.nextStep.apply'),
    period.review.confidence === '[2+]'
      ? ''
      : t('household:verdict.nextStep.mayChange', { year: period.validFrom.slice(0, 4) }),
  ]
    .filter(Boolean)
    .join(' ');
}
