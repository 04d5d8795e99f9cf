import { SetMetadata } from '@nestjs/common';
import { Role } from './api-key.entity';

export const ROLES_KEY = 'apron:roles';
export const PUBLIC_KEY = 'apron:public';

/** The roles allowed on an endpoint; `admin` is always allowed. Every endpoint states its roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** An endpoint anyone may call (health, OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Everybody with a key may read. */
export const READERS: Role[] = ['fleet-manager', 'dispatcher', 'viewer'];
