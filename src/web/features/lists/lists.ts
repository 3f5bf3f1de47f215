import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { paths } from "../../api/paths";
import type { Department, TaxonomyList, Term, User } from "../../api/types";

/** Lists change rarely: one fetch per session is enough. */
const rarely = { staleTime: 10 * 60_000 };

export function useTerms(list: TaxonomyList) {
  return useQuery({
    queryKey: ["terms", list],
    queryFn: () => api.get<{ items: Term[] }>(paths.terms(list)).then((r) => r.items),
    ...rarely,
  });
}

/** Active terms as Select options, labelled in the interface language. */
export function useTermOptions(list: TaxonomyList) {
  const { i18n } = useTranslation();
  const terms = useTerms(list);
  const label = useTermLabel(list);
  return {
    loading: terms.isLoading,
    options: (terms.data ?? [])
      .filter((term) => term.active)
      .map((term) => ({ value: term.code, label: label(term.code) })),
    language: i18n.language,
  };
}

export function useTermLabel(list: TaxonomyList) {
  const { i18n } = useTranslation();
  const terms = useTerms(list);
  return (code: string | null | undefined) => {
    if (!code) return "—";
    const term = terms.data?.find((t) => t.code === code);
    if (!term) return code;
    return i18n.language === "en" ? term.labelEn : term.labelZh;
  };
}

export function useDepartments() {
  return useQuery({
    queryKey: ["departments"],
    queryFn: () => api.get<{ items: Department[] }>(paths.departments).then((r) => r.items),
    ...rarely,
  });
}

/** Departments as Select options, by name. */
export function useDepartmentOptions() {
  const departments = useDepartments();
  return {
    loading: departments.isLoading,
    options: (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
  };
}

/**
 * Staff with the cases each owns still being worked, asked afresh whenever a dialog opens: the
 * reassign dialog shows them beside each name.
 */
export function useUsersWithOpenCases() {
  return useQuery({
    queryKey: ["users", "open-cases"],
    queryFn: () => api.get<{ items: User[] }>("/users?openCases=true").then((r) => r.items),
    staleTime: 0,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => api.get<{ items: User[] }>("/users").then((r) => r.items),
    ...rarely,
  });
}
