import { useQuery } from "@tanstack/react-query";
import { Col, Row, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Discipline, disciplines } from "../../../domain/quality/disciplines";
import type { QualityCaseListItem } from "../../api/types";
import { Card } from "../../components/card";
import { PlainList } from "../../components/plain-list";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { formatTime } from "../../i18n/format";
import { OpenQualityCaseButton } from "./open-quality-case";
import { type BoardStatus, qualityBoardQuery } from "./quality-query";
import { useStepTitle } from "./step-label";

/** The column a case stands in: its current step, or 已结案 when every step is approved. */
const columnOf = (c: QualityCaseListItem): Discipline | "closed" => c.currentStep ?? "closed";

/**
 * 质量8D: the open 8Ds by the discipline they stand in. The server sorts overdue first, so each
 * column starts with the cases whose step is late.
 */
export function QualityBoardPage() {
  const { t } = useTranslation();
  const stepTitle = useStepTitle();
  const [status, setStatus] = useState<BoardStatus>("open");
  const query = useQuery(qualityBoardQuery(status));
  const items = query.data?.items ?? [];
  const columns = [...disciplines, "closed" as const].filter((col) =>
    items.some((c) => columnOf(c) === col),
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("quality.board")}
        </Typography.Title>
        <Segmented<BoardStatus>
          value={status}
          onChange={setStatus}
          options={codeOptions(t, "quality.boardStatus", ["open", "closed", "all"] as const)}
        />
        <OpenQualityCaseButton complaintIds={[]} />
      </Space>
      <QueryState query={query} isEmpty={items.length === 0} emptyText={t("quality.none")}>
        <Row gutter={[8, 8]} data-testid="quality-board">
          {columns.map((col) => (
            <Col key={col} xs={24} md={12} xl={6}>
              <Card
                size="small"
                title={col === "closed" ? t("quality.closed") : stepTitle(col)}
                data-testid={`board-${col}`}
              >
                <PlainList
                  items={items.filter((c) => columnOf(c) === col)}
                  empty={t("common.empty")}
                  renderItem={(c) => <BoardCase key={c.id} item={c} />}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </QueryState>
    </Space>
  );
}

function BoardCase({ item }: { item: QualityCaseListItem }) {
  const { t } = useTranslation();
  return (
    <li data-testid="board-case">
      <Link to={`/quality/${item.id}`}>{item.number}</Link> {item.title}
      <div>
        <Typography.Text type="secondary">
          {[item.product, item.model].filter(Boolean).join(" · ")} ·{" "}
          {t("quality.complaintCount", { count: item.complaints })}
        </Typography.Text>
      </div>
      {item.dueAt && item.status === "open" && (
        <Tag color={item.overdue ? "red" : "default"}>
          {t(item.overdue ? "quality.overdueSince" : "quality.dueAt", {
            time: formatTime(item.dueAt),
          })}
        </Tag>
      )}
    </li>
  );
}
