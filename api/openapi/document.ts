// The OpenAPI 3.1 document of the API, generated from the routes themselves: hono-openapi walks the app's
// routes and reads each one's `describeRoute` (responses) and `validator` (parameters and bodies) middleware.
import { generateSpecs } from 'hono-openapi';
import packageJson from '../../package.json' with { type: 'json' };

export const openApiPath = '/api/openapi.json';

const documentation = {
  openapi: '3.1.0',
  info: {
    title: 'ServicePulse API',
    version: packageJson.version,
    description:
      'Support analytics over helpdesk exports: metric series, the tickets behind them, service goals and imports. ' +
      'Every error is an RFC 9457 problem document (application/problem+json).',
  },
  tags: [
    { name: 'health', description: 'Server and database state' },
    { name: 'metrics', description: 'The metric registry and metric series' },
    { name: 'tickets', description: 'The tickets behind a metric point' },
    { name: 'goals', description: 'Service goals and their status per period' },
    { name: 'teams', description: 'Teams and their business calendars' },
    { name: 'imports', description: 'Loading helpdesk exports' },
  ],
};

export function openApiDocument(app: Parameters<typeof generateSpecs>[0]) {
  return generateSpecs(app, {
    documentation,
    exclude: [openApiPath],
    // Each route lists its own 400 (as a problem document) with the other errors it gives.
    defaultValidationErrorResponse: false,
  });
}
