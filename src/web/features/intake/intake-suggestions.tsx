import { Form, Space, Tag, Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Suggestions } from "../../api/types";
import { suggestionText, useSuggestions } from "./use-suggestions";

/** The intake form's fields a suggestion fills; the department waits for dispatch. */
interface SuggestedFields {
  subject?: string;
  description?: string;
  category?: string;
  businessType?: string;
  causes?: string[];
}

const fillable = ["category", "businessType", "cause"] as const;
type Fillable = (typeof fillable)[number];

/**
 * Beside the description: the likeliest category, business type, cause and lead department the
 * organisation's closed cases suggest for what is typed. A click on one fills its field; Alt+A
 * (from anywhere on the page, the description included) takes the first of each.
 */
export function IntakeSuggestions() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SuggestedFields>();
  const subject = Form.useWatch("subject", form);
  const description = Form.useWatch("description", form);
  const chosen: Record<Fillable, readonly (string | undefined)[]> = {
    category: [Form.useWatch("category", form)],
    businessType: [Form.useWatch("businessType", form)],
    cause: Form.useWatch("causes", form) ?? [],
  };
  const query = useSuggestions(suggestionText(subject, description));
  const s = query.data;

  function accept(field: Fillable, id: string) {
    if (field === "cause") {
      const causes = form.getFieldValue("causes") ?? [];
      if (!causes.includes(id)) form.setFieldsValue({ causes: [...causes, id] });
    } else form.setFieldsValue({ [field]: id });
  }

  useEffect(() => {
    if (!s) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.code !== "KeyA") return;
      e.preventDefault();
      for (const field of fillable) {
        const first = s[field][0];
        if (first) accept(field, first.id);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  if (!s || Object.values(s).every((list) => list.length === 0)) return null;
  return (
    <section aria-label={t("suggestions.title")} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">
        {t("suggestions.title")} · {t("suggestions.hint")}
      </Typography.Text>
      {fillable.map((field) => (
        <Row key={field} label={t(`suggestions.${field}`)} items={s[field]}>
          {(item) => (
            <Tag.CheckableTag
              key={item.id}
              checked={chosen[field].includes(item.id)}
              onChange={() => accept(field, item.id)}
            >
              {item.label} {percent(item.confidence)}
            </Tag.CheckableTag>
          )}
        </Row>
      ))}
      <Row label={t("suggestions.department")} items={s.department}>
        {(item) => (
          <Tag key={item.id}>
            {item.label} {percent(item.confidence)}
          </Tag>
        )}
      </Row>
    </section>
  );
}

function Row({
  label,
  items,
  children,
}: {
  label: string;
  items: Suggestions["category"];
  children: (item: Suggestions["category"][number]) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <div>
      <Space size={4} wrap>
        <Typography.Text>{label}:</Typography.Text>
        {items.map(children)}
      </Space>
    </div>
  );
}

const percent = (confidence: number) =>
  confidence < 0.005 ? "<1%" : `${Math.round(confidence * 100)}%`;
