/**
 * Types of the FAQ engine, shared by faq/ (loader, checker, matcher) and bot/dialog (conversation).
 * The file format they come from is docs/content-format.md. faq/ imports neither express nor zalo/.
 */
import type { HouseholdCriteria } from '../household/household-criteria.js';
import type { HandoffConfig } from '../bot/dialog/handoff-config.js';

export type NodeKind = 'topic' | 'answer' | 'smalltalk';

export type SmalltalkIntent =
  'greeting' | 'thanks' | 'goodbye' | 'bot' | 'abuse' | 'scam' | 'privacy' | 'emergency' | 'out_of_scope';

export interface LegalBasis {
  document: string;
  article?: string;
}

export interface AnswerVersion {
  /** inclusive, YYYY-MM-DD, Asia/Ho_Chi_Minh */
  validFrom?: string;
  validUntil?: string;
  text: string;
  /** the longer explanation behind "Xem chi tiết" (option 1 after a short answer) */
  details?: string;
  legalBasis: LegalBasis[];
}

export interface SourceRef {
  file: string;
  line: number;
}

export interface FaqNode {
  id: string;
  kind: NodeKind;
  /** null for top-level topics (root menu) and small talk */
  parent: string | null;
  order: number;
  title: string;
  intro?: string;
  questions: string[];
  keywords: string[];
  /** one entry for a plain answer; several for answers that change on a date; empty for topics */
  versions: AnswerVersion[];
  reviewed?: string;
  validFrom?: string;
  validUntil?: string;
  contact?: string;
  followUps: string[];
  facts: string[];
  intent?: SmalltalkIntent;
  /**
   * Safety nodes: phrases that, found in a message (words in order, at most 3 other words between,
   * with or without diacritics), select this node before any FAQ matching; `unless` phrases veto.
   */
  triggers: string[];
  unless: string[];
  /**
   * Safety nodes: phrases that veto a trigger standing anywhere after them in the message, a story
   * told in the past ("hồi tháng 8 bố bị tai nạn, gãy chân" is no emergency now); `unless_earlier`.
   */
  unlessEarlier?: string[];
  /**
   * Privacy nodes: phrases that veto a trigger when they stand anywhere after the trigger's first
   * word, the resident turning to their own household ("nhà ông Tư là hộ cận nghèo được sửa nhà,
   * vậy nhà em có xin được không"); `unless_later`.
   */
  unlessLater?: string[];
  /** a safety node whose reply also opens a hand-off marked urgent */
  urgent?: boolean;
  source: SourceRef;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file: string;
  line: number;
}

export interface Candidate {
  id: string;
  /** calibrated confidence in [0, 1] */
  score: number;
}

/** The matcher's verdict for one question. */
export type MatchResult =
  /**
   * `candidates` are the best candidates (the answer first); `alternatives` the runner-ups close
   * enough to the answer that the dialog offers them after it ("Có thể bạn muốn hỏi thêm").
   */
  | {
      kind: 'answer';
      id: string;
      score: number;
      candidates: Candidate[];
      alternatives?: Candidate[];
      /** a second question of the same message, answered as well */
      second?: Candidate;
    }
  /**
   * `topicId` is set when the resident named a whole topic (its `questions`): the candidates are then
   * that topic's children in menu order, so the dialog may show the topic's menu (and its intro) instead.
   */
  | { kind: 'suggestions'; score: number; candidates: Candidate[]; topicId?: string }
  /** `urgent`: a safety reply that also opens an urgent hand-off */
  | { kind: 'smalltalk'; id: string; intent: SmalltalkIntent; score: number; urgent?: boolean }
  | { kind: 'fallback'; score: number; candidates: Candidate[] };

/** Why the matcher decided what it did (`npm run ask -- --explain`, the console). */
export interface MatchExplanation {
  result: MatchResult;
  /** share of the message's content words that no FAQ text uses */
  unknownShare: number;
  /** the questions the message was read as */
  questions: string[];
  /** the safety phrase (content `triggers`) that decided, when the safety layer answered */
  trigger?: string;
  /** the model's best candidates with their probability and the terms that weighed most */
  candidates: { id: string; title: string; p: number; terms: { term: string; weight: number }[] }[];
}

/** One loaded, checked, indexed content version. Immutable; a reload produces a new one. */
export interface FaqSnapshot {
  /** short content hash, shown in /healthz and stored with each resident's menu state */
  version: string;
  loadedAt: number;
  node(id: string): FaqNode | undefined;
  /** every node read from the files (topics, answers, small talk), in file order: the console's node search */
  nodes(): readonly FaqNode[];
  /** children of a topic (or of the root when id is null) that are valid on `at`, in menu order */
  children(id: string | null, at: number): FaqNode[];
  /** the answer version valid on `at`, if the node is valid then */
  answerAt(node: FaqNode, at: number): AnswerVersion | undefined;
  /** classifies a resident's free text as answer / suggestions / smalltalk / fallback */
  match(text: string, at: number): MatchResult;
  /** the same verdict with the evidence behind it */
  explain(text: string, at: number): MatchExplanation;
  /** the household self-check criteria (content/household-check.yaml), when the file is present */
  household?: HouseholdCriteria;
  /** hand-off phrases, office hours and holidays (content/handoff.yaml), when the file is present */
  handoff?: HandoffConfig;
}

/** Live content: the current snapshot, swapped atomically by the watcher on every good reload. */
export interface FaqStore {
  current(): FaqSnapshot;
  status(): { version: string; loadedAt: number; diagnostics: Diagnostic[]; lastError?: string };
  close(): void;
}
