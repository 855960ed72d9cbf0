import type { Clock } from '../shared/clock.js';
import type { TokenStore } from './token-store.js';
import type { FaultSpec, SimChatMessage, SimGroup, SimGroupMessage, SimRequest, SimUser } from './simulator-types.js';

/**
 * The simulator's mutable state, shared by its routers and control methods. Internal to
 * src/simulator/: other folders use the `ZaloSimulator` returned by `createZaloSimulator`.
 */
export interface SimulatorState {
  clock: Clock;
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  oaId: string;
  oaName: string;
  users: Map<string, SimUser>;
  /** Insertion order = creation order = `getgroupsofoa` order. */
  groups: Map<string, SimGroup>;
  /** 1:1 conversation per user id, oldest first. */
  chats: Map<string, SimChatMessage[]>;
  tokens: TokenStore;
  rate: { limit: number; windowStart: number; count: number };
  faults: Array<FaultSpec & { remaining: number }>;
  requests: SimRequest[];
  buttonsOnCs: boolean;
  /** Package CS quota used after the free reply frame (`sub_quota`); total 0 = none, messages are paid. */
  subQuota: { total: number; used: number };
  /** Called after a successful API send (the simulator uses it for auto-echo). */
  onSent: (sent: { kind: 'user'; message: SimChatMessage } | { kind: 'group'; message: SimGroupMessage }) => void;
}

/** Appends a message to a user's conversation. */
export function recordChat(state: SimulatorState, message: SimChatMessage): void {
  const chat = state.chats.get(message.userId) ?? [];
  chat.push(message);
  state.chats.set(message.userId, chat);
}

/** dd/MM/yyyy in UTC+7, the date format Zalo uses in API answers. */
export function zaloDate(ms: number): string {
  const d = new Date(ms + 7 * 3600 * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
