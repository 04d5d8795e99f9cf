import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { invalidField } from '../common/field-errors';
import { IdempotencyService } from './idempotency.service';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** Idempotency-Key on a create marked @IdempotentCreate(): see that decorator. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw invalidField('Idempotency-Key', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
    }
    const scope = request.principal?.keyId ?? 'bootstrap';
    const start = await this.idempotency.start(scope, key, fingerprintOf(request));
    const response = context.switchToHttp().getResponse<Response>();
    if (start.kind === 'replay') {
      // A create answers one fixed status (its route's), so the stored status is what Nest answers again.
      response.setHeader('Idempotent-Replayed', 'true');
      return of(start.body);
    }
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.idempotency.complete(scope, key, status, JSON.parse(JSON.stringify(body ?? null)));
        return body;
      }),
      // A failed request stores nothing: the client may fix it and retry with the same key.
      catchError((error: unknown) =>
        from(this.idempotency.release(scope, key)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}

/** Method, path and body (keys in a stable order): what "the same request" means for a key. */
function fingerprintOf(request: AuthenticatedRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
