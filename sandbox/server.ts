import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route, SandboxRequest } from './http';
import { sendJson } from './http';
import { adminRoutes } from './admin';
import { googleRoutes } from './google';
import { graphRoutes } from './graph';
import { mailRoutes } from './mail-pages';
import { oauthRoutes } from './oauth';
import { driveRoutes } from './drive';
import { oneDriveRoutes } from './onedrive';
import { gtasksRoutes } from './gtasks';
import { todoAdminRoutes, todoRoutes } from './todo';
import { sheetsAdminRoutes, sheetsRoutes } from './sheets';
import { workbookAdminRoutes, workbookRoutes } from './workbook';
import { createState, type SandboxState } from './state';
import { applyFaults } from './faults';

export interface RunningSandbox {
  origin: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1 (never another interface). Port 0 picks a free one. */
export async function startSandbox(port: number): Promise<RunningSandbox> {
  const state = createState();
  const routes: Route[] = [
    adminRoutes(state),
    sheetsAdminRoutes(state),
    workbookAdminRoutes(state),
    todoAdminRoutes(state),
    mailRoutes(state),
    googleRoutes(state),
    graphRoutes(state),
    oauthRoutes(state),
    driveRoutes(state),
    workbookRoutes(state),
    oneDriveRoutes(state),
    gtasksRoutes(state),
    todoRoutes(state),
    sheetsRoutes(state),
  ];
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const req: SandboxRequest = {
        method: raw.method ?? 'GET',
        url: new URL(raw.url ?? '/', 'http://127.0.0.1'),
        headers: raw.headers,
        body: bytes.toString('utf8'),
        bytes,
        raw,
      };
      void handle(req, res);
    });
  });

  async function handle(req: SandboxRequest, res: import('node:http').ServerResponse): Promise<void> {
    // Extension pages and the service worker call the APIs cross-origin.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, prefer, x-requested-with, sdkversion, client-request-id, return-client-request-id, content-range, x-upload-content-type, x-upload-content-length',
    );
    res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader('access-control-expose-headers', 'retry-after, location, range');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    try {
      for (const route of routes) {
        const answered = await applyFaults(state, req, res, () => route(req, res));
        if (answered) return;
      }
      sendJson(res, 404, {
        error: { code: 404, message: `No sandbox route for ${req.method} ${req.url.pathname}` },
      });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(err) } });
      else res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
