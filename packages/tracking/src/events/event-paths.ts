/**
 * `<run>/events/<kind>/<name>.plx`, the file holding events of one name.
 *
 * @param runPath - the run artifacts root
 * @param kind - the event kind
 * @param name - the sanitised event name
 * @returns the event file path
 */
export function getEventPath(runPath: string, kind: string, name: string): string {
  return `${runPath}/events/${kind}/${name}.plx`;
}

/**
 * `<run>/resources/<kind>/<name>.plx`, the file holding system metrics.
 *
 * @param runPath - the run artifacts root
 * @param kind - the event kind (`metric`)
 * @param name - the resource name (`cpu`, `memory`, ...)
 * @returns the resource file path
 */
export function getResourcePath(runPath: string, kind: string, name: string): string {
  return `${runPath}/resources/${kind}/${name}.plx`;
}

/**
 * `<run>/assets/<kind>/<name>[_<step>][.<ext>]`, where binary assets of events live.
 *
 * @param runPath - the run artifacts root
 * @param kind - the event kind
 * @param name - the sanitised event name
 * @param step - the step, when the event has one
 * @param ext - the extension without a dot, when known
 * @returns the asset path
 */
export function getAssetPath(runPath: string, kind: string, name: string, step?: number, ext?: string): string {
  let path = `${runPath}/assets/${kind}/${name}`;
  if (step !== undefined) path += `_${step}`;
  if (ext) path += `.${ext}`;
  return path;
}

/**
 * The path of an asset relative to the run root, as stored in event values.
 *
 * @param kind - the event kind
 * @param name - the sanitised event name
 * @param step - the step, when the event has one
 * @param ext - the extension without a dot, when known
 * @returns e.g. `assets/image/img_1.png`
 */
export function getAssetRelPath(kind: string, name: string, step?: number, ext?: string): string {
  return getAssetPath('', kind, name, step, ext).slice(1);
}
