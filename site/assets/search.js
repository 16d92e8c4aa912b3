// Search over the prebuilt index, fetched the first time the reader
// focuses the search field or arrives with a query. Interface text comes
// from data-* attributes.
'use strict';
(() => {
  const root = document.querySelector('[data-search]');
  if (!root) return;
  const form = root.querySelector('form');
  const input = form.querySelector('input[name="q"]');
  const status = root.querySelector('[data-search-status]');
  const list = root.querySelector('[data-search-results]');
  let index = null;
  let loading = null;

  const load = () => {
    loading ??= fetch(root.dataset.index)
      .then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then((d) => (index = d))
      .catch((err) => {
        loading = null;
        throw err;
      });
    return loading;
  };

  const search = async () => {
    const raw = input.value.trim();
    history.replaceState(null, '', raw ? '?q=' + encodeURIComponent(raw) : location.pathname);
    const terms = raw.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    if (!terms.length) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    if (!index) {
      status.textContent = root.dataset.msgLoading;
      try {
        await load();
      } catch {
        status.textContent = root.dataset.msgError;
        return;
      }
    }
    const hits = [];
    for (const e of index) {
      const title = e.t.toLowerCase();
      const words = ' ' + e.w;
      let score = 0;
      for (const t of terms) {
        if (title.includes(t)) score += 3;
        else if (words.includes(' ' + t)) score += 1;
        else {
          score = 0;
          break;
        }
      }
      if (score) hits.push([score, e]);
    }
    hits.sort((a, b) => b[0] - a[0]);
    list.replaceChildren(...hits.slice(0, 50).map(([, e]) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = e.u;
      a.textContent = e.t;
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = ' · ' + e.k;
      const p = document.createElement('p');
      p.textContent = e.s;
      li.append(a, kind, p);
      return li;
    }));
    status.textContent = root.dataset[hits.length === 1 ? 'msgCountOne' : 'msgCountOther'].replace('{n}', hits.length);
  };

  let timer = 0;
  input.addEventListener('focus', () => load().catch(() => {}), {once: true});
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    search();
  }
})();
