import { authorityLimits } from "../../db/schema.js";
import { type AuthorityLimit, grantingRoles } from "../../domain/remedy/authority.js";
import { fenFromYuan, yuanFromFen } from "../../domain/remedy/money.js";
import { remedyTypes } from "../../domain/remedy/remedy.js";
import { mayReadAuthorityLimits } from "../../domain/remedy/remedy-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { settingRoutes } from "../auth/setting-routes.js";
import { fieldInvalid } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { authorityLimitsBody, authorityLimitsSchema } from "./remedy.schemas.js";
import { loadAuthorityLimits } from "./remedy-store.js";

const yuanOrUnlimited = (fen: number | null) => (fen === null ? null : yuanFromFen(fen));
const fenOrUnlimited = (yuan: string | null) => (yuan === null ? null : fenFromYuan(yuan)!);

/** The table in a fixed order: roles lowest first, then the remedy types as the domain lists them. */
function presentLimits(rows: readonly AuthorityLimit[]) {
  const order = (l: AuthorityLimit) =>
    grantingRoles.indexOf(l.role as (typeof grantingRoles)[number]) * 10 +
    remedyTypes.indexOf(l.type);
  return {
    items: [...rows]
      .sort((a, b) => order(a) - order(b))
      .map((l) => ({
        role: l.role as (typeof grantingRoles)[number],
        type: l.type,
        perCase: yuanOrUnlimited(l.perCaseFen),
        monthly: yuanOrUnlimited(l.monthlyFen),
      })),
  };
}

/** 授权额度: read by everyone who grants or checks grants, replaced as a whole by admins. */
export async function authorityLimitRoutes(app: App) {
  settingRoutes(app, {
    path: "/authority-limits",
    tags: ["remedies"],
    summaries: {
      read: "How much each role may grant on the spot, per case and per person per month",
      replace:
        "Replace the authority limits (admin); a role and type left out may grant none of it",
    },
    shown: authorityLimitsSchema,
    body: authorityLimitsBody,
    readableBy: mayReadAuthorityLimits,
    read: async (db) => presentLimits(await loadAuthorityLimits(db)),
    async replace(tx, caller, { items }) {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = `${item.role}/${item.type}`;
        if (seen.has(key)) throw fieldInvalid(`body.items.${i}`, "duplicate_limit");
        seen.add(key);
      });
      const rows = items.map((item) => ({
        role: item.role,
        type: item.type,
        perCaseFen: fenOrUnlimited(item.perCase),
        monthlyFen: fenOrUnlimited(item.monthly),
      }));
      const before = await tx.select().from(authorityLimits).for("update");
      await tx.delete(authorityLimits);
      if (rows.length > 0) await tx.insert(authorityLimits).values(rows);
      await recordAudit(tx, caller, "update", "authority_limits", "all", {
        before: presentLimits(before).items,
        after: presentLimits(rows).items,
      });
      return presentLimits(rows);
    },
  });
}
