/**
 * Bearer tokens and roles. Tokens come from the environment (API_TOKENS) and are kept only as
 * SHA-256 hashes; a presented token is hashed and compared in constant time with each.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type Role = 'editor' | 'reader';

export interface ApiToken {
  /** Who holds it: recorded as the author of every change made with it. */
  name: string;
  role: Role;
  sha256: Buffer;
}

export interface Viewer {
  name: string;
  role: Role;
}

const MIN_TOKEN_LENGTH = 16;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Parses API_TOKENS: comma-separated `name:role:secret`, where role is editor or reader and
 * secret is the token itself (at least 16 characters) or `sha256:<64 hex digits>` of it.
 * Returns the tokens and a problem per bad entry.
 */
export function parseApiTokens(value: string | undefined): { tokens: ApiToken[]; problems: string[] } {
  const tokens: ApiToken[] = [];
  const problems: string[] = [];
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  entries.forEach((entry, index) => {
    const [name, role, ...rest] = entry.split(':');
    const secret = rest.join(':');
    const where = `API_TOKENS entry ${index + 1}${name ? ` (${name})` : ''}`;
    if (!name || !/^[\w.@-]+$/.test(name)) problems.push(`${where}: the name must be letters, digits, . @ _ or -`);
    else if (role !== 'editor' && role !== 'reader') problems.push(`${where}: the role must be editor or reader`);
    else if (secret.startsWith('sha256:')) {
      const hex = secret.slice('sha256:'.length);
      if (!/^[0-9a-f]{64}$/i.test(hex)) problems.push(`${where}: sha256: must be followed by 64 hex digits`);
      else tokens.push({ name, role, sha256: Buffer.from(hex, 'hex') });
    } else if (secret.length < MIN_TOKEN_LENGTH) {
      problems.push(`${where}: the token must hold at least ${MIN_TOKEN_LENGTH} characters`);
    } else tokens.push({ name, role, sha256: sha256(secret) });
  });
  return { tokens, problems };
}

/** The holder of `presented`, or null. Every stored hash is compared, so timing says nothing. */
export function verifyToken(tokens: readonly ApiToken[], presented: string): Viewer | null {
  const hash = sha256(presented);
  let found: ApiToken | null = null;
  for (const token of tokens) {
    if (timingSafeEqual(token.sha256, hash) && found === null) found = token;
  }
  return found === null ? null : { name: found.name, role: found.role };
}
