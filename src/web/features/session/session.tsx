import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { ApiError, api, onSessionLost } from "../../api/client";
import { paths } from "../../api/paths";
import type { SessionAnswer, User } from "../../api/types";
import { setCenterTimeZone } from "./center-day";

const SessionContext = createContext<User | null>(null);
const EXPIRED_KEY = "kesu.sessionExpired";

export function useSessionQuery() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        const { user, center } = await api.get<SessionAnswer>(paths.session);
        setCenterTimeZone(center.timeZone);
        return user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Any 401 mid-work empties the session; the router then shows the login page with a notice. */
export function SessionLossWatcher() {
  const client = useQueryClient();
  useEffect(() => {
    onSessionLost(() => {
      sessionStorage.setItem(EXPIRED_KEY, "1");
      client.setQueryData(["session"], null);
    });
  }, [client]);
  return null;
}

/** Read once by the login page: true when the user was sent there by an expired session. */
export function takeExpiredNotice() {
  const expired = sessionStorage.getItem(EXPIRED_KEY) === "1";
  sessionStorage.removeItem(EXPIRED_KEY);
  return expired;
}

export function SessionProvider({ user, children }: { user: User; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useUser(): User {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useUser outside a signed-in page");
  return user;
}
