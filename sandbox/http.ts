import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as every sandbox route sees it. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Raw body text ('' when none). */
  body: string;
  /** The body's bytes (a resumable upload's chunk may end inside a UTF-8 character). */
  bytes: Buffer;
  raw: IncomingMessage;
}

/** A route answers the request and returns true, or returns false to let the next route try. */
export type Route = (req: SandboxRequest, res: ServerResponse) => boolean | Promise<boolean>;

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
