import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeZaloMac, isValidZaloSignature, signZaloBody } from '../../../src/zalo/zalo-signature.js';
import { webhookFixture } from '../../helpers/webhook-fixtures.js';

const { raw } = webhookFixture('user_send_text.json');
const expected = { appId: '360846524940903967', rawBody: raw, timestamp: '154390853474', oaSecretKey: 'oa-secret' };
// Zalo's documented formula, computed independently: sha256(appId + data + timeStamp + OAsecretKey)
const mac = createHash('sha256').update(`360846524940903967${raw}154390853474oa-secret`, 'utf8').digest('hex');

describe('Zalo webhook signature', () => {
  it('when computed over a published example, then it is sha256 of app id + raw body + timestamp + OA secret', () => {
    expect(computeZaloMac(expected.appId, raw, expected.timestamp, expected.oaSecretKey)).toBe(mac);
    expect(signZaloBody(raw, 'oa-secret')).toBe(`mac=${mac}`);
  });

  it.each([
    ['with the mac= prefix', `mac=${mac}`, true],
    ['without the prefix', mac, true],
    ['in upper case', `mac=${mac.toUpperCase()}`, true],
    ['missing', undefined, false],
    ['empty', '', false],
    ['one character short', mac.slice(1), false],
    ['of another secret', computeZaloMac(expected.appId, raw, expected.timestamp, 'app-secret'), false],
    [
      'of a re-serialized body',
      computeZaloMac(expected.appId, JSON.stringify(JSON.parse(raw)), expected.timestamp, 'oa-secret'),
      false,
    ],
    ['not hex', `mac=${'z'.repeat(64)}`, false],
  ])('when the header is %s, then validity is %s', (_name, header, valid) => {
    expect(isValidZaloSignature(header, expected)).toBe(valid);
  });
});
