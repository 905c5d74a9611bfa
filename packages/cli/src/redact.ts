const secrets = new Set<string>();

/** Remembers a secret (e.g. the API token) so that {@link redact} hides it from anything printed. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 4) secrets.add(value);
}

/** Replaces every registered secret and `Token <x>`/`Authorization` values in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.replace(/\b((?:Internal|Ephemeral)?Token|Bearer)\s+[A-Za-z0-9._\-~+/=]{4,}/g, '$1 ***');
}
