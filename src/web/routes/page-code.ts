// A link that fetches a screen's code ahead names the screen; the route table registers how each
// screen is loaded. Features then need not import the route table, which lazily imports every
// feature: that made one circle of the case page, its links and the routes.
const loaders = new Map<string, () => Promise<unknown>>();

/** The route table's loaders, by screen name. */
export function registerPageCode(table: Record<string, () => Promise<unknown>>) {
  for (const [name, load] of Object.entries(table)) loaders.set(name, load);
}

/** Starts loading a screen's code; nothing when the routes have not registered it yet. */
export function preloadPageCode(name: string) {
  void loaders.get(name)?.();
}
