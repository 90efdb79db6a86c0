import { GOOGLE_API_BASE, GRAPH_API_BASE } from '../config';
import type { Provider } from '../auth/tokens';
import { cloudFetch, cloudJson } from '../sync/http';
import { CalendarError } from '../calendar/errors';

// Where backups go: a folder of the user's own cloud that only this app can see.
// - Google Drive's application data folder, scope drive.appdata
//   (developers.google.com/workspace/drive/api/guides/appdata): hidden from the user's Drive and
//   from other apps; files are created with parents ['appDataFolder'] and listed with
//   spaces=appDataFolder. Upload is a multipart upload (…/guides/manage-uploads#multipart) up to the
//   documented 5 MB, a resumable upload above it (…/guides/manage-uploads#resumable): a session URI
//   from the first POST, then the file in chunks of a multiple of 256 KB; a chunk without an answer
//   asks the session how much arrived (Content-Range: bytes */total → 308 with Range) and goes on.
// - OneDrive's app folder, scope Files.ReadWrite.AppFolder (learn.microsoft.com/onedrive/developer/
//   rest-api/concepts/special-folders-appfolder): /me/drive/special/approot, "Apps/<app name>" in the
//   user's OneDrive; a simple upload is PUT …/approot:/{name}:/content (up to 250 MB,
//   learn.microsoft.com/graph/api/driveitem-put-content).

export interface BackupFile {
  id: string;
  name: string;
  size: number;
  createdAt: string;
}

export interface BackupCloud {
  provider: Provider;
  upload(name: string, text: string): Promise<BackupFile>;
  /** Newest first. */
  list(): Promise<BackupFile[]>;
  download(id: string): Promise<string>;
  remove(id: string): Promise<void>;
}

export const BACKUP_PREFIX = 'ops-assistant-backup-';

export const BACKUP_SCOPES: Record<Provider, string> = {
  google: 'https://www.googleapis.com/auth/drive.appdata',
  microsoft: 'Files.ReadWrite.AppFolder',
};

const byNewest = (a: BackupFile, b: BackupFile) => b.createdAt.localeCompare(a.createdAt);
const ours = (f: BackupFile) => f.name.startsWith(BACKUP_PREFIX);

interface DriveFile {
  id: string;
  name: string;
  size?: string;
  createdTime: string;
}

const fromDrive = (f: DriveFile): BackupFile => ({
  id: f.id,
  name: f.name,
  size: Number(f.size ?? 0),
  createdAt: f.createdTime,
});

/** "Multipart upload: … a small file (5 MB or less)"; larger goes resumable. */
export const DRIVE_MULTIPART_MAX = 5 * 1024 * 1024;
/** Resumable chunks must be multiples of 256 KB (the last excepted). */
export const DRIVE_CHUNK = 20 * 256 * 1024;
/** Chunks without an answer tolerated in one upload before it is given up (and retried later). */
const DRIVE_LOST_CHUNKS = 5;

export function googleDrive(base = GOOGLE_API_BASE): BackupCloud {
  const files = `${base}/drive/v3/files`;
  const fields = 'id,name,size,createdTime';

  /** Bytes the session holds, from a 308's `Range: bytes=0-N` (none yet: no header). */
  const received = (response: Response) => {
    const end = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '')?.[1];
    return end === undefined ? 0 : Number(end) + 1;
  };

  async function resumable(name: string, bytes: Uint8Array): Promise<DriveFile> {
    const metadata = JSON.stringify({ name, parents: ['appDataFolder'], mimeType: 'application/json' });
    const start = await cloudFetch(
      'google',
      `${base}/upload/drive/v3/files?uploadType=resumable&fields=${fields}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-type': 'application/json',
          'x-upload-content-length': String(bytes.length),
        },
        body: metadata,
        // A session started twice is one unused session (it expires by itself).
        repeatable: true,
      },
    );
    const session = start.headers.get('location');
    if (!session) throw new CalendarError('server', 'Google Drive gave no upload session');
    const total = bytes.length;
    let offset = 0;
    let lost = 0;
    for (;;) {
      const end = Math.min(offset + DRIVE_CHUNK, total);
      let response: Response;
      try {
        response = await cloudFetch('google', session, {
          method: 'PUT',
          headers: { 'content-range': `bytes ${offset}-${end - 1}/${total}` },
          body: bytes.slice(offset, end),
          retries: 0,
          accept: [308],
        });
      } catch (err) {
        // No answer or a 5xx: the chunk may or may not have arrived. Ask the session.
        if (++lost > DRIVE_LOST_CHUNKS) throw err;
        response = await cloudFetch('google', session, {
          method: 'PUT',
          headers: { 'content-range': `bytes */${total}` },
          accept: [308],
        });
      }
      if (response.status !== 308) return (await response.json()) as DriveFile;
      offset = received(response);
    }
  }

  return {
    provider: 'google',
    async upload(name, text) {
      const bytes = new TextEncoder().encode(text);
      if (bytes.length > DRIVE_MULTIPART_MAX) return fromDrive(await resumable(name, bytes));
      const boundary = `ops-assistant-${crypto.randomUUID()}`;
      const metadata = JSON.stringify({ name, parents: ['appDataFolder'], mimeType: 'application/json' });
      const body =
        `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${metadata}\r\n` +
        `--${boundary}\r\nContent-Type: application/json\r\n\r\n${text}\r\n--${boundary}--`;
      const file = await cloudJson<DriveFile>(
        'google',
        `${base}/upload/drive/v3/files?uploadType=multipart&fields=${fields}`,
        {
          method: 'POST',
          headers: { 'content-type': `multipart/related; boundary=${boundary}` },
          body,
          // A repeated upload is at worst one more backup file (older ones are pruned).
          repeatable: true,
        },
      );
      return fromDrive(file);
    },
    async list() {
      const out: BackupFile[] = [];
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({
          spaces: 'appDataFolder',
          fields: `nextPageToken,files(${fields})`,
          pageSize: '100',
          ...(pageToken ? { pageToken } : {}),
        });
        const page = await cloudJson<{ files: DriveFile[]; nextPageToken?: string }>(
          'google',
          `${files}?${query}`,
        );
        out.push(...page.files.map(fromDrive));
        pageToken = page.nextPageToken;
      } while (pageToken);
      return out.filter(ours).sort(byNewest);
    },
    async download(id) {
      const response = await cloudFetch('google', `${files}/${encodeURIComponent(id)}?alt=media`);
      return response.text();
    },
    async remove(id) {
      await cloudFetch('google', `${files}/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
  };
}

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  createdDateTime: string;
}

const fromItem = (i: DriveItem): BackupFile => ({
  id: i.id,
  name: i.name,
  size: i.size ?? 0,
  createdAt: i.createdDateTime,
});

export function oneDrive(base = GRAPH_API_BASE): BackupCloud {
  const me = `${base}v1.0/me/drive`;
  return {
    provider: 'microsoft',
    async upload(name, text) {
      const item = await cloudJson<DriveItem>(
        'microsoft',
        `${me}/special/approot:/${encodeURIComponent(name)}:/content`,
        { method: 'PUT', headers: { 'content-type': 'application/json' }, body: text },
      );
      return fromItem(item);
    },
    async list() {
      const out: BackupFile[] = [];
      let next: string | undefined = `${me}/special/approot/children?$select=id,name,size,createdDateTime`;
      while (next) {
        const page: { value: DriveItem[]; '@odata.nextLink'?: string } = await cloudJson('microsoft', next);
        out.push(...page.value.map(fromItem));
        next = page['@odata.nextLink'];
      }
      return out.filter(ours).sort(byNewest);
    },
    async download(id) {
      // Answers 302 to a short-lived pre-authenticated URL; fetch follows it.
      const response = await cloudFetch('microsoft', `${me}/items/${encodeURIComponent(id)}/content`);
      return response.text();
    },
    async remove(id) {
      await cloudFetch('microsoft', `${me}/items/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
  };
}

export function backupCloud(provider: Provider): BackupCloud {
  return provider === 'google' ? googleDrive() : oneDrive();
}
