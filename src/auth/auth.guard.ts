import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Role } from './api-key.entity';
import { ApiKeysService, Principal } from './api-keys.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** Bearer API keys on every endpoint; fails closed when an endpoint forgot to state its roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = this.bearerToken(request);
    if (!token) throw new UnauthorizedException('Missing bearer token: send Authorization: Bearer <API key>');
    const principal = await this.apiKeys.authenticate(token);
    if (!principal) throw new UnauthorizedException('Unknown or revoked API key');
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (principal.role === 'admin' || allowed.includes(principal.role)) return true;
    throw new ForbiddenException(`Role ${principal.role} may not do this; allowed: admin, ${allowed.join(', ')}`);
  }

  private bearerToken(request: Request): string | undefined {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    return match?.[1];
  }
}
