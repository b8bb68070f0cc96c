// Material 9.8.1's inline head script (partials/javascripts/base.html), moved to
// a file so the Content-Security-Policy needs no 'unsafe-inline'. Same globals,
// same behaviour: Material's bundle keeps small settings in localStorage under
// the site's path (no cookies). Loaded synchronously in <head>, before the bundle.
window.__md_scope = new URL(document.currentScript.dataset.scope, location);
window.__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
window.__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
window.__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) { /* storage full or blocked */ }
};
