import { Alert, type FormInstance } from "antd";
import { useState } from "react";
import { ApiError, fieldErrors } from "../api/client";

/**
 * How a dialog answers a refused request: field errors on their fields, anything else (a 403, a
 * rule of the lifecycle) in an alert above the form, in the user's language as the API wrote it.
 */
export function useFormRefusal(form: FormInstance) {
  const [refusal, setRefusal] = useState<string | null>(null);
  return {
    show(error: unknown) {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      else if (error instanceof ApiError) setRefusal(error.problem.title);
    },
    refuse: setRefusal,
    clear: () => setRefusal(null),
    alert: refusal && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={refusal} />,
  };
}
