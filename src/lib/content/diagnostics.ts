/** One problem found in the content, precise enough for an author to fix it without asking. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path as the author knows it, e.g. `content/roadmap/public-portal.mdx`. */
  file: string;
  line?: number;
  /** Column on that line, where the problem has a precise place (bodies). */
  column?: number;
  /** Dotted path of the field, e.g. `keyResults[1].target`; `(file)` for the file as a whole. */
  field: string;
  /** The offending value as written, when there is one. */
  value?: unknown;
  /** What is wrong and what was expected. */
  message: string;
}

/** `.inf`, `-.inf`, `.nan`: how YAML writes the numbers JSON cannot (it would print `null`). */
const yamlNumber = (n: number): string => (Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf');

export function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  let text: string;
  try {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      text = yamlNumber(value);
    } else {
      // Inside lists and records a non-finite number shows as the text YAML writes, quoted.
      const replacer = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? yamlNumber(v) : v);
      // JSON.stringify gives undefined for functions and symbols, which YAML never produces.
      text = JSON.stringify(value, replacer) ?? typeof value;
    }
  } catch {
    text = typeof value;
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `content/roadmap/x.mdx:7: status: "doing" is not ... ` — the file:line form editors link. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  return `${d.severity === 'error' ? 'error' : 'warning'} ${where}: ${d.field}: ${d.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(file)';
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}

export const hasErrors = (list: Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
