import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ListTable } from "./list-table";
import { ErrorAlert } from "./query-state";

interface Refused {
  row: number;
  /** The row's number in the file's own system. */
  number: string | null;
  reasons: readonly string[];
  detail?: string | undefined;
}

/** An import's answer, as the server's import reports share it (src/server/http/import-report.ts). */
interface Report<R> {
  total: number;
  taken: readonly unknown[];
  alreadyImported: readonly unknown[];
  refused: readonly R[];
}

/**
 * What an upload of a file came to: the upload's own refusal (no file, too large, unreadable), or
 * how many rows the import took, had taken before and refused, and each refused row with its
 * number in the file's own system (`numberOf`) and its reasons in the user's words (`reasonKey`
 * + reason code).
 */
export function ImportOutcome<R extends Omit<Refused, "number">>({
  error,
  report,
  numberOf,
  numberTitle,
  reasonKey,
}: {
  error: unknown;
  report: Report<R> | undefined;
  numberOf: (row: R) => string | null;
  numberTitle: string;
  reasonKey: string;
}) {
  const { t } = useTranslation();
  const refused: Refused[] = (report?.refused ?? []).map((r) => ({ ...r, number: numberOf(r) }));
  return (
    <div style={{ marginTop: 12 }}>
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        report && (
          <div data-testid="import-report">
            <Typography.Paragraph>
              {t("transfers.summary", {
                total: report.total,
                taken: report.taken.length,
                already: report.alreadyImported.length,
                refused: refused.length,
              })}
            </Typography.Paragraph>
            {refused.length > 0 && (
              <ListTable
                rowKey="row"
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
        )
      )}
    </div>
  );
}
