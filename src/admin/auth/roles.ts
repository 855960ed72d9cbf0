/**
 * Console roles and what each may do. Checked on the server for every request (`requirePermission`);
 * hiding a button is only a courtesy. To add a right: add it to `Permission` and list the roles that hold it.
 */
export const ROLES = ['admin', 'approver', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'read'
  | 'campaign.draft'
  | 'campaign.approve'
  | 'campaign.dryRun'
  | 'campaign.stop'
  | 'campaign.resend'
  | 'group.edit'
  | 'inbox.reply'
  | 'question.handle'
  | 'content.edit'
  | 'user.manage';

const GRANTS: Record<Permission, readonly Role[]> = {
  read: ['admin', 'approver', 'editor', 'viewer'],
  'campaign.draft': ['admin', 'editor'],
  'campaign.approve': ['admin', 'approver'],
  /** a dry run changes nothing but is audited: for whoever drafts or approves */
  'campaign.dryRun': ['admin', 'approver', 'editor'],
  /** pause and cancel are safety brakes: whoever drafts or approves may pull them */
  'campaign.stop': ['admin', 'approver', 'editor'],
  /** sending an approved run's failed groups again is sending: for whoever may approve */
  'campaign.resend': ['admin', 'approver'],
  'group.edit': ['admin', 'editor'],
  'inbox.reply': ['admin', 'editor'],
  'question.handle': ['admin', 'editor'],
  /** adding phrasings to FAQ files and fixing answer texts from the console (files stay the source of truth) */
  'content.edit': ['admin', 'editor'],
  'user.manage': ['admin'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}
