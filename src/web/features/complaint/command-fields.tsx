import { Button, DatePicker, Dropdown, Form, Input, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CommandName } from "../../api/types";
import { useDepartments, useTermOptions, useUsers } from "../lists/lists";
import { replyTemplates } from "./reply-templates";

const owningRoles = ["agent", "specialist", "supervisor", "admin"];
const reasonRequired: CommandName[] = ["close", "reopen", "escalate"];

function ReplyFields({ draftNotice }: { draftNotice: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const insert = (text: string) => {
    const current: string = form.getFieldValue("message") ?? "";
    form.setFieldValue("message", current ? `${current}\n${text}` : text);
  };
  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: replyTemplates.map((tpl) => ({ key: tpl.key, label: tpl.title })),
          onClick: ({ key }) => insert(replyTemplates.find((tpl) => tpl.key === key)?.text ?? ""),
        }}
      >
        <Button size="small" style={{ marginBottom: 6 }}>
          {t("complaint.templates")}
        </Button>
      </Dropdown>
      {draftNotice && (
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {t("complaint.draftKept")}
        </Typography.Text>
      )}
      <Form.Item name="message" label={t("field.message")} rules={[{ required: true }]}>
        <Input.TextArea rows={5} autoFocus />
      </Form.Item>
      <Form.Item name="remedy" label={t("field.remedy")}>
        <Input />
      </Form.Item>
      <Form.Item name="redressRoutes" label={t("field.redressRoutes")}>
        <Input />
      </Form.Item>
    </>
  );
}

function DispatchFields() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const chosen: string[] = Form.useWatch("departmentIds") ?? [];
  const options = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Form.Item name="departmentIds" label={t("field.department")} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          options={options}
          optionFilterProp="label"
          loading={departments.isLoading}
        />
      </Form.Item>
      <Form.Item name="lead" label={t("field.lead")}>
        <Select allowClear options={options.filter((o) => chosen.includes(o.value))} />
      </Form.Item>
      <Form.Item name="instructions" label={t("field.instructions")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function AssignFields() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Form.Item name="ownerId" label={t("field.owner")} rules={[{ required: true }]}>
      <Select
        showSearch={{ optionFilterProp: "label" }}
        loading={users.isLoading}
        options={(users.data ?? [])
          .filter((u) => u.active && owningRoles.includes(u.role))
          .map((u) => ({ value: u.id, label: `${u.displayName} (${u.agentNo})` }))}
      />
    </Form.Item>
  );
}

function ContactFields() {
  const { t } = useTranslation();
  const channels = useTermOptions("channel");
  return (
    <>
      <Form.Item name="direction" label={t("field.direction")} initialValue="outbound">
        <Radio.Group
          optionType="button"
          options={[
            { value: "inbound", label: t("field.inbound") },
            { value: "outbound", label: t("field.outbound") },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="channel"
        label={t("field.channel")}
        initialValue="phone"
        rules={[{ required: true }]}
      >
        <Select options={channels.options} />
      </Form.Item>
      <Form.Item name="summary" label={t("field.summary")} rules={[{ required: true }]}>
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
    </>
  );
}

/** The form fields of one complaint command, matching its body schema on the server. */
export function CommandFields({
  command,
  draftNotice,
}: {
  command: CommandName;
  draftNotice: boolean;
}) {
  const { t } = useTranslation();
  switch (command) {
    case "assign":
      return <AssignFields />;
    case "dispatch":
      return <DispatchFields />;
    case "reply":
      return <ReplyFields draftNotice={draftNotice} />;
    case "follow-up":
      return (
        <>
          <Form.Item
            name="satisfaction"
            label={t("field.satisfaction")}
            rules={[{ required: true }]}
          >
            <Radio.Group
              options={(["satisfied", "basically_satisfied", "dissatisfied"] as const).map((s) => ({
                value: s,
                label: t(`satisfaction.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="comment" label={t("field.comment")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case "note":
      return (
        <Form.Item name="text" label={t("field.text")} rules={[{ required: true }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      );
    case "contact":
      return <ContactFields />;
    case "callback":
      return (
        <>
          <Form.Item name="dueAt" label={t("field.dueAt")} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="note" label={t("field.note")}>
            <Input />
          </Form.Item>
        </>
      );
    case "merge":
      return (
        <Form.Item name="intoNumber" label={t("field.intoNumber")} rules={[{ required: true }]}>
          <Input placeholder="KS20261123-000001" />
        </Form.Item>
      );
    default:
      return (
        <Form.Item
          name="reason"
          label={t("field.reason")}
          rules={[{ required: reasonRequired.includes(command) }]}
        >
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      );
  }
}
