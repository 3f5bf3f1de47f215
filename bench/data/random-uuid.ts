import type { Random } from "../../src/demo/seeded-random.js";

/** A version-4-shaped UUID from the seeded source, so the same seed gives the same ids. */
export function randomUuid(rng: Random): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join("");
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
