// How a process of the server is started from the project root (`node <serverNodeArgs>`): with the environment of
// api/server.env, which must be read before any code runs (see there), and TypeScript through tsx.
export const serverNodeArgs = ['--env-file=api/server.env', '--import', 'tsx', 'api/server.ts'] as const;
