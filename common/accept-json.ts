// The Accept header of every JSON request the dashboard sends. It is part of the answer cache's key (api/cache.ts), so
// the server's own warm-up requests (api/warm-up.ts) send exactly this to fill the entries the dashboard then reads.
export const acceptJson = { accept: 'application/json, application/problem+json' } as const;
