/** Who made a change and when: `by` as the request names them (api/actor.ts), `at` stamped by the server. */
export interface Actor {
  by: string;
  at: Date;
}
