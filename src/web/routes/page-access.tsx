import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  canCreateComplaints,
  canImportTransfers,
  canManageStaff,
  type Role,
  roles,
} from "../../domain/access/roles";
import { LazyResult } from "../components/lazy-result";
import { useUser } from "../features/session/session";

/**
 * Who may open each page (the server refuses the same people on its endpoints): the menu offers
 * only these, and an address typed in anyway says why it stays closed.
 */
export const pageRoles: Record<
  "intake" | "handOver" | "inbox" | "approvals" | "admin" | "transfers",
  readonly Role[]
> = {
  intake: roles.filter(canCreateComplaints),
  // 转客服中心: departments hand what they hear to the center (the center registers its own).
  handOver: ["department_handler"] satisfies Role[],
  // Quality reviews cases, it does not work departments' orders.
  inbox: roles.filter((role) => role !== "quality"),
  // Who decides remedies above others' authority (a specialist approves an agent's) and
  // supervisors' extensions.
  approvals: ["specialist", "supervisor", "admin"] satisfies Role[],
  admin: roles.filter(canManageStaff),
  transfers: roles.filter(canImportTransfers),
};
export type GuardedPage = keyof typeof pageRoles;

export function PageGate({ page, children }: { page: GuardedPage; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  if (pageRoles[page].includes(user.role)) return children;
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  return (
    <LazyResult
      status="403"
      title={t("error.pageForbidden", { page: t(`nav.${page}`) })}
      subTitle={t("error.pageRoles", {
        roles: list.format(pageRoles[page].map((role) => t(`role.${role}`))),
        role: t(`role.${user.role}`),
      })}
      data-testid="forbidden"
    />
  );
}
