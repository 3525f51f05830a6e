// The answers the landing page (Goals) waits for, computed as soon as the server listens and again after each committed
// import: the first manager to open the dashboard after a start or a load then reads them from the answer cache instead
// of waiting for every goal to be judged (200 goals at 1M tickets: 0.6 s, longer beside the start-up snapshot). They go
// through the app itself, with the dashboard's Accept header, so they land under the very keys its requests use.
import { acceptJson } from '../common/accept-json.ts';
import type { Account } from '../sql/accounts/users.ts';
import { internalAccount } from './auth/authorise.ts';

/** Cached answers the Goals page asks for before it can draw anything (see web/src/routes/+page.svelte). */
export const landingAnswers = ['/api/goals', '/api/data/extent'] as const;

interface App {
  request(path: string, init: RequestInit, bindings: Record<symbol, Account>): Response | Promise<Response>;
}

/** The server itself, asking as a manager would, so the answers land under the key a manager's requests use. */
const warmUpAccount: Account = {
  id: 'servicepulse:warm-up', username: 'servicepulse:warm-up', display_name: 'ServicePulse warm-up', role: 'manager',
  team_id: null, team_name: null, agent_id: null, disabled: false,
};

/** Asks the app for the landing answers; a failure is logged, never thrown (a request would simply compute it). */
export async function warmLandingAnswers(app: App, logError: (error: unknown) => void = console.error): Promise<void> {
  await Promise.all(
    landingAnswers.map(async (path) => {
      try {
        const answer = await app.request(path, { headers: acceptJson }, { [internalAccount]: warmUpAccount });
        await answer.arrayBuffer();
        if (!answer.ok) logError(new Error(`warming ${path}: ${answer.status}`));
      } catch (error) {
        logError(error);
      }
    }),
  );
}
