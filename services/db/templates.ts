import * as z from 'zod/mini';
import { db, type TemplateRecord } from './db';
import { seedTemplates } from '../assistant/seed-templates';
import { EARLIER_SEEDS, templateFingerprint } from '../assistant/seed-history';
import { templateVariables, isKnownVariable } from '../assistant/templates';
import { INTENTS } from '../assistant/types';

/**
 * Puts the built-in templates in the library: on first run all of them, later the built-ins the
 * library has never had. A built-in the user never edited (its text is one this code seeded) is
 * brought up to the current text; a user's edits and deletions of built-ins are kept.
 */
export async function ensureSeedTemplates(): Promise<{ added: number; updated: number }> {
  return db.transaction('rw', db.templates, db.settings, async () => {
    const seen = new Set(((await db.settings.get('seededTemplates'))?.value as string[] | undefined) ?? []);
    // What this library was last seeded with, by id: an edit changes the fingerprint.
    const seededAs = ((await db.settings.get('seededTemplateFingerprints'))?.value ?? {}) as Record<
      string,
      string
    >;
    const seeds = seedTemplates();
    const fresh = seeds.filter((t) => !seen.has(t.id));
    const stored = await db.templates.bulkGet(seeds.map((t) => t.id));
    const stale = seeds.filter((seed, i) => {
      const have = stored[i];
      if (!have || !have.builtIn || !seen.has(seed.id)) return false;
      const current = templateFingerprint(have);
      if (current === templateFingerprint(seed)) return false;
      return current === seededAs[seed.id] || (EARLIER_SEEDS[seed.id] ?? []).includes(current);
    });
    const fingerprints = Object.fromEntries(seeds.map((t) => [t.id, templateFingerprint(t)]));
    const changedPrints = seeds.some((t) => seededAs[t.id] !== fingerprints[t.id]);
    if (fresh.length === 0 && stale.length === 0 && !changedPrints) return { added: 0, updated: 0 };
    if (fresh.length || stale.length) await db.templates.bulkPut([...fresh, ...stale]);
    const now = Date.now();
    await db.settings.put({
      key: 'seededTemplates',
      value: [...seen, ...fresh.map((t) => t.id)],
      updatedAt: now,
    });
    // Only ids still as seeded keep a fingerprint to compare with next time; edited ones never match.
    await db.settings.put({ key: 'seededTemplateFingerprints', value: fingerprints, updatedAt: now });
    return { added: fresh.length, updated: stale.length };
  });
}

export function allTemplates(): Promise<TemplateRecord[]> {
  return db.templates.toArray();
}

/** Variables a body uses that drafting does not know (typos like {{custmer.name}}). */
export function unknownVariables(body: string): string[] {
  return templateVariables(body).filter((v) => !isKnownVariable(v));
}

export async function saveTemplate(template: TemplateRecord): Promise<void> {
  if (!template.name.trim()) throw new Error('A template needs a name');
  if (!template.body.trim()) throw new Error('A template needs a text');
  await db.templates.put({ ...template, updatedAt: Date.now() });
}

export async function duplicateTemplate(id: string, copySuffix: string): Promise<TemplateRecord> {
  const original = await db.templates.get(id);
  if (!original) throw new Error('Template not found');
  const copy = {
    ...original,
    id: crypto.randomUUID(),
    name: `${original.name} ${copySuffix}`,
    builtIn: false,
    updatedAt: Date.now(),
  };
  await db.templates.add(copy);
  return copy;
}

export function deleteTemplate(id: string): Promise<void> {
  return db.templates.delete(id);
}

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.enum(['es', 'en']),
  intent: z.enum(INTENTS),
  tone: z.enum(['formal', 'friendly']),
  body: z.string(),
  updatedAt: z.number(),
  builtIn: z.boolean(),
  commitments: z.optional(z.array(z.enum(['refund', 'compensation', 'replacement']))),
  decision: z.optional(z.enum(['refund', 'replacement', 'decline'])),
  conditional: z.optional(z.boolean()),
});
const exportSchema = z.object({
  format: z.literal('ops-assistant/templates'),
  version: z.literal(1),
  templates: z.array(templateSchema),
});

export async function exportTemplates(): Promise<string> {
  return JSON.stringify(
    { format: 'ops-assistant/templates', version: 1, templates: await allTemplates() },
    null,
    2,
  );
}

/** Merges by id (newer wins); refuses files that are not a template export, changing nothing. */
export async function importTemplates(text: string): Promise<{ added: number; updated: number }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('not-json');
  }
  const parsed = z.safeParse(exportSchema, raw);
  if (!parsed.success) throw new Error('not-ours');
  let added = 0;
  let updated = 0;
  await db.transaction('rw', db.templates, async () => {
    for (const t of parsed.data.templates) {
      const existing = await db.templates.get(t.id);
      if (!existing) added++;
      else if (existing.updatedAt < t.updatedAt) updated++;
      else continue;
      await db.templates.put(t as TemplateRecord);
    }
  });
  return { added, updated };
}
