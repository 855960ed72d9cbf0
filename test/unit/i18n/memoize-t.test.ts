import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { memoizeT } from '../../../src/i18n/memoize-t.js';

describe('memoizeT', () => {
  it('when a string is asked again with the same options, then it equals i18next’s answer and i18next is not asked again', () => {
    const fixed = createI18n().getFixedT('vi');
    let calls = 0;
    const counting = ((...args: Parameters<typeof fixed>) => {
      calls += 1;
      return fixed(...args);
    }) as typeof fixed;
    const t = memoizeT(counting);

    const first = t('dialog:menu.item', { number: 2, title: 'Hộ nghèo' });
    const again = t('dialog:menu.item', { number: 2, title: 'Hộ nghèo' });
    const other = t('dialog:menu.item', { number: 3, title: 'Hộ nghèo' });

    expect(first).toBe(fixed('dialog:menu.item', { number: 2, title: 'Hộ nghèo' }));
    expect(first).toContain('Hộ nghèo');
    expect(again).toBe(first);
    expect(other).toBe(fixed('dialog:menu.item', { number: 3, title: 'Hộ nghèo' }));
    expect(t('dialog:menu.footer')).toBe(t('dialog:menu.footer'));
    expect(calls).toBe(3);
  });

  it('when objects are asked for, then i18next resolves them once and every caller shares one frozen value', () => {
    const fixed = createI18n().getFixedT('vi');
    const t = memoizeT(fixed);
    const a = t('dialog:menu', { returnObjects: true }) as unknown as Record<string, unknown>;
    const b = t('dialog:menu', { returnObjects: true });

    expect(a).toEqual(fixed('dialog:menu', { returnObjects: true }));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      a.extra = 'x';
    }).toThrow(TypeError);
  });
});
