import { useQuery } from "@tanstack/react-query";
import { Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { CustomerIdentifiers } from "../../components/customer-identifiers";
import { PlainList } from "../../components/plain-list";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "./case-link";
import { customerCasesQuery } from "./complaint-query";
import { CustomerEdit } from "./customer-edit";

/** Who complains and what else they have raised; masked values are shown exactly as the API sent them. */
export function CustomerPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const customer = complaint.customer;
  const others = useQuery(customerCasesQuery(customer.id));
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("complaint.customer")}: {customer.name}
          {customer.masked && <Tag>{t("complaint.masked")}</Tag>}
        </Space>
      }
      // Roles that see the customer's identity are the ones that answer them and may correct it.
      extra={!customer.masked && <CustomerEdit complaint={complaint} />}
    >
      <CustomerIdentifiers customer={customer} columns={1} />
      {(customer.email || customer.address) && (
        <Descriptions size="small" column={1} className="dense">
          {customer.email && (
            <Descriptions.Item label={t("customerEdit.email")}>{customer.email}</Descriptions.Item>
          )}
          {customer.address && (
            <Descriptions.Item label={t("customerEdit.address")}>
              {customer.address}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <PlainList
        header={t("complaint.history")}
        loading={others.isLoading}
        items={(others.data?.items ?? []).filter((c) => c.id !== complaint.id)}
        empty={t("common.empty")}
        renderItem={(c) => (
          <li key={c.id}>
            <Space wrap size={4}>
              <CaseLink id={c.id}>{c.number}</CaseLink>
              <StatusTag status={c.status} />
              {c.subject}
              <span style={{ color: "#999" }}>{formatTime(c.createdAt)}</span>
            </Space>
          </li>
        )}
      />
    </Card>
  );
}
