// Progressive enhancements of the static pages. Every page works without
// this file; with it, a simulation's static preview can become the live
// simulation on demand.
'use strict';
(() => {
  // A case-study figure loads sims.wasm only when the reader asks, by
  // putting the embed page in an iframe in place of the preview.
  for (const fig of document.querySelectorAll('figure[data-sim][data-embed]')) {
    const button = fig.querySelector('button[data-action="load"]');
    if (!button) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const frame = document.createElement('iframe');
      frame.src = fig.dataset.embed;
      frame.title = fig.querySelector('.sim-title').textContent + ' simulation';
      frame.className = 'sim-frame';
      frame.allow = 'fullscreen';
      fig.querySelector('[data-sim-preview]').replaceWith(frame);
      fig.querySelector('[data-sim-load]').hidden = true;
      fig.dataset.simState = 'loading';
      frame.focus();
    });
  }

  // The embed page reports its state; mirror it on the figure so the
  // case study carries data-sim-state and the description too.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.origin !== location.origin || !d || d.type !== 'nexus-sim') return;
    for (const frame of document.querySelectorAll('figure[data-sim] iframe')) {
      if (frame.contentWindow !== e.source) continue;
      const fig = frame.closest('figure');
      fig.dataset.simState = d.state;
      fig.dataset.simQuery = d.query;
      const desc = fig.querySelector('[data-sim-description]');
      if (desc.textContent !== d.description) desc.textContent = d.description;
    }
  });
})();
