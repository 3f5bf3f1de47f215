import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
}

/**
 * A header entry that opens its pages below it (统计分析: dashboard, reports, appraisal, monthly
 * analysis), so the header keeps every label whole at a laptop's width. Plain elements, as the
 * header's links are: antd's Dropdown would bring its menu's script into every route's first load.
 */
export function NavGroup({
  label,
  items,
  selected,
}: {
  label: string;
  items: NavItem[];
  selected: string;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const { pathname } = useLocation();
  const active = items.some((item) => item.to === selected);

  // Choosing a page closes the menu; so does a click elsewhere, Escape or the focus leaving it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      box.current?.querySelector("button")?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  return (
    <div className="app-nav-group" ref={box}>
      <button
        type="button"
        className={active ? "active" : undefined}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((was) => !was)}
      >
        {label} ▾
      </button>
      <ul id={menuId} className="app-nav-menu" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className={item.to === selected ? "active" : undefined}
              aria-current={item.to === selected ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
