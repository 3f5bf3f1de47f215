import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";

interface Refused {
  row: number;
  /** The row's number in the file's own system. */
  number: string | null;
  reasons: readonly string[];
  detail?: string | undefined;
}

/**
 * What an import did with a file: how many rows it took, had taken before and refused, and each
 * refused row with its reasons in the user's words (`reasonKey` + reason code).
 */
export function ImportOutcome({
  total,
  taken,
  already,
  refused,
  numberTitle,
  reasonKey,
}: {
  total: number;
  taken: number;
  already: number;
  refused: readonly Refused[];
  numberTitle: string;
  reasonKey: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-report">
      <Typography.Paragraph>
        {t("transfers.summary", { total, taken, already, refused: refused.length })}
      </Typography.Paragraph>
      {refused.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          dataSource={refused}
          columns={[
            { title: t("transfers.row"), dataIndex: "row", width: 80 },
            { title: numberTitle, dataIndex: "number" },
            {
              title: t("transfers.reasons"),
              render: (_, r) =>
                r.reasons
                  .map((reason) => t(`${reasonKey}.${reason}`))
                  .concat(r.detail ? [r.detail] : [])
                  .join("；"),
            },
          ]}
        />
      )}
    </div>
  );
}
