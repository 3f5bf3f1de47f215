import { demoDepartments } from "../../src/demo/demo-staff.js";
import type { Random } from "../../src/demo/seeded-random.js";
import type { Role } from "../../src/domain/access/roles.js";
import { randomUuid } from "./random-uuid.js";

export interface WorldDepartment {
  id: string;
  code: string;
  name: string;
}

export interface WorldStaff {
  id: string;
  username: string;
  displayName: string;
  agentNo: string;
  role: Role;
  departmentId: string | null;
}

/** Departments and staff of a large center: the people every generated case is worked by. */
export interface World {
  departments: WorldDepartment[];
  byCode: Map<string, WorldDepartment>;
  staff: WorldStaff[];
  agents: WorldStaff[];
  specialists: WorldStaff[];
  supervisors: WorldStaff[];
  quality: WorldStaff[];
  handlers: Map<string, WorldStaff[]>;
}

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const givenNames =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉琳倩晨宇浩然子涵欣怡梓轩思远雨婷佳豪俊杰";

function staffName(rng: Random): string {
  const given =
    givenNames[rng.int(0, givenNames.length - 1)]! +
    (rng.chance(0.6) ? givenNames[rng.int(0, givenNames.length - 1)]! : "");
  return surnames[rng.int(0, surnames.length - 1)]! + given;
}

/** Sizes of a call center serving a million complaints a year. */
export const worldShape = {
  agents: 240,
  specialists: 30,
  supervisors: 12,
  quality: 12,
  handlersPerDepartment: 3,
};

export function planWorld(rng: Random): World {
  const departments = demoDepartments.map((d) => ({
    id: randomUuid(rng),
    code: d.code.replace(/^demo-/, "bench-"),
    name: d.name,
  }));
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const service = byCode.get("bench-cs")!;
  let agentNo = 10_000;
  const member = (
    role: Role,
    departmentId: string | null,
    prefix: string,
    i: number,
  ): WorldStaff => ({
    id: randomUuid(rng),
    username: `bench-${prefix}${i}`,
    displayName: staffName(rng),
    agentNo: String(++agentNo),
    role,
    departmentId,
  });
  const many = (n: number, role: Role, departmentId: string | null, prefix: string) =>
    Array.from({ length: n }, (_, i) => member(role, departmentId, prefix, i + 1));
  const agents = many(worldShape.agents, "agent", service.id, "agent");
  const specialists = many(worldShape.specialists, "specialist", service.id, "specialist");
  const supervisors = many(worldShape.supervisors, "supervisor", service.id, "supervisor");
  const quality = many(worldShape.quality, "quality", byCode.get("bench-quality")!.id, "quality");
  const handlers = new Map(
    departments.map((d) => [
      d.id,
      many(worldShape.handlersPerDepartment, "department_handler", d.id, `${d.code.slice(6)}-`),
    ]),
  );
  const staff = [
    ...agents,
    ...specialists,
    ...supervisors,
    ...quality,
    ...[...handlers.values()].flat(),
  ];
  return { departments, byCode, staff, agents, specialists, supervisors, quality, handlers };
}
