import type { Request } from 'express';

/**
 * Requests answered before they reached a route (no route matched, an unreadable body, 503 while the database is away)
 * share one label: raw paths would let any client create series and log keys.
 */
export const UNROUTED = 'unrouted';

/** The route a request matched as declared (`/api/v1/sites/:siteId`), never its raw URL; read once it was answered. */
export function routeTemplate(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNROUTED;
}
