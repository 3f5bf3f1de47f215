import type { TFunction } from "i18next";

/**
 * A select's options for codes the user reads by name: each code with its message `prefix.code`
 * (`severity.high` → 高), in the order given.
 */
export function codeOptions<C extends string>(t: TFunction, prefix: string, codes: readonly C[]) {
  return codes.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
