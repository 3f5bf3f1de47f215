import { Alert, List, Radio, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { LookupMatch } from "../../api/types";

/**
 * More than one caller answers what was typed (one's phone is another's meter number): the
 * agent picks the one on the line, never a silent first guess or a new duplicate record.
 */
export function LookupMatches({
  matches,
  chosenId,
  onChoose,
}: {
  matches: LookupMatch[];
  chosenId: string | null;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="lookup-matches">
      <Alert type="info" showIcon title={t("intake.chooseCustomer", { count: matches.length })} />
      <Radio.Group value={chosenId} onChange={(e) => onChoose(e.target.value)}>
        <List
          size="small"
          dataSource={matches}
          renderItem={(match) => (
            <List.Item>
              <Radio value={match.id}>
                <Space wrap>
                  <strong>{match.name}</strong>
                  <span>{match.phone}</span>
                  <MatchedBy kind={match.matchedBy} />
                  <Typography.Text type="secondary">
                    {t("intake.caseCount", { count: match.complaints.length })}
                  </Typography.Text>
                </Space>
              </Radio>
            </List.Item>
          )}
        />
      </Radio.Group>
    </div>
  );
}

/** What the typed text was found as: 按电话, 按户号/卡号, 按工单号… */
export function MatchedBy({ kind }: { kind: LookupMatch["matchedBy"] }) {
  const { t } = useTranslation();
  return <Tag color="blue">{t(`intake.matchedBy.${kind}`)}</Tag>;
}
