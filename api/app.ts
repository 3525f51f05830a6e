// The HTTP face: createApp builds the Hono app without listening, so tests call app.request().
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { pageRouteMatcher, pageRoutesFile } from '../common/page-routes.ts';
import type { Database } from '../sql/db.ts';
import { limitRequestBody } from './body-limit.ts';
import { compression } from './compression.ts';
import { AnswerCache, cacheByDataVersion } from './cache.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { ImportJournal } from './imports/journal.ts';
import { ImportQueue } from './imports/queue.ts';
import { openApiDocument, openApiPath } from './openapi/document.ts';
import type { ImportResponse } from './contracts.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes, type ImportSettings } from './routes/imports.ts';
import { issueRoutes } from './routes/issues.ts';
import { metricRoutes } from './routes/metrics.ts';
import { backlogRoutes } from './routes/backlog.ts';
import { customerRoutes } from './routes/customers.ts';
import { dataRoutes } from './routes/data.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { goalProposalRoutes } from './routes/goal-proposals.ts';
import { goalRoutes } from './routes/goals.ts';
import { issueActionRoutes } from './routes/issue-actions.ts';
import { overviewRoutes } from './routes/overview.ts';
import { teamRoutes } from './routes/teams.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { authRoutes } from './routes/auth.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { suggestionRoutes } from './routes/suggestions.ts';
import { authorise } from './auth/authorise.ts';
import type { SignInLimiter } from './auth/rate-limit.ts';
import { allowedHostsOnly } from './security/allowed-hosts.ts';
import { dashboardPolicyOnPages, securityHeaders } from './security/headers.ts';
import { sameOriginWrites } from './security/same-origin-writes.ts';

export interface AppDeps {
  db: Database;
  /** The built dashboard (web/build); null serves the API only. */
  webRoot?: string | null;
  /** Logs unexpected errors; tests pass a spy. */
  logError?: (error: unknown) => void;
  now?: () => Date;
  /** Answers cached by data version; tests pass one to read its statistics. */
  cache?: AnswerCache;
  /** Where uploads go and how large they may be; without it there is no import API. */
  imports?: ImportSettings & { onChange?: (job: Readonly<ImportResponse>) => void };
  /** Host names requests may be addressed to besides addresses and localhost (api/security/allowed-hosts.ts). */
  allowedHosts?: readonly string[];
  /** Failed sign-ins counted per account and address; tests pass one with small limits. */
  signInLimiter?: SignInLimiter;
}

export function createApp(deps: AppDeps) {
  const answers = cacheByDataVersion(deps.db, deps.cache ?? new AnswerCache(), deps.now);
  // One chain, so AppType carries every route's types to the web's `hc` client. A route is documented in
  // /api/openapi.json by its `describeRoute` and `validator` middleware (api/openapi/).
  const api = new Hono()
    .use(limitRequestBody)
    .use('/metrics/*', answers)
    .use('/tickets', answers)
    .use('/tickets/:id', answers)
    .use('/overview', answers)
    .use('/backlog', answers)
    // Goal scorecards are judged on read (never written by a GET): a page of 200 goals took 0.4-0.6 s each time. Not
    // /goals/proposals: a lead's list is their own (two leads of a team share a scope key), and it changes with no load.
    .use('/goals', answers)
    .use('/goals/:id{[0-9]+}', answers)
    .use('/data/*', answers)
    .use('/feedback/*', answers)
    .use('/issues/*', answers)
    .use('/customers/*', answers)
    .route('/health', healthRoutes(deps.db))
    .route('/metrics', metricRoutes(deps.db, deps.now))
    .route('/tickets', ticketRoutes(deps.db, deps.now))
    .route('/goals/proposals', goalProposalRoutes(deps.db, deps.now, deps.logError))
    .route('/goals', goalRoutes(deps.db, deps.now, deps.logError))
    .route('/overview', overviewRoutes(deps.db, deps.now))
    .route('/teams', teamRoutes(deps.db))
    .route('/backlog', backlogRoutes(deps.db, deps.now))
    .route('/data', dataRoutes(deps.db))
    .route('/feedback', feedbackRoutes(deps.db, deps.now))
    .route('/issues', issueRoutes(deps.db, deps.now))
    .route('/issues', issueActionRoutes(deps.db, deps.now))
    .route('/customers', customerRoutes(deps.db, deps.now))
    .route('/imports', importRoutesIf(deps))
    .route('/auth', authRoutes(deps.db, deps.now, deps.signInLimiter))
    .route('/users', userRoutes(deps.db, deps.now))
    .route('/tokens', tokenRoutes(deps.db, deps.now))
    .route('/suggestions', suggestionRoutes(deps.db, deps.now));

  // Registered before the routes, so they run first: every answer gets the security headers, and a request to an
  // unknown host name or a cross-site write is refused before any route reads it; then who asks is known, and the
  // one declaration of route × role (api/auth/access.ts) decides whether they may.
  // Compression first, so it wraps every answer, problem documents and the dashboard's files included.
  const app = new Hono()
    .use(compression())
    .use(securityHeaders())
    .use(allowedHostsOnly(deps.allowedHosts ?? []))
    .use(sameOriginWrites())
    .use('/api/*', authorise(deps.db, deps.now))
    .route('/api', api);

  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(openApiPath, async (c) => c.json(await (document ??= openApiDocument(app))));

  app.all('/api/*', (c) =>
    problemResponse(c, { status: 404, title: 'Not found', detail: `No API route ${c.req.method} ${c.req.path}.` }),
  );

  const webRoot = deps.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('*', dashboardPolicyOnPages(indexHtml));
    app.use('/_app/immutable/*', async (c, next) => {
      await next();
      if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The page and the version file name the current build: always revalidate them.
    app.use('*', async (c, next) => {
      await next();
      const isPage = c.res.headers.get('Content-Type')?.startsWith('text/html');
      if ((isPage || c.req.path === '/_app/version.json') && !c.res.headers.has('Cache-Control')) {
        c.res.headers.set('Cache-Control', 'no-cache');
      }
    });
    // The build writes a .br and a .gz beside each file (adapter-static `precompress`): sent as they are.
    app.use('/*', serveStatic({ root: webRoot, precompressed: true }));
    // A missing build asset is a real 404; handing it the page would hide a broken deploy.
    app.get('/_app/*', (c) => problemResponse(c, { status: 404, title: 'Not found', detail: `No dashboard asset at ${c.req.path}.` }));
    // The dashboard is a single-page app: its page answers every path, with 200 for one of its routes and 404 for
    // any other, where it shows its not-found view. A build without the route list (older than it) answers 200.
    const isPage = dashboardPages(webRoot);
    app.get('*', (c) => c.html(indexHtml, isPage(c.req.path) ? 200 : 404, { 'Cache-Control': 'no-cache' }));
  }

  app.notFound((c) => problemResponse(c, { status: 404, title: 'Not found', detail: `Nothing at ${c.req.path}.` }));

  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      return problemResponse(c, { status: error.status, title: error.title, detail: error.detail, ...error.extensions });
    }
    if (error instanceof HTTPException) {
      return problemResponse(c, { status: error.status, title: error.message || 'Request failed' });
    }
    (deps.logError ?? console.error)(error);
    return problemResponse(c, {
      status: 500,
      title: 'Internal error',
      detail: 'The server could not answer this request; the error is in its log.',
    });
  });

  return app;
}

/** Whether a path is a dashboard page, from the route list the build wrote (scripts/write-page-routes.ts). */
function dashboardPages(webRoot: string): (path: string) => boolean {
  const file = join(webRoot, pageRoutesFile);
  if (!existsSync(file)) return () => true;
  const { routes } = JSON.parse(readFileSync(file, 'utf8')) as { routes: string[] };
  return pageRouteMatcher(routes);
}

/** Without import settings there is no import API: an empty router, so its paths answer 404 like any unknown one. */
function importRoutesIf(deps: AppDeps): ReturnType<typeof importRoutes> {
  if (!deps.imports) return new Hono() as ReturnType<typeof importRoutes>;
  const queue = new ImportQueue(deps.db, deps.logError ?? console.error, deps.imports.onChange, new ImportJournal(deps.imports.folder));
  return importRoutes(deps.db, deps.imports, queue);
}

export type AppType = ReturnType<typeof createApp>;
