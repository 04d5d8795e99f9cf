import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './auth.guard';

/** Who made an override, for the audit: the API key the guard authenticated. */
export interface Actor {
  apiKeyId: string | null;
  role: string;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  return { apiKeyId: principal?.keyId ?? null, role: principal?.role ?? 'unknown' };
});
