import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Discipline } from "../../../domain/quality/disciplines";
import { api } from "../../api/client";
import { paths } from "../../api/paths";
import type { QualityCase, QualityCaseListItem } from "../../api/types";

export type BoardStatus = "open" | "closed" | "all";

export const qualityBoardQuery = (status: BoardStatus) =>
  queryOptions({
    queryKey: ["quality-cases", { status }],
    queryFn: () => api.get<{ items: QualityCaseListItem[] }>(paths.qualityBoard(status)),
  });

export const qualityCaseQuery = (id: string) =>
  queryOptions({
    queryKey: ["quality-case", id],
    queryFn: () => api.get<QualityCase>(paths.qualityCase(id)),
  });

export type StepCommand =
  | { command: "save"; version: number; data: Record<string, unknown>; ownerId?: string | null }
  | { command: "submit" | "approve"; version: number }
  | { command: "send-back"; version: number; comment: string };

/** One discipline's save or decision; the answer is the whole case, so the page shows it at once. */
export function useStepCommand(caseId: string, discipline: Discipline) {
  const client = useQueryClient();
  const base = `/quality-cases/${caseId}/steps/${discipline}`;
  return useMutation({
    mutationFn: ({ command, ...body }: StepCommand) =>
      command === "save"
        ? api.put<QualityCase>(base, body)
        : api.post<QualityCase>(`${base}/${command}`, body),
    onSuccess: (c) => {
      client.setQueryData(qualityCaseQuery(caseId).queryKey, c);
      void client.invalidateQueries({ queryKey: ["quality-cases"] });
    },
  });
}

/** Link complaints to an 8D; their pages then show its number and step. */
export function useLinkComplaints() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, complaintIds }: { caseId: string; complaintIds: string[] }) =>
      api.post<QualityCase>(`/quality-cases/${caseId}/complaints`, { complaintIds }),
    onSuccess: (c) => {
      client.setQueryData(qualityCaseQuery(c.id).queryKey, c);
      void client.invalidateQueries({ queryKey: ["quality-cases"] });
      for (const linked of c.complaints)
        void client.invalidateQueries({ queryKey: ["complaint", linked.id] });
    },
  });
}

export interface OpenQualityCaseInput {
  title: string;
  product: string;
  model?: string;
  batch?: string;
  complaintIds: string[];
}

export function useOpenQualityCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenQualityCaseInput) => api.post<QualityCase>("/quality-cases", input),
    onSuccess: (c) => {
      client.setQueryData(qualityCaseQuery(c.id).queryKey, c);
      void client.invalidateQueries({ queryKey: ["quality-cases"] });
      for (const linked of c.complaints)
        void client.invalidateQueries({ queryKey: ["complaint", linked.id] });
    },
  });
}
