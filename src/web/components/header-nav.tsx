import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { appraisalNav } from "../features/appraisal/appraisal-nav";
import { useUser } from "../features/session/session";
import { pageRoles } from "../routes/page-access";
import { NavGroup, type NavItem } from "./nav-group";

type NavEntry = NavItem | { group: string; items: NavItem[] };

/** The pages this person may open, in the order of a day's work; the figures under one entry. */
function useNavEntries(): NavEntry[] {
  const { t } = useTranslation();
  const { role } = useUser();
  const page = (may: boolean, to: string, label: string) => (may ? { to, label } : null);
  return [
    page(pageRoles.intake.includes(role), "/intake", t("nav.intake")),
    page(pageRoles.handOver.includes(role), "/hand-over", t("nav.handOver")),
    { to: "/queue", label: t("nav.queue") },
    page(pageRoles.inbox.includes(role), "/inbox", t("nav.inbox")),
    page(pageRoles.approvals.includes(role), "/approvals", t("nav.approvals")),
    {
      group: t("nav.insight"),
      // Every role: the figures are scoped as the reports are (an agent's own, a department's);
      // the month's analysis for those who answer for them, everyone's improvement actions.
      items: [
        { to: "/dashboard", label: t("nav.dashboard") },
        { to: "/reports", label: t("nav.reports") },
        { to: "/appraisal", label: t(appraisalNav(role)) },
        { to: "/improvement", label: t("nav.improvement") },
      ],
    },
    // Everyone reads the 8Ds (agents too, to answer customers); the team works them.
    { to: "/quality", label: t("nav.quality") },
    { to: "/knowledge", label: t("nav.knowledge") },
    // Supervisors publish; everyone else reads what to tell callers.
    { to: "/incidents", label: t("nav.incidents") },
    page(pageRoles.transfers.includes(role), "/transfers", t("nav.transfers")),
    page(pageRoles.admin.includes(role), "/admin", t("nav.admin")),
  ].filter((entry) => entry !== null);
}

/**
 * The header's links as plain anchors: antd's Menu (overflow folding, sub-menus, tooltips) is
 * about 20 KB of gzipped script that a dozen links do not need.
 */
export function HeaderNav() {
  const entries = useNavEntries();
  const location = useLocation();
  const selected = `/${location.pathname.split("/")[1] ?? ""}`;
  return (
    <nav className="app-nav">
      {entries.map((entry) =>
        "group" in entry ? (
          <NavGroup key={entry.group} label={entry.group} items={entry.items} selected={selected} />
        ) : (
          <Link
            key={entry.to}
            to={entry.to}
            className={entry.to === selected ? "active" : undefined}
            aria-current={entry.to === selected ? "page" : undefined}
          >
            {entry.label}
          </Link>
        ),
      )}
    </nav>
  );
}
