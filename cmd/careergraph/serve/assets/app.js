// careergraph's page. Everything shown comes from documents, which are
// untrusted: the DOM is built from text nodes and attributes this script
// chooses, never from HTML; diagrams are rebuilt element by element from
// a list of known SVG elements and attributes before they are shown.
(function () {
  'use strict';

  const main = document.getElementById('main');
  const banner = document.getElementById('banner');
  const qInput = document.getElementById('q');
  const sugList = document.getElementById('suggestions');
  let generation = 0;
  let renderToken = 0;

  // el builds an element: attrs are set as attributes (or properties for
  // on* handlers given as functions), children are nodes or text.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function roleHref(name) { return '/role/' + encodeURIComponent(name); }

  function roleLink(name) { return el('a', { href: roleHref(name), 'data-role': name }, name); }

  function sources(list) {
    if (!list || list.length === 0) return null;
    return el('span', { class: 'src' }, ' ' + list.join(', '));
  }

  // api fetches JSON; a non-2xx answer throws its {error, candidates}.
  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body;
    try { body = await res.json(); } catch (e) { body = { error: res.status + ' ' + res.statusText, candidates: [] }; }
    if (!res.ok) { const err = new Error(body.error || res.statusText); err.candidates = body.candidates || []; err.status = res.status; throw err; }
    return body;
  }

  function errorBox(err, pick) {
    const box = el('div', { class: 'error', role: 'alert' }, el('p', {}, err.message));
    if (err.candidates && err.candidates.length) {
      const p = el('p', {}, 'Did you mean: ');
      err.candidates.forEach((c, i) => {
        if (i) p.append(', ');
        if (pick) p.append(el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); pick(c); } }, c));
        else p.append(roleLink(c));
      });
      box.append(p);
    }
    return box;
  }

  // --- navigation (History API) ---

  function go(url, replace) {
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    route();
    window.scrollTo(0, 0);
  }

  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
    ev.preventDefault();
    go(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => route());

  function route() {
    const token = ++renderToken;
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    hideSuggestions();
    let m;
    if ((m = path.match(/^\/role\/(.+)$/))) return viewRole(decodeURIComponent(m[1]), token);
    if ((m = path.match(/^\/around\/(.+)$/))) return viewAround(decodeURIComponent(m[1]), params, token);
    if (path === '/path') return viewPath(params, token);
    if (path === '/check') return viewCheck(token);
    if (path === '/downloads') return viewDownloads(token);
    return viewHome(token);
  }

  function page(title, ...children) {
    clear(main);
    document.title = title ? title + ' · careergraph' : 'careergraph';
    main.append(...children);
  }

  // --- search with suggestions ---

  let sugItems = [];
  let sugActive = -1;
  let sugTimer = 0;
  let sugSeq = 0;

  function hideSuggestions() {
    sugList.hidden = true;
    qInput.setAttribute('aria-expanded', 'false');
    sugActive = -1;
  }

  function showSuggestions(items, query) {
    clear(sugList);
    sugItems = items;
    sugActive = items.length ? 0 : -1;
    if (!items.length) {
      sugList.append(el('li', { class: 'none' }, 'No role matches “' + query + '”. Press Enter for the closest names.'));
    }
    items.forEach((r, i) => {
      const hint = [];
      if (r.reading) hint.push(r.reading);
      if (r.matched_by && r.matched_by !== r.name && r.matched_by !== r.reading) hint.push('as “' + r.matched_by + '”');
      if (!r.documented) hint.push('mentioned only');
      const li = el('li', { role: 'option', id: 'sug-' + i, 'aria-selected': i === sugActive ? 'true' : 'false',
        onmousedown: (ev) => { ev.preventDefault(); openSuggestion(i); } },
        el('span', {}, r.name), el('span', { class: 'hint' }, hint.join(' · ')));
      sugList.append(li);
    });
    sugList.hidden = false;
    qInput.setAttribute('aria-expanded', 'true');
  }

  function markActive() {
    [...sugList.children].forEach((li, i) => li.setAttribute('aria-selected', i === sugActive ? 'true' : 'false'));
    if (sugActive >= 0) qInput.setAttribute('aria-activedescendant', 'sug-' + sugActive);
  }

  function openSuggestion(i) {
    const r = sugItems[i];
    if (!r) return;
    hideSuggestions();
    qInput.value = '';
    go('/role/' + encodeURIComponent(r.id));
  }

  async function suggest() {
    const q = qInput.value.trim();
    const seq = ++sugSeq;
    if (!q) { hideSuggestions(); return; }
    try {
      const res = await api('/api/roles?limit=8&q=' + encodeURIComponent(q));
      if (seq === sugSeq) showSuggestions(res.roles, q);
    } catch (e) { /* a failed suggestion is no news */ }
  }

  qInput.addEventListener('input', () => { clearTimeout(sugTimer); sugTimer = setTimeout(suggest, 120); });
  qInput.addEventListener('blur', () => setTimeout(hideSuggestions, 150));
  qInput.addEventListener('keydown', async (ev) => {
    if (ev.key === 'ArrowDown' && sugItems.length) { ev.preventDefault(); sugActive = (sugActive + 1) % sugItems.length; markActive(); }
    else if (ev.key === 'ArrowUp' && sugItems.length) { ev.preventDefault(); sugActive = (sugActive - 1 + sugItems.length) % sugItems.length; markActive(); }
    else if (ev.key === 'Escape') hideSuggestions();
    else if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(sugTimer);
      const q = qInput.value.trim();
      if (!q) return;
      if (!sugList.hidden && sugActive >= 0 && sugItems[sugActive]) { openSuggestion(sugActive); return; }
      hideSuggestions();
      qInput.value = '';
      go('/role/' + encodeURIComponent(q));
    }
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement === document.body) { ev.preventDefault(); qInput.focus(); }
  });

  // --- diagrams: fetched as SVG text, rebuilt from known parts only ---

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const svgElements = new Set(['svg', 'g', 'path', 'polygon', 'polyline', 'line', 'ellipse', 'circle', 'rect', 'text', 'tspan', 'title']);
  const svgAttrs = new Set(['class', 'd', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill-opacity', 'opacity',
    'points', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'transform', 'viewBox',
    'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'text-decoration', 'dominant-baseline', 'preserveAspectRatio']);
  const svgValue = /^[-#.,%() a-zA-Z0-9\s]*$/; // numbers, colours, transforms, font names: nothing that loads or runs

  function cleanSVG(src, dst) {
    for (const child of src.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { dst.append(document.createTextNode(child.nodeValue)); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      let name = child.localName;
      if (child.namespaceURI !== SVG_NS) continue;
      const out = document.createElementNS(SVG_NS, name === 'a' ? 'g' : name);
      if (name === 'a') {
        // Graphviz puts tooltips on links: keep the text as a title.
        const tip = child.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || child.getAttribute('title');
        if (tip) { const t = document.createElementNS(SVG_NS, 'title'); t.textContent = tip; out.append(t); }
      } else if (!svgElements.has(name)) continue;
      for (const a of child.attributes) {
        if (a.namespaceURI) continue;
        if (a.name === 'id' && /^(role|move)-[-\p{L}\p{N}_]*$/u.test(a.value)) { out.setAttribute('data-id', a.value); continue; }
        if (svgAttrs.has(a.name) && svgValue.test(a.value)) out.setAttribute(a.name, a.value);
      }
      cleanSVG(child, out);
      dst.append(out);
    }
  }

  // fitSVG shows a diagram scaled down to fit its box (never above its
  // own size), with a button to see it at full size, scrolling.
  function fitSVG(box, svg) {
    const pt = (v) => parseFloat(v) * 4 / 3; // Graphviz sizes in points
    const w = pt(svg.getAttribute('width')), h = pt(svg.getAttribute('height'));
    if (!svg.getAttribute('viewBox') && w && h) svg.setAttribute('viewBox', '0 0 ' + w * 0.75 + ' ' + h * 0.75);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
    const fit = () => {
      box.classList.remove('full');
      svg.style.width = '100%';
      svg.style.height = '';
      svg.style.maxWidth = w ? w + 'px' : '';
      if (w && h) svg.style.aspectRatio = w + ' / ' + h;
    };
    const full = () => {
      box.classList.add('full');
      svg.style.maxWidth = 'none';
      svg.style.width = w + 'px';
      svg.style.height = h + 'px';
    };
    fit();
    box.append(svg);
    // Only a picture that had to shrink gets the button.
    requestAnimationFrame(() => {
      const r = svg.getBoundingClientRect();
      if (!w || !h || (r.width >= w - 1 && r.height >= h - 1)) return;
      const btn = el('button', { type: 'button', class: 'secondary zoom', 'aria-pressed': 'false' }, 'Full size');
      btn.addEventListener('click', () => {
        const on = !box.classList.contains('full');
        if (on) full(); else fit();
        btn.textContent = on ? 'Fit' : 'Full size';
        btn.setAttribute('aria-pressed', String(on));
      });
      box.prepend(btn);
    });
  }

  // diagram draws the SVG at url into a box. When the picture would be
  // too large, each of smaller (a list of [url, note]) is tried in turn
  // and its note shown above it.
  async function diagram(url, alt, smaller) {
    const box = el('div', { class: 'diagram', role: 'img', 'aria-label': alt });
    box.append(el('p', { class: 'msg' }, 'Drawing…'));
    (async () => {
      try {
        let res = await fetch(url);
        let text = await res.text();
        let note = null;
        for (const [u, n] of smaller || []) {
          if (res.status !== 400) break;
          res = await fetch(u);
          text = await res.text();
          note = n;
        }
        if (!res.ok) {
          let msg = text;
          try { msg = JSON.parse(text).error; } catch (e) { /* keep the text */ }
          clear(box); box.append(el('p', { class: 'msg' }, 'No diagram: ' + msg));
          return;
        }
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        if (!root || root.localName !== 'svg') throw new Error('not a picture');
        const holder = document.createElementNS(SVG_NS, 'g');
        cleanSVG({ childNodes: [root] }, holder);
        const svg = holder.firstChild;
        clear(box);
        if (!svg) return;
        if (note) box.append(el('p', { class: 'msg' }, note));
        fitSVG(box, svg);
        for (const g of svg.querySelectorAll('g.node[data-id^="role-"]')) {
          g.setAttribute('tabindex', '0');
          g.setAttribute('role', 'link');
          const id = g.getAttribute('data-id').slice(5);
          const open = () => go('/role/' + encodeURIComponent(id));
          g.addEventListener('click', open);
          g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
        }
      } catch (e) { clear(box); box.append(el('p', { class: 'msg' }, 'No diagram: ' + e.message)); }
    })();
    return box;
  }

  // --- downloads ---

  let formatsCache = null;
  async function formats() {
    if (!formatsCache) formatsCache = await api('/api/formats');
    return formatsCache;
  }

  function downloads(title, selection) {
    const box = el('div', { class: 'downloads' }, el('span', { class: 'msg' }, title + ': '));
    formats().then((fs) => {
      for (const f of fs) {
        const p = new URLSearchParams(selection);
        p.set('format', f.name);
        box.append(el('a', { href: '/api/export?' + p.toString(), download: '', title: f.description, 'data-format': f.name }, f.name));
      }
    }).catch(() => {});
    return box;
  }

  // --- views ---

  async function viewHome(token) {
    page('', el('p', { class: 'msg' }, 'Loading…'));
    try {
      const s = await api('/api/stats');
      if (token !== renderToken) return;
      const hubs = el('ol', {}, s.hubs.map((h) => el('li', {}, roleLink(h.role), el('span', { class: 'src' }, ' ' + h.degree + ' moves'))));
      page('',
        el('h1', {}, 'Career graph'),
        el('p', {}, 'Search a role above (press / to start typing), open it to see its profile, ladder and neighbourhood, or ',
          el('a', { href: '/path' }, 'find a route'), ' between two roles.'),
        el('div', {},
          stat(s.documents, 'documents'), stat(s.roles, 'roles'), stat(s.documented, 'documented'),
          stat(s.moves.career, 'career moves'), stat(s.moves.related, 'related moves'), stat(s.components, 'components')),
        el('h2', {}, 'Most connected roles'), hubs,
        el('h2', {}, 'Download the whole graph'), downloads('Every role and move', {}));
    } catch (e) { page('', errorBox(e)); }
  }

  function stat(n, label) { return el('span', { class: 'stat' }, el('b', {}, String(n)), label); }

  function list(title, items) {
    if (!items || !items.length) return null;
    return [el('h2', {}, title), el('ul', { class: 'plain' }, items.map((s) => el('li', {}, s)))];
  }

  function links(title, ls) {
    if (!ls || !ls.length) return null;
    return [el('h2', {}, title + ' (' + ls.length + ')'),
      el('ul', { class: 'plain' }, ls.map((l) => el('li', {}, roleLink(l.role), sources(l.sources))))];
  }

  // profile renders every section of every document describing the
  // role, in the order written: its heading, where it was read
  // (file:line), and its prose, list or table. A section of a kind the
  // page does not know is drawn the same way: strings as paragraphs,
  // lists of strings as lists, lists of records as tables. Role names in
  // career paths and related jobs are links.
  const roleListKeys = new Set(['career_path', 'related_jobs']);
  const shownAbove = new Set(['summary', 'classification']);
  function profile(c) {
    const one = c.profiles.length === 1;
    return c.profiles.map((d) => {
      const file = String(d.source || '').replace(/:\d+$/, '');
      return el('section', { class: 'profile' },
        one ? null : el('p', { class: 'src' }, 'From ' + d.source),
        (d.sections || []).filter((sec) => !(one && shownAbove.has(sec.key))).map((sec) => section(sec, file)));
    });
  }

  function section(sec, file) {
    const body = [];
    for (const [k, v] of Object.entries(sec)) {
      if (k === 'key' || k === 'heading' || k === 'line' || v === null || v === undefined) continue;
      if (typeof v === 'string' && v !== '') {
        for (const para of v.split(/\n\s*\n/)) body.push(el('p', {}, para));
      } else if (typeof v === 'number' || typeof v === 'boolean') {
        body.push(el('p', {}, String(v)));
      } else if (Array.isArray(v) && v.length) {
        if (v.every((x) => x === null || typeof x !== 'object')) {
          body.push(el('ul', { class: 'plain' }, v.map((x) => el('li', {}, roleListKeys.has(sec.key) ? chain(String(x)) : String(x)))));
        } else {
          body.push(recordTable(v));
        }
      }
    }
    return el('div', { class: 'section' },
      el('h3', {}, sec.heading || sec.key || 'Section', sec.line ? el('span', { class: 'src' }, ' ' + file + ':' + sec.line) : null),
      body);
  }

  // chain links each name of "A → B → C" (or a single name).
  function chain(text) {
    const names = text.split(/\s*→\s*/);
    const out = [];
    names.forEach((n, i) => { if (i) out.push(' → '); out.push(n ? roleLink(n) : ''); });
    return out;
  }

  function recordTable(rows) {
    const cols = [];
    for (const r of rows) for (const k of Object.keys(r || {})) if (!cols.includes(k)) cols.push(k);
    const head = (k) => k.charAt(0).toUpperCase() + k.slice(1).replace(/_/g, ' ');
    return el('table', {},
      el('thead', {}, el('tr', {}, cols.map((k) => el('th', {}, head(k))))),
      el('tbody', {}, rows.map((r) => el('tr', {}, cols.map((k) => {
        const v = r && typeof r === 'object' ? r[k] : r;
        return el('td', {}, v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
      })))));
  }

  // reachBox says how many roles c leads to, by which kinds of move, and
  // names the nearest.
  function reachBox(c) {
    const box = el('div', { class: 'reach' }, el('h2', {}, 'Where it can lead'), el('p', { class: 'msg' }, 'Counting…'));
    api('/api/reach/' + encodeURIComponent(c.id)).then((r) => {
      box.lastChild.remove();
      if (!r.reached.length) { box.append(el('p', { class: 'msg' }, 'No move leads on from this role.')); return; }
      const n = r.counts;
      box.append(el('p', {}, r.reached.length + (r.reached.length === 1 ? ' role' : ' roles') + ' within reach: ',
        el('span', { class: 'kind career' }, n.career + ' by career moves only'), ' ',
        el('span', { class: 'kind related' }, n.related + ' by lateral moves only'), ' ',
        el('span', { class: 'kind both' }, n.both + ' by both')));
      const near = r.reached.slice(0, 8);
      box.append(el('ul', { class: 'plain' }, near.map((x) => el('li', {}, roleLink(x.role), ' ',
        el('span', { class: 'kind ' + x.kind }, x.kind === 'related' ? 'lateral' : x.kind),
        el('span', { class: 'src' }, ' cost ' + x.cost + ', ' + x.steps + (x.steps === 1 ? ' step' : ' steps'))))));
      if (r.reached.length > near.length) box.append(el('p', { class: 'msg' }, 'and ' + (r.reached.length - near.length) + ' more, further away.'));
    }).catch((e) => box.lastChild.replaceWith(errorBox(e)));
    return box;
  }

  // similarBox lists the roles whose documents share the most with c's:
  // suggestions, not documented moves, with the score and what is shared.
  function similarBox(c) {
    const box = el('div', { class: 'similar' },
      el('h2', {}, 'Similar roles ', el('span', { class: 'msg small' }, '(suggestions from shared content, not documented moves)')),
      el('p', { class: 'msg' }, 'Comparing…'));
    api('/api/similar/' + encodeURIComponent(c.id) + '?limit=8').then((r) => {
      box.lastChild.remove();
      if (!r.similar.length) { box.append(el('p', { class: 'msg' }, r.reason || 'None.')); return; }
      box.append(el('ul', { class: 'plain' }, r.similar.map((x) => {
        const shared = [['skills', x.skills], ['qualifications', x.qualifications], ['aptitudes', x.aptitudes], ['class', x.class]]
          .filter(([, l]) => l.length).map(([k, l]) => k + ': ' + l.join('; '));
        return el('li', {}, roleLink(x.role), ' ', el('span', { class: 'score', title: 'score: points for what the documents share' }, 'score ' + x.score),
          shared.length ? el('div', { class: 'shared' }, shared.join(' · ')) : null);
      })));
    }).catch((e) => box.lastChild.replaceWith(errorBox(e)));
    return box;
  }

  async function viewRole(name, token) {
    page(name, el('p', { class: 'msg' }, 'Loading…'));
    let c;
    try { c = await api('/api/roles/' + encodeURIComponent(name)); } catch (e) {
      if (token === renderToken) page('Not found', errorBox(e));
      return;
    }
    if (token !== renderToken) return;
    if (name !== c.id) history.replaceState(null, '', '/role/' + encodeURIComponent(c.id));
    const head = el('div', {},
      el('h1', {}, c.name, el('span', { class: c.documented ? 'badge' : 'badge mention' }, c.documented ? 'documented' : 'mentioned only')),
      c.reading ? el('p', { class: 'reading', lang: 'ja' }, c.reading) : null,
      c.classification.length ? el('p', { class: 'msg' }, c.classification.join(' / ')) : null,
      c.documented ? null : el('p', { class: 'msg' }, 'Mentioned in the documents; none describes it.'),
      c.summary ? el('p', {}, c.summary) : null);
    const actions = el('div', { class: 'actions' },
      el('a', { href: '/around/' + encodeURIComponent(c.id) }, 'Neighbourhood graph'),
      el('a', { href: '/path?from=' + encodeURIComponent(c.id) }, 'Route from here'),
      el('a', { href: '/path?to=' + encodeURIComponent(c.id) }, 'Route to here'));
    const moves = [
      links('Comes from (career moves in)', c.career_from), links('Leads to (career moves out)', c.career_to),
      links('Related roles (lateral moves)', c.related),
      c.names.length > 1 ? [el('h2', {}, 'Also written'), el('p', {}, c.names.join('; '))] : null,
      c.documents.length ? [el('h2', {}, 'Sources'), el('ul', { class: 'plain src' }, c.documents.map((d) => el('li', {}, d)))] : null,
      c.mentioned_in && c.mentioned_in.length ? [el('h2', {}, 'Mentioned in'), el('ul', { class: 'plain src' }, c.mentioned_in.map((d) => el('li', {}, d)))] : null];
    const ladder = [el('h2', {}, 'Career ladder'),
      await diagram('/api/diagram/ladder?role=' + encodeURIComponent(c.id), 'Career ladder of ' + c.name,
        [2, 1].map((d) => ['/api/diagram/ladder?depth=' + d + '&role=' + encodeURIComponent(c.id),
          'The whole ladder is too large to draw: the ' + (d === 1 ? 'rung' : d + ' rungs') + ' nearest this role, each way.'])),
      downloads('Download this ladder', { ladder: c.id })];
    moves.push(reachBox(c), similarBox(c));
    let left, right;
    if (c.profiles && c.profiles.length) {
      // The whole profile, as written, beside the ladder and the moves.
      left = el('div', {}, el('h2', {}, 'Profile'), profile(c));
      right = el('div', {}, ladder, moves);
    } else {
      left = el('div', {},
        list('Required skills', c.required_skills), list('Recommended skills', c.recommended_skills),
        list('Qualifications', c.qualifications), moves);
      right = el('div', {}, ladder);
    }
    page(c.name, head, actions, el('div', { class: 'cols' }, left, right));
  }

  async function viewAround(name, params, token) {
    const depth = Math.min(3, Math.max(1, parseInt(params.get('depth') || '1', 10) || 1));
    page(name, el('p', { class: 'msg' }, 'Loading…'));
    let card;
    try { card = await api('/api/roles/' + encodeURIComponent(name)); } catch (e) {
      if (token === renderToken) page('Not found', errorBox(e)); return;
    }
    if (token !== renderToken) return;
    const sel = el('select', { id: 'depth', 'aria-label': 'Depth' }, [1, 2, 3].map((d) => el('option', { value: d, selected: d === depth }, d + (d === 1 ? ' move' : ' moves'))));
    sel.addEventListener('change', () => go('/around/' + encodeURIComponent(card.id) + '?depth=' + sel.value));
    const info = el('p', { class: 'msg' }, 'Loading the neighbourhood…');
    const cyBox = el('div', { id: 'cy', role: 'application', 'aria-label': 'Neighbourhood graph; click a role to open it' });
    page('Around ' + card.name,
      el('h1', {}, 'Around ', roleLink(card.name)),
      el('div', { class: 'actions' }, el('label', { for: 'depth' }, 'Roles within '), sel,
        el('span', { class: 'msg' }, 'Solid arrows: career moves; dashed lines: related (lateral) moves. Scroll to zoom, drag to pan, click a role to open it.')),
      info, cyBox, downloads('Download this neighbourhood', { around: card.id, depth: depth }));
    let data;
    try { data = await api('/api/export?format=cytoscape&around=' + encodeURIComponent(card.id) + '&depth=' + depth); } catch (e) {
      info.replaceWith(errorBox(e)); return;
    }
    if (token !== renderToken) return;
    const nodes = data.elements.nodes, edges = data.elements.edges;
    info.textContent = nodes.length + ' roles, ' + edges.length + ' moves.';
    if (typeof cytoscape !== 'function') { info.textContent += ' (the graph library did not load)'; return; }
    for (const n of nodes) if (n.data.id === card.id) n.data.focus = true;
    const big = nodes.length > 400;
    const cy = cytoscape({
      container: cyBox,
      elements: data.elements,
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: edges.length > 3000,
      textureOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'text-valign': 'center', 'text-halign': 'center',
          shape: 'round-rectangle', width: 'label', height: 22, padding: 6, 'background-color': '#dbe9f6', 'border-color': '#2f5d8a', 'border-width': 1.2, color: '#1b2a38', 'min-zoomed-font-size': 7 } },
        { selector: 'node[!documented]', style: { 'background-color': '#ffffff', 'border-style': 'dashed', 'border-color': '#6b7785', color: '#3d4650' } },
        { selector: 'node[?focus]', style: { 'background-color': '#fde3a1', 'border-color': '#9c5b00', 'border-width': 2.5 } },
        { selector: 'edge', style: { width: 1.2, 'line-color': '#4d5966', 'target-arrow-color': '#4d5966', 'target-arrow-shape': 'triangle', 'curve-style': big ? 'haystack' : 'bezier', 'arrow-scale': 0.8 } },
        { selector: 'edge[kind = "related"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', 'line-color': '#8a6fa0' } },
      ],
    });
    // Rings by distance from the role: a layout in linear time that stays
    // quick on thousands of roles and reads as "one move away, two…".
    const dist = {};
    cy.elements().bfs({ roots: cy.getElementById(card.id), directed: false, visit: (v, e, u, i, d) => { dist[v.id()] = d; } });
    cy.layout({ name: 'concentric', concentric: (n) => 10 - (dist[n.id()] ?? 9), levelWidth: () => 1, minNodeSpacing: 8, animate: false }).run();
    cy.on('tap', 'node', (ev) => go('/role/' + encodeURIComponent(ev.target.id())));
  }

  async function viewPath(params, token) {
    const form = el('form', { class: 'route', id: 'route-form' },
      el('label', {}, 'From', el('input', { type: 'text', name: 'from', value: params.get('from') || '', required: true })),
      el('label', {}, 'To', el('input', { type: 'text', name: 'to', value: params.get('to') || '', required: true })),
      el('label', {}, 'Routes (k)', el('input', { type: 'number', name: 'k', min: 1, max: 20, value: params.get('k') || '1' })),
      el('label', {}, 'Avoid (names separated by ;)', el('input', { type: 'text', name: 'avoid', value: params.getAll('avoid').join('; ') })),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'lateral', checked: params.get('no_lateral') !== 'true' }), 'Lateral (related) moves'),
      el('label', {}, 'Lateral move cost', el('input', { type: 'number', name: 'lateral_cost', min: 1, max: 1000, value: params.get('lateral_cost') || '2' })),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'similar', checked: params.get('similar') === 'true' }), 'Suggested moves between similar roles'),
      el('button', { type: 'submit' }, 'Find routes'));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const f = new FormData(form);
      const p = new URLSearchParams();
      p.set('from', f.get('from').trim()); p.set('to', f.get('to').trim());
      if (f.get('k') && f.get('k') !== '1') p.set('k', f.get('k'));
      for (const a of String(f.get('avoid')).split(';')) if (a.trim()) p.append('avoid', a.trim());
      if (!f.get('lateral')) p.set('no_lateral', 'true');
      if (f.get('lateral_cost') && f.get('lateral_cost') !== '2') p.set('lateral_cost', f.get('lateral_cost'));
      if (f.get('similar')) p.set('similar', 'true');
      go('/path?' + p.toString());
    });
    const out = el('div', { id: 'routes', 'aria-live': 'polite' });
    page('Routes', el('h1', {}, 'Routes between roles'), form, out);
    if (!params.get('from') || !params.get('to')) return;
    const pick = (field) => (name) => { form.elements[field].value = name; form.requestSubmit(); };
    out.append(el('p', { class: 'msg' }, 'Searching…'));
    let res;
    try { res = await api('/api/path?' + params.toString()); } catch (e) {
      if (token !== renderToken) return;
      clear(out);
      const field = /^to:/.test(e.message) ? 'to' : /^avoid:/.test(e.message) ? null : 'from';
      out.append(errorBox(e, field ? pick(field) : null));
      return;
    }
    if (token !== renderToken) return;
    clear(out);
    out.append(el('h2', {}, 'From ', roleLink(res.from), ' to ', roleLink(res.to)));
    if (!res.paths.length) { out.append(el('p', { class: 'msg' }, 'No route: ' + res.reason)); return; }
    const gapBox = el('div', { id: 'gap' }, el('h2', {}, 'Skill gap'), el('p', { class: 'msg' }, 'Comparing…'));
    let gap = null;
    const showGap = (i) => {
      if (!gap) return;
      clear(gapBox);
      if (gap.reason || !gap.routes[i]) { gapBox.append(el('h2', {}, 'Skill gap'), el('p', { class: 'msg' }, 'No route: ' + (gap.reason || 'none'))); return; }
      gapBox.append(...gapView(gap, i, gap.routes.length > 1));
      for (const b of out.querySelectorAll('.gap-pick')) b.setAttribute('aria-pressed', String(b.getAttribute('data-route') === String(i)));
    };
    res.paths.forEach((r, i) => {
      // As path prints them: each step's own cost once a step of the
      // route carries one from its source (a tier, a similarity, a sheet).
      const priced = r.steps.some((s) => s.tier || s.similarity || s.basis || s.note);
      const stepCost = (s) => priced ? el('span', { class: 'src' }, ' cost ' + s.cost + (s.tier ? ' (' + s.tier + ')' : '')) : null;
      const steps = el('ol', {}, r.steps.map((s) => el('li', {}, roleLink(s.to), ' ', stepKind(s), stepCost(s), sources(s.sources))));
      const pickGap = res.paths.length > 1 ? el('button', { type: 'button', class: 'secondary gap-pick', 'data-route': i,
        onclick: () => { showGap(i); gapBox.scrollIntoView({ block: 'start' }); } }, 'Skill gap of this route') : null;
      out.append(el('div', { class: 'route-card' },
        el('strong', {}, (res.paths.length > 1 ? 'Route ' + (i + 1) + ': ' : 'Cheapest route: ') + 'cost ' + r.cost + ', ' + r.steps.length + (r.steps.length === 1 ? ' step' : ' steps')),
        pickGap, el('p', {}, 'Start: ', roleLink(res.from)), steps));
    });
    const dp = new URLSearchParams(params);
    out.append(el('h2', {}, 'Route diagram'), await diagram('/api/diagram/path?' + dp.toString(), 'Route diagram'));
    const ep = new URLSearchParams();
    for (const [k, v] of params) ep.append(k === 'from' ? 'path_from' : k === 'to' ? 'path_to' : k, v);
    out.append(downloads('Download these routes', Object.fromEntries(ep)));
    out.append(gapBox);
    try {
      gap = await api('/api/gap?' + params.toString());
      if (token !== renderToken) return;
      showGap(0);
    } catch (e) { clear(gapBox); gapBox.append(el('h2', {}, 'Skill gap'), errorBox(e)); }
  }

  function stepKind(s) {
    if (s.basis === 'similar') return el('span', { class: 'kind similar', title: 'a suggestion from shared content, not a documented move' }, 'similar');
    return el('span', { class: 'kind ' + s.kind }, s.kind);
  }

  // gapView shows what each role along route r of a gap answer adds: the
  // start (counted as had), each step's new skills and qualifications (or
  // that no document describes it), then what to gain and what the start
  // already covers.
  function gapView(g, i, many) {
    const r = g.routes[i];
    const box = [el('h2', {}, 'Skill gap along ' + (many ? 'route ' + (i + 1) : 'the cheapest route'))];
    if (!r.route.steps.length) { box.push(el('p', { class: 'msg' }, 'The start is the goal: nothing to gain.')); return box; }
    const items = (label, l) => l.map((x) => el('li', {}, el('span', { class: 'gap-label' }, label), x));
    box.push(el('div', { class: 'gap-start' }, el('strong', {}, 'Start: '), roleLink(r.start.role), ' ',
      el('span', { class: 'msg' }, r.start.documented
        ? 'lists ' + r.start.skills.length + ' skills and ' + r.start.qualifications.length + ' qualifications, counted as had'
        : 'no document describes it: nothing it lists is counted as had')));
    box.push(el('ol', { class: 'gap-steps' }, r.steps.map((s, n) => {
      const step = r.route.steps[n];
      const what = [];
      if (!s.documented) what.push(el('p', { class: 'msg' }, el('span', { class: 'badge mention' }, 'undocumented'), ' no document describes it: what it asks is not known'));
      else if (!s.skills.length && !s.qualifications.length && !s.known.length) what.push(el('p', { class: 'msg' }, 'Its documents list no skills or qualifications.'));
      else if (!s.skills.length && !s.qualifications.length) what.push(el('p', { class: 'msg' }, 'Nothing new: the roles before it list everything it does.'));
      const adds = items('skill', s.skills).concat(items('qualification', s.qualifications));
      if (adds.length) what.push(el('ul', { class: 'plain' }, adds));
      if (s.known.length) what.push(el('p', { class: 'msg' }, 'Already had: ' + s.known.join('; ')));
      return el('li', {}, roleLink(s.role), ' ', step ? stepKind(step) : null, step ? sources(step.sources) : null, what);
    })));
    const gain = [['Skills', r.gain_skills], ['Qualifications', r.gain_qualifications]].filter(([, l]) => l.length);
    box.push(el('h3', {}, 'To gain on the way'),
      gain.length ? el('dl', { class: 'gap-gain' }, gain.map(([k, l]) => [el('dt', {}, k + ' (' + l.length + ')'), el('dd', {}, l.join('; '))]))
        : el('p', { class: 'msg' }, 'Nothing the documents list.'));
    const undocumented = r.steps.filter((s) => !s.documented);
    if (undocumented.length) {
      box.push(el('p', { class: 'msg' }, 'Not known for ', undocumented.map((s, n) => [n ? ', ' : '', roleLink(s.role)]), ': no document describes ' + (undocumented.length === 1 ? 'it.' : 'them.')));
    }
    if (r.covered.length) box.push(el('h3', {}, 'Already covered by the start (' + r.covered.length + ')'), el('p', {}, r.covered.join('; ')));
    return box;
  }

  async function viewCheck(token) {
    page('Data quality', el('p', { class: 'msg' }, 'Loading…'));
    let c;
    try { c = await api('/api/check'); } catch (e) { page('Data quality', errorBox(e)); return; }
    if (token !== renderToken) return;
    const table = (head, rows) => el('table', {}, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((x) => el('td', {}, x))))));
    page('Data quality',
      el('h1', {}, 'Data quality'),
      el('p', {}, c.files + ' files read, ' + c.documents + ' documents: ' + c.errors + ' errors, ' + c.warnings + ' warnings'),
      el('h2', {}, 'Problems (' + c.problems.length + ')'),
      c.problems.length ? table(['Where', 'Severity', 'Problem'], c.problems.map((p) => [el('span', { class: 'src' }, p.file + ':' + p.line), p.severity, p.message])) : el('p', { class: 'msg' }, 'None.'),
      el('h2', {}, 'Names joined by a rule (' + c.merges.length + ')'),
      c.merges.length ? table(['Name', 'Role', 'Rule', 'Where'], c.merges.map((m) => [m.name, roleLink(m.role), m.rule, el('span', { class: 'src' }, m.source)])) : el('p', { class: 'msg' }, 'None.'),
      el('h2', {}, 'Ambiguous names (' + c.ambiguous.length + ')'),
      c.ambiguous.length ? table(['Name', 'Claimed by', 'Used at'], c.ambiguous.map((a) => [a.name, el('span', {}, a.claimants.map((x, i) => [i ? ', ' : '', roleLink(x)])), el('span', { class: 'src' }, a.uses.join(', '))])) : el('p', { class: 'msg' }, 'None.'),
      el('h2', {}, 'Near-duplicate roles (' + c.near_duplicates.length + ')'),
      c.near_duplicates.length ? el('ul', { class: 'plain' }, c.near_duplicates.map((n) => el('li', {}, n.roles.map((x, i) => [i ? ', ' : '', roleLink(x)])))) : el('p', { class: 'msg' }, 'None.'),
      el('h2', {}, 'Career moves in a circle (' + c.career_cycles.length + ')'),
      c.career_cycles.length ? el('ul', { class: 'plain' }, c.career_cycles.map((cy) => el('li', {}, cy.map((x, i) => [i ? ' → ' : '', roleLink(x)])))) : el('p', { class: 'msg' }, 'None.'));
  }

  async function viewDownloads(token) {
    page('Downloads', el('h1', {}, 'Downloads'),
      el('p', {}, 'The whole graph in every export format. A role page offers its ladder, the neighbourhood view its roles, and the route finder its routes.'),
      downloads('Whole graph', {}),
      el('h2', {}, 'Whole-graph diagram'),
      el('p', {}, el('a', { href: '/api/diagram/all', download: 'careergraph.svg' }, 'careergraph.svg'),
        el('span', { class: 'msg' }, ' (only for graphs of at most 300 roles and 1,000 moves)')));
    try {
      const fs = await formats();
      if (token !== renderToken) return;
      main.append(el('h2', {}, 'Formats'), el('table', {}, el('tbody', {}, fs.map((f) => el('tr', {}, el('td', {}, f.name), el('td', {}, f.description))))));
    } catch (e) { /* the links above still work */ }
  }

  // --- live documents ---

  function showBanner(text, isError) {
    banner.textContent = text;
    banner.className = isError ? 'banner error' : 'banner';
    banner.hidden = false;
    if (!isError) setTimeout(() => { if (banner.textContent === text) banner.hidden = true; }, 5000);
  }

  // A browser holds at most six connections to one server, and an event
  // stream holds one for good: only a page that is shown listens, so
  // hidden tabs and pages kept for the back button leave room for the
  // rest. A page shown again compares generations and refreshes.
  let es = null;
  function listen() {
    if (!window.EventSource || es || document.visibilityState === 'hidden') return;
    const live = document.getElementById('live');
    es = new EventSource('/api/events');
    es.addEventListener('open', () => live.classList.add('on'));
    es.addEventListener('error', () => live.classList.remove('on'));
    es.addEventListener('hello', (ev) => {
      const d = JSON.parse(ev.data);
      if (generation && d.generation !== generation) { route(); }
      generation = d.generation;
    });
    es.addEventListener('reload', (ev) => {
      const d = JSON.parse(ev.data);
      if (!d.ok) { showBanner('The documents changed but could not be loaded; still showing the previous version. ' + d.error, true); return; }
      generation = d.generation;
      const probs = d.errors + d.warnings;
      showBanner('The documents changed: updated.' + (probs ? ' ' + d.errors + ' errors, ' + d.warnings + ' warnings (see Data quality).' : ''), false);
      route();
    });
  }
  function unlisten() {
    if (es) { es.close(); es = null; document.getElementById('live').classList.remove('on'); }
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') unlisten(); else listen(); });
  window.addEventListener('pagehide', unlisten);
  window.addEventListener('pageshow', listen);

  route();
  listen();
})();
