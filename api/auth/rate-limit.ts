// Failed sign-ins counted per account and per address, in memory (migration 010 says why not in the database).
// An account takes 5 failures in 15 minutes, an address 20 (an office behind one address has many people); then
// sign-in is refused until the oldest of those failures is 15 minutes old. A success clears the account's count.
export interface RateLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const defaultRateLimits: RateLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: RateLimits = defaultRateLimits) {}

  /** Milliseconds until this account may try again from this address, or 0 if it may now. */
  waitMs(username: string, address: string, now: number): number {
    return Math.max(this.wait(`account:${username.toLowerCase()}`, this.limits.perAccount, now), this.wait(`address:${address}`, this.limits.perAddress, now));
  }

  recordFailure(username: string, address: string, now: number): void {
    for (const key of [`account:${username.toLowerCase()}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
    if (this.failures.size > 10_000) this.forgetOld(now);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`account:${username.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs);
  }

  private wait(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.limits.windowMs - now;
  }

  /** Bounds the memory a flood of made-up names can take. */
  private forgetOld(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }
}
