import { Select, type SelectProps } from "antd";

/** A list's filter in its toolbar: clearable, and named by its placeholder (toolbars have no labels). */
export function FilterSelect<V>({
  name,
  width,
  ...props
}: SelectProps<V> & { name: string; width: number }) {
  return <Select<V> allowClear placeholder={name} style={{ width }} {...props} />;
}
