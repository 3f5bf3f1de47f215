import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { serviceSettings } from "../../db/schema.js";
import {
  defaultServiceSettings,
  type ServiceSettings,
} from "../../domain/complaint/follow-up-rules.js";

export const SETTINGS_ID = "default";

/** The center's settings; the domain's defaults if the row is missing. */
export async function loadServiceSettings(db: Database | Tx): Promise<ServiceSettings> {
  const [row] = await db
    .select({
      followUpByOwner: serviceSettings.followUpByOwner,
      unreachableAttempts: serviceSettings.unreachableAttempts,
    })
    .from(serviceSettings)
    .where(eq(serviceSettings.id, SETTINGS_ID));
  return row ?? defaultServiceSettings;
}

/** The same settings as a JSON column of a larger read (the complaint page is one statement). */
export const serviceSettingsJson = sql<ServiceSettings | null>`(select json_build_object('followUpByOwner', s.follow_up_by_owner, 'unreachableAttempts', s.unreachable_attempts) from ${serviceSettings} s where s.id = ${SETTINGS_ID})`;
