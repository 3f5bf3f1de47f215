import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Descriptions, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  type SuggestionField,
  suggestionFields,
} from "../../../domain/suggestion/suggestion-model";
import { api } from "../../api/client";
import type { ModelSummary } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";

type Training = NonNullable<ModelSummary["current"]>;

const share = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * How well intake's suggestions do: for each field, on closed cases held out of the training,
 * how often the first (and any of three) was right, beside always answering the commonest value.
 */
export function SuggestionsTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["suggestion-model"],
    queryFn: () => api.get<ModelSummary>("/suggestions/model"),
  });
  const retrain = useMutation({
    mutationFn: () => api.post<ModelSummary>("/suggestions/model"),
    onSuccess: (summary) => {
      client.setQueryData(["suggestion-model"], summary);
      void client.invalidateQueries({ queryKey: ["suggestions"] });
      void message.success(t("suggestions.retrained"));
    },
  });
  const current = query.data?.current;
  return (
    <QueryState query={query}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Button type="primary" loading={retrain.isPending} onClick={() => retrain.mutate()}>
          {t("suggestions.retrain")}
        </Button>
        {!current && <Typography.Text>{t("suggestions.never")}</Typography.Text>}
        {current && (
          <>
            <Descriptions size="small" title={t("suggestions.current")} column={2}>
              <Descriptions.Item label={t("suggestions.trainedAt")}>
                {formatTime(current.trainedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t("suggestions.trigger")}>
                {t(`suggestions.triggers.${current.trigger}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("suggestions.casesUsed")}>
                {current.casesUsed}
              </Descriptions.Item>
              <Descriptions.Item label={t("suggestions.heldOut")}>
                {current.heldOut}
              </Descriptions.Item>
              <Descriptions.Item label={t("suggestions.since")}>
                {formatTime(current.since)}
              </Descriptions.Item>
            </Descriptions>
            <ListTable
              rowKey="field"
              dataSource={suggestionFields.map((field) => ({ field, ...current.accuracy[field] }))}
              columns={[
                {
                  title: t("suggestions.field"),
                  dataIndex: "field",
                  render: (f: SuggestionField) => t(`suggestions.fields.${f}`),
                },
                { title: t("suggestions.top1"), dataIndex: "top1", render: share },
                { title: t("suggestions.top3"), dataIndex: "top3", render: share },
                { title: t("suggestions.baseline"), dataIndex: "baseline", render: share },
                { title: t("suggestions.cases"), dataIndex: "cases" },
              ]}
            />
          </>
        )}
        {(query.data?.history.length ?? 0) > 0 && (
          <Table
            size="small"
            title={() => t("suggestions.history")}
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={query.data!.history}
            columns={[
              { title: t("suggestions.trainedAt"), dataIndex: "trainedAt", render: formatTime },
              {
                title: t("suggestions.trigger"),
                dataIndex: "trigger",
                render: (v: Training["trigger"]) => t(`suggestions.triggers.${v}`),
              },
              { title: t("suggestions.casesUsed"), dataIndex: "casesUsed" },
              {
                title: `${t("suggestions.fields.category")} · ${t("suggestions.top1")}`,
                render: (_: unknown, row: Training) => share(row.accuracy.category.top1),
              },
            ]}
          />
        )}
      </Space>
    </QueryState>
  );
}
