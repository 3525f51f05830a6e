// What each role may do, in a sentence for the admin choosing one (the server's route × role table decides).
import type { Role } from '../api/accounts';

export const roleWords: Record<Role, string> = {
  admin: 'Admin: users, API tokens, calendars and imports.',
  manager: 'Manager: every page and every team; creates goals and answers suggestions.',
  lead: 'Lead: their team and its agents; proposes goals for the team and triages its suggestions.',
  agent: 'Agent: team-level figures and their own tickets; submits and votes on suggestions.',
};
