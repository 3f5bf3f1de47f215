import { DEMO_PASSWORD } from "../demo/demo-staff.js";

export const usage = `kesu — 客诉管理命令行 / complaint management admin command line

用法 / Usage:
  kesu user create --username U --name 显示名 --agent-no 1023 --role ROLE [--department CODE] [--password P]
      创建员工账号；不给 --password 时生成密码并只显示一次。
      Create a staff account; without --password one is generated and shown once.
      ROLE: agent | specialist | department_handler | supervisor | quality | admin
      （department_handler 必须给 --department / needs --department）

  kesu user reset-password USERNAME [--password P]
      重置密码并结束该用户所有登录会话。Reset the password and end all of the user's sessions.

  kesu department create --code CODE --name 名称
      创建部门。Create a department.

  kesu demo load [--complaints 300] [--seed 42]
      通过真实 API 载入演示数据（部门、各角色员工、各状态投诉、种子文档中的案例）。
      Load demo data through the real API: departments, staff in every role, complaints in every
      state, and the seed documents' stories. Demo accounts share the password ${DEMO_PASSWORD}.
      只能载入一次；请用于演示或测试数据库。Loads once only; meant for demo and test databases.

  kesu export complaints [--out FILE] [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      导出投诉为 CSV（UTF-8 带 BOM，Excel 可直接打开）；不给 --out 时输出到标准输出。
      Export complaints as CSV (UTF-8 with BOM, opens in Excel); to stdout without --out.
      注意：包含客户完整电话号码，仅限管理员使用，请按个人信息保护要求妥善保管。
      Note: contains customers' full phone numbers. Admin use only; handle as personal data.
      --from/--to 按受理日期（KESU_TIMEZONE）筛选，含首尾。Filter on the day received, inclusive.

  kesu status [--json]
      系统状态：版本、数据库及数据目录大小（含预写日志占比）、投诉数、时限扫描与外发队列是否积压。
      System status: version, database and data folder sizes (with the WAL's share), complaints,
      and whether the SLA sweep and the outbox keep up. --json for monitoring.

  kesu help
      显示本说明。Show this text.

数据库 / Database: DATABASE_URL, else kesu's embedded PostgreSQL in KESU_DATA_DIR (default ./data);
a kesu server already running on that folder is shared, not stopped.
`;
