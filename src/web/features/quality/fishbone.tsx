import type { D4Data } from "../../../domain/quality/disciplines";
import { fishboneSvg } from "../../../domain/quality/fishbone";

/**
 * The D4 fishbone, drawn by the same pure function as the PDF report's. The markup is the
 * function's own, every text in it escaped there, so it is set as it is.
 */
export function Fishbone({ d4, problem }: { d4: Partial<D4Data>; problem: string }) {
  // While the team types, a cause may have a bone but no words yet: it is drawn once it has some.
  const drawn = { ...d4, rootCauses: (d4.rootCauses ?? []).filter((c) => c?.statement?.trim()) };
  return (
    <div
      className="fishbone"
      data-testid="fishbone"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: fishboneSvg escapes every text it draws
      dangerouslySetInnerHTML={{ __html: fishboneSvg(drawn, problem) }}
    />
  );
}
