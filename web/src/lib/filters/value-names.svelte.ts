// The app's one list of team names, asked of `GET /api/teams` once (the first time a name is wanted) and shared
// by every card, so a legend, a table and the drill-down name a team the same way. Until it answers (or if it
// fails) a team reads as its id.
import { teams } from '../api/queries';
import { teamNamesOf, valueName, type TeamNames } from './value-names';

class ValueNames {
  #teams = $state<TeamNames>(new Map());
  #asked = false;

  /** Team id → name, loaded on first use. */
  get teams(): TeamNames {
    if (!this.#asked) {
      this.#asked = true;
      teams()
        .then((answer) => (this.#teams = teamNamesOf(answer.teams)))
        .catch(() => (this.#asked = false)); // asked again by the next reader
    }
    return this.#teams;
  }

  /** `valueName` with the loaded team names. */
  name = (dimension: string | null | undefined, value: string): string => valueName(dimension, value, this.teams);
}

export const valueNames = new ValueNames();
