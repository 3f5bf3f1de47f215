import { useQuery } from "@tanstack/react-query";
import { Button, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { slaTargetNames } from "../../../domain/sla/sla-policy";
import { api } from "../../api/client";
import type { SlaPolicy } from "../../api/types";
import { QueryState } from "../../components/query-state";
import { useTermLabel } from "../lists/lists";
import { SlaPolicyForm } from "./sla-policy-form";

const policiesQuery = {
  queryKey: ["sla-policies"],
  queryFn: () => api.get<{ items: SlaPolicy[] }>("/sla/policies"),
};

/**
 * 时限政策: the SLA policies in matching order, each with what it applies to, its targets, its
 * warning share and extension; an admin adds one or edits one in a dialog.
 */
export function SlaPoliciesTab() {
  const { t } = useTranslation();
  const query = useQuery(policiesQuery);
  const category = useTermLabel("category");
  const [editing, setEditing] = useState<SlaPolicy | "new" | null>(null);
  const items = query.data?.items ?? [];
  const nextOrder = Math.max(0, ...items.map((p) => p.order)) + 10;
  const target = (x: { amount: number; unit: string }) =>
    `${x.amount} ${t(`quality.units.${x.unit}`)}`;
  const scope = (p: SlaPolicy) => {
    const parts = [
      ...(p.match.kinds ?? []).map((k) => t(`kind.${k}`)),
      ...(p.match.severities ?? []).map((s) => t(`severity.${s}`)),
      ...(p.match.categories ?? []).map(category),
      ...(p.match.channels ?? []),
    ];
    return parts.length ? parts.join("、") : t("slaPolicies.matchAll");
  };
  return (
    <QueryState query={query}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Space>
          <Button type="primary" onClick={() => setEditing("new")}>
            {t("slaPolicies.new")}
          </Button>
          <Typography.Text type="secondary">{t("slaPolicies.hint")}</Typography.Text>
        </Space>
        <table className="plain-table" data-testid="sla-policies">
          <thead>
            <tr>
              <th>{t("slaPolicies.order")}</th>
              <th>{t("slaPolicies.name")}</th>
              <th>{t("slaPolicies.match")}</th>
              <th>{t("slaPolicies.targets")}</th>
              <th>{t("slaPolicies.warnAtShare")}</th>
              <th>{t("slaPolicies.extension")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid="sla-policy">
                <td>{p.order}</td>
                <td>
                  {p.name}{" "}
                  <Tag color={p.active ? "green" : undefined}>
                    {t(p.active ? "slaPolicies.active" : "slaPolicies.inactive")}
                  </Tag>
                </td>
                <td>{scope(p)}</td>
                <td>
                  {slaTargetNames
                    .filter((name) => p.targets[name])
                    .map((name) => (
                      <div key={name}>
                        {t(`sla.clock.${name}`)} {target(p.targets[name]!)}
                      </div>
                    ))}
                </td>
                <td>{p.warnAtShare ?? t("slaPolicies.noTarget")}</td>
                <td>
                  {p.extension
                    ? `${target(p.extension.max)} · ${t(`slaPolicies.approvers.${p.extension.approver}`)}`
                    : t("slaPolicies.noTarget")}
                </td>
                <td>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t("slaPolicies.edit")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Space>
      {editing && (
        <SlaPolicyForm
          policy={editing === "new" ? null : editing}
          nextOrder={nextOrder}
          onClose={() => setEditing(null)}
        />
      )}
    </QueryState>
  );
}
