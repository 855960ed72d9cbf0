import type { Request, Response, Router } from 'express';
import type { QuestionRepository } from '../../../bot/dialog/question-repository.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import { clusterQuestions } from '../questions/cluster-questions.js';
import type { Clock } from '../../../shared/clock.js';
import { toZonedParts } from '../../../broadcast/zoned-time.js';
import { requirePermission, sendPage, stateOf } from '../console-state.js';
import { toCsv } from '../csv.js';
import type { Formatter } from '../format.js';
import type { ConsoleStats } from '../stats/console-stats.js';
import { DASHBOARD_DAYS, dashboardView } from '../stats/dashboard-view.js';
import { countsByTopic, lastDaysRange, yearRange } from '../stats/stats-range.js';
import {
  broadcastTable,
  handoffTable,
  MONTHS,
  yearlyReportView,
  type YearlyReport,
} from '../stats/yearly-report-view.js';

const FIRST_YEAR = 2022;

/** GET / (dashboard), /report (yearly report page) and /report/<section>.csv. */
export function addReportRoutes(
  router: Router,
  deps: {
    stats: ConsoleStats;
    faq: FaqStore;
    clock: Clock;
    timeZone: string;
    fmt: Formatter;
    /** the question log: the week's top unanswered questions */
    questions: QuestionRepository;
  },
): void {
  const { stats, faq, clock, timeZone, fmt } = deps;
  const thisYear = () => toZonedParts(clock.now(), timeZone).year;

  router.get('/', requirePermission('read'), (req, res) => {
    const { t } = stateOf(res);
    const asked = Number(req.query.days);
    const days = (DASHBOARD_DAYS as readonly number[]).includes(asked) ? asked : 30;
    const range = lastDaysRange(clock.now(), days, timeZone);
    const questions = stats.questions(range);
    sendPage(res, 200, {
      title: t('dashboard.title'),
      active: 'dashboard',
      body: dashboardView(t, fmt, {
        days,
        dayLabels: range.labels,
        questions,
        topics: countsByTopic(faq.current(), questions.byNode, t('dashboard.otherTopic')),
        handoffs: stats.handoffs(range),
        broadcasts: stats.broadcasts(range),
        topUnanswered: clusterQuestions(
          deps.questions.listUnanswered({ since: clock.now() - 7 * 24 * 3600_000, limit: 200 }),
        )
          .filter((c) => c.texts.length > 0)
          .slice(0, 5)
          .map((c) => ({ text: c.texts[0]!, count: c.count })),
      }),
    });
  });

  function report(req: Request, res: Response): YearlyReport {
    const asked = Number(req.query.year);
    const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear() ? asked : thisYear();
    const range = yearRange(year, timeZone);
    const questions = stats.questions(range);
    return {
      year,
      questions,
      topics: countsByTopic(faq.current(), questions.byNode, stateOf(res).t('dashboard.otherTopic')),
      handoffs: stats.handoffs(range),
      broadcasts: stats.broadcasts(range),
    };
  }

  router.get('/report', requirePermission('read'), (req, res) => {
    const { t } = stateOf(res);
    const r = report(req, res);
    const years = Array.from({ length: thisYear() - FIRST_YEAR + 1 }, (_, i) => thisYear() - i);
    sendPage(res, 200, {
      title: t('report.yearTitle', { year: r.year }),
      active: 'report',
      body: yearlyReportView(t, fmt, r, years),
    });
  });

  const sections: Record<
    string,
    (r: YearlyReport, t: ReturnType<typeof stateOf>['t']) => Array<Array<string | number>>
  > = {
    broadcasts: (r, t) => [
      [t('groups.name'), ...MONTHS.map((m) => t('report.monthShort', { m })), t('report.total')],
      ...broadcastTable(r).map((row) => [row.group, ...row.months, row.total]),
    ],
    topics: (r, t) => [[t('report.topic'), t('dashboard.questions')], ...r.topics.map((x) => [x.topic, x.count])],
    handoffs: (r, t) => [
      [t('report.month'), t('report.opened'), t('report.answered')],
      ...handoffTable(r).map((x) => [t('report.monthLong', { m: x.month }), x.opened, x.answered]),
    ],
  };

  router.get('/report/:section.csv', requirePermission('read'), (req, res, next) => {
    const name = String(req.params.section);
    if (!Object.hasOwn(sections, name)) return next();
    const r = report(req, res);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`bao-cao-${r.year}-${name}.csv`)
      .send(toCsv(sections[name]!(r, stateOf(res).t)));
  });
}
