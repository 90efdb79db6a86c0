// The libraries a developer would pick for our content script's job on Gmail, each with a small
// entry doing that job (read the open thread, report it to the background, put a draft in the
// reply box), bundled with the settings WXT gives our own content scripts so the bytes compare.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { build, type Plugin } from 'vite';
import { gzipBytes } from '../bench';

export interface PeerPart {
  /** What this file is in the peer's extension, e.g. 'content script'. */
  label: string;
  /** Entry module source (JavaScript); bare imports resolve from this repository's node_modules. */
  entry: string;
}

export interface Peer {
  name: string;
  /** npm packages inside the bundles, reported with their installed versions. */
  packages: string[];
  /** Every file the peer's extension loads into the Gmail tab for this job. */
  parts: PeerPart[];
}

export type PeerSize =
  | { peer: Peer; versions: string; parts: { label: string; gzipped: number }[]; total: number }
  | { peer: Peer; versions: string; error: string };

// gmail.js reads Gmail's own globals and XHR traffic, which an isolated-world content script
// cannot see, so its README has it run in the page; a relay in the isolated world talks to the
// background. Both files count.
const gmailJs: Peer = {
  name: 'gmail.js + jQuery',
  packages: ['gmail-js', 'jquery'],
  parts: [
    {
      label: 'page-world script',
      entry: `
import jQuery from 'jquery';
import { Gmail } from 'gmail-js';

const gmail = new Gmail(jQuery);
const post = (type, data) => window.postMessage({ channel: 'peer-gmailjs', type, data }, location.origin);

gmail.observe.on('load', () => {
  gmail.observe.on('view_thread', () => {
    const thread = gmail.new.get.thread_data();
    if (!thread) return;
    post('thread', {
      id: thread.thread_id,
      messages: thread.emails.map((e) => ({
        id: e.id,
        subject: e.subject,
        from: e.from,
        to: e.to,
        cc: e.cc,
        date: e.timestamp,
        html: e.content_html,
      })),
    });
  });
});

window.addEventListener('message', (event) => {
  if (event.source !== window || event.data?.channel !== 'peer-gmailjs-insert') return;
  const compose = gmail.dom.composes()[0];
  if (!compose) return;
  const p = document.createElement('p');
  p.textContent = String(event.data.text);
  compose.body(p.outerHTML);
});
`,
    },
    {
      label: 'isolated-world relay',
      entry: `
window.addEventListener('message', (event) => {
  if (event.source !== window || event.origin !== location.origin) return;
  const msg = event.data;
  if (msg?.channel === 'peer-gmailjs' && msg.type === 'thread') {
    chrome.runtime.sendMessage({ type: 'thread:report', data: msg.data });
  }
});
chrome.runtime.onMessage.addListener((msg) => {
  if (msg?.type !== 'draft:insert') return;
  window.postMessage({ channel: 'peer-gmailjs-insert', text: msg.data.text }, location.origin);
});
`,
    },
  ],
};

// In Manifest V3 InboxSDK's content script asks the background (its background.js helper) to
// inject pageWorld.js into the page; a developer ships that file too, so it counts. It is bundled
// through the same settings (minified) rather than shipped as the unminified file in the package.
const inboxSdk: Peer = {
  name: 'InboxSDK',
  packages: ['@inboxsdk/core'],
  parts: [
    {
      label: 'content script',
      entry: `
import * as InboxSDK from '@inboxsdk/core';

InboxSDK.load(2, 'sdk_bench_0123456789').then((sdk) => {
  let reply = null;
  sdk.Compose.registerComposeViewHandler((view) => {
    if (!view.isInlineReplyForm()) return;
    reply = view;
    view.on('destroy', () => {
      if (reply === view) reply = null;
    });
  });
  sdk.Conversations.registerThreadViewHandler(async (thread) => {
    const messages = await Promise.all(
      thread
        .getMessageViewsAll()
        .filter((m) => m.isLoaded())
        .map(async (m) => ({
          from: m.getSender(),
          to: await m.getRecipientsFull(),
          date: m.getDateString(),
          text: m.getBodyElement().innerText,
        })),
    );
    chrome.runtime.sendMessage({
      type: 'thread:report',
      data: { id: await thread.getThreadIDAsync(), subject: thread.getSubject(), messages },
    });
  });
  chrome.runtime.onMessage.addListener((msg) => {
    if (msg?.type === 'draft:insert' && reply) reply.insertTextIntoBodyAtCursor(String(msg.data.text));
  });
});
`,
    },
    { label: 'pageWorld.js', entry: `import '@inboxsdk/core/pageWorld.js';\n` },
  ],
};

export const peers: Peer[] = [gmailJs, inboxSdk];

const repoRoot = resolve('.');

/**
 * The entries sit in a temp dir (so no repo tool scans them), where Node resolution would find no
 * node_modules; bare imports are resolved as if imported from the repository root instead.
 */
function resolveFromRepo(tempDir: string): Plugin {
  return {
    name: 'bench:resolve-from-repo',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.startsWith(tempDir) || /^[./]/.test(source)) return null;
      return this.resolve(source, join(repoRoot, 'package.json'), { skipSelf: true });
    },
  };
}

/**
 * WXT's lib-mode build for a content script (wxt/dist/core/builders/vite): one IIFE file, the
 * default minifier and browser target, no sourcemap in production, NODE_ENV defined as the mode.
 * Our Preact plugin is left out: no peer entry has JSX.
 */
async function bundle(entryPath: string, outDir: string, fileName: string, tempDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    root: tempDir,
    publicDir: false,
    plugins: [resolveFromRepo(tempDir)],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      lib: { entry: entryPath, formats: ['iife'], name: 'peer', fileName: () => fileName },
    },
  });
}

function versionOf(pkg: string): string {
  const json = JSON.parse(readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return `${pkg} ${json.version}`;
}

/** The line of a build error that names the cause (Vite's message opens with a count). */
function reason(err: unknown): string {
  const lines = stripVTControlCharacters(err instanceof Error ? err.message : String(err))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('Build failed'));
  return lines[0] ?? 'unknown build error';
}

/** Bundles every part of one peer and gzips each (level 9); a failure is returned, not thrown. */
export async function measurePeer(peer: Peer): Promise<PeerSize> {
  let versions: string;
  try {
    versions = peer.packages.map(versionOf).join(', ');
  } catch {
    return { peer, versions: '', error: `not installed (${peer.packages.join(', ')}): run npm ci` };
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'bench-peer-'));
  try {
    const parts: { label: string; gzipped: number }[] = [];
    for (const [i, part] of peer.parts.entries()) {
      const entryPath = join(tempDir, `entry-${i}.js`);
      writeFileSync(entryPath, part.entry);
      const outDir = join(tempDir, 'out');
      await bundle(entryPath, outDir, `part-${i}.js`, tempDir);
      parts.push({ label: part.label, gzipped: gzipBytes(join(outDir, `part-${i}.js`)) });
    }
    return { peer, versions, parts, total: parts.reduce((sum, p) => sum + p.gzipped, 0) };
  } catch (err) {
    return { peer, versions, error: reason(err) };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
