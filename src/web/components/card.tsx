import type { CSSProperties, HTMLAttributes, ReactNode } from "react";

export interface CardProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  title?: ReactNode;
  extra?: ReactNode;
  /** Every card is small: the app's ConfigProvider sets componentSize="small", which antd's Card took too. */
  size?: "small";
  /** A card inside a card: a shaded header, as antd's `type="inner"`. */
  type?: "inner";
  styles?: { body?: CSSProperties };
  "data-testid"?: string;
}

/**
 * A titled panel with antd's small Card markup (its class names, which the stylesheet and the
 * browser tests select by) and look (app.css). Not antd's Card, which imports Tabs and, through
 * them, Menu, Dropdown and Skeleton: about 28 KB of gzipped script on every page that shows one.
 */
export function Card({
  title,
  extra,
  size: _size,
  type,
  styles,
  className,
  children,
  ...rest
}: CardProps) {
  const classes = ["ant-card", "ant-card-bordered", "ant-card-small", "kesu-card"];
  if (type === "inner") classes.push("ant-card-type-inner");
  if (className) classes.push(className);
  return (
    <div {...rest} className={classes.join(" ")}>
      {(title || extra) && (
        <div className="ant-card-head">
          <div className="ant-card-head-wrapper">
            {title && <div className="ant-card-head-title">{title}</div>}
            {extra && <div className="ant-card-extra">{extra}</div>}
          </div>
        </div>
      )}
      <div className="ant-card-body" style={styles?.body}>
        {children}
      </div>
    </div>
  );
}
