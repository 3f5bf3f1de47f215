import { Button, Form } from "antd";
import DisabledContext from "antd/es/config-provider/DisabledContext";
import { type ReactNode, useContext } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/card";

/**
 * A repeated part of a record (team members, actions, causes, options): one small card per row
 * with its fields, a remove button and an add button, all off when the form is read-only.
 */
export function ListRows({
  name,
  label,
  newRow,
  children,
}: {
  name: string | (string | number)[];
  label: string;
  newRow: () => unknown;
  children: (row: number) => ReactNode;
}) {
  const { t } = useTranslation();
  // The form is disabled for those who only read the 8D (agents, people off the team).
  const disabled = useContext(DisabledContext);
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`${label} ${i + 1}`}
                extra={
                  !disabled && (
                    <Button size="small" type="link" danger onClick={() => remove(row.name)}>
                      {t("quality.remove")}
                    </Button>
                  )
                }
              >
                {children(row.name)}
              </Card>
            ))}
            {!disabled && (
              <Button type="dashed" onClick={() => add(newRow())}>
                {t("quality.add", { what: label })}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
