import { db, searchWords, type TaskList } from './db';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { syncReminderAlarm } from '../tasks/reminders';

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

/**
 * The name to show: a built-in list follows the UI language until the user renames it (renaming
 * clears `builtIn`), so switching to Spanish turns "Today" into "Hoy".
 */
export function listName(list: Pick<TaskList, 'name' | 'builtIn'>): string {
  const builtIn = BUILT_IN.find((b) => b.kind === list.builtIn);
  return builtIn ? t(builtIn.label) : list.name;
}

/** Names a list answers to in quick add and CSV import: its own, and a built-in's in en and es. */
const BUILT_IN_ALIASES: Record<NonNullable<TaskList['builtIn']>, string[]> = {
  today: ['my day', 'mi día', 'today', 'hoy'],
  manager: ['manager requests', 'manager', 'encargos del gerente', 'gerente', 'encargos'],
  followups: ['follow-ups', 'followups', 'follow ups', 'seguimientos', 'seguimiento'],
};

const compact = (text: string) => searchWords(text).join('');

/**
 * The list a typed name refers to: exact name first (accents and punctuation ignored), then a
 * built-in alias, then a list with a word starting with it ("#gerente" → "Encargos del gerente").
 */
export function matchList(lists: readonly TaskList[], typed: string): TaskList | undefined {
  const wanted = compact(typed);
  if (!wanted) return undefined;
  return (
    lists.find((l) => compact(l.name) === wanted || compact(listName(l)) === wanted) ??
    lists.find((l) => l.builtIn && BUILT_IN_ALIASES[l.builtIn].some((a) => compact(a) === wanted)) ??
    lists.find((l) => searchWords(listName(l), l.name).some((w) => w.startsWith(wanted)))
  );
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

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, 80);
  if (!clean) throw new Error(t('listErrorEmptyName'));
  return clean;
}

export async function createList(name: string): Promise<TaskList> {
  // The defaults come first, or a user's first own list would stop them from ever being created.
  await ensureDefaultLists();
  const list: TaskList = {
    id: crypto.randomUUID(),
    name: cleanName(name),
    builtIn: null,
    order: 0,
    createdAt: Date.now(),
  };
  await db.transaction('rw', db.lists, async () => {
    const last = await db.lists.orderBy('order').last();
    list.order = (last?.order ?? -1) + 1;
    await db.lists.add(list);
  });
  return list;
}

export async function renameList(id: string, name: string): Promise<void> {
  const updated = await db.lists.update(id, { name: cleanName(name), builtIn: null });
  if (!updated) throw new Error(t('listErrorNotFound'));
}

/** Puts the lists in the given order; ids not given keep their relative order after them. */
export async function reorderLists(ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const all = await db.lists.orderBy('order').toArray();
    const given = ids.map((id) => all.find((l) => l.id === id)).filter((l) => l !== undefined);
    const rest = all.filter((l) => !ids.includes(l.id));
    await db.lists.bulkPut([...given, ...rest].map((l, order) => ({ ...l, order })));
  });
}

/** Moves a list one place up (-1) or down (+1); at either end it stays. */
export async function moveList(id: string, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const ids = (await db.lists.orderBy('order').toArray()).map((l) => l.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await reorderLists(ids);
  });
}

export type DeleteListChoice = { moveTasksTo: string } | { deleteTasks: true };

/**
 * Deletes a list and, as the user chose, moves its tasks to another list (at its end) or deletes
 * them. The last list cannot go: every task needs a list. Returns how many tasks were affected.
 */
export async function deleteList(id: string, choice: DeleteListChoice): Promise<number> {
  const affected = await db.transaction('rw', db.lists, db.tasks, async () => {
    if (!(await db.lists.get(id))) throw new Error(t('listErrorNotFound'));
    if ((await db.lists.count()) <= 1) throw new Error(t('listErrorLast'));
    const tasks = await db.tasks.where('listId').equals(id).sortBy('order');
    if ('moveTasksTo' in choice) {
      if (choice.moveTasksTo === id || !(await db.lists.get(choice.moveTasksTo)))
        throw new Error(t('listErrorNotFound'));
      const last = await db.tasks.where('listId').equals(choice.moveTasksTo).reverse().sortBy('order');
      const base = (last[0]?.order ?? 0) + 1;
      await db.tasks.bulkPut(
        tasks.map((task, i) => ({ ...task, listId: choice.moveTasksTo, order: base + i })),
      );
    } else {
      await db.tasks.bulkDelete(tasks.map((task) => task.id));
    }
    await db.lists.delete(id);
    return tasks.length;
  });
  if ('deleteTasks' in choice && affected > 0) await syncReminderAlarm();
  return affected;
}
