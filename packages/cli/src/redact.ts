const secrets = new Set<string>();

/** Remembers a secret (e.g. the API token) so that {@link redact} hides it from anything printed. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 4) secrets.add(value);
}

// Kept here rather than imported from @px/context's maskUrlPassword: this module loads with every command.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi;

/** Replaces every registered secret, `Token <x>`/`Authorization` values and URL passwords (`https://user:***@host`) in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.replace(/\b((?:Internal|Ephemeral)?Token|Bearer)\s+[A-Za-z0-9._\-~+/=]{4,}/g, '$1 ***').replace(URL_PASSWORD, '$1***@');
}
