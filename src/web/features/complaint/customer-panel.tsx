import { useQuery } from "@tanstack/react-query";
import { Card, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, queryString } from "../../api/client";
import type { Complaint, ComplaintListItem, Page } from "../../api/types";
import { CustomerIdentifiers } from "../../components/customer-identifiers";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/i18n";

/** Who complains and what else they have raised; masked values are shown exactly as the API sent them. */
export function CustomerPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const customer = complaint.customer;
  const others = useQuery({
    queryKey: ["complaints", { customerId: customer.id }],
    queryFn: () =>
      api.get<Page<ComplaintListItem>>(
        `/complaints${queryString({ customerId: customer.id, limit: 10 })}`,
      ),
  });
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("complaint.customer")}: {customer.name}
          {customer.masked && <Tag>{t("complaint.masked")}</Tag>}
        </Space>
      }
    >
      <CustomerIdentifiers customer={customer} columns={1} />
      <List
        size="small"
        header={t("complaint.history")}
        loading={others.isLoading}
        dataSource={(others.data?.items ?? []).filter((c) => c.id !== complaint.id)}
        locale={{ emptyText: t("common.empty") }}
        renderItem={(c) => (
          <List.Item>
            <Space wrap size={4}>
              <Link to={`/complaints/${c.id}`}>{c.number}</Link>
              <StatusTag status={c.status} />
              {c.subject}
              <span style={{ color: "#999" }}>{formatTime(c.createdAt)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
