import { Spin, Tabs } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/card";
import { lazyExport } from "../../components/lazy-export";
import { useUser } from "../session/session";
import { DepartmentsTab } from "./departments-tab";
import { ListsTab } from "./lists-tab";
import { QualityDuePolicyTab } from "./quality-due-policy-tab";
import { UsersTab } from "./users-tab";

// Its own chunk, fetched when the tab is first opened.
const AuthorityLimitsTab = lazyExport(() => import("./authority-limits-tab"), "AuthorityLimitsTab");
const CustomerMessagesTab = lazyExport(
  () => import("./customer-messages-tab"),
  "CustomerMessagesTab",
);
const SlaPoliciesTab = lazyExport(() => import("./sla-policies-tab"), "SlaPoliciesTab");
const ServiceSettingsTab = lazyExport(() => import("./service-settings-tab"), "ServiceSettingsTab");
const EscalationRiskTab = lazyExport(() => import("./escalation-risk-tab"), "EscalationRiskTab");
const HolidaysTab = lazyExport(() => import("./holidays-tab"), "HolidaysTab");
const SkillGroupsTab = lazyExport(() => import("./skill-groups-tab"), "SkillGroupsTab");
const TransferSourcesTab = lazyExport(() => import("./transfer-sources-tab"), "TransferSourcesTab");
const SuggestionsTab = lazyExport(() => import("./suggestions-tab"), "SuggestionsTab");
const HistoryImportTab = lazyExport(() => import("./history-import-tab"), "HistoryImportTab");
const ReplyTemplatesTab = lazyExport(() => import("./reply-templates-tab"), "ReplyTemplatesTab");

/** Loaded lazily: only admins ever open it, so it stays out of everyone's first page. */
export function AdminPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (user.role !== "admin") return <Card>{t("error.forbidden", { title: "" })}</Card>;
  return (
    <Card title={t("admin.title")}>
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <UsersTab /> },
          { key: "departments", label: t("admin.departments"), children: <DepartmentsTab /> },
          { key: "lists", label: t("admin.lists"), children: <ListsTab /> },
          {
            key: "authority",
            label: t("authority.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <AuthorityLimitsTab />
              </Suspense>
            ),
          },
          {
            key: "sla-policies",
            label: t("slaPolicies.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <SlaPoliciesTab />
              </Suspense>
            ),
          },
          {
            key: "service-settings",
            label: t("serviceSettings.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <ServiceSettingsTab />
              </Suspense>
            ),
          },
          {
            key: "escalation-risk",
            label: t("riskSettings.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <EscalationRiskTab />
              </Suspense>
            ),
          },
          {
            key: "holidays",
            label: t("holidays.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <HolidaysTab />
              </Suspense>
            ),
          },
          {
            key: "quality",
            label: t("admin.qualityDuePolicy"),
            children: <QualityDuePolicyTab />,
          },
          {
            key: "skill-groups",
            label: t("routing.groups"),
            children: (
              <Suspense fallback={<Spin />}>
                <SkillGroupsTab />
              </Suspense>
            ),
          },
          {
            key: "templates",
            label: t("admin.templates"),
            children: (
              <Suspense fallback={<Spin />}>
                <ReplyTemplatesTab />
              </Suspense>
            ),
          },
          {
            key: "transfer-sources",
            label: t("transferSources.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <TransferSourcesTab />
              </Suspense>
            ),
          },
          {
            key: "history-import",
            label: t("historyImport.title"),
            children: (
              <Suspense fallback={<Spin />}>
                <HistoryImportTab />
              </Suspense>
            ),
          },
          {
            key: "customer-messages",
            label: t("admin.customerMessages"),
            children: (
              <Suspense fallback={<Spin />}>
                <CustomerMessagesTab />
              </Suspense>
            ),
          },
          {
            key: "suggestions",
            label: t("suggestions.tab"),
            children: (
              <Suspense fallback={<Spin />}>
                <SuggestionsTab />
              </Suspense>
            ),
          },
        ]}
      />
    </Card>
  );
}
