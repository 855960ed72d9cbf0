import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../shared/logger.js';
import type { SimulatorState } from './simulator-state.js';
import type { SimChatMessage, SimGroup, SimUser, TokenPair } from './simulator-types.js';
import type { TokenSnapshot } from './token-store.js';

const VERSION = 1;
/** Newest messages kept per 1:1 chat and per group, in memory and on disk. */
export const HISTORY_KEPT = 500;
/** Changes are written this long after the first one (one write for a burst of changes). */
const SAVE_DELAY_MS = 100;

/** What a simulator keeps across restarts: its ids, users, groups, chats and tokens. */
interface Snapshot {
  version: number;
  users: SimUser[];
  groups: SimGroup[];
  chats: SimChatMessage[][];
  tokens: TokenSnapshot;
  subQuotaUsed: number;
  /** the pair handed to the app at its first start (the OA admin's grant), the same at every start */
  bootstrap: TokenPair | null;
}

export interface SimulatorStateFile {
  /** Loads the file into `state` (nothing when it does not exist yet); returns the kept bootstrap pair. */
  load(state: SimulatorState): TokenPair | null;
  /** Something changed: written within 100 ms (atomically: a temp file renamed over the old one). */
  changed(): void;
  /** Writes now if anything is unwritten (on close). */
  flush(): void;
}

/**
 * The simulator's state in one JSON file (the sandbox keeps it in DATA_DIR as `sandbox-zalo.json`), so a
 * restarted sandbox has the same group ids, users, chats and token chain. Writes are batched (a kill -9
 * loses at most the last 100 ms) and atomic; a file that cannot be read is set aside as
 * `<name>.unreadable-<time>` and the simulator starts empty, with a warning.
 * @example const file = createSimulatorStateFile({ file, log, bootstrap: () => pair, state: () => state });
 */
export function createSimulatorStateFile(deps: {
  file: string;
  log?: Logger;
  state: () => SimulatorState;
  bootstrap: () => TokenPair | null;
}): SimulatorStateFile {
  const { file, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let failing = false;

  function write(): void {
    timer = undefined;
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(snapshotOf(deps.state(), deps.bootstrap())), { mode: 0o600 });
      fs.renameSync(temp, file);
      if (failing) log?.info({ file }, 'simulator: state file written again');
      failing = false;
    } catch (err) {
      if (!failing) log?.warn({ err, file }, 'simulator: cannot write its state file; a restart will forget changes');
      failing = true;
    }
  }

  return {
    load(state) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      try {
        return restoreInto(state, JSON.parse(text) as Snapshot);
      } catch (err) {
        const aside = `${file}.unreadable-${Date.now()}`;
        fs.renameSync(file, aside);
        log?.warn({ err, file, movedTo: path.basename(aside) }, 'simulator: state file unreadable; starting empty');
        return null;
      }
    },
    changed() {
      timer ??= setTimeout(write, SAVE_DELAY_MS);
      timer.unref();
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      write();
    },
  };
}

function snapshotOf(state: SimulatorState, bootstrap: TokenPair | null): Snapshot {
  for (const chat of state.chats.values()) trim(chat);
  for (const group of state.groups.values()) trim(group.history);
  return {
    version: VERSION,
    users: [...state.users.values()],
    groups: [...state.groups.values()],
    chats: [...state.chats.values()],
    tokens: state.tokens.snapshot(),
    subQuotaUsed: state.subQuota.used,
    bootstrap,
  };
}

function restoreInto(state: SimulatorState, snapshot: Snapshot): TokenPair | null {
  if (snapshot.version !== VERSION) throw new Error(`unknown state file version ${String(snapshot.version)}`);
  state.tokens.restore(snapshot.tokens);
  state.users.clear();
  for (const user of snapshot.users) state.users.set(user.userId, user);
  state.groups.clear();
  for (const group of snapshot.groups) state.groups.set(group.groupId, group);
  state.chats.clear();
  for (const chat of snapshot.chats) if (chat[0]) state.chats.set(chat[0].userId, chat);
  state.subQuota.used = snapshot.subQuotaUsed;
  return snapshot.bootstrap;
}

function trim(messages: unknown[]): void {
  if (messages.length > HISTORY_KEPT) messages.splice(0, messages.length - HISTORY_KEPT);
}
