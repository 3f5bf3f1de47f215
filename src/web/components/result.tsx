// antd's Result, in a chunk of its own (see lazy-result.tsx).
export { Result } from "antd";
