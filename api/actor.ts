// Who acts: the signed-in account (api/auth/authorise.ts), and the server stamps when. Bodies may still carry the `by`
// the dashboard sent before accounts existed; it is accepted and ignored, so no one can act in another's name.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Actor } from '../sql/actor.ts';
import { accountOf } from './auth/authorise.ts';

export const maxActorLength = 100;

/** The old `by` field of an action's body: optional, and ignored. */
export const actorFields = {
  by: z.string().max(maxActorLength).optional().meta({ description: 'Ignored: the signed-in account acts (kept so older clients are not refused).', deprecated: true }),
};

/** The actor of a request: the signed-in person's name as the history shows it. */
export function actorOf(c: Context, now: Date): Actor {
  return { by: accountOf(c).display_name, at: now };
}
