import { Tooltip } from "antd";

/** Text cut to its table cell (one line), readable whole on hover. */
export function CutText({ text, testId }: { text: string; testId?: string }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}>
      <span className="cell-cut" data-testid={testId}>
        {text}
      </span>
    </Tooltip>
  );
}
