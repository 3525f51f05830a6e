// The signed-in person for the whole app: asked of `GET /api/auth/me` once at start and after signing in, forgotten
// on signing out or when any request answers 401 (the session expired or was revoked). Its CSRF token is handed to
// the fetch helpers (api/client.ts), which add it to every write.
import { ApiError, onSessionEnded, setCsrfToken } from '../api/client';
import { me, signOut, type Me, type PageId } from '../api/accounts';

export type SessionStatus = 'unknown' | 'signed-in' | 'anonymous' | 'error';

class SessionState {
  #me = $state<Me | null>(null);
  #status = $state<SessionStatus>('unknown');
  #error = $state<ApiError | null>(null);
  #signedOutHere = $state(false);

  constructor() {
    onSessionEnded(() => this.#forget());
  }

  get status(): SessionStatus {
    return this.#status;
  }

  get user(): Me['user'] | null {
    return this.#me?.user ?? null;
  }

  /** The pages the role may open (none before sign-in). */
  get pages(): readonly PageId[] {
    return this.#me?.permissions.pages ?? [];
  }

  /** True after the person signed out in this tab (the way to sign-in is then a new history entry, so Back returns to the page, which sends them to sign in again). */
  get signedOutHere(): boolean {
    return this.#signedOutHere;
  }

  /** Why the session could not be asked (the server unreachable); null otherwise. */
  get error(): ApiError | null {
    return this.#error;
  }

  /** Asks who is signed in (at start, and after signing in or changing the password). */
  async load(): Promise<void> {
    try {
      const answer = await me();
      this.#error = null;
      if (answer) {
        this.#me = answer;
        this.#signedOutHere = false;
        // An API token's session has no token ('') and needs none.
        setCsrfToken(answer.csrf_token || null);
        this.#status = 'signed-in';
      } else {
        this.#forget();
      }
    } catch (error) {
      this.#error = ApiError.from(error);
      this.#status = 'error';
    }
  }

  /** Ends the session on the server, then here (even if the server could not be told: the cookie may be gone already). */
  async signOut(): Promise<void> {
    try {
      await signOut();
    } finally {
      this.#signedOutHere = true;
      this.#forget();
    }
  }

  #forget(): void {
    this.#me = null;
    setCsrfToken(null);
    this.#status = 'anonymous';
  }
}

export const session = new SessionState();
