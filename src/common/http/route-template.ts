import type { Request } from 'express';

/** Requests that matched no route share one label: raw paths would let any client create series and log keys. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route a request matched as declared (`/api/v1/sites/:siteId`), never its raw URL; read once it was routed. */
export function routeTemplate(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
}
