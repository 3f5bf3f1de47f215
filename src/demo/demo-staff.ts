import type { Role } from "../domain/access/roles.js";

/** Every demo account signs in with this; documented in the README and printed after loading. */
export const DEMO_PASSWORD = "kesu-demo-2026";

export interface DemoDepartment {
  code: string;
  name: string;
}

// The `demo-` prefix keeps these apart from a center's real departments and tells the loader
// that the demo is already there.
export const demoDepartments: readonly DemoDepartment[] = [
  { code: "demo-cs", name: "客户服务部" },
  { code: "demo-card", name: "信用卡中心" },
  { code: "demo-credit", name: "信贷部" },
  { code: "demo-branch", name: "城东支行营业部" },
  { code: "demo-ops", name: "运营管理部" },
  { code: "demo-wealth", name: "财富管理部" },
  { code: "demo-billing", name: "计费中心" },
  { code: "demo-power", name: "电力营销部" },
  { code: "demo-repair", name: "配电抢修中心" },
  { code: "demo-quality", name: "质量部" },
  { code: "demo-aftersales", name: "售后服务部" },
  { code: "demo-rnd", name: "研发部" },
];

export interface DemoUser {
  username: string;
  displayName: string;
  agentNo: string;
  role: Role;
  /** Department code; the admin belongs to none. */
  department: string | null;
}

/** Created straight in the database: someone has to be admin before the API can be used. */
export const demoAdmin: DemoUser = {
  username: "demo-admin",
  displayName: "演示管理员",
  agentNo: "1000",
  role: "admin",
  department: null,
};

const staff = (
  role: Role,
  department: string,
  people: [username: string, displayName: string, agentNo: string][],
): DemoUser[] =>
  people.map(([username, displayName, agentNo]) => ({
    username,
    displayName,
    agentNo,
    role,
    department,
  }));

/** One handler per department, in the order of demoDepartments. */
const handlerNames = [
  "钱晓东",
  "冯涛",
  "许倩",
  "蒋军",
  "沈慧",
  "韩梅",
  "唐伟",
  "曹刚",
  "彭燕",
  "邓超",
  "卢佳",
  "蔡明",
];

export const demoStaff: readonly DemoUser[] = [
  ...staff("supervisor", "demo-cs", [
    ["supervisor1", "李建国", "1001"],
    ["supervisor2", "周敏", "1002"],
  ]),
  ...staff("specialist", "demo-cs", [
    ["specialist1", "陈静", "1011"],
    ["specialist2", "刘洋", "1012"],
    ["specialist3", "黄丽", "1013"],
  ]),
  ...staff("agent", "demo-cs", [
    ["agent1", "王芳", "1021"],
    ["agent2", "张伟", "1022"],
    ["agent3", "李娜", "1023"],
    ["agent4", "赵磊", "1024"],
    ["agent5", "孙婷", "1025"],
    ["agent6", "吴强", "1026"],
    ["agent7", "郑雪", "1027"],
    ["agent8", "何军", "1028"],
  ]),
  ...staff("quality", "demo-quality", [
    ["quality1", "马丽华", "1041"],
    ["quality2", "罗斌", "1042"],
  ]),
  ...demoDepartments.map(
    (d, i): DemoUser => ({
      username: `handler-${d.code.slice("demo-".length)}`,
      displayName: handlerNames[i]!,
      agentNo: String(2000 + i),
      role: "department_handler",
      department: d.code,
    }),
  ),
];

/** The handler who answers a department's work orders. */
export function handlerOf(departmentCode: string): string {
  return `handler-${departmentCode.slice("demo-".length)}`;
}

export const usernamesByRole = (role: Role): string[] =>
  demoStaff.filter((u) => u.role === role).map((u) => u.username);
