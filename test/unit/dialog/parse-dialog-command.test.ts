import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { createCommandParser, type CommandWords } from '../../../src/bot/dialog/parse-dialog-command.js';

const t = createI18n().getFixedT('vi');
const words: CommandWords = {
  menu: t('dialog:commands.menu', { returnObjects: true }) as unknown as string[],
  back: t('dialog:commands.back', { returnObjects: true }) as unknown as string[],
  handoff: t('dialog:commands.handoff', { returnObjects: true }) as unknown as string[],
};
const parse = createCommandParser(words);

describe('createCommandParser with the Vietnamese command words', () => {
  it.each([
    ['menu', { kind: 'menu' }],
    ['MENU', { kind: 'menu' }],
    ['0', { kind: 'menu' }],
    ['Bắt đầu', { kind: 'menu' }],
    ['bat dau', { kind: 'menu' }],
    ['start', { kind: 'menu' }],
    ['Quay lại', { kind: 'back' }],
    ['quay lai!', { kind: 'back' }],
    ['back', { kind: 'back' }],
    ['gặp cán bộ', { kind: 'handoff' }],
    ['Gap can bo', { kind: 'handoff' }],
    ['cán bộ', { kind: 'handoff' }],
    ['nói chuyện với người', { kind: 'handoff' }],
    ['noi chuyen voi nguoi', { kind: 'handoff' }],
    ['1', { kind: 'choice', number: 1 }],
    [' 12. ', { kind: 'choice', number: 12 }],
    ['２', { kind: 'choice', number: 2 }],
    ['#faq:bhyt-ho-ngheo', { kind: 'node', id: 'bhyt-ho-ngheo' }],
    ['#FAQ:ho-ngheo ', { kind: 'node', id: 'ho-ngheo' }],
  ])('when the resident types %j, then it is read as %j', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each(['gặp cán bộ ở đâu', '123', 'hộ nghèo là gì', '#faq:Bad Id', 'menu chinh sach'])(
    'when the resident types %j, then it is a question',
    (text) => {
      expect(parse(text)).toEqual({ kind: 'question', text: text.trim() });
    },
  );
});
