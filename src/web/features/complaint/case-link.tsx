import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef } from "react";
import { Link } from "react-router";
import { prefetchCase } from "./complaint-query";

/** A pointer passing over a list on its way elsewhere should not fetch every case it crosses. */
const REST_MS = 60;

/**
 * A link to a case page that fetches the case while the pointer rests on it or the keyboard
 * focuses it, so the click opens a page whose data (and code) is already here.
 */
export function CaseLink({
  id,
  children,
  ...rest
}: {
  id: string;
  children: ReactNode;
  title?: string;
  onClick?: (event: React.MouseEvent) => void;
  "data-testid"?: string;
}) {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const prefetch = () => void prefetchCase(client, id);
  return (
    <Link
      {...rest}
      to={`/complaints/${id}`}
      onMouseEnter={() => {
        timer.current = setTimeout(prefetch, REST_MS);
      }}
      onMouseLeave={() => clearTimeout(timer.current)}
      // A click's press comes a tenth of a second before the click itself: a head start.
      onMouseDown={prefetch}
      onFocus={prefetch}
    >
      {children}
    </Link>
  );
}
