import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { compile } from '../compile/compile';
import { literalEval } from './python-literal';
import { renderRuntime } from './render-runtime';
import { renderTemplate } from './render-template';

const COMPONENT = `version: 1.1
kind: component
inputs:
  - {name: loss, type: str}
  - {name: flag, type: bool, isFlag: true}
  - {name: n, type: int, value: 3}
outputs:
  - {name: dest, type: image, value: "image:tag", connection: registry}
run:
  kind: job
  container:
    image: my_image
    args: video --loss={{loss}} {{ flag }}
    command: ["{{ n }}", "{{ params.loss.as_arg }}", "{{ connections[params.dest.connection].url }}/{{ dest }}"]
`;

describe('renderRuntime', () => {
  it('renders params, flags, as_arg and connections, then reads Python literals', () => {
    const compiled = compile(COMPONENT, { params: { loss: 'mse', flag: true } });
    const run = renderRuntime(compiled, { connections: { registry: { url: 'https://r.io' } } }).toDict().run as { container: Record<string, unknown> };
    expect(run.container.args).toBe('video --loss=mse --flag');
    expect(run.container.command).toEqual([3, '--loss=mse', 'https://r.io/image:tag']);
  });

  it('renders a false flag as nothing', () => {
    const run = renderRuntime(compile(COMPONENT, { params: { loss: 'x', flag: false } }), { connections: { registry: { url: 'u' } } }).toDict().run as {
      container: Record<string, unknown>;
    };
    expect(run.container.args).toBe('video --loss=x ');
  });

  it('fails with PolyaxonSchemaError on attributes of undefined values', () => {
    expect(() => renderTemplate('{{ a.b }}', {})).toThrow(PolyaxonSchemaError);
    expect(renderTemplate('x{{ a }}y', {})).toBe('xy');
  });
});

describe('literalEval', () => {
  it('reads Python literals and leaves other text alone', () => {
    expect(literalEval('3')).toBe(3);
    expect(literalEval("['a', 1, True, None]")).toEqual(['a', 1, true, null]);
    expect(literalEval("{'k': (1, 2)}")).toEqual({ k: [1, 2] });
    expect(literalEval('--lr=0.1')).toBe('--lr=0.1');
    expect(literalEval('[1, ')).toBe('[1, ');
  });
});
