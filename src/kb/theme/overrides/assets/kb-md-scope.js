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

// Material 9.8.1's bundle requests "sitemap.xml" beside the site root and beside every
// <link rel="alternate"> (hreflang, the feed) on each page load, to map pages between
// languages for its own selector and for instant navigation. Neither is used here:
// each page names its alternates itself (partials/alternate.html) and kb-links.js
// follows them directly. Those requests would only cost bandwidth (the sitemap lists
// every page) and, beside page addresses, end in 404s in the browser's console. So a
// request for a sitemap.xml ends at once as "aborted", which Material's code takes as
// "no sitemap" (keep in step with Material on upgrade: tests/browser check the console).
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__kbSkip = /\/sitemap\.xml$/.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__kbSkip) {
      var request = this;
      window.setTimeout(function () { request.dispatchEvent(new ProgressEvent("abort")); }, 0);
      return undefined;
    }
    return send.apply(this, arguments);
  };
})();
