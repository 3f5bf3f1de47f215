import type { World } from "./world.js";

// The teams tests start from, for setupWorld: named for what the tests need them for.

/** Two agents (the first, 李娜, takes the calls) and two supervisors: who registers, who takes over. */
export const agentsAndSupervisors = async (w: World) => ({
  agent: await w.staff("agent", { displayName: "李娜" }),
  otherAgent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
  secondSupervisor: await w.staff("supervisor"),
});

/** An agent, the quality role and a department's handler: the roles personal-data masking tells apart. */
export const frontAndBackOffice = async (w: World) => {
  const department = await w.department();
  return {
    department,
    agent: await w.staff("agent"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: department.id }),
  };
};
