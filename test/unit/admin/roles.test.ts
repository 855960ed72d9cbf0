import { describe, expect, it } from 'vitest';
import { can, isRole, ROLES, type Permission, type Role } from '../../../src/admin/auth/roles.js';

const EXPECTED: Record<Role, Permission[]> = {
  admin: [
    'read',
    'campaign.draft',
    'campaign.approve',
    'campaign.dryRun',
    'campaign.stop',
    'group.edit',
    'inbox.reply',
    'question.handle',
    'content.edit',
    'user.manage',
  ],
  approver: ['read', 'campaign.approve', 'campaign.dryRun', 'campaign.stop'],
  editor: [
    'read',
    'campaign.draft',
    'campaign.dryRun',
    'campaign.stop',
    'group.edit',
    'inbox.reply',
    'question.handle',
    'content.edit',
  ],
  viewer: ['read'],
};
const ALL: Permission[] = EXPECTED.admin;

describe('role permissions', () => {
  it.each(ROLES)('when the role is %s, then it holds exactly its documented rights', (role) => {
    expect(ALL.filter((p) => can(role, p))).toEqual(EXPECTED[role]);
  });

  it('when a value is checked as a role, then only the four names pass', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
