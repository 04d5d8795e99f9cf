import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';

/**
 * Browsers' EventSource cannot set headers, so the stream also takes `?access_token=`. This middleware is bound to
 * the stream route only and turns the query token into the bearer header the guard reads; every other endpoint
 * still needs the header. A request that sends a header keeps it.
 */
@Injectable()
export class StreamQueryTokenMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const token = request.query?.access_token;
    if (!request.headers.authorization && typeof token === 'string' && token.length > 0) {
      request.headers.authorization = `Bearer ${token}`;
    }
    next();
  }
}
