// Where the sandbox listens. Shared by the sandbox server, the sandbox build and the tests, so the
// three always agree. Loopback only.
export const DEFAULT_SANDBOX_PORT = 8787;

export function sandboxPort(): number {
  const raw = process.env.SANDBOX_PORT;
  const port = raw ? Number(raw) : DEFAULT_SANDBOX_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Bad SANDBOX_PORT: ${raw}`);
  return port;
}

export function sandboxOrigin(): string {
  return `http://127.0.0.1:${sandboxPort()}`;
}

/** Match patterns of the demo mail pages (ports are not part of match patterns). */
export function sandboxMatches(): string[] {
  return ['http://127.0.0.1/gmail/*', 'http://127.0.0.1/outlook/*'];
}
