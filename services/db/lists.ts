import { db, type TaskList } from './db';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';

const BUILT_IN: { kind: NonNullable<TaskList['builtIn']>; label: MessageKey }[] = [
  { kind: 'today', label: 'listToday' },
  { kind: 'manager', label: 'listManager' },
  { kind: 'followups', label: 'listFollowups' },
];

/** Creates the default lists on first use, named in the current UI language. */
export async function ensureDefaultLists(): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    if ((await db.lists.count()) > 0) return;
    await db.lists.bulkAdd(
      BUILT_IN.map((b, order) => ({
        id: crypto.randomUUID(),
        name: t(b.label),
        builtIn: b.kind,
        order,
        createdAt: Date.now(),
      })),
    );
  });
}

export function orderedLists(): Promise<TaskList[]> {
  return db.lists.orderBy('order').toArray();
}

export async function defaultListId(): Promise<string> {
  await ensureDefaultLists();
  const first = await db.lists.orderBy('order').first();
  if (!first) throw new Error('No task list exists after creating the defaults');
  return first.id;
}
