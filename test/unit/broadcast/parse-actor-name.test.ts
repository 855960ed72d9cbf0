import { describe, expect, it } from 'vitest';
import { parseActorName } from '../../../src/broadcast/parse-actor-name.js';
import { actorIdentity, sameActor } from '../../../src/broadcast/same-actor.js';

describe('parseActorName', () => {
  it.each([
    ['  Nguyễn   Thị Lan ', 'Nguyễn Thị Lan'],
    ['Nguye\u0302\u0303n Thi\u0323 Lan', 'Nguyễn Thị Lan'],
    ['chu.tich', 'chu.tich'],
    ['Trần Văn Đức', 'Trần Văn Đức'],
    ['Иван Петров', 'Иван Петров'],
    ['李小龍', '李小龍'],
  ])('when the name is %j, then it is accepted as %j', (raw, name) => {
    expect(parseActorName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    [undefined, 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(101), 'too_long'],
    ['Lan\nsystem approved', 'control'],
    ['Lan\u0000', 'control'],
    ['La\u200Bn', 'invisible'],
    ['Lan\u202E', 'invisible'],
    ['\u00ADLan', 'invisible'],
    ['Ｌan', 'compatibility'],
    ['ﬁona', 'compatibility'],
    ['L\u0430n', 'mixed_scripts'],
    ['Nguyễn Thị L\u03b1n', 'mixed_scripts'],
    ['system', 'reserved'],
    ['CLI', 'reserved'],
    ['Sandbox', 'reserved'],
  ])('when the name is %j, then it is refused as %s', (raw, problem) => {
    expect(parseActorName(raw)).toEqual({ ok: false, problem });
  });
});

describe('sameActor', () => {
  it.each([
    ['Lan', 'Ｌan'],
    ['Lan', 'La\u200Bn'],
    ['Lan', 'L\u0430n'],
    ['Lan', 'LAN'],
    ['Nguyễn Thị Lan', 'Nguyen Thi Lan'],
    ['Nguyễn Thị Lan', 'nguyen.thi.lan'],
    ['Đức', 'duc'],
  ])('when %j and %j are compared, then they are the same person', (a, b) => {
    expect(sameActor(a, b)).toBe(true);
  });

  it.each([
    ['Lan', 'Lân Anh'],
    ['Nguyễn Thị Lan', 'Nguyễn Thị Lam'],
    ['Hùng', 'Hưng Thịnh'],
  ])('when %j and %j are compared, then they are different people', (a, b) => {
    expect(sameActor(a, b)).toBe(false);
  });

  it('when a name is folded, then the identity is lower case Latin without accents or separators', () => {
    expect(actorIdentity('  Nguyễn Thị  Lan ')).toBe('nguyenthilan');
  });
});
