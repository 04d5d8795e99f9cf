import { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from '../common/http/route-template';
import { runWithRequestId } from './request-context';
import { requestIdFor } from './request-id';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Scraped and probed every few seconds: their lines would drown the rest at info, so they log at debug. */
const QUIET_ROUTES = new Set(['/health', '/metrics']);

/**
 * Gives every HTTP request an id (the caller's X-Request-Id when well-formed), echoes it in the response and runs the
 * request with it, so every line logged on its behalf carries it; when the response is sent, logs one line with the
 * method, the route template (never the raw URL, which may hold query values), status and milliseconds. Headers are
 * never logged: they hold the bearer token.
 */
export function requestLogging(logger: LoggerService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = requestIdFor(request.headers['x-request-id']);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const startedNs = process.hrtime.bigint();
    response.on('finish', () => {
      const route = routeTemplate(request);
      const ms = Math.round(Number(process.hrtime.bigint() - startedNs) / 1e4) / 100;
      const line = {
        msg: 'request completed',
        requestId,
        method: request.method,
        route,
        status: response.statusCode,
        ms,
      };
      if (QUIET_ROUTES.has(route)) logger.debug?.(line, 'Http');
      else logger.log(line, 'Http');
    });
    runWithRequestId(requestId, next);
  };
}
