// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';

// The strict Drive stand-in's uploads, after "Upload file data" (developers.google.com/workspace/
// drive/api/guides/manage-uploads), as sandbox/drive.ts names each rule.
const sandbox = useSandbox();
const TOKEN = { authorization: 'Bearer sandbox-google-token' };
const KB256 = 256 * 1024;

async function session(total: number): Promise<string> {
  const res = await fetch(
    `${sandbox.origin()}/google/upload/drive/v3/files?uploadType=resumable&fields=id,size`,
    {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': 'application/json', 'x-upload-content-length': String(total) },
      body: JSON.stringify({ name: 'b.json', parents: ['appDataFolder'] }),
    },
  );
  expect(res.status).toBe(200);
  return res.headers.get('location')!;
}

const put = (url: string, range: string, body: Uint8Array | string = '') =>
  fetch(url, { method: 'PUT', headers: { ...TOKEN, 'content-range': range }, body: body as BodyInit });

describe('Drive uploads', () => {
  it('resumable: 308 with the Range received until the last chunk; a status question answers the same', async () => {
    const total = KB256 + 10;
    const url = await session(total);
    const nothing = await put(url, `bytes */${total}`);
    expect(nothing.status).toBe(308);
    expect(nothing.headers.get('range')).toBeNull();
    const first = await put(url, `bytes 0-${KB256 - 1}/${total}`, new Uint8Array(KB256).fill(97));
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${KB256 - 1}`);
    const last = await put(url, `bytes ${KB256}-${total - 1}/${total}`, 'bbbbbbbbbb');
    expect(last.status).toBe(200);
    expect(await last.json()).toMatchObject({ size: String(total) });
    expect((await put(url, `bytes */${total}`)).status).toBe(200);
  });

  it('refuses a chunk that is not a multiple of 256 KB (except the last), a gap, and an unknown session', async () => {
    const url = await session(3 * KB256);
    expect((await put(url, `bytes 0-99/${3 * KB256}`, new Uint8Array(100))).status).toBe(400);
    expect(
      (await put(url, `bytes ${KB256}-${2 * KB256 - 1}/${3 * KB256}`, new Uint8Array(KB256))).status,
    ).toBe(400);
    expect((await put(url.replace(/upload_id=[^&]+/, 'upload_id=nope'), `bytes */${3 * KB256}`)).status).toBe(
      404,
    );
  });

  it('refuses a multipart upload over the documented 5 MB', async () => {
    const boundary = 'b';
    const body =
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ name: 'x', parents: ['appDataFolder'] })}\r\n` +
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${'x'.repeat(6 * 1024 * 1024)}\r\n--${boundary}--`;
    const res = await fetch(`${sandbox.origin()}/google/upload/drive/v3/files?uploadType=multipart`, {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': `multipart/related; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(413);
  });
});
