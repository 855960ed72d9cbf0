import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';

/** A diagnostic before translation: the message is rendered later from `code` and `params`. */
export interface Finding {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line: number;
  params?: Record<string, string | number>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * Typed reading of one parsed YAML file that records a finding (with file:line) for each value
 * of the wrong shape instead of throwing. Every getter returns undefined when the key is absent
 * or the value is unusable.
 */
export class YamlReader {
  readonly findings: Finding[] = [];
  private readonly lines = new LineCounter();
  /** the document root, or undefined when the file has syntax errors */
  readonly root: Node | null | undefined;

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const error of doc.errors) {
      const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      this.error(this.lines.linePos(error.pos[0]).line, 'YAML_SYNTAX', { detail });
    }
    this.root = doc.errors.length > 0 ? undefined : doc.contents;
  }

  /** One-based line where a node starts (1 when unknown). */
  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : Math.max(1, this.lines.linePos(offset).line);
  }

  error(line: number, code: string, params?: Finding['params']): void {
    this.findings.push({ severity: 'error', code, file: this.file, line, ...(params ? { params } : {}) });
  }

  /** The node as a mapping, or a BAD_VALUE error. */
  map(node: Node | null | undefined, key: string, line: number): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.error(node ? this.lineOf(node) : line, 'BAD_VALUE', { key, expected: 'map' });
    return undefined;
  }

  /** Keys of a mapping with their value nodes and lines; UNKNOWN_KEY for keys outside `allowed`. */
  entries(
    map: YAMLMap,
    allowed: readonly string[],
    context: string,
  ): Map<string, { value: Node | null; line: number }> {
    const out = new Map<string, { value: Node | null; line: number }>();
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const line = this.lineOf(keyNode);
      if (!allowed.includes(key)) {
        this.error(line, 'UNKNOWN_KEY', { key, context, allowed: allowed.join(', ') });
        continue;
      }
      out.set(key, { value: pair.value as Node | null, line });
    }
    return out;
  }

  /** A non-empty string (numbers are accepted as text). */
  string(entry: { value: Node | null; line: number } | undefined, key: string): string | undefined {
    if (!entry) return undefined;
    const v = isScalar(entry.value) ? entry.value.value : undefined;
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return String(v).trim();
    this.error(entry.line, 'BAD_VALUE', { key, expected: 'text' });
    return undefined;
  }

  /** A list of non-empty strings; a single string counts as a one-item list. */
  strings(entry: { value: Node | null; line: number } | undefined, key: string): string[] | undefined {
    if (!entry) return undefined;
    if (isScalar(entry.value)) {
      const one = this.string(entry, key);
      return one === undefined ? undefined : [one];
    }
    if (!isSeq(entry.value)) {
      this.error(entry.line, 'BAD_VALUE', { key, expected: 'list' });
      return undefined;
    }
    const out: string[] = [];
    for (const item of entry.value.items as (Node | null)[]) {
      const s = this.string({ value: item, line: this.lineOf(item) }, key);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /** true or false. */
  boolean(entry: { value: Node | null; line: number } | undefined, key: string): boolean | undefined {
    if (!entry) return undefined;
    const v = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof v === 'boolean') return v;
    this.error(entry.line, 'BAD_VALUE', { key, expected: 'boolean' });
    return undefined;
  }

  /** A finite number. */
  number(entry: { value: Node | null; line: number } | undefined, key: string): number | undefined {
    if (!entry) return undefined;
    const v = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.error(entry.line, 'BAD_VALUE', { key, expected: 'number' });
    return undefined;
  }

  /** A calendar day YYYY-MM-DD, or a BAD_DATE error. */
  day(entry: { value: Node | null; line: number } | undefined, key: string): string | undefined {
    if (!entry) return undefined;
    const v = isScalar(entry.value) ? String(entry.value.value) : '';
    if (isIsoDay(v)) return v;
    this.error(entry.line, 'BAD_DATE', { key, value: v });
    return undefined;
  }
}
