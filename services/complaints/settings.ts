import { IANAZone } from 'luxon';
import { z } from 'zod';
import { db, type Severity } from '../db/db';
import { ComplaintError } from './errors';
import { getProfile } from '../profile';

// Complaint settings are records in `db.settings` (editable from options), each validated on read so
// a damaged or older record falls back to the defaults instead of breaking the SLA clock.

export const BUILT_IN_CATEGORIES = ['product', 'delivery', 'billing', 'service', 'staff', 'other'] as const;
export type BuiltInCategory = (typeof BUILT_IN_CATEGORIES)[number];

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const span = z.object({ start: hhmm, end: hhmm });

export const businessHoursSchema = z.object({
  /** IANA zone, e.g. Europe/Madrid. */
  zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'Unknown time zone'),
  /** Luxon weekday (1 = Monday … 7 = Sunday) → opening spans in local wall-clock time. */
  week: z.record(z.string().regex(/^[1-7]$/), z.array(span)),
  /** Closed local dates, YYYY-MM-DD. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const target = z.object({ value: z.number().positive(), unit: z.enum(['hours', 'days']) });
export type SlaTarget = z.infer<typeof target>;
const severityTargets = z.object({ firstResponse: target, resolution: target });
export const slaTargetsSchema = z.object({
  critical: severityTargets,
  high: severityTargets,
  medium: severityTargets,
  low: severityTargets,
});
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

export const SETTING_KEYS = {
  categories: 'complaintCategories',
  slaTargets: 'slaTargets',
  businessHours: 'businessHours',
} as const;

const weekdays = { start: '09:00', end: '18:00' };
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  zone: 'Europe/Madrid',
  week: { '1': [weekdays], '2': [weekdays], '3': [weekdays], '4': [weekdays], '5': [weekdays] },
  holidays: [],
};

export const DEFAULT_SLA_TARGETS: SlaTargets = {
  critical: { firstResponse: { value: 2, unit: 'hours' }, resolution: { value: 1, unit: 'days' } },
  high: { firstResponse: { value: 4, unit: 'hours' }, resolution: { value: 2, unit: 'days' } },
  medium: { firstResponse: { value: 1, unit: 'days' }, resolution: { value: 5, unit: 'days' } },
  low: { firstResponse: { value: 2, unit: 'days' }, resolution: { value: 10, unit: 'days' } },
};

export interface ComplaintSettings {
  categories: string[];
  sla: SlaTargets;
  hours: BusinessHours;
}

async function read<T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  const parsed = schema.safeParse(record?.value);
  return parsed.success ? parsed.data : fallback;
}

const categoriesSchema = z.array(z.string().trim().min(1).max(60)).min(1);

export function getCategories(): Promise<string[]> {
  return read(SETTING_KEYS.categories, categoriesSchema, [...BUILT_IN_CATEGORIES]);
}

export async function setCategories(categories: string[]): Promise<void> {
  const unique = [...new Set(categories.map((c) => c.trim()).filter(Boolean))];
  const value = categoriesSchema.parse(unique);
  await db.settings.put({ key: SETTING_KEYS.categories, value, updatedAt: Date.now() });
}

export function getSlaTargets(): Promise<SlaTargets> {
  return read(SETTING_KEYS.slaTargets, slaTargetsSchema, DEFAULT_SLA_TARGETS);
}

export async function setSlaTargets(targets: SlaTargets): Promise<void> {
  const value = slaTargetsSchema.parse(targets);
  await db.settings.put({ key: SETTING_KEYS.slaTargets, value, updatedAt: Date.now() });
}

/**
 * The hours the SLA clock runs in: a `businessHours` record when one was saved (complaints desk
 * hours that differ from the office's), else the business profile set in options (zone, weekly
 * hours, holidays), else the defaults.
 */
export async function getBusinessHours(): Promise<BusinessHours> {
  const own = businessHoursSchema.safeParse((await db.settings.get(SETTING_KEYS.businessHours))?.value);
  if (own.success) return own.data;
  const profile = await getProfile();
  const fromProfile = businessHoursSchema.safeParse({
    zone: profile.timeZone,
    week: profile.workingHours,
    holidays: profile.holidays,
  });
  return fromProfile.success ? fromProfile.data : DEFAULT_BUSINESS_HOURS;
}

export async function setBusinessHours(hours: BusinessHours): Promise<void> {
  const value = businessHoursSchema.parse(hours);
  await db.settings.put({ key: SETTING_KEYS.businessHours, value, updatedAt: Date.now() });
}

export async function getComplaintSettings(): Promise<ComplaintSettings> {
  const [categories, sla, hours] = await Promise.all([getCategories(), getSlaTargets(), getBusinessHours()]);
  return { categories, sla, hours };
}

function valid<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ComplaintError('bad-field', [field, ...(issue?.path ?? [])].join('.'));
}

/** Validates both records first, then stores them together: a bad value changes nothing. */
export async function saveComplaintSettings(
  settings: Pick<ComplaintSettings, 'categories' | 'sla'>,
): Promise<void> {
  const categories = valid(
    categoriesSchema,
    [...new Set(settings.categories.map((c) => c.trim()).filter(Boolean))],
    'categories',
  );
  const sla = valid(slaTargetsSchema, settings.sla, 'sla');
  const updatedAt = Date.now();
  await db.settings.bulkPut([
    { key: SETTING_KEYS.categories, value: categories, updatedAt },
    { key: SETTING_KEYS.slaTargets, value: sla, updatedAt },
  ]);
}
