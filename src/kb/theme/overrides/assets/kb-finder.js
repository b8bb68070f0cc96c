/* The municipality and county finder (kb/pages/finder.py writes its markup).
 *
 * Without this script the finder is its complete A–Ö list of links. With it, the
 * search box appears and, as the reader types, the matching entries of that same list
 * are shown as links: names that begin with the text first, then names that contain
 * it. Case and accents do not matter (ä = a, å = a, ö = o). A live region says how
 * many were found. Keyboard: Tab or Arrow Down from the box to the results, arrows
 * between them, Escape back to the box; Enter follows a link (it is a plain link).
 * Nothing is sent anywhere; no third-party code.
 */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function setUp(root) {
    var search = root.querySelector(".kb-finder__search");
    var input = root.querySelector(".kb-finder__input");
    var count = root.querySelector(".kb-finder__count");
    var results = root.querySelector(".kb-finder__results");
    if (!search || !input || !count || !results) return;

    var entries = Array.prototype.map.call(root.querySelectorAll(".kb-finder__list > li"), function (item) {
      return {
        item: item,
        terms: (item.getAttribute("data-terms") || "").split(" | ").map(fold),
      };
    });

    function rank(entry, query) {
      var best = 3;
      entry.terms.forEach(function (term) {
        if (term.indexOf(query) === 0) best = Math.min(best, 0);
        else if (term.split(/[\s-]+/).some(function (word) { return word.indexOf(query) === 0; })) best = Math.min(best, 1);
        else if (term.indexOf(query) > 0) best = Math.min(best, 2);
      });
      return best;
    }

    function announce(n) {
      var text = n === 0 ? root.getAttribute("data-none")
        : n === 1 ? root.getAttribute("data-one")
        : (root.getAttribute("data-many") || "").replace("{count}", String(n));
      count.textContent = text || "";
    }

    function update() {
      var query = fold(input.value);
      results.textContent = "";
      if (!query) {
        count.textContent = "";
        return;
      }
      var found = entries
        .map(function (entry, index) { return { entry: entry, rank: rank(entry, query), index: index }; })
        .filter(function (hit) { return hit.rank < 3; })
        .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; });
      // Every match is shown, so the count read out is the number of links that follow.
      found.forEach(function (hit) {
        var copy = hit.entry.item.cloneNode(true);
        copy.removeAttribute("data-terms");
        results.appendChild(copy);
      });
      announce(found.length);
    }

    function links() {
      return Array.prototype.slice.call(results.querySelectorAll("a"));
    }

    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        links()[0].focus();
      }
    });
    results.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? all[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
      }
    });

    search.hidden = false;
    if (input.value) update(); // a value the browser restored on going back
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-finder]"), setUp);
})();
