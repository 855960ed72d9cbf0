import { expect } from 'vitest';
import type { ConsoleClient } from './console-client.js';

/** Drafts a campaign through the console form (all groups, "Gửi ngay" unless `fields` says otherwise); returns its page's path. */
export async function draftCampaign(
  client: ConsoleClient,
  title: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const created = await client.post('/admin/campaigns', {
    title,
    text: `Kính gửi bà con: ${title.toLowerCase()}.`,
    all: '1',
    scheduleType: 'now',
    ...fields,
  });
  expect(created.status, 'campaign drafted').toBe(303);
  return created.location!.split('?')[0]!;
}
