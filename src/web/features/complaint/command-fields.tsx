import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Dropdown,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { canOwnCases } from "../../../domain/access/roles";
import type { CommandName, Complaint } from "../../api/types";
import { codeOptions } from "../../i18n/code-options";
import { ReplySuggestions } from "../knowledge/reply-suggestions";
import { useDepartmentOptions, useTermOptions, useUsersWithOpenCases } from "../lists/lists";
import { CloseFields } from "./close-fields";
import { useReplyTemplates, useTalkTracks } from "./use-reply-templates";

const reasonRequired: CommandName[] = ["reopen", "escalate"];

function ReplyFields({
  draftNotice,
  category,
  complaintId,
}: {
  draftNotice: boolean;
  category: string | null;
  complaintId: string | undefined;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const templates = useReplyTemplates(category);
  const talkTracks = useTalkTracks(category);
  // One picker for all wording: the admin's short templates, then the knowledge base's talk tracks.
  const items = [
    ...(templates.data ?? []).map((tpl) => ({ ...tpl, group: "template" as const })),
    ...(talkTracks.data ?? []).map((a) => ({ ...a, group: "article" as const })),
  ];
  const insert = (text: string) => {
    const current: string = form.getFieldValue("message") ?? "";
    form.setFieldValue("message", current ? `${current}\n${text}` : text);
  };
  const fields = (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: items.length
            ? items.map((tpl) => ({
                key: tpl.id,
                label: tpl.title,
                extra:
                  tpl.group === "article"
                    ? t("knowledge.kind.talk_track")
                    : category && tpl.category === category
                      ? t("complaint.forCategory")
                      : undefined,
                title: tpl.body,
              }))
            : [
                {
                  key: "none",
                  disabled: true,
                  label: templates.error ? t("error.unknown") : t("complaint.noTemplates"),
                },
              ],
          onClick: ({ key }) => insert(items.find((tpl) => tpl.id === key)?.body ?? ""),
        }}
      >
        {/* Opened only once both lists are in, so the menu does not change under the pointer; a
            loading antd button swallows the click, so it is disabled too (and says so). */}
        <Button
          size="small"
          style={{ marginBottom: 6 }}
          loading={templates.isLoading || talkTracks.isLoading}
          disabled={templates.isLoading || talkTracks.isLoading}
        >
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
  if (!complaintId) return fields;
  return (
    <Row gutter={16}>
      <Col span={15}>{fields}</Col>
      <Col span={9}>
        <ReplySuggestions complaintId={complaintId} onInsert={insert} />
      </Col>
    </Row>
  );
}

function DispatchFields() {
  const { t } = useTranslation();
  const chosen: string[] = Form.useWatch("departmentIds") ?? [];
  const departments = useDepartmentOptions();
  return (
    <>
      <Form.Item name="departmentIds" label={t("field.department")} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          options={departments.options}
          optionFilterProp="label"
          loading={departments.loading}
        />
      </Form.Item>
      <Form.Item name="lead" label={t("field.lead")}>
        <Select allowClear options={departments.options.filter((o) => chosen.includes(o.value))} />
      </Form.Item>
      <Form.Item name="instructions" label={t("field.instructions")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** The owner to (re)assign to, each with the cases they already have open, so work is shared out. */
function AssignFields() {
  const { t } = useTranslation();
  const users = useUsersWithOpenCases();
  return (
    <Form.Item name="ownerId" label={t("field.owner")} rules={[{ required: true }]}>
      <Select
        showSearch={{ optionFilterProp: "label" }}
        loading={users.isLoading}
        options={(users.data ?? [])
          .filter((u) => u.active && canOwnCases(u.role))
          .map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.agentNo})`,
            openCases: u.openCases,
          }))}
        optionRender={(option) => (
          <span className="owner-option" data-testid="owner-option">
            <span>{option.label}</span>
            {option.data.openCases !== undefined && (
              <Typography.Text type="secondary" data-testid="owner-open-cases">
                {t("complaint.openCases", { count: option.data.openCases })}
              </Typography.Text>
            )}
          </span>
        )}
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
      <Form.Item
        name="unreachable"
        valuePropName="checked"
        extra={t("followUp.unreachableHint")}
        style={{ marginBottom: 0 }}
      >
        <Checkbox>{t("followUp.unreachable")}</Checkbox>
      </Form.Item>
    </>
  );
}

/** The form fields of one complaint command, matching its body schema on the server. */
export function CommandFields({
  command,
  draftNotice,
  category = null,
  complaintId,
  complaint,
}: {
  command: CommandName;
  draftNotice: boolean;
  /** The case itself: closing asks for its reason code from 已答复 and shows the failed tries. */
  complaint?: Complaint;
  /** The case's id: the reply box suggests knowledge articles for it. */
  complaintId?: string;
  /** The complaint's category: its own reply templates are offered first. */
  category?: string | null;
}) {
  const { t } = useTranslation();
  switch (command) {
    case "assign":
      return <AssignFields />;
    case "dispatch":
      return <DispatchFields />;
    case "reply":
      return (
        <ReplyFields draftNotice={draftNotice} category={category} complaintId={complaintId} />
      );
    case "follow-up":
      return (
        <>
          <Form.Item
            name="satisfaction"
            label={t("field.satisfaction")}
            rules={[{ required: true }]}
          >
            <Radio.Group
              options={codeOptions(t, "satisfaction", [
                "satisfied",
                "basically_satisfied",
                "dissatisfied",
              ] as const)}
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
    case "close":
      return <CloseFields complaint={complaint} />;
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
