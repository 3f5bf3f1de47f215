import { Button, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import {
  type D4Data,
  fishboneCategories,
  fishboneLabels,
  type PermanentOption,
} from "../../../domain/quality/disciplines";
import type { QualityCase } from "../../api/types";
import { codeOptions } from "../../i18n/code-options";
import { EvidenceFiles } from "./evidence-files";
import { Fishbone } from "./fishbone";
import { ListRows } from "./list-rows";
import { RecordField } from "./record-field";

/** D4: root causes of occurrence and of escape, each with its 5 whys, and the fishbone. */
export function D4Fields({ c }: { c: QualityCase }) {
  const problem = c.title;
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // Every change redraws the fishbone, so the team sees the bones fill as they write.
  const d4 = Form.useWatch((values: D4Data) => values, { form, preserve: true }) ?? {};
  const categoryOptions = fishboneCategories.map((c) => ({
    value: c,
    label: `${fishboneLabels[c]} ${t(`quality.bone.${c}`)}`,
  }));
  return (
    <>
      <ListRows
        name="rootCauses"
        label={t("quality.f.rootCause")}
        newRow={() => ({ kind: "occurrence", whys: ["", "", "", "", ""], evidence: [] })}
      >
        {(row) => (
          <>
            <Space wrap>
              <Form.Item name={[row, "kind"]} label={t("quality.f.causeKind")}>
                <Radio.Group
                  optionType="button"
                  options={codeOptions(t, "quality.kind", ["occurrence", "escape"] as const)}
                />
              </Form.Item>
              <Form.Item name={[row, "category"]} label={t("quality.f.category")}>
                <Select allowClear style={{ minWidth: 140 }} options={categoryOptions} />
              </Form.Item>
            </Space>
            <RecordField name={[row, "statement"]} label="statementOfCause" required />
            <Whys row={row} />
          </>
        )}
      </ListRows>
      <EvidenceFiles c={c} />
      <Form.Item label={t("quality.f.fishbone")}>
        {fishboneCategories.map((c) => (
          <Form.Item
            key={c}
            name={["fishbone", c]}
            label={`${fishboneLabels[c]} ${t(`quality.bone.${c}`)}`}
            style={{ marginBottom: 8 }}
          >
            <Select
              mode="tags"
              tokenSeparators={["，", ","]}
              aria-label={`${fishboneLabels[c]} ${t(`quality.bone.${c}`)}`}
            />
          </Form.Item>
        ))}
      </Form.Item>
      <Fishbone d4={d4} problem={problem} />
    </>
  );
}

/** The 5-whys chain: why 1 … why 5, more if the team needs them. */
function Whys({ row }: { row: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[row, "whys"]}>
      {(whys, { add }) => (
        <>
          {whys.map((why, i) => (
            <Form.Item key={why.key} name={why.name} label={t("quality.f.why", { n: i + 1 })}>
              <Input />
            </Form.Item>
          ))}
          <Button size="small" type="dashed" onClick={() => add("")}>
            {t("quality.f.addWhy")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

const scoreKeys = ["effect", "speed", "cost", "ease"] as const;
const total = (o?: Partial<PermanentOption>) =>
  scoreKeys.reduce((sum, k) => sum + (Number(o?.scores?.[k]) || 0), 0);

/** D5: permanent options scored side by side (见效快, 成本低, 方便操作…), one chosen and why. */
export function D5Fields() {
  const { t } = useTranslation();
  const options = Form.useWatch<Partial<PermanentOption>[] | undefined>("options") ?? [];
  return (
    <>
      <ListRows
        name="options"
        label={t("quality.f.option")}
        newRow={() => ({ scores: { effect: 3, speed: 3, cost: 3, ease: 3 } })}
      >
        {(row) => (
          <>
            <RecordField name={[row, "option"]} label="optionText" required />
            <Space wrap>
              {scoreKeys.map((k) => (
                <Form.Item key={k} name={[row, "scores", k]} label={t(`quality.score.${k}`)}>
                  <InputNumber min={1} max={5} />
                </Form.Item>
              ))}
            </Space>
            <RecordField name={[row, "note"]} />
          </>
        )}
      </ListRows>
      <Form.Item name="chosen" label={t("quality.f.chosen")}>
        <Radio.Group
          data-testid="chosen-option"
          style={{ display: "flex", flexDirection: "column", gap: 4 }}
          options={options.map((o, i) => ({
            value: i,
            label: t("quality.f.optionTotal", {
              option: o?.option ?? `#${i + 1}`,
              total: total(o),
            }),
          }))}
        />
      </Form.Item>
      <RecordField name="why" label="chosenWhy">
        <Input.TextArea rows={2} />
      </RecordField>
    </>
  );
}
