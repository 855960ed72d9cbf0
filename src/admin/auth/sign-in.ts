import type { Account, AccountRepository } from './account-repository.js';
import type { LoginRateLimiter } from './login-rate-limiter.js';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type ScryptCost } from './password-hash.js';

export type SignInResult =
  | { ok: true; account: Account }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

export type SignIn = (name: string, password: string, ip: string) => Promise<SignInResult>;

/**
 * Checks a name and password, rate-limited per account and per address: the attempt is counted
 * BEFORE the password is checked (parallel guesses cannot all pass while the first hashes run).
 * Unknown names and disabled accounts still cost one scrypt run and answer exactly like a wrong
 * password, so neither timing nor wording reveals which names exist.
 */
export function createSignIn(deps: {
  accounts: AccountRepository;
  limiter: LoginRateLimiter;
  scryptCost?: ScryptCost;
}): SignIn {
  const { accounts, limiter } = deps;
  const decoy = hashPassword('decoy password for unknown accounts', deps.scryptCost ?? DEFAULT_SCRYPT_COST);
  return async (name, password, ip) => {
    const admission = limiter.begin(name, ip);
    if (!admission.allowed) return { ok: false, reason: 'rate_limited', retryAfterMs: admission.retryAfterMs };
    const { attempt } = admission;
    const found = accounts.findCredentials(name);
    const matches = await verifyPassword(password, found?.passwordHash ?? (await decoy));
    if (!found || !matches || found.account.disabledAt !== null) {
      attempt.failed();
      return { ok: false, reason: 'invalid' };
    }
    attempt.succeeded();
    accounts.recordLogin(found.account.id);
    return { ok: true, account: found.account };
  };
}
