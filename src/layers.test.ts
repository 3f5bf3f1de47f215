import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layering the README's Architecture section describes, read from the code's own imports:
// a folder that imports one above it, or two that import each other, is caught here.

const src = path.dirname(fileURLToPath(import.meta.url));
const importPattern = /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** A file's part of kesu: `server/<feature>` (or a file at the server's top), else its top folder. */
function placeOf(file: string): string {
  const [top, next] = path.relative(src, file).split(path.sep);
  return top === "server" ? `server/${next}` : top!;
}

/** Every place and the places its source (not its tests) imports; the workbench and test kits aside. */
function importsByPlace(): Map<string, Set<string>> {
  const byPlace = new Map<string, Set<string>>();
  const files = fs.readdirSync(src, { recursive: true, encoding: "utf8" });
  for (const relative of files) {
    const file = path.join(src, relative);
    const place = placeOf(file);
    if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts") || ["web", "test"].includes(place))
      continue;
    const imported = byPlace.get(place) ?? new Set<string>();
    byPlace.set(place, imported);
    for (const [, target] of fs.readFileSync(file, "utf8").matchAll(importPattern)) {
      const other = placeOf(path.resolve(path.dirname(file), target!));
      if (other !== place) imported.add(other);
    }
  }
  return byPlace;
}

describe("layers", () => {
  const byPlace = importsByPlace();

  it("domain imports nothing of kesu's, db only domain", () => {
    expect([...byPlace.get("domain")!]).toEqual([]);
    expect([...byPlace.get("db")!]).toEqual(["domain"]);
  });

  it("no two parts import each other, directly or through others", () => {
    const reach = (from: string): Set<string> => {
      const seen = new Set<string>();
      const next = [from];
      while (next.length > 0)
        for (const other of byPlace.get(next.pop()!) ?? [])
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
      return seen;
    };
    const reaches = new Map([...byPlace.keys()].map((place) => [place, reach(place)]));
    const cycles = [...reaches].flatMap(([a, fromA]) =>
      [...fromA].filter((b) => a < b && reaches.get(b)?.has(a)).map((b) => `${a} ↔ ${b}`),
    );
    expect(cycles).toEqual([]);
  });
});
