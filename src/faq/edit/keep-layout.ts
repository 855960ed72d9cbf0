import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { changedRange } from './changed-range.js';

/**
 * Puts an edit made through the YAML document API back into the file as the admin wrote it.
 * `rendered` is the unedited document as the library prints it, `edited` the edited one: the lines
 * where those two differ replace the same lines of `original`, and every other line keeps its bytes
 * (the library would otherwise re-space flow lists and aligned comments all over the file). Falls back
 * to `edited` whole when the library's rendering does not line up with the file, or when the
 * spliced text would not read back as the same data.
 */
export function keepLayout(original: string, rendered: string, edited: string): string {
  const o = original.split('\n');
  const r = rendered.split('\n');
  const e = edited.split('\n');
  if (o.length !== r.length) return edited;
  const range = changedRange(r, e);
  if (!range) return original;
  const spliced = [...o.slice(0, range.start), ...e.slice(range.start, range.endB), ...o.slice(range.endA)].join('\n');
  try {
    return isDeepStrictEqual(parse(spliced), parse(edited)) ? spliced : edited;
  } catch {
    return edited;
  }
}
