import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../src/admin/console/routes/auth-routes.js';

describe('safeNext (where to go after sign-in)', () => {
  it.each(['/admin', '/admin/', '/admin/campaigns/3', '/admin?days=7'])(
    'when it is the console path %s, then it is kept',
    (p) => {
      expect(safeNext(p)).toBe(p);
    },
  );

  it.each([
    '//evil.example',
    'https://evil.example/admin',
    '/administrator',
    '/admin//evil.example',
    '/admin/\\evil',
    '/admin/login',
    42,
    undefined,
  ])('when it is %s, then the dashboard is used instead', (p) => {
    expect(safeNext(p)).toBe('/admin');
  });
});
