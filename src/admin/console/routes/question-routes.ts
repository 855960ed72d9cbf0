import type { Router } from 'express';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { QuestionRepository } from '../../../bot/dialog/question-repository.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import type { Clock } from '../../../shared/clock.js';
import type { Db } from '../../../storage/open-database.js';
import { can } from '../../auth/roles.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import { formField, formList, noticeFrom } from '../form-input.js';
import { clusterQuestions } from '../questions/cluster-questions.js';
import { paginate, readListQuery, searchMatcher } from '../lists/list-query.js';
import { PERIOD_DAYS, questionsView, type QuestionRow } from '../questions/questions-view.js';

const DAY_MS = 24 * 3600_000;
const KEY = /^[0-9a-f]{16}$/;

function periodDays(value: unknown): number {
  const n = Number(value);
  return (PERIOD_DAYS as readonly number[]).includes(n) ? n : 30;
}

/** /questions: what the bot could not answer, clustered, with the nearest FAQ entry; mark handled. */
export function addQuestionRoutes(
  router: Router,
  deps: {
    db: Db;
    clock: Clock;
    questions: QuestionRepository;
    faq: FaqStore;
    audit: AuditLog;
    fmt: Formatter;
    contentDir: string;
  },
): void {
  router.get('/questions', requirePermission('read'), (req, res) => {
    const { t, session } = stateOf(res);
    const days = periodDays(req.query.days);
    const snapshot = deps.faq.current();
    const groups = deps.questions.listUnanswered({ since: deps.clock.now() - days * DAY_MS, limit: 500 });
    const list = readListQuery(req);
    const matches = searchMatcher(list.q);
    const clusters = clusterQuestions(groups).filter((c) => matches(...c.texts));
    const rows: QuestionRow[] = clusters.map((cluster) => {
      const top = cluster.candidates[0];
      const node = top ? snapshot.node(top.id) : undefined;
      return { cluster, nearest: node && top ? { node, score: top.score } : null };
    });
    sendPage(res, 200, {
      title: t('questions.title'),
      active: 'questions',
      notice: noticeFrom(t, req),
      body: questionsView(t, deps.fmt, {
        rows: paginate(rows, list.page),
        days,
        q: list.q,
        contentDir: deps.contentDir,
        canHandle: can(accountOf(res).role, 'question.handle'),
        canEdit: can(accountOf(res).role, 'content.edit'),
        csrfToken: session!.csrfToken,
      }),
    });
  });

  router.post('/questions/handled', requirePermission('question.handle'), (req, res) => {
    const keys = [...new Set(formList(req, 'key'))].filter((k) => KEY.test(k)).slice(0, 500);
    const actor = accountOf(res).name;
    const now = deps.clock.now();
    deps.db.transaction(() => {
      const count = keys.reduce((n, k) => n + deps.questions.markHandled(k, now), 0);
      deps.audit.record({ actor, action: 'question.handle', details: { keys, questions: count } });
    })();
    res.redirect(303, `/admin/questions?days=${periodDays(formField(req, 'days'))}&done=handled`);
  });
}
