import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { TeamSharing } from './TeamSharing';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';

beforeEach(async () => {
  cleanup();
  setLocale('en');
  await db.delete();
  await db.open();
});

describe('Options → Team sharing', () => {
  it('on a fresh install, offers the default lists without the tasks page having been opened', async () => {
    expect(await db.lists.count()).toBe(0);
    render(<TeamSharing />);
    await screen.findByRole('group', { name: 'Follow-ups' });
    expect(await db.lists.count()).toBeGreaterThanOrEqual(3);
  });
});
