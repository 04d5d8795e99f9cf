import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt cost parameters (Node's defaults, ~50 ms); stored with the hash so they can be raised later.
const COST = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, cost, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$key` (base64url), the OCPP basic-auth password at rest (OCPP 2.0.1 A01.FR.08). */
export async function hashChargerPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// Checked when a charger is unknown or has no password, so the answer takes as long as a real check.
const DECOY_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(SALT_BYTES).toString('base64url')}$${Buffer.alloc(KEY_BYTES).toString('base64url')}`;

export async function chargerPasswordMatches(password: string, storedHash: string | null): Promise<boolean> {
  const parts = (storedHash ?? DECOY_HASH).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return storedHash !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}
