import type { Request, Response, Router } from 'express';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import type { QuestionRepository } from '../../../bot/dialog/question-repository.js';
import type { NodeEdit } from '../../../faq/edit/edit-node-yaml.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import type { Clock } from '../../../shared/clock.js';
import type { Db } from '../../../storage/open-database.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import { formField, formList, noticeFrom } from '../form-input.js';
import { answerFormView } from '../improve/answer-form-view.js';
import { createContentEditor, type EditOutcome } from '../improve/content-editor.js';
import { editPreviewView } from '../improve/edit-preview-view.js';
import { findNodeView, pickNodeView } from '../improve/pick-node-view.js';
import { searchNodes, topicTitleOf } from '../improve/search-nodes.js';

const KEY = /^[0-9a-f]{16}$/;
const NODE_ID = /^[a-z0-9-]{1,100}$/;
const MAX_KEYS = 50;
const MAX_ANSWER = 4000;

const STATUS: Record<string, number> = { conflict: 409, checker: 422, not_in_content: 404, node_not_found: 404 };

function list(value: unknown): string[] {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is string => typeof v === 'string');
}

function query(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value : '';
}

/**
 * /improve: editors improve the FAQ from the console. "Thêm làm cách hỏi" adds residents' unanswered
 * phrasings to the node they should have reached; "Sửa câu trả lời" fixes an answer's text. Both
 * preview the change in the file first and write it only when the file is unchanged since and the
 * content checker passes (see ContentEditor); the live reload then serves it.
 */
export function addImproveRoutes(
  router: Router,
  deps: { db: Db; clock: Clock; faq: FaqStore; questions: QuestionRepository; audit: AuditLog; contentDir: string },
): void {
  const editor = createContentEditor({
    contentDir: deps.contentDir,
    faq: deps.faq,
    clock: deps.clock,
    audit: deps.audit,
    transaction: (work) => deps.db.transaction(work)(),
  });

  /** The phrasings behind the grouping keys, skipping keys whose texts retention removed. */
  function phrasings(keys: readonly string[]) {
    const unique = [...new Set(keys)].filter((k) => KEY.test(k)).slice(0, MAX_KEYS);
    return unique.flatMap((key) => {
      const text = deps.questions.latestText(key);
      return text ? [{ key, text }] : [];
    });
  }

  function nodeOf(id: string) {
    return NODE_ID.test(id) ? deps.faq.current().node(id) : undefined;
  }

  function notFound(res: Response): void {
    const { t } = stateOf(res);
    sendPage(res, 404, {
      title: t('errors.notFoundTitle'),
      active: 'questions',
      body: editPreviewView(t, {
        heading: t('improve.previewTitle'),
        back: { href: '/admin/questions', label: t('questions.title') },
        outcome: { ok: false, refusal: { reason: 'not_in_content' } },
        confirm: { action: '', fields: [], label: '' },
        csrfToken: stateOf(res).session!.csrfToken,
      }),
    });
  }

  router.get('/improve/question', requirePermission('content.edit'), (req, res) => {
    const { t } = stateOf(res);
    const snapshot = deps.faq.current();
    const found = phrasings(list(req.query.key));
    const q = query(req, 'q').slice(0, 100);
    const selected = nodeOf(query(req, 'node'));
    const hits = searchNodes(snapshot, q).filter((h) => h.node.id !== selected?.id);
    if (selected) hits.unshift({ node: selected, topic: topicTitleOf(snapshot, selected) });
    sendPage(res, 200, {
      title: t('improve.questionTitle'),
      active: 'questions',
      body: pickNodeView(t, { phrasings: found, query: q, hits, selected: selected?.id }),
    });
  });

  function questionEdit(nodeId: string, keys: string[]) {
    const found = phrasings(keys);
    const edit: NodeEdit = { kind: 'addQuestions', nodeId, texts: found.map((p) => p.text) };
    return { found, edit };
  }

  function showQuestionPreview(res: Response, status: number, nodeId: string, keys: string[], outcome: EditOutcome) {
    const { t, session } = stateOf(res);
    const retry = new URLSearchParams([['node', nodeId], ...keys.map((k) => ['key', k] as [string, string])]);
    sendPage(res, status, {
      title: t('improve.previewTitle'),
      active: 'questions',
      body: editPreviewView(t, {
        heading: t('improve.previewTitle'),
        back: { href: `/admin/improve/question?${retry.toString()}`, label: t('improve.questionTitle') },
        outcome,
        confirm: {
          action: '/admin/improve/question',
          fields: [['node', nodeId], ...keys.map((k) => ['key', k] as const)],
          label: t('improve.confirmAdd'),
        },
        retryHref: `/admin/improve/question/preview?${retry.toString()}`,
        csrfToken: session!.csrfToken,
      }),
    });
  }

  router.get('/improve/question/preview', requirePermission('content.edit'), (req, res) => {
    const node = nodeOf(query(req, 'node'));
    if (!node) return notFound(res);
    const { found, edit } = questionEdit(node.id, list(req.query.key));
    const outcome: EditOutcome =
      found.length === 0 ? { ok: false, refusal: { reason: 'no_change' } } : editor.preview(edit);
    const status = outcome.ok ? 200 : (STATUS[outcome.refusal.reason] ?? 400);
    showQuestionPreview(
      res,
      status,
      node.id,
      found.map((p) => p.key),
      outcome,
    );
  });

  router.post('/improve/question', requirePermission('content.edit'), (req, res) => {
    const node = nodeOf(formField(req, 'node'));
    if (!node) return notFound(res);
    const { found, edit } = questionEdit(node.id, formList(req, 'key'));
    const keys = found.map((p) => p.key);
    const now = deps.clock.now();
    const outcome: EditOutcome =
      found.length === 0
        ? { ok: false, refusal: { reason: 'no_change' } }
        : editor.apply(edit, formField(req, 'base'), accountOf(res).name, () => {
            for (const key of keys) deps.questions.markHandled(key, now);
          });
    if (outcome.ok) return res.redirect(303, '/admin/questions?done=variant_added');
    showQuestionPreview(res, STATUS[outcome.refusal.reason] ?? 400, node.id, keys, outcome);
  });

  router.get('/improve', requirePermission('content.edit'), (req, res) => {
    const { t } = stateOf(res);
    const q = query(req, 'q').slice(0, 100);
    sendPage(res, 200, {
      title: t('improve.findTitle'),
      active: 'content',
      notice: noticeFrom(t, req),
      body: findNodeView(t, { query: q, hits: searchNodes(deps.faq.current(), q) }),
    });
  });

  router.get('/improve/answer', requirePermission('content.edit'), (req, res) => {
    const { t, session } = stateOf(res);
    const node = nodeOf(query(req, 'node'));
    if (!node || node.versions.length === 0) return notFound(res);
    sendPage(res, 200, {
      title: t('improve.answerTitle', { title: node.title }),
      active: 'content',
      body: answerFormView(t, { node, csrfToken: session!.csrfToken }),
    });
  });

  function answerEdit(req: Request): { edit: NodeEdit; error?: string } | undefined {
    const node = nodeOf(formField(req, 'node'));
    if (!node || node.versions.length === 0) return undefined;
    const raw = formField(req, 'version');
    const version = /^[0-9]{1,3}$/.test(raw) ? Number(raw) : null;
    const text = formField(req, 'text').replace(/\r\n?/g, '\n');
    const edit: NodeEdit = { kind: 'setAnswer', nodeId: node.id, version, text };
    if (!text.trim()) return { edit, error: 'improve.emptyAnswer' };
    if (text.length > MAX_ANSWER) return { edit, error: 'improve.answerTooLong' };
    return { edit };
  }

  function showAnswerPreview(
    res: Response,
    status: number,
    edit: NodeEdit & { kind: 'setAnswer' },
    outcome: EditOutcome,
  ) {
    const { t, session } = stateOf(res);
    const node = deps.faq.current().node(edit.nodeId)!;
    const fields: Array<readonly [string, string]> = [
      ['node', edit.nodeId],
      ['text', edit.text],
      ...(edit.version !== null ? [['version', String(edit.version)] as const] : []),
    ];
    sendPage(res, status, {
      title: t('improve.previewTitle'),
      active: 'content',
      body: editPreviewView(t, {
        heading: t('improve.answerTitle', { title: node.title }),
        back: { href: `/admin/improve/answer?node=${edit.nodeId}`, label: t('improve.editAnswer') },
        outcome,
        confirm: { action: '/admin/improve/answer', fields, label: t('improve.confirmAnswer') },
        retryHref: `/admin/improve/answer?node=${edit.nodeId}`,
        csrfToken: session!.csrfToken,
      }),
    });
  }

  function answerRoute(apply: boolean) {
    return (req: Request, res: Response) => {
      const { t, session } = stateOf(res);
      const planned = answerEdit(req);
      if (!planned) return notFound(res);
      const edit = planned.edit as NodeEdit & { kind: 'setAnswer' };
      if (planned.error) {
        const node = deps.faq.current().node(edit.nodeId)!;
        return sendPage(res, 400, {
          title: t('improve.answerTitle', { title: node.title }),
          active: 'content',
          body: answerFormView(t, {
            node,
            csrfToken: session!.csrfToken,
            error: t(planned.error, { max: MAX_ANSWER }),
            draft: { version: edit.version, text: edit.text },
          }),
        });
      }
      const outcome = apply ? editor.apply(edit, formField(req, 'base'), accountOf(res).name) : editor.preview(edit);
      if (apply && outcome.ok) return res.redirect(303, '/admin/improve?done=answer_saved');
      showAnswerPreview(res, outcome.ok ? 200 : (STATUS[outcome.refusal.reason] ?? 400), edit, outcome);
    };
  }
  router.post('/improve/answer/preview', requirePermission('content.edit'), answerRoute(false));
  router.post('/improve/answer', requirePermission('content.edit'), answerRoute(true));
}
