// The service worker. Pages a reader visits, and the simulation program
// once they run a simulation, keep working offline; "Save for offline"
// stores a case study or a pathway with everything it needs. The build
// serves this file as /sw.js with three constants before it: RELEASE (a
// hash of the release's fingerprinted files), SHELL (what every page
// needs) and ASSETS (every fingerprinted file of the release).
//
// Each release has its own two caches. Installing a release fetches
// again what the previous one held offline, so that pages never meet a
// program of another release; activating it deletes the old caches.
'use strict';
const PREFIX = 'nexus-';
const PAGES = PREFIX + RELEASE + '-pages'; // pages and media, by path
const FILES = PREFIX + RELEASE + '-assets'; // fingerprinted files, kept forever
const SAVED = 'X-Nexus-Saved'; // marks a page the reader saved
const fingerprinted = /^\/assets\/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$/;
const match = {ignoreVary: true};

// key names a page in the cache by its path: the query of an embed page
// only sets the simulation's starting state, which the page reads itself.
const key = (url) => {
  const u = new URL(url, location.origin);
  return u.origin + u.pathname;
};

// logical names an asset without its hash: sims.wasm for sims.1a2b….wasm.
const logical = (p) => p.replace(/\.[0-9a-f]{10}(\.[a-z0-9]+)$/, '$1');

// fetchOK fetches a site path and fails unless the answer is a plain 200.
// mode 'cached' takes it from the HTTP cache only, never the network.
const fetchOK = async (url, mode) => {
  const u = new URL(url, location.origin);
  if (u.origin !== location.origin) throw new Error('not on this site: ' + url);
  const res = await fetch(u, mode === 'cached' ? {cache: 'only-if-cached', mode: 'same-origin'} : {});
  if (res.status !== 200 || res.redirected) {
    const err = new Error(u.pathname + ': HTTP ' + res.status);
    err.status = res.status;
    throw err;
  }
  return res;
};

// asset puts a fingerprinted file in this release's cache, from any
// cache that has it (the name fixes the content) or else from the
// network. Concurrent requests for one file share one download.
const pending = new Map();
const asset = (url, mode) => {
  const k = key(url);
  if (!pending.has(k)) {
    pending.set(k, (async () => {
      const cache = await caches.open(FILES);
      if (await cache.match(k, match)) return;
      const res = (await caches.match(k, match)) || await fetchOK(k, mode);
      await cache.put(k, res);
    })().finally(() => pending.delete(k)));
  }
  return pending.get(k);
};

// needs lists what a page refers to that offline reading needs: the
// fingerprinted files, media and embedded simulations' pages.
const needs = (html) => {
  const out = new Set();
  for (const [, raw] of html.matchAll(/(?:href|src|data-[a-z-]+)="(\/[^"#]*)"/g)) {
    const p = raw.split('?')[0];
    if (fingerprinted.test(p) || p.startsWith('/media/') || /^\/embed\/[^/]+\/$/.test(p)) out.add(p);
  }
  return [...out];
};

// putPage stores a page, keeping the saved mark it had.
const putPage = async (url, res, saved) => {
  const cache = await caches.open(PAGES);
  const k = key(url);
  const old = await cache.match(k, match);
  const headers = new Headers(res.headers);
  // The body is stored decoded, so the wire's encoding and length no
  // longer describe it.
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  if (saved || (old && old.headers.has(SAVED))) headers.set(SAVED, '1');
  const body = await res.arrayBuffer();
  await cache.put(k, new Response(body, {status: 200, statusText: 'OK', headers}));
  return new TextDecoder().decode(body);
};

// store puts a page in the cache. mode 'page' stores the page alone;
// 'deep' also everything it needs, from the network, and marks it
// saved; 'cached' also what it needs that the browser already holds.
const store = async (url, mode, seen = new Set()) => {
  const k = key(url);
  if (seen.has(k)) return;
  seen.add(k);
  const html = await putPage(k, await fetchOK(k), mode === 'deep');
  if (mode === 'page') return;
  for (const p of needs(html)) {
    if (fingerprinted.test(p)) {
      await asset(p, mode).catch((err) => {
        if (mode === 'deep') throw err;
      });
    } else if (p.startsWith('/media/')) {
      if (mode === 'deep') await putPage(p, await fetchOK(p), false);
    } else {
      await store(p, mode, seen).catch((err) => {
        if (mode === 'deep') throw err;
      });
    }
  }
};

// carryOver fetches again, for this release, what older releases held:
// saved pages with all they need, visited pages alone, and the newer
// versions of files the reader had (the simulation program, once run,
// unless they asked to save data). A page gone from the site is dropped;
// any other failure fails the install, so the old release stays whole
// until the next try.
const carryOver = async () => {
  const pages = new Map();
  const had = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name.startsWith(PREFIX + RELEASE + '-')) continue;
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      const p = new URL(req.url).pathname;
      if (fingerprinted.test(p)) {
        had.add(logical(p));
        continue;
      }
      const res = await cache.match(req, match);
      const html = (res.headers.get('Content-Type') || '').startsWith('text/html');
      pages.set(p, !html ? 'media' : res.headers.has(SAVED) ? 'deep' : pages.get(p) || 'page');
    }
  }
  const saveData = self.navigator.connection && self.navigator.connection.saveData;
  for (const [p, mode] of pages) {
    try {
      if (mode === 'media') await putPage(p, await fetchOK(p), false);
      else await store(p, mode);
    } catch (err) {
      if (err.status !== 404 && err.status !== 410) throw err;
    }
  }
  for (const a of ASSETS) {
    if (had.has(logical(a)) && !(saveData && a.endsWith('.wasm'))) await asset(a);
  }
};

self.addEventListener('install', (e) => {
  e.waitUntil((async () => {
    await Promise.all(SHELL.map((p) => (fingerprinted.test(p) ? asset(p) : store(p, 'page'))));
    await carryOver();
    // Pages open before this worker existed: keep them, and what the
    // browser already downloaded for them (never fetching the
    // simulation program for a reader who has not asked for it).
    for (const c of await self.clients.matchAll({type: 'window', includeUncontrolled: true})) {
      await store(c.url, 'cached').catch(() => {});
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !name.startsWith(PREFIX + RELEASE + '-')) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Fingerprinted files come from the cache first: their content never
// changes. Pages and media come from the network first, so readers online
// always get the current text, and from the cache when that fails.
self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin || req.headers.has('Range')) return;
  if (fingerprinted.test(url.pathname)) {
    e.respondWith((async () => {
      const hit = await caches.match(req.url, match);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.status === 200) {
        // The page reads the original as it arrives (the simulation's
        // progress bar); the cache gets a copy.
        const copy = res.clone();
        e.waitUntil(caches.open(FILES).then((c) => c.put(key(req.url), copy)));
      }
      return res;
    })());
    return;
  }
  const pageLike = req.mode === 'navigate' || url.pathname.startsWith('/media/');
  if (!pageLike) return;
  e.respondWith((async () => {
    try {
      const res = await fetch(req);
      if (res.status === 200 && !res.redirected) {
        e.waitUntil(putPage(req.url, res.clone(), false));
      }
      return res;
    } catch (err) {
      const hit = await caches.match(key(req.url), match);
      if (hit) return hit;
      // A page never visited: the list of what is available offline,
      // in the language of the page asked for.
      const lang = url.pathname.match(/^\/[a-z]{2}\//);
      const list = req.mode === 'navigate' &&
        ((lang && await caches.match(key(lang[0] + 'offline/'), match)) || await caches.match(key('/offline/'), match));
      if (list) return list;
      throw err;
    }
  })());
});

// "Save for offline": the page sends the paths to save and a port for
// the answer.
self.addEventListener('message', (e) => {
  const d = e.data;
  const port = e.ports[0];
  if (!d || d.type !== 'save' || !Array.isArray(d.paths) || !port) return;
  e.waitUntil((async () => {
    try {
      const seen = new Set();
      for (const p of d.paths) await store(String(p), 'deep', seen);
      port.postMessage({ok: true});
    } catch (err) {
      port.postMessage({ok: false, error: String(err && err.message || err)});
    }
  })());
});
