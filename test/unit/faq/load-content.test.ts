import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/faq/content/load-content.js';

const DIR = path.resolve('test/fixtures/content/valid');
const loaded = loadContent(DIR);
const node = (id: string) => loaded.nodes.find((l) => l.node.id === id)!.node;

describe('loadContent', () => {
  it('when a tree is valid, then every node of every file is read without findings', () => {
    expect(loaded.findings).toEqual([]);
    expect(loaded.nodes.map((l) => l.node.id)).toEqual([
      'chao-hoi',
      'cam-on',
      'lua-dao',
      'khan-cap-bao-luc',
      'ngoai-pham-vi',
      'bao-hiem-y-te',
      'bhyt-ho-ngheo',
      'bhyt-can-ngheo',
      'nha-o',
      'tien-thue-nha',
      'mien-giam-thue',
      'vay-von-lam-nha',
      'ho-tro-tet-2027',
    ]);
  });

  it('when a node sits in a topic file, then it defaults to kind answer under that topic and keeps file:line', () => {
    expect(node('bao-hiem-y-te')).toMatchObject({
      kind: 'topic',
      parent: null,
      order: 2,
      intro: 'Bạn muốn hỏi gì về bảo hiểm y tế?',
    });
    expect(node('bhyt-ho-ngheo')).toMatchObject({
      kind: 'answer',
      parent: 'bao-hiem-y-te',
      reviewed: '2026-11-20',
      followUps: ['bhyt-can-ngheo'],
      source: { file: path.join(DIR, 'faq/01-bao-hiem-y-te.yaml'), line: 9 },
    });
    expect(node('bhyt-ho-ngheo').versions).toEqual([
      {
        text: 'Người thuộc hộ nghèo được Nhà nước đóng 100% tiền bảo hiểm y tế.',
        legalBasis: [{ document: 'Luật Bảo hiểm y tế', article: 'Điều 12' }],
      },
    ]);
  });

  it('when legal_basis is a plain string, then it becomes one document', () => {
    expect(node('bhyt-can-ngheo').versions[0]!.legalBasis).toEqual([{ document: 'Nghị định 188/2025/NĐ-CP' }]);
  });

  it('when a node has dated versions, then each keeps its window and legal basis', () => {
    expect(node('vay-von-lam-nha').versions.map((v) => [v.validFrom, v.validUntil, v.legalBasis[0]!.document])).toEqual(
      [
        [undefined, '2026-12-31', 'Quyết định 33/2015/QĐ-TTg'],
        ['2027-01-01', undefined, 'Nghị định mới'],
      ],
    );
  });

  it('when smalltalk.yaml and synonyms.yaml exist, then intents and tables are read', () => {
    expect(node('cam-on')).toMatchObject({ kind: 'smalltalk', intent: 'thanks', parent: null });
    expect(loaded.synonyms.abbreviations.bhyt).toBe('bảo hiểm y tế');
    expect(loaded.synonyms.ambiguous.hn).toEqual(['hộ nghèo', 'hà nội']);
    expect(loaded.synonyms.groups[0]).toEqual(['vay vốn', 'vay tiền', 'mượn tiền']);
    expect(loaded.synonyms.stopwordsExtra).toEqual(['ạ', 'nhé']);
    expect(loaded.synonyms.places).toEqual(['Lục Nam', 'Bắc Ninh']);
  });
});
