import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import type { GroupAlert, Incident, IncidentDetail, IntakeArea } from "../../api/types";
import { complaintQuery } from "../complaint/complaint-query";

export type IncidentFilters = {
  status?: Incident["status"];
  live?: boolean;
  category?: string;
  businessType?: string;
  area?: string;
  complaintId?: string;
};

/** Every incident query starts with this key, so a publish, a link or a resolve refreshes them. */
const root = "incidents";

export function useIncidents(filters: IncidentFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [root, "list", filters],
    enabled: options.enabled ?? true,
    queryFn: () =>
      api.get<{ items: Incident[] }>(`/incidents${queryString(filters)}`).then((r) => r.items),
    staleTime: 30_000,
  });
}

/** What intake suggests for 被投诉网点/区域: live incidents' areas, then the branches cases name most. */
export function useIntakeAreas() {
  return useQuery({
    queryKey: [root, "areas"],
    queryFn: () => api.get<{ items: IntakeArea[] }>("/incidents/areas").then((r) => r.items),
    staleTime: 300_000,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: [root, "detail", id],
    queryFn: () => api.get<IncidentDetail>(`/incidents/${id}`),
  });
}

export function useRefreshIncidents() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [root] });
}

export const linkToIncident = (incidentId: string, complaintId: string) =>
  api.post<Incident>(`/incidents/${incidentId}/complaints`, { complaintId });

/** Links a case to an incident; the case's timeline and the incident's count refresh after. */
export function useLinkIncident(complaintId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (incidentId: string) => linkToIncident(incidentId, complaintId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [root] });
      void client.invalidateQueries({ queryKey: complaintQuery(complaintId).queryKey });
    },
  });
}

/** The latest 群体性投诉 alerts, for those who publish incidents. */
export function useGroupAlerts(enabled: boolean) {
  return useQuery({
    queryKey: [root, "group-alerts"],
    enabled,
    queryFn: () => api.get<{ items: GroupAlert[] }>("/incidents/group-alerts").then((r) => r.items),
    refetchInterval: 60_000,
  });
}
