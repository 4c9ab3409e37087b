// VS Code settings → the server's settings (initializationOptions and the
// `nianbao` section of workspace/configuration). Pure and unit-tested.

export type Severity = "off" | "info" | "warning" | "error";

export interface ServerSettings {
  debounceMs: number;
  rules: Record<string, Severity>;
}

const SEVERITIES = new Set<string>(["off", "info", "warning", "error"]);

/** Reads raw settings, dropping what the server would reject; returns the problems too. */
export function toServerSettings(raw: { debounceMs?: unknown; rules?: unknown }): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  let debounceMs = 150;
  if (typeof raw.debounceMs === "number" && Number.isFinite(raw.debounceMs)) {
    debounceMs = Math.min(10000, Math.max(0, Math.round(raw.debounceMs)));
  } else if (raw.debounceMs !== undefined) {
    problems.push("nianbao.debounceMs must be a number of milliseconds");
  }
  const rules: Record<string, Severity> = {};
  if (raw.rules !== undefined && (typeof raw.rules !== "object" || raw.rules === null || Array.isArray(raw.rules))) {
    problems.push("nianbao.rules must be an object such as { \"S005\": \"off\" }");
  } else if (raw.rules) {
    for (const [rule, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof severity === "string" && SEVERITIES.has(severity)) {
        rules[rule] = severity as Severity;
      } else {
        problems.push(`nianbao.rules.${rule} must be "off", "info", "warning" or "error"`);
      }
    }
  }
  return { settings: { debounceMs, rules }, problems };
}
