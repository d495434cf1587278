// Building DOM without innerHTML: every text from the API goes through
// textContent, so a region name can never inject markup.

// h('a', {href: '#', class: 'x', onclick: fn, dataset: {k: 'v'}}, 'text', child, [children])
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'text') el.textContent = value;
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

// Replaces the content of `el` with `children`.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// Text with `code` spans: 'jalankan `cakupan reconcile`' -> text + <code>.
export function withCode(text) {
  return String(text).split('`').map((part, i) => (i % 2 ? h('code', null, part) : part));
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;
