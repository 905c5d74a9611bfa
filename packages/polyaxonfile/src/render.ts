// Render entry of @px/polyaxonfile: upstream's runtime rendering of a
// compiled operation (what the agent does when a run starts). Browser-safe,
// and kept out of the main entry so that tools that only read and check
// Polyaxonfiles do not ship the template renderer.
export { renderRuntime, runtimeContext } from './render/render-runtime';
export type { RuntimeContexts } from './render/render-runtime';
export { renderTemplate } from './render/render-template';
export { literalEval } from './render/python-literal';
