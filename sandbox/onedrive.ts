import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { sendJson } from './http';
import { sendGraphError } from './graph';
import { bearerToken, randomId, requestOrigin, sendEmpty } from './routing';
import type { SandboxState } from './state';

// OneDrive through Microsoft Graph v1.0, only the app folder the backup uses, as documented:
// - "Application folder" (learn.microsoft.com/onedrive/developer/rest-api/concepts/special-folders-appfolder):
//   /me/drive/special/approot, created on first use
// - "Upload or replace the contents of a driveItem" (learn.microsoft.com/graph/api/driveitem-put-content):
//   PUT /me/drive/items/{parent-id}:/{filename}:/content → 201 new, 200 replaced
// - "List children" (learn.microsoft.com/graph/api/driveitem-list-children): value + @odata.nextLink
// - "Download driveItem contents" (learn.microsoft.com/graph/api/driveitem-get-content): 302 Found to a
//   pre-authenticated downloadUrl that needs no Authorization header
// - "Delete a driveItem" (learn.microsoft.com/graph/api/driveitem-delete): 204
// - "Error codes" (learn.microsoft.com/onedrive/developer/rest-api/concepts/errors): itemNotFound, accessDenied

const PREFIX = '/graph/v1.0/me/drive/';
const DOWNLOAD_PREFIX = '/graph/__download/';
/** Permissions table of driveitem-put-content: the least is Files.ReadWrite.AppFolder for the app folder. */
const FILE_SCOPES = ['Files.ReadWrite.AppFolder', 'Files.ReadWrite', 'Files.ReadWrite.All'];
const PAGE = 200;

export interface DriveItem {
  id: string;
  name: string;
  size: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  content: string;
  /** The pre-authenticated download token. */
  downloadToken: string;
}

export interface OneDriveStore {
  approot: DriveItem[];
}

export function oneDriveStore(state: SandboxState): OneDriveStore {
  return (state.clouds.onedrive ??= { approot: [] }) as OneDriveStore;
}

type Handler = (req: SandboxRequest, res: ServerResponse, match: RegExpExecArray) => void;

export function oneDriveRoutes(state: SandboxState): Route {
  const routes: [string, RegExp, Handler][] = [
    ['PUT', /^special\/approot:\/([^/]+):\/content$/i, (q, s, m) => put(state, q, s, m[1] ?? '')],
    ['GET', /^special\/approot\/children$/i, (q, s) => children(state, q, s)],
    ['GET', /^special\/approot$/i, (_q, s) => sendJson(s, 200, approot())],
    ['GET', /^items\/([^/]+)\/content$/i, (q, s, m) => content(state, q, s, m[1] ?? '')],
    [
      'GET',
      /^items\/([^/]+)$/i,
      (_q, s, m) => withItem(state, s, m[1] ?? '', (i) => sendJson(s, 200, view(i))),
    ],
    ['DELETE', /^items\/([^/]+)$/i, (_q, s, m) => remove(state, s, m[1] ?? '')],
  ];
  return (req, res) => {
    const path = req.url.pathname;
    if (path.startsWith(DOWNLOAD_PREFIX) && req.method === 'GET') {
      download(state, res, path.slice(DOWNLOAD_PREFIX.length));
      return true;
    }
    if (!path.startsWith(PREFIX)) return false;
    const rest = path.slice(PREFIX.length);
    for (const [method, regex, handle] of routes) {
      const match = method === req.method ? regex.exec(rest) : null;
      if (!match) continue;
      state.countRequest(`${req.method} ${PREFIX}${regex.source}`);
      const token = bearerToken(req);
      const auth = state.checkToken('microsoft', token);
      if (auth !== 'ok') {
        sendGraphError(
          res,
          401,
          'InvalidAuthenticationToken',
          auth === 'expired'
            ? 'Lifetime validation failed, the token is expired.'
            : 'IDX14100: JWT is not well formed.',
          { 'www-authenticate': 'Bearer realm=""' },
        );
        return true;
      }
      const scopes = state.tokenScopes('microsoft', token);
      if (scopes && !FILE_SCOPES.some((s) => scopes.includes(s))) {
        sendGraphError(
          res,
          403,
          'accessDenied',
          'The caller does not have permission to perform the action.',
        );
        return true;
      }
      handle(req, res, match);
      return true;
    }
    return false;
  };
}

function approot() {
  return { id: 'approot', name: 'Ops Assistant', folder: {}, specialFolder: { name: 'approot' } };
}

function view(item: DriveItem): Record<string, unknown> {
  const { content: _content, downloadToken: _token, ...rest } = item;
  return { ...rest, file: { mimeType: 'application/json' }, parentReference: { id: 'approot' } };
}

function withItem(state: SandboxState, res: ServerResponse, id: string, fn: (item: DriveItem) => void): void {
  const item = oneDriveStore(state).approot.find((i) => i.id === decodeURIComponent(id));
  if (!item) return sendGraphError(res, 404, 'itemNotFound', 'The resource could not be found.');
  fn(item);
}

function put(state: SandboxState, req: SandboxRequest, res: ServerResponse, rawName: string): void {
  const name = decodeURIComponent(rawName);
  // OneDrive naming rules ("Restrictions and limitations"): these characters are not allowed.
  if (/["*:<>?/\\|]/.test(name) || name.trim() === '')
    return sendGraphError(res, 400, 'invalidRequest', 'The provided name contains invalid characters.');
  const store = oneDriveStore(state);
  const now = new Date().toISOString();
  const existing = store.approot.find((i) => i.name.toLowerCase() === name.toLowerCase());
  const size = Buffer.byteLength(req.body, 'utf8');
  if (existing) {
    Object.assign(existing, { content: req.body, size, lastModifiedDateTime: now });
    return sendJson(res, 200, view(existing));
  }
  const item: DriveItem = {
    id: `01SANDBOX${randomId(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    name,
    size,
    createdDateTime: now,
    lastModifiedDateTime: now,
    content: req.body,
    downloadToken: randomId(32),
  };
  store.approot.push(item);
  sendJson(res, 201, view(item));
}

function children(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const items = [...oneDriveStore(state).approot].sort((a, b) => a.name.localeCompare(b.name));
  const skip = Number(req.url.searchParams.get('$skiptoken') ?? 0);
  const top = Math.min(Number(req.url.searchParams.get('$top') ?? PAGE), PAGE);
  const page = items.slice(skip, skip + top);
  const next = new URL(req.url.pathname, requestOrigin(req));
  req.url.searchParams.forEach((v, k) => k !== '$skiptoken' && next.searchParams.set(k, v));
  next.searchParams.set('$skiptoken', String(skip + top));
  sendJson(res, 200, {
    value: page.map(view),
    ...(skip + top < items.length ? { '@odata.nextLink': next.toString() } : {}),
  });
}

function content(state: SandboxState, req: SandboxRequest, res: ServerResponse, id: string): void {
  withItem(state, res, id, (item) => {
    res.writeHead(302, { location: `${requestOrigin(req)}${DOWNLOAD_PREFIX}${item.downloadToken}` }).end();
  });
}

function download(state: SandboxState, res: ServerResponse, token: string): void {
  const item = oneDriveStore(state).approot.find((i) => i.downloadToken === token);
  if (!item) return sendGraphError(res, 404, 'itemNotFound', 'The resource could not be found.');
  res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(item.content);
}

function remove(state: SandboxState, res: ServerResponse, id: string): void {
  withItem(state, res, id, (item) => {
    const store = oneDriveStore(state);
    store.approot.splice(store.approot.indexOf(item), 1);
    sendEmpty(res, 204);
  });
}
