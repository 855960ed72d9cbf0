import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDirFor } from '../../../src/cli/content-dir.js';

describe('contentDirFor', () => {
  it('when --dir is given, then it wins over CONTENT_DIR', () => {
    expect(contentDirFor('x', { CONTENT_DIR: '/srv/content' })).toBe(path.resolve('x'));
  });

  it('when only CONTENT_DIR is set, then the commands use it like the server does', () => {
    expect(contentDirFor(undefined, { CONTENT_DIR: '/srv/content' })).toBe('/srv/content');
  });

  it('when neither is set, then ./content is used', () => {
    expect(contentDirFor(undefined, {})).toBe(path.resolve('content'));
  });
});
