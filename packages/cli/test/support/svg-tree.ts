// A minimal XML reader for the SVG documents vega writes: elements,
// attributes and text, with well-formedness checked (every tag closed in
// order). Enough to assert on marks and axis titles without a DOM.

/** One element of a parsed SVG. */
export interface SvgNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: SvgNode[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? `&${e};`),
  );
}

/** Parses `source`; throws on a malformed document. */
export function parseSvg(source: string): SvgNode {
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < source.length) {
    tag.lastIndex = at;
    match = tag.exec(source);
    if (match === null) throw new Error(`malformed SVG at offset ${at}: ${source.slice(at, at + 40)}`);
    at = tag.lastIndex;
    const [, closing, name, attrText, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (name !== undefined) {
      if (closing === '/') {
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
      } else {
        const attrs: Record<string, string> = {};
        for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
        const node: SvgNode = { name, attrs, children: [], text: '' };
        top.children.push(node);
        if (selfClosing !== '/') stack.push(node);
      }
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  const svg = root.children.find((c) => c.name === 'svg');
  if (svg === undefined) throw new Error('no <svg> element');
  return svg;
}

/** Every descendant of `node` (depth first) matching `predicate`. */
export function findAll(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const out: SvgNode[] = [];
  const visit = (n: SvgNode): void => {
    if (predicate(n)) out.push(n);
    n.children.forEach(visit);
  };
  node.children.forEach(visit);
  return out;
}

/** Nodes whose `class` attribute holds every given class. */
export function byClass(node: SvgNode, ...classes: string[]): SvgNode[] {
  return findAll(node, (n) => {
    const own = (n.attrs.class ?? '').split(/\s+/);
    return classes.every((c) => own.includes(c));
  });
}

/** All text under `node`, concatenated. */
export function textOf(node: SvgNode): string {
  return node.text + node.children.map(textOf).join('');
}
