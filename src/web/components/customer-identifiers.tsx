import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";

type Identifiers = { phone: string | null; idNumber: string | null; accountNo: string | null };

/** Phone, ID and account number as the API sent them (masked for roles that may not see them). */
export function CustomerIdentifiers({
  customer,
  columns,
}: {
  customer: Identifiers;
  columns: number;
}) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={columns} className="dense">
      <Descriptions.Item label={t("field.phone")}>{customer.phone ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("field.idNumber")}>{customer.idNumber ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("field.accountNo")}>
        {customer.accountNo ?? "—"}
      </Descriptions.Item>
    </Descriptions>
  );
}
