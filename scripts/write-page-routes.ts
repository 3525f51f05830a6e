// Writes web/build/page-routes.json, the dashboard's route patterns from web/src/routes, after `vite build`: the
// server answers 404 (with the page, which shows its not-found view) for a path none of them matches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageRoutesFile, pageRoutesOf } from '../common/page-routes.ts';

const web = fileURLToPath(new URL('../web/', import.meta.url));
const routes = pageRoutesOf(join(web, 'src/routes'));
writeFileSync(join(web, 'build', pageRoutesFile), `${JSON.stringify({ routes }, null, 2)}\n`);
