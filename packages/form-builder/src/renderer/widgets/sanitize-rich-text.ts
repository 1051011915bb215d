const ALLOWED = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'UL', 'OL', 'LI', 'BR', 'P', 'DIV', 'SPAN']);

/**
 * Reduces HTML to formatting tags without attributes. In a browser it walks a parsed DOM; without a DOM
 * (server rendering) it escapes everything, which is safe and only loses formatting.
 */
export function sanitizeRichText(html: string): string {
  if (typeof DOMParser === 'undefined') return escapeHtml(html.replace(/<[^>]*>/g, ''));
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return serialize(doc.body);
}

function serialize(node: Node): string {
  let out = '';
  node.childNodes.forEach((child) => {
    if (child.nodeType === 3) {
      out += escapeHtml(child.textContent ?? '');
    } else if (child.nodeType === 1) {
      const tag = (child as Element).tagName;
      const inner = serialize(child);
      if (!ALLOWED.has(tag)) out += tag === 'SCRIPT' || tag === 'STYLE' ? '' : inner;
      else if (tag === 'BR') out += '<br>';
      else out += `<${tag.toLowerCase()}>${inner}</${tag.toLowerCase()}>`;
    }
  });
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
