import { afterAll, beforeAll } from "vitest";
import type { Role } from "../domain/access/roles.js";
import type { ApiClient } from "./api-client.js";
import { makeDepartment, makeStaff, type Staff, signedInAdmin } from "./factories.js";
import { startTestServer, type TestServer } from "./test-server.js";
import type { Department } from "./wire.js";

/** A test file's kesu: a server on its own database, its signed-in admin, and staff on demand. */
export interface World {
  server: TestServer;
  admin: ApiClient;
  /** A department created by the admin (name and code made up unless given). */
  department(overrides?: Parameters<typeof makeDepartment>[1]): Promise<Department>;
  /** A staff member created by the admin and signed in. */
  staff(role: Role, overrides?: Parameters<typeof makeStaff>[2]): Promise<Staff>;
  close(): Promise<void>;
}

type ServerOptions = Parameters<typeof startTestServer>[1];

export async function startWorld(
  env: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<World> {
  const server = await startTestServer(env, options);
  const admin = await signedInAdmin(server);
  return {
    server,
    admin,
    department: (overrides) => makeDepartment(admin, overrides),
    staff: (role, overrides) => makeStaff(admin, role, overrides),
    close: () => server.close(),
  };
}

type WorldOptions = { env?: Record<string, string> } & ServerOptions;

/**
 * The usual header of an HTTP test file: starts the world before the file's tests (then runs
 * `setup`, whose answer joins the world: departments, staff, a complaint…) and closes it after
 * them. The object is filled in `beforeAll`, so read it inside tests and hooks, not at the top.
 *
 *     const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));
 *     it("…", async () => { await world.agent.client.get("/session"); });
 */
export function setupWorld<T extends object = object>(
  setup?: (world: World) => Promise<T>,
): World & T;
export function setupWorld<T extends object = object>(
  options: WorldOptions,
  setup?: (world: World) => Promise<T>,
): World & T;
export function setupWorld<T extends object>(
  first?: WorldOptions | ((world: World) => Promise<T>),
  second?: (world: World) => Promise<T>,
): World & T {
  const [{ env = {}, ...options }, setup] =
    typeof first === "function" ? [{}, first] : [first ?? {}, second];
  const filled: Partial<World & T> = {};
  let ready = false;
  beforeAll(async () => {
    const world = await startWorld(env, options);
    Object.assign(filled, world);
    Object.assign(filled, await setup?.(world));
    ready = true;
  });
  afterAll(() => filled.close?.());
  return new Proxy(filled as World & T, {
    get(target, key, receiver) {
      if (!ready && typeof key === "string" && !(key in target))
        throw new Error(`world.${key} read before the world's beforeAll has run`);
      return Reflect.get(target, key, receiver);
    },
  });
}
