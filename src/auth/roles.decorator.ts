import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Role } from './api-key.entity';

export const ROLES_KEY = 'apron:roles';
export const PUBLIC_KEY = 'apron:public';

/**
 * The roles allowed on an endpoint; `admin` is always allowed. Every endpoint states its roles. The same call puts
 * them in the OpenAPI document as `x-roles` (admin first), so the document cannot drift from what the guard checks.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension('x-roles', ['admin', ...roles.filter((role) => role !== 'admin')]),
  );

/** An endpoint anyone may call (health, OpenAPI document); `x-public: true` in the OpenAPI document. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

/** Everybody with a key may read. */
export const READERS: Role[] = ['fleet-manager', 'dispatcher', 'viewer'];
