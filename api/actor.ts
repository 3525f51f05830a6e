// Who acts: there are no accounts yet (issue 13 adds them), so every action's JSON body names its person in `by`,
// and the server stamps when. Issue 13 replaces this file's two exports with the signed-in account.
import { z } from 'zod';
import type { Actor } from '../sql/actor.ts';

export const maxActorLength = 100;

/** The `by` field of an action's body. */
export const actorFields = {
  by: z.string().trim().min(1).max(maxActorLength).meta({ description: 'Who does this: a person’s name, 1–100 characters (no accounts yet).' }),
};

/** The actor of a request whose body passed `actorFields`. */
export function actorOf(body: { by: string }, now: Date): Actor {
  return { by: body.by, at: now };
}
