/* Links that never break (docs/decisions/0002-urls.md and 0003-redirects.md).
 *
 * One small external file (the Content-Security-Policy allows script-src 'self'
 * only: no inline scripts, no inline event handlers), loaded in two places:
 *
 *  - on every page, by partials/kb-scripts.html: the language switcher keeps the
 *    #anchor, and on answer and county pages (the script tag then carries the
 *    data-copylink-* labels from content/ui.yml) a "copy link" icon button follows
 *    every heading that has an id (shown at the heading's end by kb.css). The content layer gives those headings
 *    explicit, stable ids (never slugs of their text), the same in fi and sv.
 *  - in the <head> of the redirect stubs written by src/kb/outputs/redirects.py,
 *    with data-redirect: goes to the new address with the #anchor, which the
 *    stub's <meta http-equiv="refresh"> alone would drop.
 *
 * Progressive enhancement: without JavaScript no button shows, the switcher
 * still opens the same page and the stub still redirects.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var options = (script && script.dataset) || {};

  /* --- redirect stub: keep the #anchor ------------------------------------ */

  if (options.redirect) {
    var target = new URL(options.redirect, window.location.href);
    target.hash = window.location.hash;
    window.location.replace(target.href);
    return;
  }

  /* --- language switcher: keep the #anchor ------------------------------- */

  /* Material's own handler for language links (on document.body) looks the page
     up in a sitemap.xml beside each alternate URL (kb-md-scope.js answers those
     look-ups with "none"), falls back to the bare URL and drops the anchor. The
     link itself already points to the same page (partials/alternate.html): let the
     browser follow it. */
  function followPlainly(event) {
    event.stopPropagation();
  }

  function keepAnchorOnSwitcher() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      if (!link.hasAttribute("data-kb-href")) {
        link.setAttribute("data-kb-href", link.getAttribute("href"));
        link.addEventListener("click", followPlainly);
      }
      var page = link.getAttribute("data-kb-href").split("#")[0];
      link.setAttribute("href", page + window.location.hash);
    });
  }

  keepAnchorOnSwitcher();
  window.addEventListener("hashchange", keepAnchorOnSwitcher);

  /* --- copy-link buttons -------------------------------------------------- */

  if (!options.copylinkButton) {
    return;
  }

  /* The page's own address (no query, no index.html), plus #id for a section.
     The page heading (h1) links to the page itself. */
  function permanentUrl(heading) {
    var url = new URL(window.location.href);
    url.search = "";
    url.pathname = url.pathname.replace(/index\.html$/, "");
    url.hash = heading.tagName === "H1" ? "" : heading.id;
    return url.href;
  }

  /* Clipboard API where allowed; else the older copy command on a scratch field. */
  function writeClipboard(text, button) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithCommand(text, button);
      });
    }
    return copyWithCommand(text, button);
  }

  function copyWithCommand(text, button) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "kb-copylink__scratch";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      document.body.removeChild(area);
      button.focus();  // select() moved the focus; give it back
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy command refused"));
      }
    });
  }

  var statuses = [];

  /* Live regions exist (empty) from page load: screen readers announce a change
     of their text, not a region that appears with text already in it. */
  function announce(status, text) {
    statuses.forEach(function (other) { other.textContent = ""; });
    window.setTimeout(function () { status.textContent = text; }, 100);
  }

  /* A chain-link icon (drawn here, no icon font or image request), hidden from
     assistive technology: the button's name says what it does. */
  var SVG = "http://www.w3.org/2000/svg";
  var LINK_PATH = "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 0 1 4.2 4.2l-2.1 2.1a1 1 0 1 1-1.4-1.4" +
    "l2.1-2.1a1 1 0 0 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5" +
    "a3 3 0 0 1-4.2-4.2l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a1 1 0 0 0 1.4 1.4l3.5-3.5" +
    "a1 1 0 0 1 1.4 0z";

  function linkIcon() {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "2 2 20 20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", LINK_PATH);
    svg.appendChild(path);
    return svg;
  }

  function addButton(heading) {
    var url = permanentUrl(heading);
    var wrapper = document.createElement("div");
    wrapper.className = "kb-copylink";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-copylink__button";
    button.setAttribute("data-url", url);
    button.appendChild(linkIcon());
    /* An icon button: its name is the label and the heading's text, unique among
       the page's many buttons ("Kopioi linkki: Yhteystiedot"); the tooltip shows
       the label to mouse users. */
    /* Without the soft hyphens the build puts into long words (kb/content/hyphenation.py). */
    var name = heading.textContent.replace(/\u00ad/g, "").trim();
    button.setAttribute("aria-label", options.copylinkButton + ": " + name);
    button.title = options.copylinkButton;
    var status = document.createElement("span");
    status.className = "kb-copylink__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    statuses.push(status);
    button.addEventListener("click", function () {
      writeClipboard(url, button).then(function () {
        announce(status, options.copylinkCopied);
      }, function () {
        announce(status, options.copylinkFailed + " " + url);
      });
    });
    wrapper.appendChild(button);
    wrapper.appendChild(status);
    /* The heading leaves room at its end for the button (kb.css). */
    heading.classList.add("kb-copylink-host");
    heading.insertAdjacentElement("afterend", wrapper);
  }

  var headings = document.querySelectorAll(
    "article.md-content__inner h1[id], article.md-content__inner h2[id], " +
    "article.md-content__inner h3[id]");
  Array.prototype.forEach.call(headings, addButton);
})();
