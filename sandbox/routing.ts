import type { ServerResponse } from 'node:http';
import type { SandboxRequest } from './http';

export type Params = Record<string, string>;

/** One API operation: `pattern` is relative to the module's prefix, `{name}` captures one path segment. */
export interface Endpoint {
  method: string;
  pattern: string;
  handle(req: SandboxRequest, res: ServerResponse, params: Params): void | Promise<void>;
}

interface Compiled extends Endpoint {
  regex: RegExp;
  names: string[];
}

export function compileEndpoints(endpoints: Endpoint[], caseInsensitive = false): Compiled[] {
  return endpoints.map((endpoint) => {
    const names: string[] = [];
    const source = endpoint.pattern
      .split('/')
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      })
      .join('/');
    return { ...endpoint, names, regex: new RegExp(`^${source}$`, caseInsensitive ? 'i' : '') };
  });
}

/** Finds the endpoint for `rest` (the path after the prefix); params are URL-decoded. */
export function findEndpoint(
  endpoints: Compiled[],
  method: string,
  rest: string,
): { endpoint: Compiled; params: Params } | undefined {
  for (const endpoint of endpoints) {
    if (endpoint.method !== method) continue;
    const match = endpoint.regex.exec(rest);
    if (!match) continue;
    const params: Params = {};
    endpoint.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
    return { endpoint, params };
  }
  return undefined;
}

export function bearerToken(req: SandboxRequest): string | undefined {
  const header = req.headers.authorization;
  return header && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status).end();
}

export function randomId(length: number, alphabet = 'abcdefghijklmnopqrstuv0123456789'): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** The origin the client used, so links we hand out (nextLink, redirects) point back at us. */
export function requestOrigin(req: SandboxRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}
