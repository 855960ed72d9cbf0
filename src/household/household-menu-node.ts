import type { FaqNode } from '../faq/faq-types.js';
import { HOUSEHOLD_ENTRY_ID, type HouseholdCriteria } from './household-criteria.js';

/**
 * The main-menu entry of the self-check, as a navigation node: a top-level topic ordered among the
 * FAQ topics by `menu.order`. It is given to the menu only, never to the matcher (free text
 * reaches the self-check through its own trigger), and the dialog opens the self-check instead
 * of a sub-menu when it is chosen.
 */
export function householdMenuNode(criteria: HouseholdCriteria): FaqNode {
  return {
    id: HOUSEHOLD_ENTRY_ID,
    kind: 'topic',
    parent: null,
    order: criteria.menu.order,
    title: criteria.menu.title,
    questions: [],
    keywords: [],
    versions: [],
    followUps: [],
    facts: [],
    triggers: [],
    unless: [],
    source: { file: criteria.file, line: criteria.menu.line },
  };
}
