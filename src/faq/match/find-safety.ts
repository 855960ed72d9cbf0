import type { FaqNode, SmalltalkIntent } from '../faq-types.js';
import { normalizeVietnamese } from './normalize-vietnamese.js';

/**
 * The safety layer (runs before any FAQ matching and wins over it): small-talk nodes with
 * `triggers` — an emergency, a scam, a request for other people's data. A trigger phrase is found
 * when its words appear in the message in order with at most MAX_GAP other words between each
 * two, compared folded (no diacritics, no case) after teencode is spelled out; an `unless` phrase
 * of the same node vetoes it ("bố em mất năm ngoái" is a story, not a wish to die).
 */
export interface SafetyFinder {
  find(text: string, available: (node: FaqNode) => boolean): { node: FaqNode; trigger: string } | undefined;
}

export const MAX_GAP = 3;
const PRIORITY: Partial<Record<SmalltalkIntent, number>> = { emergency: 0, scam: 1, privacy: 2 };

export function createSafetyFinder(nodes: readonly FaqNode[], chat: Record<string, string>): SafetyFinder {
  const spelled = new Map<string, string[]>();
  for (const [key, standard] of Object.entries(chat)) {
    const from = fold(key);
    if (from.length === 1) spelled.set(from[0]!, fold(standard));
  }
  const words = (text: string): string[] => fold(text).flatMap((w) => spelled.get(w) ?? [w]);
  const rules = nodes
    .filter((n) => n.kind === 'smalltalk' && n.triggers.length > 0)
    .map((node) => ({
      node,
      triggers: node.triggers.map((t) => ({ text: t, words: words(t) })).filter((t) => t.words.length > 0),
      unless: node.unless.map(words).filter((u) => u.length > 0),
    }))
    .sort((a, b) => (PRIORITY[a.node.intent!] ?? 9) - (PRIORITY[b.node.intent!] ?? 9));
  return {
    find(text, available) {
      const message = words(text);
      for (const rule of rules) {
        if (!available(rule.node)) continue;
        const hit = rule.triggers.find((t) => containsInOrder(message, t.words));
        if (hit && !rule.unless.some((u) => containsInOrder(message, u))) return { node: rule.node, trigger: hit.text };
      }
      return undefined;
    },
  };
}

function fold(text: string): string[] {
  return normalizeVietnamese(text).syllables.map((s) => s.folded);
}

/** `phrase` occurs in `message` in order, at most MAX_GAP other words between consecutive words. */
export function containsInOrder(message: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start < message.length; start++) {
    if (message[start] !== phrase[0]) continue;
    let at = start;
    let matched = 1;
    while (matched < phrase.length) {
      let next = -1;
      for (let j = at + 1; j <= Math.min(message.length - 1, at + 1 + MAX_GAP); j++) {
        if (message[j] === phrase[matched]) {
          next = j;
          break;
        }
      }
      if (next < 0) break;
      at = next;
      matched++;
    }
    if (matched === phrase.length) return true;
  }
  return false;
}
