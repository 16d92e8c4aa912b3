// Progressive enhancements of the static pages. Every page works without
// this file. Interface text comes from data-* attributes the templates
// fill from the message catalogue.
'use strict';
(() => {
  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];

  // A simulation figure loads sims.wasm only when the reader asks, by
  // putting the embed page in an iframe in place of the static preview.
  for (const fig of $$('figure[data-sim][data-embed]')) {
    const button = $('button[data-action="load"]', fig);
    if (!button) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const frame = document.createElement('iframe');
      frame.src = fig.dataset.embed;
      frame.title = fig.dataset.frameTitle;
      frame.className = 'sim-frame';
      frame.allow = 'fullscreen';
      // Start the download as the reader asks rather than after the embed
      // page and its scripts arrive, a second sooner on a slow link. The
      // embed page takes the response from its frame element. A browser
      // without WebAssembly downloads nothing: the embed page says why.
      if (fig.dataset.wasm && typeof WebAssembly === 'object') {
        const response = fetch(fig.dataset.wasm);
        response.catch(() => {}); // the embed page reports any failure
        frame.wasm = {url: fig.dataset.wasm, response};
      }
      $('[data-sim-preview]', fig).replaceWith(frame);
      $('[data-sim-load]', fig).hidden = true;
      fig.dataset.simState = 'loading';
      frame.focus();
    });
  }

  // The embed page reports its state; mirror it on the figure so the
  // page carries data-sim-state and the description too.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.origin !== location.origin || !d || d.type !== 'nexus-sim') return;
    for (const frame of $$('figure[data-sim] iframe')) {
      if (frame.contentWindow !== e.source) continue;
      const fig = frame.closest('figure');
      fig.dataset.simState = d.state;
      fig.dataset.simQuery = d.query;
      const desc = $('[data-sim-description]', fig);
      if (desc.textContent !== d.description) desc.textContent = d.description;
    }
  });

  // Embed snippets: a Copy button beside the selectable text.
  for (const button of $$('[data-copy]')) {
    const box = button.closest('details');
    const text = $('[data-snippet]', box);
    const status = $('[data-copy-status]', box);
    button.hidden = false;
    button.addEventListener('click', async () => {
      text.select();
      try {
        await navigator.clipboard.writeText(text.value);
        status.textContent = button.dataset.copied;
      } catch {
        // The text stays selected for the reader to copy by hand.
      }
    });
  }

  // The listing filters instantly: each filter link toggles its value,
  // cards not matching every chosen value hide, and the query string
  // keeps the choice. Without this, the links lead to the term pages.
  const filters = $('[data-filters]');
  if (filters) {
    const cards = $$('[data-cards] > li');
    const links = $$('a[data-filter]', filters);
    const count = $('[data-count]');
    const clear = $('[data-clear]', filters);
    const known = new Set(links.map((a) => a.dataset.filter));
    const state = new Map([...new URLSearchParams(location.search)].filter(([k]) => known.has(k)));
    const apply = () => {
      let shown = 0;
      for (const card of cards) {
        const ok = [...state].every(([k, v]) => (card.dataset[k] || '').split(' ').includes(v));
        card.hidden = !ok;
        if (ok) shown++;
      }
      for (const a of links) {
        if (state.get(a.dataset.filter) === a.dataset.value) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
      count.textContent = filters.dataset[shown === 1 ? 'countOne' : 'countOther'].replace('%d', shown);
      clear.hidden = state.size === 0;
      const q = new URLSearchParams([...state]).toString();
      history.replaceState(null, '', q ? '?' + q : location.pathname);
    };
    for (const a of links) {
      a.addEventListener('click', (e) => {
        e.preventDefault();
        const {filter, value} = a.dataset;
        if (state.get(filter) === value) state.delete(filter);
        else state.set(filter, value);
        apply();
      });
    }
    clear.addEventListener('click', () => {
      state.clear();
      apply();
    });
    apply();
  }

  // A pathway remembers the steps marked done, in this browser only.
  const pathway = $('[data-pathway]');
  if (pathway) {
    const key = 'nexus:pathway:' + pathway.dataset.pathway;
    let done;
    try {
      done = new Set(JSON.parse(localStorage.getItem(key)) || []);
    } catch {
      done = new Set();
    }
    const steps = $$('[data-step]', pathway);
    const progress = $('[data-progress]', pathway);
    const show = () => {
      let n = 0;
      for (const step of steps) {
        const d = done.has(step.dataset.step);
        step.classList.toggle('done', d);
        $('[data-step-toggle]', step).setAttribute('aria-pressed', String(d));
        if (d) n++;
      }
      progress.textContent = pathway.dataset.progressMsg.replace('{done}', n).replace('{total}', steps.length);
      progress.hidden = false;
    };
    for (const step of steps) {
      const button = $('[data-step-toggle]', step);
      button.hidden = false;
      button.addEventListener('click', () => {
        const k = step.dataset.step;
        if (!done.delete(k)) done.add(k);
        try {
          localStorage.setItem(key, JSON.stringify([...done]));
        } catch {
          // Storage may be off; progress then lasts for this visit.
        }
        show();
      });
    }
    show();
  }
})();

// Offline reading (see sw.js): register the service worker, offer "Save
// for offline" on case studies and pathways, and list what this browser
// holds on /offline/. Without service workers none of it shows.
(() => {
  if (!('serviceWorker' in navigator) || !self.caches) return;
  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];
  const match = {ignoreVary: true};
  // Registering after the page has loaded keeps the worker's own
  // downloads from competing with the page's.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the site works as before, online only.
    });
  });

  const box = $('[data-offline-save]');
  if (box) {
    const button = $('[data-offline-button]', box);
    const status = $('[data-offline-status]', box);
    const say = (msg) => {
      status.textContent = msg;
    };
    box.hidden = false;
    caches.match(location.pathname, match).then((res) => {
      if (res && res.headers.has('X-Nexus-Saved')) say(box.dataset.msgSaved);
    });
    button.addEventListener('click', async () => {
      // A pathway saves its steps too: each case study and simulation.
      const paths = [location.pathname, ...$$('[data-step] h3 a').map((a) => a.getAttribute('href'))];
      button.disabled = true;
      say(box.dataset.msgSaving);
      try {
        const reg = await navigator.serviceWorker.ready;
        const answer = await new Promise((resolve) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = (e) => resolve(e.data);
          reg.active.postMessage({type: 'save', paths}, [ch.port2]);
        });
        if (!answer.ok) throw new Error(answer.error);
        say(box.dataset.msgSaved);
      } catch (err) {
        say(box.dataset.msgFailed.replace('{why}', err.message));
      }
      button.disabled = false;
    });
  }

  // /offline/ lists the pages in the service worker's caches, saved ones
  // marked; offline, it also stands in for pages never stored.
  const list = $('[data-offline-list]');
  if (list) {
    if (!/^(\/[a-z]{2})?\/offline\/$/.test(location.pathname)) $('[data-offline-missing]').hidden = false;
    (async () => {
      const pages = [];
      for (const name of await caches.keys()) {
        if (!/^nexus-.*-pages$/.test(name)) continue;
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          const res = await cache.match(req, match);
          if (!(res.headers.get('Content-Type') || '').startsWith('text/html')) continue;
          const path = new URL(req.url).pathname;
          if (/^(\/[a-z]{2})?\/offline\/$/.test(path)) continue;
          const title = new DOMParser().parseFromString(await res.text(), 'text/html').title || path;
          pages.push({path, title, saved: res.headers.has('X-Nexus-Saved')});
        }
      }
      pages.sort((a, b) => (b.saved - a.saved) || a.title.localeCompare(b.title));
      const ul = $('ul', list);
      for (const p of pages) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = p.path;
        a.textContent = p.title;
        const mark = document.createElement('span');
        mark.className = 'meta';
        mark.textContent = ' · ' + list.dataset[p.saved ? 'msgSaved' : 'msgVisited'];
        li.append(a, mark);
        ul.append(li);
      }
      if (!pages.length) $('[data-offline-count]', list).textContent = list.dataset.msgNone;
    })();
  }
})();

// The language switcher keeps the place: the same page in the other
// language, with the same filters (query) and section (hash).
(() => {
  for (const a of document.querySelectorAll('a[data-lang-switch]')) {
    a.addEventListener('click', () => {
      const u = new URL(a.href, location.href);
      u.search = location.search;
      u.hash = location.hash;
      a.href = u.href;
    });
  }
})();
