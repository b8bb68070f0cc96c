/* Site search in the header, on Pagefind's JavaScript API.
 *
 * - One Pagefind bundle, site/pagefind/, with an index per language
 *   (src/kb/outputs/search.py); data-bundle points every page at it. It is
 *   loaded only when the reader starts to search, and pagefind.js loads only the
 *   index of the page's <html lang>: a Swedish page can only query sv pages.
 * - Results: the page title (an answer's question) and an excerpt; the link
 *   goes to the best-matching section (#anchor) of long pages, such as a
 *   county's municipality list, and other matching sections are listed below.
 * - Accessibility: a labelled search landmark and input, the result count in a
 *   polite live region, results as a list of ordinary links; Down/Up move
 *   between results (Down also reopens closed results), Escape closes them and
 *   returns to the input, "/" focuses the input.
 * - CSP: an external file, no inline code, no eval, no innerHTML with page text
 *   (excerpts are rebuilt as text nodes and <mark>s). Pagefind itself needs
 *   script-src 'wasm-unsafe-eval' for its WebAssembly and runs in a worker
 *   loaded from the same bundle (worker-src 'self').
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var MAX_SECTIONS = 3;
  var DEBOUNCE_MS = 200;

  var box = document.querySelector("[data-kb-search]");
  var header = document.querySelector(".md-header__inner");
  if (!box || !header) return;

  var labels = parseLabels(box.getAttribute("data-labels"));
  var bundleUrl = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var form = box.querySelector("[data-kb-search-form]");
  var input = box.querySelector("input");
  var status = box.querySelector("[data-kb-search-status]");
  var panel = box.querySelector(".kb-search__panel");
  var meta = box.querySelector("[data-kb-search-meta]");
  var list = box.querySelector("[data-kb-search-results]");
  var pagefind = null;        // a promise of the Pagefind module, once requested
  var sequence = 0;           // the latest query wins; older answers are dropped
  var timer = 0;

  function parseLabels(text) {
    try { return JSON.parse(text || "{}"); } catch (error) { return {}; }
  }

  function label(key, values) {
    var text = labels[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  /* Put the box where Material's search button would be: after the language
     switcher, before the repository link. */
  function placeInHeader() {
    header.insertBefore(box, header.querySelector(".md-header__source"));
    box.querySelector("[data-kb-search-label]").textContent = label("label");
    form.setAttribute("aria-label", label("label"));
    input.setAttribute("placeholder", label("placeholder"));
    list.setAttribute("aria-label", label("results"));
    box.hidden = false;
  }

  function loadPagefind() {
    if (!pagefind) {
      // Result URLs are relative to the site root, the bundle's parent folder.
      var siteRoot = new URL("../", bundleUrl).pathname;
      pagefind = import(bundleUrl.href).then(function (module) {
        return module.options({ baseUrl: siteRoot, excerptLength: 24 }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  /* Pagefind finds the pages that contain every word of the query. Readers type
     questions ("olenko esteellinen lautakunnassa"), where one word missing from
     the page ("olenko") would hide the answer. So those pages come first, in
     Pagefind's order, followed by the pages that have only some of the words:
     each word is searched alone and such pages are ranked by the sum of their
     per-word scores (BM25 "or"), scaled by the share of words they have. */
  function ranked(module, query) {
    var words = query.split(/\s+/).filter(function (word, index, all) {
      return all.indexOf(word) === index;
    });
    var whole = module.search(query);
    if (words.length < 2) return whole.then(function (response) { return response.results; });
    var searches = [whole].concat(words.map(function (word) { return module.search(word); }));
    return Promise.all(searches).then(function (responses) {
      var all = responses[0].results;
      var seen = {};
      all.forEach(function (result) { seen[result.id] = true; });
      var some = {};
      responses.slice(1).forEach(function (response) {
        response.results.forEach(function (result) {
          if (seen[result.id]) return;
          var page = some[result.id] || (some[result.id] = { result: result, score: 0, words: 0 });
          page.score += result.score;
          page.words += 1;
        });
      });
      var partial = Object.keys(some).map(function (id) {
        var page = some[id];
        return { result: page.result, rank: page.score * page.words / words.length };
      }).sort(function (a, b) { return b.rank - a.rank; });
      return all.concat(partial.map(function (page) { return page.result; }));
    });
  }

  /* The best-matching part of a page: a section (sub-result) by its summed
     match scores. The first section is the page itself when its heading is the
     page title. */
  function sections(data) {
    var subs = (data.sub_results || []).map(function (sub) {
      var score = (sub.weighted_locations || []).reduce(function (sum, location) {
        return sum + location.balanced_score;
      }, 0);
      var isTop = sub.title === data.meta.title || sub.url.indexOf("#") < 0;
      return { title: sub.title, url: isTop ? data.url : sub.url, excerpt: sub.excerpt,
               score: score, isTop: isTop };
    });
    subs.sort(function (a, b) { return b.score - a.score; });
    return subs;
  }

  /* Excerpts are HTML with <mark> around matches. Rebuild them from text so
     nothing else from the index can ever become markup. */
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var fragment = document.createDocumentFragment();
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultItem(data) {
    var parts = sections(data);
    var best = parts[0] || { url: data.url, excerpt: data.excerpt, isTop: true };
    var item = element("li", "kb-search__result");
    var link = element("a", "kb-search__link");
    link.href = best.url;
    link.appendChild(element("span", "kb-search__title", data.meta.title));
    if (!best.isTop) link.appendChild(element("span", "kb-search__section", best.title));
    item.appendChild(link);
    var excerpt = element("p", "kb-search__excerpt");
    excerpt.appendChild(excerptNodes(best.excerpt || data.excerpt));
    item.appendChild(excerpt);
    var others = parts.slice(1).filter(function (part) { return !part.isTop; })
      .slice(0, MAX_SECTIONS);
    if (others.length) {
      var sub = element("ul", "kb-search__sections");
      others.forEach(function (part) {
        var entry = element("li");
        var anchor = element("a", null, part.title);
        anchor.href = part.url;
        entry.appendChild(anchor);
        sub.appendChild(entry);
      });
      item.appendChild(sub);
    }
    return item;
  }

  function countText(count, query) {
    var key = count === 0 ? "none" : count === 1 ? "one" : "many";
    return label(key, { count: String(count), query: "\u201c" + query + "\u201d" });
  }

  function show(text, items, query) {
    meta.textContent = text;
    status.textContent = text;
    list.replaceChildren.apply(list, items);
    list.setAttribute("data-query", query);
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
  }

  function search(query) {
    var current = ++sequence;
    query = query.trim();
    if (!query) {
      close();
      list.replaceChildren();
      status.textContent = "";
      return Promise.resolve();
    }
    meta.textContent = label("searching");
    panel.hidden = false;
    return loadPagefind()
      .then(function (module) { return ranked(module, query); })
      .then(function (results) {
        var shown = results.slice(0, MAX_RESULTS);
        return Promise.all(shown.map(function (r) { return r.data(); })).then(function (data) {
          if (current !== sequence) return;
          show(countText(results.length, query), data.map(resultItem), query);
        });
      })
      .catch(function () {
        if (current !== sequence) return;
        show(label("error"), [], query);
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function moveFocus(step) {
    var all = links();
    var index = all.indexOf(document.activeElement);
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : index + step;
    if (next < 0) { input.focus(); return; }
    if (all[next]) all[next].focus();
  }

  function reopen() {
    if (!input.value.trim() || !list.childElementCount) return false;
    panel.hidden = false;
    return true;
  }

  input.addEventListener("focus", function () {
    loadPagefind().catch(function () { /* reported when a search is made */ });
  });
  input.addEventListener("click", reopen);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();   // no server to submit to: search at once instead
    clearTimeout(timer);
    search(input.value);
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (panel.hidden) return;
      close();
      input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if ((panel.hidden && !reopen()) || !links().length) return;
      moveFocus(event.key === "ArrowDown" ? 1 : -1);
      event.preventDefault();
    }
  });
  // Close when focus or a click leaves the search box.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) close();
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus();
      event.preventDefault();
    }
  });

  placeInHeader();
})();
