import type { TFunction } from 'i18next';
import type { HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import type { AuditEntry } from '../../../broadcast/audit-log.js';
import type { BroadcastGroup, Campaign } from '../../../broadcast/broadcast-types.js';
import type { RunStore } from '../../../broadcast/run-store.js';
import type { FaqSnapshot } from '../../../faq/faq-types.js';
import { residentName } from '../inbox/thread-summaries.js';

/** What an audited action was about, as a label and (when the console has a page for it) a link. */
export interface AuditSubject {
  label: string;
  href?: string;
}

export interface AuditSubjectSources {
  campaigns: ReadonlyMap<number, Campaign>;
  groups: ReadonlyMap<string, BroadcastGroup>;
  handoffs: Pick<HandoffRepository, 'get'>;
  /** a run's campaign, for entries that name only the run (deliveries) */
  runs: Pick<RunStore, 'getRun'>;
  residents: ResidentRepository;
  faq: FaqSnapshot;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The campaign, run, group, thread, FAQ file or account an entry names, in the officials' words. */
export function auditSubjects(t: TFunction, src: AuditSubjectSources, e: AuditEntry): AuditSubject[] {
  const out: AuditSubject[] = [];
  if (e.campaignId !== null) {
    const title = src.campaigns.get(e.campaignId)?.title ?? `#${e.campaignId}`;
    out.push({ label: t('auditPage.on.campaign', { title }), href: `/admin/campaigns/${e.campaignId}` });
  }
  const runCampaign = e.runId === null ? null : (e.campaignId ?? src.runs.getRun(e.runId)?.campaignId ?? null);
  if (e.runId !== null && runCampaign !== null) {
    const href = `/admin/campaigns/${runCampaign}/runs/${e.runId}`;
    out.push({ label: t('auditPage.on.run', { id: e.runId }), href });
  }
  if (e.groupId !== null) {
    const name = src.groups.get(e.groupId)?.name || e.groupId;
    out.push({ label: t('auditPage.on.group', { name }), href: `/admin/groups/${encodeURIComponent(e.groupId)}` });
  }
  const handoffId = e.details.handoffId;
  const handoff = typeof handoffId === 'number' ? src.handoffs.get(handoffId) : undefined;
  if (handoff) {
    const name = residentName(t, src.residents, handoff.userId);
    out.push({
      label: t('auditPage.on.thread', { name }),
      href: `/admin/inbox/t/${encodeURIComponent(handoff.userId)}`,
    });
  } else if (text(e.details.user)) {
    out.push({ label: t('auditPage.on.resident') });
  }
  const file = text(e.details.file);
  if (file) {
    const nodeId = text(e.details.nodeId);
    const title = nodeId ? src.faq.node(nodeId)?.title : undefined;
    out.push({ label: title ? t('auditPage.on.faqEntry', { file, title }) : t('auditPage.on.faqFile', { file }) });
  }
  const account = text(e.details.account);
  if (account) out.push({ label: t('auditPage.on.account', { name: account }) });
  return out;
}
