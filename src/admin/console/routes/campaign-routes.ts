import type { Request, Response, Router } from 'express';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import { BroadcastError } from '../../../broadcast/broadcast-error.js';
import type { BroadcastRun, Campaign } from '../../../broadcast/broadcast-types.js';
import type { CampaignService } from '../../../broadcast/campaign-service.js';
import type { GroupDirectory } from '../../../broadcast/group-directory.js';
import type { RunService } from '../../../broadcast/run-service.js';
import type { RunStore } from '../../../broadcast/run-store.js';
import type { ApprovalRequests } from '../../../broadcast/approval-requests.js';
import { sameActor } from '../../../broadcast/same-actor.js';
import type { AccountRepository } from '../../auth/account-repository.js';
import { can } from '../../auth/roles.js';
import { awaitingMeView } from '../campaigns/approval-panel-view.js';
import { campaignDetailView } from '../campaigns/campaign-detail-view.js';
import {
  campaignToForm,
  EMPTY_CAMPAIGN_FORM,
  readCampaignForm,
  validateCampaignForm,
  type CampaignField,
  type CampaignFormValues,
} from '../campaigns/campaign-form.js';
import { campaignFormView } from '../campaigns/campaign-form-view.js';
import { CAMPAIGN_STATUSES, campaignListView } from '../campaigns/campaign-list-view.js';
import { paginate, readListQuery, searchMatcher } from '../lists/list-query.js';
import { dryRunView } from '../campaigns/dry-run-view.js';
import { progressLabels, runReportView } from '../campaigns/run-report-view.js';
import { accountOf, requirePermission, sendPage, stateOf } from '../console-state.js';
import type { Formatter } from '../format.js';
import type { Clock } from '../../../shared/clock.js';
import { forecastSentence } from '../campaigns/forecast-sentence.js';
import { noticeFrom, routeId } from '../form-input.js';
import { html } from '../html.js';

const ERROR_STATUS: Record<BroadcastError['code'], number> = {
  not_found: 404,
  invalid_state: 409,
  forbidden: 403,
  invalid_input: 400,
};

export interface CampaignRouteDeps {
  campaigns: CampaignService;
  /** reports and CSV */
  runs: RunService;
  /** raw runs and counts */
  runStore: RunStore;
  directory: GroupDirectory;
  audit: AuditLog;
  fmt: Formatter;
  clock: Clock;
  /** Config.timeZone: the forecast sentence's times */
  timeZone: string;
  approvalRequests: ApprovalRequests;
  /** who may approve (accounts holding the role) */
  accounts: Pick<AccountRepository, 'list'>;
}

/**
 * /campaigns: list, create and edit drafts, dry run, approve (two-person rule enforced by the
 * domain), pause, resume, cancel, and per-run delivery reports with progress and CSV. Every action
 * goes through the broadcast domain's CampaignService — the same one the JSON API uses.
 */
export function addCampaignRoutes(router: Router, deps: CampaignRouteDeps): void {
  const { campaigns, runStore: runs, directory, fmt } = deps;

  /** The domain's refusal in the official's language (broadcast namespace). */
  function refusal(res: Response, err: BroadcastError): string {
    const { t } = stateOf(res);
    return t(err.key, { ns: 'broadcast', ...err.params, defaultValue: t('campaigns.refused') });
  }

  /** "Sẽ gửi lúc 07:00 ngày 08/12 (sau giờ yên lặng 21:00–07:00) tới 47 nhóm; …" */
  function sentenceFor(res: Response, id: number): string {
    return forecastSentence(stateOf(res).t, campaigns.forecast(id), { now: deps.clock.now(), timeZone: deps.timeZone });
  }

  /** Enabled accounts that may approve `c`: the role, and not its drafter or last editor. */
  function approversOf(c: Campaign): string[] {
    return deps.accounts
      .list()
      .filter((a) => a.disabledAt === null && can(a.role, 'campaign.approve'))
      .filter((a) => ![c.createdBy, c.updatedBy].some((d) => sameActor(d, a.name)))
      .map((a) => a.name);
  }

  function notFound(res: Response): void {
    const { t } = stateOf(res);
    sendPage(res, 404, {
      title: t('errors.notFoundTitle'),
      active: 'campaigns',
      body: html`<div class="card"><h1>${t('errors.notFoundTitle')}</h1><p><a href="/admin/campaigns">${t('campaigns.title')}</a></p></div>`,
    });
  }

  function findCampaign(req: Request): Campaign | null {
    try {
      return campaigns.get(routeId(req));
    } catch (err) {
      if (err instanceof BroadcastError && err.code === 'not_found') return null;
      throw err;
    }
  }

  function showDetail(
    req: Request,
    res: Response,
    c: Campaign,
    status = 200,
    message?: { tone: 'ok' | 'warn' | 'bad'; text: string },
  ) {
    const { t, session } = stateOf(res);
    sendPage(res, status, {
      title: c.title,
      active: 'campaigns',
      notice: noticeFrom(t, req),
      body: campaignDetailView(t, fmt, {
        campaign: c,
        groups: directory.list(),
        runs: runs.listRuns(c.id).map((run) => ({ run, counts: runs.counts(run.id) })),
        audit: deps.audit.list({ campaignId: c.id, limit: 50 }),
        account: accountOf(res),
        csrfToken: session!.csrfToken,
        message,
        forecast: sentenceFor(res, c.id),
        approval: {
          approvers: approversOf(c),
          request: deps.approvalRequests.openFor(c.id),
          forecast: campaigns.forecast(c.id),
        },
      }),
    });
  }

  function showForm(
    res: Response,
    status: number,
    form: { action: string; heading: string; values: CampaignFormValues; errors?: CampaignField[]; message?: string },
  ) {
    const { t, session } = stateOf(res);
    sendPage(res, status, {
      title: form.heading,
      active: 'campaigns',
      body: campaignFormView(t, {
        ...form,
        errors: form.errors ?? [],
        csrfToken: session!.csrfToken,
        groups: directory.list(),
      }),
    });
  }

  router.get('/campaigns', requirePermission('read'), (req, res) => {
    const { t } = stateOf(res);
    const account = accountOf(res);
    const awaiting = can(account.role, 'campaign.approve') ? deps.approvalRequests.awaiting(account.name) : [];
    const list = readListQuery(req);
    const status = CAMPAIGN_STATUSES.find((s) => s === req.query.status);
    const matches = searchMatcher(list.q);
    const shown = campaigns.list().filter((c) => (!status || c.status === status) && matches(c.title, c.text));
    sendPage(res, 200, {
      title: t('campaigns.title'),
      active: 'campaigns',
      notice: noticeFrom(t, req),
      body: html`${awaitingMeView(t, fmt, awaiting)}${campaignListView(t, fmt, {
        campaigns: paginate(shown, list.page),
        filter: { q: list.q, status: status ?? '' },
        groups: directory.list(),
        canDraft: can(accountOf(res).role, 'campaign.draft'),
        lastRuns: new Map(
          [...runs.latestRuns()].map(([id, run]) => [id, { run, counts: runs.counts(run.id) }] as const),
        ),
      })}`,
    });
  });

  router.get('/campaigns/new', requirePermission('campaign.draft'), (_req, res) => {
    showForm(res, 200, {
      action: '/admin/campaigns',
      heading: stateOf(res).t('campaigns.new'),
      values: EMPTY_CAMPAIGN_FORM,
    });
  });

  /** Validates and saves the form (create when `existing` is absent); re-renders with 400 on errors. */
  function save(req: Request, res: Response, existing: Campaign | null) {
    const { t } = stateOf(res);
    const values = readCampaignForm(req);
    const form = existing
      ? { action: `/admin/campaigns/${existing.id}`, heading: t('campaigns.editTitle'), values }
      : { action: '/admin/campaigns', heading: t('campaigns.new'), values };
    const checked = validateCampaignForm(values);
    if (!checked.ok) return showForm(res, 400, { ...form, errors: checked.fields });
    const actor = accountOf(res).name;
    try {
      const saved = existing
        ? campaigns.update(existing.id, checked.input, actor)
        : campaigns.create(checked.input, actor);
      res.redirect(303, `/admin/campaigns/${saved.id}?done=${existing ? 'saved' : 'created'}`);
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
      const field = err.field?.split('.')[0] as CampaignField | undefined;
      showForm(res, ERROR_STATUS[err.code], { ...form, errors: field ? [field] : [], message: refusal(res, err) });
    }
  }

  router.post('/campaigns', requirePermission('campaign.draft'), (req, res) => save(req, res, null));

  router.get('/campaigns/:id', requirePermission('read'), (req, res) => {
    const c = findCampaign(req);
    if (!c) return notFound(res);
    showDetail(req, res, c);
  });

  router.get('/campaigns/:id/edit', requirePermission('campaign.draft'), (_req, res) => {
    const c = findCampaign(_req);
    if (!c) return notFound(res);
    const { t } = stateOf(res);
    showForm(res, 200, {
      action: `/admin/campaigns/${c.id}`,
      heading: t('campaigns.editTitle'),
      values: campaignToForm(c),
    });
  });

  router.post('/campaigns/:id', requirePermission('campaign.draft'), (req, res) => {
    const c = findCampaign(req);
    if (!c) return notFound(res);
    save(req, res, c);
  });

  router.post('/campaigns/:id/dry-run', requirePermission('campaign.dryRun'), (req, res) => {
    const c = findCampaign(req);
    if (!c) return notFound(res);
    const { t } = stateOf(res);
    const dryRun = campaigns.dryRun(c.id, accountOf(res).name);
    sendPage(res, 200, {
      title: t('dryRun.title'),
      active: 'campaigns',
      body: dryRunView(t, fmt, { campaign: c, dryRun, forecast: sentenceFor(res, c.id) }),
    });
  });

  const transitions = [
    ['approve', 'campaign.approve', 'approved', (id: number, actor: string) => campaigns.approve(id, actor)],
    ['pause', 'campaign.stop', 'paused', (id: number, actor: string) => campaigns.pause(id, actor)],
    ['resume', 'campaign.approve', 'resumed', (id: number, actor: string) => campaigns.resume(id, actor)],
    ['cancel', 'campaign.stop', 'cancelled', (id: number, actor: string) => campaigns.cancel(id, actor)],
  ] as const;
  for (const [action, permission, done, apply] of transitions) {
    router.post(`/campaigns/:id/${action}`, requirePermission(permission), (req, res) => {
      const c = findCampaign(req);
      if (!c) return notFound(res);
      try {
        apply(c.id, accountOf(res).name);
        res.redirect(303, `/admin/campaigns/${c.id}?done=${done}`);
      } catch (err) {
        if (!(err instanceof BroadcastError)) throw err;
        showDetail(req, res, campaigns.get(c.id), ERROR_STATUS[err.code], { tone: 'bad', text: refusal(res, err) });
      }
    });
  }

  router.post('/campaigns/:id/request-approval', requirePermission('campaign.draft'), async (req, res) => {
    const c = findCampaign(req);
    if (!c) return notFound(res);
    try {
      deps.approvalRequests.request(c.id, accountOf(res).name, approversOf(c));
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
      return showDetail(req, res, campaigns.get(c.id), ERROR_STATUS[err.code], {
        tone: 'bad',
        text: refusal(res, err),
      });
    }
    // the officials' group notice (APPROVAL_NOTIFY_GROUP_ID) goes now; a failure waits for the scheduler
    await deps.approvalRequests.flushNotices().catch(() => undefined);
    res.redirect(303, `/admin/campaigns/${c.id}?done=approval_requested`);
  });

  /** The run of this campaign named in the URL, or null. */
  function findRun(req: Request) {
    const c = findCampaign(req);
    const run = c ? runs.getRun(routeId(req, 'runId')) : null;
    return c && run && run.campaignId === c.id ? { campaign: c, run } : null;
  }

  function showRun(req: Request, res: Response, found: { campaign: Campaign; run: BroadcastRun }, status = 200) {
    const { t, session } = stateOf(res);
    const run = runs.getRun(found.run.id)!;
    sendPage(res, status, {
      title: t('report.title', { at: fmt.dateTime(run.dueAt) }),
      active: 'campaigns',
      notice: noticeFrom(t, req),
      body: runReportView(t, fmt, {
        campaign: found.campaign,
        run,
        counts: runs.counts(run.id),
        deliveries: runs.deliveries(run.id),
        progress: deps.runs.progress(run.id),
        resendCsrf: can(accountOf(res).role, 'campaign.resend') ? session!.csrfToken : undefined,
      }),
    });
  }

  router.get('/campaigns/:id/runs/:runId', requirePermission('read'), (req, res) => {
    const found = findRun(req);
    if (!found) return notFound(res);
    showRun(req, res, found);
  });

  router.get('/campaigns/:id/runs/:runId/progress', requirePermission('read'), (req, res) => {
    const found = findRun(req);
    if (!found) return void res.status(404).json({ error: 'not found' });
    const { t } = stateOf(res);
    const p = deps.runs.progress(found.run.id);
    res.json({ ...p, total: p.counts.total, done: p.counts.total - p.waiting, ...progressLabels(t, fmt, p) });
  });

  router.post('/campaigns/:id/runs/:runId/resend-failed', requirePermission('campaign.resend'), (req, res) => {
    const found = findRun(req);
    if (!found) return notFound(res);
    try {
      deps.runs.resendFailed(found.run.id, accountOf(res).name);
      res.redirect(303, `/admin/campaigns/${found.campaign.id}/runs/${found.run.id}?done=resent`);
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
      const { t } = stateOf(res);
      sendPage(res, ERROR_STATUS[err.code], {
        title: t('campaigns.refused'),
        active: 'campaigns',
        body: html`<div class="notice bad" role="alert">${refusal(res, err)}</div>
<p><a href="/admin/campaigns/${found.campaign.id}/runs/${found.run.id}">${t('report.title', { at: fmt.dateTime(found.run.dueAt) })}</a></p>`,
      });
    }
  });

  router.get('/campaigns/:id/runs/:runId/report.csv', requirePermission('read'), (req, res) => {
    const found = findRun(req);
    if (!found) return notFound(res);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`chien-dich-${found.campaign.id}-lan-${found.run.id}.csv`)
      .send(deps.runs.csv(found.run.id, stateOf(res).t));
  });
}
