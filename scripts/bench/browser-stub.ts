// Stand-in for `wxt/browser` in the plain-page records benchmark: the measured queries never call
// extension APIs, and anything that would (reminder alarms) sees an absent API.
export const browser = { runtime: { getURL: (path: string) => path } } as unknown;
