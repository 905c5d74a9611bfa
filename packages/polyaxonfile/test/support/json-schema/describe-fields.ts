import type { Json } from './kind-switch';
export function describeFields(_schema: Json): void {}
