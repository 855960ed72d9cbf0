import type { Screen, ScreenContext } from '../bot/dialog/dialog-screens.js';
import { numberedList } from '../bot/dialog/dialog-screens.js';
import { availableNodes, detailsOption, DETAILS_PREFIX } from '../bot/dialog/faq-navigation.js';
import type { FaqNode } from '../faq/faq-types.js';
import type { Assessment, HouseholdCase } from './assess-household.js';
import { HOUSEHOLD_ENTRY_ID, type HouseholdCriteria } from './household-criteria.js';
import { householdMenuNode } from './household-menu-node.js';
import {
  areaName,
  boundText,
  closeText,
  displayPerPerson,
  formatDay,
  formatDong,
  hedge,
  understoodFacts,
  type VerdictArgs,
} from './household-screens.js';

/** The id of the verdict's "Xem chi tiết" option (a number or a button; the flow answers it). */
export const HOUSEHOLD_DETAILS_ID = `${DETAILS_PREFIX}${HOUSEHOLD_ENTRY_ID}`;
/** Options under the short verdict: "Xem chi tiết" and at most this many follow-ups. */
const MAX_FOLLOW_UPS = 2;

/**
 * The verdict that fits a phone screen (issue 10 item 4): what was understood and the income per
 * person, the line that decides it (with its basis), the category it points to, a change under the
 * next standard when it would change the category, and the next step. The other lines, the
 * indicators and the review calendar are in "Xem chi tiết" (option 1, the full verdict).
 */
export function shortVerdictScreen(ctx: ScreenContext, verdict: VerdictArgs): Screen {
  const { criteria, c, a, assumed } = verdict;
  const { t } = ctx;
  const details = detailsNode(ctx, criteria, a);
  const followUps = availableNodes(ctx.snapshot, criteria.followUps, ctx.now).slice(0, MAX_FOLLOW_UPS);
  const options = [details, ...followUps];
  return {
    parts: [
      [leadText(ctx, c, a, assumed), lineText(ctx, a, assumed.area)].join('\n'),
      [
        categoryText(ctx, a),
        boundText(ctx, c, a, 'household:short.bound'),
        closeText(
          ctx,
          a.close.filter((l) => l.kind === 'poverty' || l.kind === 'provincial'),
          'household:short.close',
        ),
        nextChangeText(ctx, a, verdict.asksNext === true),
      ]
        .filter(Boolean)
        .join('\n'),
      t(a.standing === 'above' ? 'household:short.nextStep.ifChanged' : 'household:short.nextStep.apply'),
      numberedList(t, options),
      t('household:verdict.footer'),
    ],
    position: { nodeId: null, options, breadcrumb: [] },
    listed: options,
  };
}

/** The "Xem chi tiết" option, titled by what it adds (the next standard only while one is ahead). */
function detailsNode(ctx: ScreenContext, criteria: HouseholdCriteria, a: Assessment): FaqNode {
  const title = ctx.t(a.next ? 'household:short.details.withNext' : 'household:short.details.plain');
  return detailsOption(householdMenuNode(criteria), title);
}

function leadText(
  ctx: ScreenContext,
  c: HouseholdCase,
  a: Assessment,
  assumed: { period: boolean; area: boolean },
): string {
  const lines = [a.povertyLine, a.band?.[1], a.lowIncome?.line, a.provincial?.line].filter(
    (l): l is number => l !== undefined,
  );
  const facts = understoodFacts(ctx, c, assumed.period, assumed.area);
  // an income given per person is already the figure compared with the line
  if (c.income.basis === 'person') return ctx.t('household:short.leadPerson', { facts });
  const how = c.income.qualifier === 'over' ? 'over' : c.income.qualifier === 'under' ? 'under' : 'about';
  return ctx.t('household:short.lead', {
    facts,
    perPerson: ctx.t(`household:short.perPerson.${how}`, { amount: displayPerPerson(a.perPerson, lines) }),
  });
}

/** The line of the day in the household's area, with its basis; the other area's when it was assumed. */
function lineText(ctx: ScreenContext, a: Assessment, areaAssumed: boolean): string {
  const { period } = a;
  const other = a.area === 'rural' ? 'urban' : 'rural';
  return [
    ctx.t('household:short.line', {
      date: formatDay(a.day),
      amount: formatDong(a.povertyLine),
      area: areaName(ctx, period, a.area),
      // the document that sets the line; the full verdict lists every basis with its article
      basis:
        period.povertyLine.legalBasis
          .slice(0, 1)
          .map((b) => b.document)
          .join('') + hedge(ctx, period.povertyLine.confidence),
    }),
    areaAssumed
      ? ctx.t('household:short.areaAssumed', {
          area: areaName(ctx, period, a.area),
          other: areaName(ctx, period, other),
          amount: formatDong(period.povertyLine[other]),
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Poor or near-poor (the deprivations decide), or not by income; the province's own line when under it. */
function categoryText(ctx: ScreenContext, a: Assessment): string {
  const { t } = ctx;
  const { period } = a;
  const line = formatDong(a.povertyLine);
  if (a.standing === 'poor-or-near-poor') {
    const required = period.poor.required;
    const lean =
      a.mentioned.length === 0
        ? ''
        : t(a.mentioned.length >= required ? 'household:short.leanPoor' : 'household:short.leanNearPoor', {
            count: a.mentioned.length,
          });
    return [
      t('household:short.poor', {
        required,
        poorHedge: hedge(ctx, period.poor.confidence),
        nearPoorHedge: hedge(ctx, period.nearPoor.confidence),
      }),
      lean,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const band = period.averageBand;
  const out =
    a.standing === 'average' && a.band && band
      ? [t('household:short.average', { line, max: formatDong(a.band[1]), hedge: hedge(ctx, band.confidence) })]
      : [t('household:short.above', { line })];
  const low = period.lowIncomeWorker;
  // the low-income worker line, unless it is the band's top just stated (the same figure in 2022–2025)
  const stated = a.standing === 'average' && a.band?.[1] === a.lowIncome?.line;
  if (a.lowIncome?.under && low && !stated)
    out.push(t('household:short.lowIncome', { line: formatDong(a.lowIncome.line), hedge: hedge(ctx, low.confidence) }));
  const provincial = period.provincialLine;
  if (a.provincial?.under && provincial)
    out.push(
      t('household:short.provincial', {
        name: provincial.name,
        amount: formatDong(a.provincial.line),
        hedge: hedge(ctx, provincial.confidence),
      }),
    );
  return out.join(' ');
}

/** The next standard when it would change the category ("from 01/01/2027 … under the new line") or was asked about. */
function nextChangeText(ctx: ScreenContext, a: Assessment, asked: boolean): string {
  if (!a.next || (!asked && a.next.under === (a.standing === 'poor-or-near-poor'))) return '';
  return ctx.t(a.next.under ? 'household:short.next.under' : 'household:short.next.over', {
    date: formatDay(a.next.period.validFrom),
    amount: formatDong(a.next.line),
  });
}
