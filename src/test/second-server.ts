// Another kesu on the world's database, as the second server behind a load balancer would be:
// its own process state and, unless told otherwise, the same settings.

import type { AddressInfo } from "node:net";
import type { Config } from "../config.js";
import { connectDatabase } from "../db/client.js";
import { buildApp } from "../server/app.js";
import type { App } from "../server/http/app-types.js";

export interface SecondServer {
  app: App;
  /** Its API's base URL, e.g. http://127.0.0.1:41235/api/v1 */
  api: string;
  close(): Promise<void>;
}

export async function startSecondServer(config: Config): Promise<SecondServer> {
  const { db, pool } = connectDatabase(config.DATABASE_URL!, 5);
  const app = await buildApp({ config, db });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    api: `http://127.0.0.1:${port}/api/v1`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
