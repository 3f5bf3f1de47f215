import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** The department a work order went to, marked when it leads the case (主办). */
export function OrderDepartment({ order }: { order: { departmentName: string; lead: boolean } }) {
  const { t } = useTranslation();
  return (
    <>
      {order.departmentName} {order.lead && <Tag color="blue">{t("field.lead")}</Tag>}
    </>
  );
}
