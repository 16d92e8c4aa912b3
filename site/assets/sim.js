// Loads sims.wasm on an embed page, showing the bytes received, and
// starts it. The Go program takes over from there (see wasm/). Interface
// text comes from data-* attributes the template fills.
'use strict';
(() => {
  const root = document.querySelector('[data-sim]');
  const bar = root.querySelector('[data-sim-progress] progress');
  const inFrame = window.parent !== window;

  const fail = (why) => {
    root.dataset.simState = 'error';
    const msg = root.querySelector('[data-sim-message]');
    msg.textContent = root.dataset.msgFail.replace('{why}', why);
    msg.hidden = false;
    if (inFrame) {
      window.parent.postMessage({type: 'nexus-sim', sim: root.dataset.sim, state: 'error', description: msg.textContent, query: location.search.slice(1)}, '*');
    }
  };

  if (typeof WebAssembly !== 'object' || typeof Go !== 'function') {
    fail(root.dataset.msgNoWasm);
    return;
  }
  const size = Number(root.dataset.wasmSize) || 0;

  // A reader who asks to save data and opened this page directly, not
  // through a Run simulation button that stated the size, chooses to
  // download the program, unless this browser already holds it.
  const askFirst = async () => {
    const lowData = (navigator.connection && navigator.connection.saveData) ||
      matchMedia('(prefers-reduced-data: reduce)').matches;
    if (inFrame || !lowData) return;
    if (self.caches && await caches.match(root.dataset.wasm, {ignoreVary: true})) return;
    const start = root.querySelector('[data-sim-start]');
    const progress = root.querySelector('[data-sim-progress]');
    root.dataset.simState = 'idle';
    progress.hidden = true;
    start.hidden = false;
    await new Promise((resolve) => start.querySelector('button').addEventListener('click', resolve, {once: true}));
    start.hidden = true;
    progress.hidden = false;
    root.dataset.simState = 'loading';
  };

  // The figure that opened this frame may have started the download
  // already (see site.js); it is taken once.
  const download = () => {
    const started = inFrame && window.frameElement && window.frameElement.wasm;
    if (!started || started.url !== root.dataset.wasm) return fetch(root.dataset.wasm);
    delete window.frameElement.wasm;
    return started.response;
  };

  (async () => {
    await askFirst();
    const res = await download();
    if (!res.ok) throw new Error('HTTP ' + res.status + '.');
    // Count bytes on one branch of the body while the browser compiles
    // the other: the bar measures decompressed bytes against the
    // decompressed size, redrawn at most once a frame.
    const [body, copy] = res.body.tee();
    const go = new Go();
    const compiled = WebAssembly.instantiateStreaming(
      new Response(body, {headers: {'Content-Type': 'application/wasm'}}), go.importObject);
    if (size) {
      let got = 0;
      let drawn = 0;
      const reader = copy.getReader();
      const draw = () => {
        bar.value = Math.min(got, size);
        drawn = 0;
      };
      (async () => {
        for (;;) {
          const {done, value} = await reader.read();
          if (done) return;
          got += value.byteLength;
          if (!drawn) drawn = requestAnimationFrame(draw);
        }
      })();
    } else {
      copy.cancel();
    }
    const {instance} = await compiled;
    await go.run(instance);
  })().catch((err) => fail(err && err.message ? err.message : String(err)));
})();
