import { sql } from "drizzle-orm";
import { skillGroups } from "../../db/schema.js";
import type { GroupCriteria } from "../../domain/routing/skill-groups.js";

/** Every group's criteria as intake reads them with its other facts (intake-plan.ts). */
export const groupCriteriaJson = sql<GroupCriteria[] | null>`(select json_agg(json_build_object(
    'id', g.id, 'name', g.name, 'categories', g.categories, 'businessTypes', g.business_types,
    'sources', g.sources, 'severities', g.severities)) from ${skillGroups} g)`;
