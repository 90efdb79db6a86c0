// The built extensions ask for exactly what the code uses, and ship no sandbox or remote code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHROME = resolve('.output/chrome-mv3');
const FIREFOX = resolve('.output/firefox-mv2');

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesIn(p) : [p];
  });
}
const sourceText = ['entrypoints', 'services', 'components']
  .flatMap((d) => filesIn(d))
  .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

describe('production manifest (Chrome MV3)', () => {
  const m = manifest(CHROME);

  it('asks for the expected permissions and nothing else', () => {
    expect([...m.permissions].sort()).toEqual(
      [
        'alarms',
        'contextMenus',
        'identity',
        'notifications',
        'sidePanel',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
    expect([...m.host_permissions].sort()).toEqual(
      [...MAIL_HOSTS, 'https://www.googleapis.com/*', 'https://graph.microsoft.com/*'].sort(),
    );
    expect(m.content_scripts[0].matches.sort()).toEqual([...MAIL_HOSTS].sort());
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('uses every permission it asks for', () => {
    const api: Record<string, RegExp> = {
      contextMenus: /browser\.contextMenus\./,
      sidePanel: /sidePanel/,
      storage: /storage\.(session|local)|storage\.defineItem/,
      unlimitedStorage: /navigator\.storage\.persist/,
      identity: /browser\.identity\.launchWebAuthFlow/,
      alarms: /browser\.alarms\./,
      notifications: /browser\.notifications\.create/,
    };
    for (const permission of m.permissions as string[])
      expect(sourceText, permission).toMatch(api[permission]!);
  });

  it('opens the agenda popup from the toolbar and keeps the side panel separate', () => {
    expect(m.action.default_popup).toBe('popup.html');
    expect(m.side_panel.default_path).toBe('sidepanel.html');
  });

  it('contains no sandbox address, eval or remote script', () => {
    const code = filesIn(CHROME)
      .filter((f) => /\.(js|html|json)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // The sandbox build's markers: its port, its sign-in paths, its demo client id.
    expect(code).not.toMatch(
      /127\.0\.0\.1:(8787|8799)|\/oauth\/(google|microsoft)\/|sandbox-google|__sandbox/,
    );
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/<script[^>]+src=["']https?:/);
  });
});

describe('production manifest (Firefox)', () => {
  it('uses the sidebar and asks for no Chrome-only permission', () => {
    const m = manifest(FIREFOX);
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
  });
});
