import type { TFunction } from '../i18n/create-i18n.js';
import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';
import { bindApproval } from './approval-binding.js';
import type { ApprovalRequestStore } from './approval-request-store.js';
import type { ApprovalReview } from './approval-review.js';
import type { AuditLog } from './audit-log.js';
import type { Campaign, CampaignStatus } from './broadcast-types.js';
import { BroadcastError } from './broadcast-error.js';
import { forecastCampaign, type CampaignForecast } from './campaign-forecast.js';
import type { CampaignCreateInput, CampaignUpdateInput } from './campaign-input.js';
import type { CampaignStore } from './campaign-store.js';
import { skipReason } from './delivery-reason.js';
import type { GroupDirectory } from './group-directory.js';
import { upcomingOccurrences } from './next-occurrence.js';
import { releaseTime, type QuietHours } from './quiet-hours.js';
import { parseActorName } from './parse-actor-name.js';
import { resolveAudience } from './resolve-audience.js';
import type { RunStore } from './run-store.js';
import { sameActor } from './same-actor.js';
import { parseLocalDateTime } from './zoned-time.js';

export interface BroadcastSettings {
  timeZone: string;
  quietHours: QuietHours | null;
  /** The drafter (creator or last editor) may not approve; names compare as people (same-actor.ts). */
  twoPersonRule: boolean;
}

/** What a dry run shows: the exact text, every target, who will not receive it and why. */
export interface DryRun {
  campaignId: number;
  text: string;
  imageUrl: string | null;
  /** The next occurrences and when each would actually go out (after quiet hours). */
  upcoming: { dueAt: number; releaseAt: number }[];
  forecast: CampaignForecast;
  targets: {
    groupId: string;
    name: string;
    kind: string | null;
    unit: string | null;
    willReceive: boolean;
    reason: string | null;
    warning: string | null;
  }[];
  willReceive: number;
  willNotReceive: number;
}

export interface CampaignService {
  create(input: CampaignCreateInput, actor: string): Campaign;
  /** Edits a draft, approved or paused campaign; an approved one goes back to draft for re-approval. */
  update(id: number, input: CampaignUpdateInput, actor: string): Campaign;
  approve(id: number, actor: string): Campaign;
  pause(id: number, actor: string): Campaign;
  resume(id: number, actor: string): Campaign;
  /** Stops the campaign: held runs are cancelled, not-yet-sent deliveries skipped. */
  cancel(id: number, actor: string): Campaign;
  dryRun(id: number, actor: string): DryRun;
  /** When the next run will go out and to whom (nothing recorded). */
  forecast(id: number): CampaignForecast;
  get(id: number): Campaign;
  list(filter?: { status?: CampaignStatus }): Campaign[];
}

/**
 * Campaign lifecycle: draft → approved ⇄ paused, any open state → cancelled; the scheduler moves
 * a campaign with no occurrences left to completed. Every change is audited in the same
 * transaction as the change itself. Every actor name is checked (`parseActorName`); an approval is
 * bound to the content and the receiving groups at that moment, and `approvals` sends the campaign
 * back to draft when either changes.
 */
export function createCampaignService(deps: {
  db: Db;
  clock: Clock;
  campaigns: CampaignStore;
  runs: RunStore;
  directory: GroupDirectory;
  audit: AuditLog;
  approvals: ApprovalReview;
  settings: BroadcastSettings;
  /** Vietnamese texts for stored reasons and dry runs. */
  t: TFunction;
  /** open "Gửi đề nghị duyệt" requests end when the campaign is approved or cancelled */
  requests?: Pick<ApprovalRequestStore, 'close'>;
}): CampaignService {
  const { db, clock, campaigns, runs, directory, audit, approvals, settings, t } = deps;

  /** The cleaned actor name, or a refusal naming the problem (`broadcast:errors.actor_<problem>`). */
  const checkedActor = (raw: string): string => {
    const parsed = parseActorName(raw);
    if (parsed.ok) return parsed.name;
    throw new BroadcastError(
      'invalid_input',
      `errors.actor_${parsed.problem}`,
      `invalid actor name (${parsed.problem})`,
      {},
      'actor',
    );
  };

  const get = (id: number): Campaign => {
    const c = campaigns.get(id);
    if (!c) throw new BroadcastError('not_found', 'errors.campaign_not_found', `campaign ${id} not found`, { id });
    return c;
  };
  const requireStatus = (c: Campaign, allowed: CampaignStatus[], action: string): void => {
    if (!allowed.includes(c.status)) {
      throw new BroadcastError('invalid_state', 'errors.invalid_state', `cannot ${action} a ${c.status} campaign`, {
        action: t(`actions.${action}`, { ns: 'broadcast' }),
        status: t(`campaignStatus.${c.status}`, { ns: 'broadcast' }),
      });
    }
  };
  const requireFutureOnce = (c: Pick<Campaign, 'schedule'>): void => {
    if (c.schedule.type !== 'once') return;
    const at = parseLocalDateTime(c.schedule.at, settings.timeZone);
    if (at === null)
      throw new BroadcastError(
        'invalid_input',
        'errors.invalid_date',
        'schedule.at is not a real date',
        {},
        'schedule.at',
      );
    if (at <= clock.now())
      throw new BroadcastError(
        'invalid_input',
        'errors.schedule_in_past',
        'schedule.at is in the past',
        {},
        'schedule.at',
      );
  };
  const change = (
    c: Campaign,
    action: string,
    actor: string,
    details: Record<string, unknown> = {},
    extra?: () => void,
  ): Campaign => {
    db.transaction(() => {
      campaigns.save(c);
      extra?.();
      audit.record({ actor, action, campaignId: c.id, details });
    })();
    return get(c.id);
  };

  return {
    get,
    list: (filter) => campaigns.list(filter),
    forecast: (id) => forecastCampaign(get(id), directory.list(), clock.now(), settings),
    create(input, rawActor) {
      const actor = checkedActor(rawActor);
      requireFutureOnce(input);
      const now = clock.now();
      const draft: Omit<Campaign, 'id'> = {
        title: input.title,
        text: input.text,
        imageUrl: input.imageUrl ?? null,
        audience: input.audience,
        schedule: input.schedule,
        status: 'draft',
        createdBy: actor,
        updatedBy: actor,
        approvedBy: null,
        approvedAt: null,
        approval: null,
        cursorAt: null,
        createdAt: now,
        updatedAt: now,
      };
      let id = 0;
      db.transaction(() => {
        id = campaigns.insert(draft);
        audit.record({ actor, action: 'campaign.create', campaignId: id, details: { ...input } });
      })();
      return get(id);
    },
    update(id, input, rawActor) {
      const actor = checkedActor(rawActor);
      const c = get(id);
      requireStatus(c, ['draft', 'approved', 'paused'], 'update');
      if ((c.schedule.type === 'once' || c.schedule.type === 'now') && runs.listRuns(id).length > 0) {
        throw new BroadcastError('invalid_state', 'errors.already_sent', `campaign ${id} already went out`);
      }
      const next: Campaign = {
        ...c,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        status: 'draft',
        updatedBy: actor,
        approvedBy: null,
        approvedAt: null,
        approval: null,
        cursorAt: null,
        updatedAt: clock.now(),
      };
      requireFutureOnce(next);
      return change(next, 'campaign.update', actor, { changes: input, previousStatus: c.status });
    },
    approve(id, rawActor) {
      const actor = checkedActor(rawActor);
      const c = get(id);
      requireStatus(c, ['draft'], 'approve');
      if (settings.twoPersonRule && [c.createdBy, c.updatedBy].some((d) => sameActor(d, actor))) {
        audit.record({
          actor,
          action: 'campaign.approve_refused',
          campaignId: id,
          details: { rule: 'two_person', createdBy: c.createdBy, updatedBy: c.updatedBy },
        });
        throw new BroadcastError(
          'forbidden',
          'errors.two_person_rule',
          'the drafter cannot approve their own campaign',
          { actor },
        );
      }
      requireFutureOnce(c);
      const now = clock.now();
      return change(
        {
          ...c,
          status: 'approved',
          approvedBy: actor,
          approvedAt: now,
          approval: bindApproval(c, directory.list()),
          // a "Gửi ngay" campaign's one occurrence is this approval: the cursor sits just before it
          cursorAt: c.schedule.type === 'now' ? now - 1 : now,
          // "Sửa lần cuối" is the last edit: approving is not an edit
        },
        'campaign.approve',
        actor,
        {},
        () => deps.requests?.close(id, now),
      );
    },
    pause(id, rawActor) {
      const actor = checkedActor(rawActor);
      const c = get(id);
      requireStatus(c, ['approved'], 'pause');
      return change({ ...c, status: 'paused', updatedAt: clock.now() }, 'campaign.pause', actor);
    },
    resume(id, rawActor) {
      const actor = checkedActor(rawActor);
      // a paused campaign whose content or audience changed meanwhile goes back to draft instead
      if (!approvals.holds(get(id), actor)) {
        throw new BroadcastError('invalid_state', 'errors.approval_revoked', `campaign ${id} needs approval again`);
      }
      const c = get(id);
      requireStatus(c, ['paused'], 'resume');
      return change({ ...c, status: 'approved', updatedAt: clock.now() }, 'campaign.resume', actor);
    },
    cancel(id, rawActor) {
      const actor = checkedActor(rawActor);
      const c = get(id);
      requireStatus(c, ['draft', 'approved', 'paused'], 'cancel');
      const now = clock.now();
      return change(
        { ...c, status: 'cancelled', updatedAt: now },
        'campaign.cancel',
        actor,
        { previousStatus: c.status },
        () => {
          runs.cancelCampaignRuns(id, skipReason(t, 'cancelled'), now);
          deps.requests?.close(id, now);
        },
      );
    },
    dryRun(id, rawActor) {
      const actor = checkedActor(rawActor);
      const c = get(id);
      const now = clock.now();
      const targets = resolveAudience(c.audience, directory.list()).map((x) => ({
        groupId: x.groupId,
        name: x.name,
        kind: x.group?.kind ?? null,
        unit: x.group?.unit ?? null,
        willReceive: x.skip === null,
        reason: x.skip ? skipReason(t, x.skip) : null,
        warning: x.notInDirectory ? t('reasons.not_in_directory', { ns: 'broadcast' }) : null,
      }));
      const forecast = forecastCampaign(c, directory.list(), now, settings);
      const after = c.schedule.type === 'now' ? (forecast.dueAt ?? now) - 1 : Math.max(now, c.cursorAt ?? now);
      const upcoming = upcomingOccurrences(c.schedule, after, settings.timeZone, 5, forecast.dueAt).map((dueAt) => ({
        dueAt,
        releaseAt: releaseTime(dueAt, settings.quietHours, settings.timeZone),
      }));
      const willReceive = targets.filter((x) => x.willReceive).length;
      audit.record({
        actor,
        action: 'campaign.dry_run',
        campaignId: id,
        details: { targets: targets.length, willReceive },
      });
      return {
        campaignId: id,
        text: c.text,
        imageUrl: c.imageUrl,
        upcoming,
        forecast,
        targets,
        willReceive,
        willNotReceive: targets.length - willReceive,
      };
    },
  };
}
