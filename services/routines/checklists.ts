import { DateTime } from 'luxon';
import {
  db,
  searchWords,
  type ChecklistItem,
  type ChecklistRun,
  type ChecklistTemplate,
  type Task,
} from '../db/db';
import { defaultListId } from '../db/lists';
import { t, type MessageKey } from '../i18n';
import { assertOccurs, occurrencesBetween, type Anchor } from '../tasks/recurrence';

// Checklists: reusable templates whose items become tasks, one run at a time per occurrence of the
// template's schedule (or started by hand). A run copies the template's items when it starts, so
// editing the template later changes the next runs, never the running one.

interface BuiltIn {
  key: string;
  name: MessageKey;
  items: [MessageKey, number][];
  rule: string | null;
}

// Seeded once, named in the UI language until the user edits them (then their own words stay).
export const BUILT_IN_CHECKLISTS: BuiltIn[] = [
  {
    key: 'opening',
    name: 'checklistOpeningName',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA;BYHOUR=9;BYMINUTE=0',
    items: [
      ['checklistOpening1', 0],
      ['checklistOpening2', 0],
      ['checklistOpening3', 10],
      ['checklistOpening4', 15],
    ],
  },
  {
    key: 'closing',
    name: 'checklistClosingName',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA;BYHOUR=20;BYMINUTE=0',
    items: [
      ['checklistClosing1', 0],
      ['checklistClosing2', 10],
      ['checklistClosing3', 20],
      ['checklistClosing4', 30],
    ],
  },
  {
    key: 'stock',
    name: 'checklistStockName',
    rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    items: [
      ['checklistStock1', 0],
      ['checklistStock2', 60],
      ['checklistStock3', 120],
      ['checklistStock4', 180],
    ],
  },
  {
    key: 'onboarding',
    name: 'checklistOnboardingName',
    rule: null,
    items: [
      ['checklistOnboarding1', 0],
      ['checklistOnboarding2', 0],
      ['checklistOnboarding3', 24 * 60],
      ['checklistOnboarding4', 3 * 24 * 60],
      ['checklistOnboarding5', 7 * 24 * 60],
    ],
  },
];

const builtInOf = (template: Pick<ChecklistTemplate, 'builtIn'>) =>
  BUILT_IN_CHECKLISTS.find((b) => b.key === template.builtIn);

/** The template's name in the UI language (built-in, unedited) or as the user wrote it. */
export function checklistName(template: Pick<ChecklistTemplate, 'builtIn' | 'name'>): string {
  const builtIn = builtInOf(template);
  return template.name || (builtIn ? t(builtIn.name) : '');
}

/** An item's title in the UI language (built-in, unedited) or as written. */
export function itemTitle(item: ChecklistItem): string {
  if (item.title) return item.title;
  const key = BUILT_IN_CHECKLISTS.flatMap((b) => b.items).find(([k]) => k === item.id)?.[0];
  return key ? t(key) : item.id;
}

/** Seeds the built-in templates once (a deleted one does not come back). */
export async function ensureBuiltInChecklists(zone: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.checklists, db.settings, async () => {
    if (await db.settings.get('checklistsSeeded')) return;
    const start = DateTime.fromMillis(now, { zone }).toISODate()!;
    await db.checklists.bulkAdd(
      BUILT_IN_CHECKLISTS.map((b) => ({
        id: `builtin-${b.key}`,
        builtIn: b.key,
        name: '',
        items: b.items.map(([key, offsetMinutes]) => ({ id: key, title: '', offsetMinutes })),
        rule: b.rule,
        // A suggestion: eight tasks a day nobody asked for would be noise. The user turns it on.
        scheduleOn: false,
        zone,
        start,
        assignee: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await db.settings.put({ key: 'checklistsSeeded', value: true, updatedAt: now });
  });
}

export function listChecklists(): Promise<ChecklistTemplate[]> {
  return db.checklists.orderBy('id').toArray();
}

export type ChecklistChanges = Partial<
  Pick<ChecklistTemplate, 'name' | 'rule' | 'assignee' | 'scheduleOn'>
> & {
  /** Item titles, one per line as typed; offsets kept by position. */
  itemTitles?: string[];
};

/**
 * Edits a template: a new version for the runs that start from now on; running ones keep theirs.
 * A rule that never occurs is refused (throws).
 */
export async function updateChecklist(id: string, changes: ChecklistChanges, now: number = Date.now()) {
  await db.transaction('rw', db.checklists, async () => {
    const template = await db.checklists.get(id);
    if (!template) return;
    const next: ChecklistTemplate = { ...template, updatedAt: now, version: template.version + 1 };
    if (changes.name !== undefined) next.name = changes.name.trim();
    if (changes.assignee !== undefined) next.assignee = changes.assignee;
    if (changes.scheduleOn !== undefined) next.scheduleOn = changes.scheduleOn && !!next.rule;
    if (changes.rule !== undefined) {
      if (changes.rule) {
        next.start = DateTime.fromMillis(now, { zone: template.zone }).toISODate()!;
        assertOccurs({ rule: changes.rule, zone: template.zone, start: next.start }, now);
      }
      next.rule = changes.rule;
      // Setting a schedule means wanting it; removing it leaves nothing to run on.
      next.scheduleOn = !!changes.rule;
    }
    if (changes.itemTitles) {
      const titles = changes.itemTitles.map((s) => s.trim()).filter(Boolean);
      // Titles as shown (built-in ones in the UI language) become the user's own once edited.
      next.items = titles.map((title, i) => ({
        id: template.items[i]?.id ?? crypto.randomUUID(),
        title,
        offsetMinutes: template.items[i]?.offsetMinutes ?? 0,
      }));
    }
    await db.checklists.put(next);
  });
}

export async function createChecklist(name: string, zone: string, now: number = Date.now()) {
  const template: ChecklistTemplate = {
    id: crypto.randomUUID(),
    builtIn: null,
    name: name.trim(),
    items: [],
    rule: null,
    scheduleOn: false,
    zone,
    start: DateTime.fromMillis(now, { zone }).toISODate()!,
    assignee: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await db.checklists.add(template);
  return template;
}

export function deleteChecklist(id: string): Promise<void> {
  return db.checklists.delete(id);
}

/**
 * Starts a run for the occurrence `instanceAt` (once: a second call for the same occurrence returns
 * the first run). Each item becomes a task due at the start plus its offset.
 */
export async function startRun(templateId: string, instanceAt: number, now: number = Date.now()) {
  const listId = await defaultListId();
  return db.transaction('rw', db.checklists, db.checklistRuns, db.tasks, async () => {
    const existing = await db.checklistRuns
      .where('[templateId+instanceAt]')
      .equals([templateId, instanceAt])
      .first();
    if (existing) return existing;
    const template = await db.checklists.get(templateId);
    if (!template) throw new Error(t('checklistNotFound'));
    const runId = crypto.randomUUID();
    const name = checklistName(template);
    const tasks: Task[] = template.items.map((item, i) => {
      const title = itemTitle(item);
      return {
        id: `${runId}:${i}`,
        listId,
        title,
        notes: name,
        dueAt: instanceAt + item.offsetMinutes * 60_000,
        dueAllDay: false,
        remindAt: null,
        priority: 'normal',
        status: 'open',
        link: null,
        order: now + i,
        createdAt: now,
        completedAt: null,
        words: searchWords(title, name),
        assignee: template.assignee,
        checklistRunId: runId,
      };
    });
    const run: ChecklistRun = {
      id: runId,
      templateId,
      templateVersion: template.version,
      name,
      instanceAt,
      items: template.items.map((item, i) => ({ ...item, title: tasks[i]!.title, taskId: tasks[i]!.id })),
      startedAt: now,
    };
    await db.tasks.bulkAdd(tasks);
    await db.checklistRuns.add(run);
    return run;
  });
}

export interface RunProgress {
  done: number;
  total: number;
}

/** Progress of a run from its own tasks (an item whose task was deleted counts as not done). */
export async function runProgress(run: ChecklistRun): Promise<RunProgress & { tasks: (Task | undefined)[] }> {
  const tasks = await db.tasks.bulkGet(run.items.map((i) => i.taskId));
  return { done: tasks.filter((task) => task?.status === 'done').length, total: run.items.length, tasks };
}

export function recentRuns(limit = 20): Promise<ChecklistRun[]> {
  return db.checklistRuns.orderBy('instanceAt').reverse().limit(limit).toArray();
}

const anchorOf = (template: ChecklistTemplate): Anchor => ({
  rule: template.rule!,
  zone: template.zone,
  start: template.start,
});

/**
 * Starts the runs scheduled for today that have come and not started yet (a day away from the
 * browser does not make a backlog of runs: only today's count). Returns the runs started.
 */
export async function startDueRuns(now: number = Date.now()): Promise<ChecklistRun[]> {
  const started: ChecklistRun[] = [];
  for (const template of await db.checklists.toArray()) {
    if (!template.rule || !template.scheduleOn) continue;
    const dayStart = DateTime.fromMillis(now, { zone: template.zone }).startOf('day').toMillis();
    const due = occurrencesBetween(anchorOf(template), dayStart - 1, now, 10);
    const latest = due.at(-1);
    if (latest === undefined) continue;
    const exists = await db.checklistRuns
      .where('[templateId+instanceAt]')
      .equals([template.id, latest])
      .count();
    if (!exists) started.push(await startRun(template.id, latest, now));
  }
  return started;
}
