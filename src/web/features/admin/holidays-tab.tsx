import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { CalendarDay, WorkCalendar } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";

const calendarQuery = {
  queryKey: ["sla-calendar"],
  queryFn: () => api.get<WorkCalendar>("/sla/calendar"),
};

/** One date's form: a new one (date asked), or an existing one edited in place. */
function DayForm({ day, onDone }: { day?: CalendarDay; onDone?: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<CalendarDay>();
  const refusal = useFormRefusal(form);
  const save = useMutation({
    mutationFn: ({ date, kind, name }: CalendarDay) =>
      api.put(`/sla/calendar/days/${date}`, { kind, ...(name ? { name } : {}) }),
    onSuccess: () => {
      refusal.clear();
      if (!day) form.resetFields();
      void client.invalidateQueries({ queryKey: calendarQuery.queryKey });
      void message.success(t("holidays.saved"));
      onDone?.();
    },
    onError: (error) => refusal.show(error),
  });
  return (
    <>
      {refusal.alert}
      <Form
        form={form}
        name={day ? `day-${day.date}` : "new-day"}
        layout="inline"
        size="small"
        initialValues={day ?? { kind: "holiday" }}
        onFinish={(values) => save.mutate({ ...values, date: day?.date ?? values.date })}
      >
        {!day && (
          <Form.Item
            name="date"
            label={t("holidays.date")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Input type="date" />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t("holidays.kind")}>
          <Select
            style={{ width: 130 }}
            options={codeOptions(t, "holidays.kinds", ["holiday", "workday"] as const)}
          />
        </Form.Item>
        <Form.Item name="name" label={t("holidays.name")}>
          <Input maxLength={50} style={{ width: 160 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={save.isPending}>
          {t("common.save")}
        </Button>
        {onDone && <Button onClick={onDone}>{t("common.cancel")}</Button>}
      </Form>
    </>
  );
}

/**
 * 节假日: the dates the SLA calendar treats otherwise than by weekday (holidays and 调休 make-up
 * working days). Clocks already running keep their deadlines; new ones count with the change.
 */
export function HolidaysTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const query = useQuery(calendarQuery);
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (date: string) => api.delete(`/sla/calendar/days/${date}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: calendarQuery.queryKey });
      void message.success(t("holidays.removed"));
    },
  });
  const days = query.data?.days ?? [];
  return (
    <QueryState query={query}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("holidays.hint")}</Typography.Text>
        <DayForm />
        <table className="plain-table" data-testid="calendar-days">
          <thead>
            <tr>
              <th>{t("holidays.date")}</th>
              <th>{t("holidays.kind")}</th>
              <th>{t("holidays.name")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {days.map((day) =>
              editing === day.date ? (
                <tr key={day.date} data-testid="calendar-day">
                  <td>{day.date}</td>
                  <td colSpan={3}>
                    <DayForm day={day} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={day.date} data-testid="calendar-day">
                  <td>{day.date}</td>
                  <td>{t(`holidays.kinds.${day.kind}`)}</td>
                  <td>{day.name ?? "—"}</td>
                  <td>
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(day.date)}>
                        {t("admin.edit")}
                      </Button>
                      <Button
                        size="small"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(day.date)}
                      >
                        {t("holidays.remove")}
                      </Button>
                    </Space>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </Space>
    </QueryState>
  );
}
