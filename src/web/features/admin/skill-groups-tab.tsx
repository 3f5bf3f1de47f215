import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, InputNumber, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { canOwnCases } from "../../../domain/access/roles";
import { severities } from "../../../domain/complaint/case-attributes";
import {
  type AssignmentRule,
  assignmentRules,
  caseSources,
  type ReassignMode,
  reassignModes,
} from "../../../domain/routing/skill-groups";
import { api } from "../../api/client";
import type { CreateSkillGroupInput, SkillGroup, UpdateSkillGroupInput } from "../../api/types";
import { EditModal } from "../../components/edit-modal";
import { useListEditor } from "../../components/list-editor";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { useTermLabel, useTermOptions, useUsers } from "../lists/lists";

const key = ["skill-groups"];

type FormValues = {
  name: string;
  memberIds: string[];
  categories: string[];
  businessTypes: string[];
  sources: SkillGroup["sources"];
  severities: SkillGroup["severities"];
  rule: AssignmentRule;
  capPerPerson: number | null;
  reassignAfterMinutes: number | null;
  reassignMode: ReassignMode;
};

type Criterion = "categories" | "businessTypes" | "sources" | "severities";

const blank: FormValues = {
  name: "",
  memberIds: [],
  categories: [],
  businessTypes: [],
  sources: [],
  severities: [],
  rule: "round_robin",
  capPerPerson: null,
  reassignAfterMinutes: null,
  reassignMode: "supervisor",
};

/**
 * 技能组: who takes which new cases and how they are shared out. An edit carries the version the
 * admin saw; on a 409 the latest group is loaded into the dialog, as the templates tab does.
 */
export function SkillGroupsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const categories = useTermOptions("category");
  const businessTypes = useTermOptions("business_type");
  const categoryLabel = useTermLabel("category");
  const businessTypeLabel = useTermLabel("business_type");
  const users = useUsers();
  const staff = (users.data ?? []).filter((u) => u.active && canOwnCases(u.role));
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id;
  const groups = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: SkillGroup[] }>("/skill-groups").then((r) => r.items),
  });
  const editor = useListEditor<SkillGroup, FormValues>({
    form,
    list: groups,
    valuesOf,
    blank,
    save: (values, group) =>
      group
        ? api.patch<SkillGroup>(`/skill-groups/${group.id}`, {
            ...values,
            version: group.version,
          } satisfies UpdateSkillGroupInput)
        : api.post<SkillGroup>("/skill-groups", values satisfies CreateSkillGroupInput),
    refresh: () => client.invalidateQueries({ queryKey: key }),
  });

  // What a group takes cases by; none chosen means any.
  const criterion = (name: Criterion, options: { value: string; label: string }[]) => (
    <Form.Item name={name} label={t(`routing.${name}`)}>
      <Select mode="multiple" placeholder={t("routing.any")} options={options} />
    </Form.Item>
  );

  return (
    <QueryState query={groups}>
      <Button type="primary" onClick={() => editor.open(null)} style={{ marginBottom: 8 }}>
        {t("routing.newGroup")}
      </Button>
      <ListTable<SkillGroup>
        dataSource={groups.data}
        data-testid="skill-groups"
        columns={[
          { title: t("routing.name"), dataIndex: "name", width: 120 },
          {
            title: t("routing.members"),
            dataIndex: "memberIds",
            render: (ids: string[]) => ids.map(nameOf).join("、"),
          },
          {
            title: t("routing.takes"),
            render: (_, g) => {
              const criteria = [
                ...g.categories.map(categoryLabel),
                ...g.businessTypes.map(businessTypeLabel),
                ...g.sources.map((s) => t(`routing.source.${s}`)),
                ...g.severities.map((s) => t(`severity.${s}`)),
              ];
              const shown = criteria.length > 0 ? criteria : [t("routing.any")];
              return shown.map((label) => <Tag key={label}>{label}</Tag>);
            },
          },
          {
            title: t("routing.rule"),
            dataIndex: "rule",
            width: 110,
            render: (rule: AssignmentRule) => t(`routing.rules.${rule}`),
          },
          {
            title: t("routing.capPerPerson"),
            dataIndex: "capPerPerson",
            width: 90,
            render: (cap: number | null) => cap ?? t("routing.noCap"),
          },
          { title: t("routing.waiting"), dataIndex: "waiting", width: 70 },
          { title: t("routing.held"), dataIndex: "held", width: 70 },
          {
            title: "",
            width: 70,
            render: (_, g) => (
              <Button size="small" onClick={() => editor.open(g)}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editor.isOpen}
        title={editor.record ? t("routing.editGroup") : t("routing.newGroup")}
        onCancel={editor.close}
        forceRender
        saving={editor.saving}
        onSave={() => form.submit()}
        conflict={
          editor.conflict === null ? null : t("routing.conflict", { version: editor.conflict })
        }
      >
        <Form form={form} layout="vertical" onFinish={editor.submit}>
          <Form.Item name="name" label={t("routing.name")} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="memberIds" label={t("routing.members")}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={users.isLoading}
              options={staff.map((u) => ({ value: u.id, label: `${u.displayName} ${u.agentNo}` }))}
            />
          </Form.Item>
          {criterion("categories", categories.options)}
          {criterion("businessTypes", businessTypes.options)}
          {criterion("sources", codeOptions(t, "routing.source", caseSources))}
          {criterion("severities", codeOptions(t, "severity", severities))}
          <Form.Item name="rule" label={t("routing.rule")}>
            <Select options={codeOptions(t, "routing.rules", assignmentRules)} />
          </Form.Item>
          <Form.Item name="capPerPerson" label={t("routing.capPerPerson")}>
            <InputNumber min={1} precision={0} placeholder={t("routing.noCap")} />
          </Form.Item>
          <Form.Item name="reassignAfterMinutes" label={t("routing.reassignAfterMinutes")}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="reassignMode" label={t("routing.reassignMode")}>
            <Select options={codeOptions(t, "routing.modes", reassignModes)} />
          </Form.Item>
        </Form>
      </EditModal>
    </QueryState>
  );
}

function valuesOf(g: SkillGroup): FormValues {
  return {
    name: g.name,
    memberIds: g.memberIds,
    categories: g.categories,
    businessTypes: g.businessTypes,
    sources: g.sources,
    severities: g.severities,
    rule: g.rule,
    capPerPerson: g.capPerPerson,
    reassignAfterMinutes: g.reassignAfterMinutes,
    reassignMode: g.reassignMode,
  };
}
