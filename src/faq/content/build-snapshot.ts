import { createHash } from 'node:crypto';
import path from 'node:path';
import { householdMenuNode } from '../../household/household-menu-node.js';
import type { Clock } from '../../shared/clock.js';
import { createMatcher } from '../match/create-matcher.js';
import { createNavigation } from './create-navigation.js';
import type { FaqSnapshot } from '../faq-types.js';
import type { LoadedContent } from './load-content.js';
import type { DecisionKnobs } from '../match/decision-knobs.js';
import { answerVersionAt } from '../validity.js';

/** Short hash of every content file (relative path and bytes): the content version. */
export function contentVersion(loaded: LoadedContent): string {
  const hash = createHash('sha256');
  for (const f of loaded.files) hash.update(`${path.relative(loaded.contentDir, f.file)}\0${f.text}\0`);
  return hash.digest('hex').slice(0, 12);
}

/**
 * Builds an immutable snapshot (navigation + matcher) from loaded content. Call it only on
 * content the checker found free of errors; nodes with duplicate ids keep the first.
 */
export function buildSnapshot(loaded: LoadedContent, clock: Clock, knobs?: Partial<DecisionKnobs>): FaqSnapshot {
  const seen = new Set<string>();
  const nodes = loaded.nodes.map((l) => l.node).filter((n) => !seen.has(n.id) && seen.add(n.id));
  // the self-check's menu entry is navigation only: the matcher never sees it
  const navigation = createNavigation(loaded.household ? [...nodes, householdMenuNode(loaded.household)] : nodes);
  const matcher = createMatcher({
    nodes,
    synonyms: loaded.synonyms,
    stories: loaded.stories,
    children: (id, at) => navigation.children(id, at),
    ...(knobs ? { knobs } : {}),
  });
  return {
    version: contentVersion(loaded),
    loadedAt: clock.now(),
    node: navigation.node,
    nodes: () => nodes,
    children: navigation.children,
    answerAt: answerVersionAt,
    match: matcher.match,
    explain: matcher.explain,
    ...(loaded.household ? { household: loaded.household } : {}),
    ...(loaded.handoff ? { handoff: loaded.handoff } : {}),
  };
}
