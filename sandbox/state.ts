// STUB: replaced by the calendar sandbox work. Keeps the server compiling meanwhile.
export interface SandboxState {
  reset(): void;
  snapshot(): unknown;
}
export function createState(): SandboxState {
  return { reset() {}, snapshot: () => ({ calendars: [] }) };
}
