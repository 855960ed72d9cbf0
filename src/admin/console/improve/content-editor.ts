import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditLog } from '../../../broadcast/audit-log.js';
import { checkContentDir } from '../../../faq/content/check-content-dir.js';
import { createFaqTranslator, type Translate } from '../../../faq/content/format-diagnostics.js';
import { editNodeYaml, type NodeEdit, type NodeEditRefusal } from '../../../faq/edit/edit-node-yaml.js';
import type { FaqStore } from '../../../faq/faq-types.js';
import { dayOf } from '../../../faq/validity.js';
import type { Clock } from '../../../shared/clock.js';
import { writeFileAtomic } from '../../../shared/write-file-atomic.js';
import { lineDiff, type DiffLine } from './line-diff.js';

/** What an edit would do to its file, as shown before the editor confirms it. */
export interface EditPreview {
  /** the file relative to CONTENT_DIR */
  file: string;
  /** SHA-256 of the file as the preview read it; the confirmation must send it back unchanged */
  baseHash: string;
  diff: DiffLine[];
  added: string[];
  skipped: string[];
  /** checker warnings about the edited file (the edit may still be written) */
  warnings: string[];
}

export type EditRefusal =
  | { reason: NodeEditRefusal | 'not_in_content' }
  /** someone changed the file since the preview: nothing written, the editor previews again */
  | { reason: 'conflict' }
  /** the content checker found errors in the result: `messages` are its Vietnamese lines */
  | { reason: 'checker'; messages: string[] };

export type EditOutcome = { ok: true; preview: EditPreview } | { ok: false; refusal: EditRefusal };

export interface ContentEditor {
  preview(edit: NodeEdit): EditOutcome;
  /**
   * Writes the edit when the file still hashes to `baseHash` and the checker passes, then audits it
   * under `actor` (`onWritten` runs in the same database transaction as the audit entry).
   */
  apply(edit: NodeEdit, baseHash: string, actor: string, onWritten?: () => void): EditOutcome;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Edits FAQ files in CONTENT_DIR for the console: finds the node's file in the live tree, edits it
 * through the YAML document API (editNodeYaml), runs the content checker on the result as if it were
 * on disk, refuses a file changed since the preview, writes atomically and audits. The live reload
 * then picks the file up like any hand edit: the files stay the source of truth.
 */
export function createContentEditor(deps: {
  contentDir: string;
  faq: FaqStore;
  clock: Clock;
  audit: AuditLog;
  transaction: (work: () => void) => void;
  t?: Translate;
}): ContentEditor {
  const t = deps.t ?? createFaqTranslator('vi');
  const root = path.resolve(deps.contentDir);

  function fileOf(nodeId: string): string | undefined {
    const file = deps.faq.current().node(nodeId)?.source.file;
    if (!file) return undefined;
    const full = path.resolve(file);
    const relative = path.relative(root, full);
    return relative.startsWith('..') || path.isAbsolute(relative) || !fs.existsSync(full) ? undefined : full;
  }

  function plan(edit: NodeEdit, expectedHash?: string) {
    const full = fileOf(edit.nodeId);
    if (!full) return { ok: false as const, refusal: { reason: 'not_in_content' as const } };
    const before = fs.readFileSync(full, 'utf8');
    const baseHash = hashText(before);
    if (expectedHash !== undefined && expectedHash !== baseHash) {
      return { ok: false as const, refusal: { reason: 'conflict' as const } };
    }
    const result = editNodeYaml(before, edit);
    if (!result.ok) return { ok: false as const, refusal: { reason: result.reason } };
    const checked = checkContentDir(root, dayOf(deps.clock.now()), t, new Map([[full, result.text]]));
    const line = (d: { file: string; line: number; message: string }) =>
      `${path.relative(root, d.file)}:${d.line}: ${d.message}`;
    if (checked.errorCount > 0) {
      const messages = checked.diagnostics.filter((d) => d.severity === 'error').map(line);
      return { ok: false as const, refusal: { reason: 'checker' as const, messages } };
    }
    const preview: EditPreview = {
      file: path.relative(root, full),
      baseHash,
      diff: lineDiff(before, result.text),
      added: result.added,
      skipped: result.skipped,
      warnings: checked.diagnostics.filter((d) => d.severity === 'warning' && d.file === full).map(line),
    };
    return { ok: true as const, preview, full, text: result.text };
  }

  return {
    preview(edit) {
      const p = plan(edit);
      return p.ok ? { ok: true, preview: p.preview } : p;
    },
    apply(edit, baseHash, actor, onWritten) {
      const p = plan(edit, baseHash);
      if (!p.ok) return p;
      writeFileAtomic(p.full, p.text);
      deps.transaction(() => {
        deps.audit.record({
          actor,
          action: edit.kind === 'addQuestions' ? 'content.add_questions' : 'content.set_answer',
          details: {
            file: p.preview.file,
            nodeId: edit.nodeId,
            ...(edit.kind === 'addQuestions' ? { added: p.preview.added.length } : { version: edit.version }),
            before: baseHash.slice(0, 12),
            after: hashText(p.text).slice(0, 12),
          },
        });
        onWritten?.();
      });
      return { ok: true, preview: p.preview };
    },
  };
}
