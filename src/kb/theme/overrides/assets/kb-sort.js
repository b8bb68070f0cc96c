// Sort buttons for a table written with data-kb-sortable (the comparison page,
// src/kb/pages/compare.py). Without this script the table is complete, in
// alphabetical order: sorting is an extra, never a condition for reading.
//
// Each column header gets a button (keyboard and screen readers reach it); the
// header carries aria-sort, and a polite live region says how the table is now
// sorted. Cells carry their own sort key (data-sort): dates as ISO text, money as
// zero-padded digits; an empty key ("not known") always sorts last. Labels come from
// the table's data attributes, written from content/ui.yml.
(function () {
  "use strict";

  function sortKey(row, column) {
    var cell = row.children[column];
    return cell ? cell.getAttribute("data-sort") || "" : "";
  }

  function compareRows(column, direction, collator) {
    return function (a, b) {
      var x = sortKey(a, column), y = sortKey(b, column);
      if (!x || !y) return x === y ? 0 : x ? -1 : 1; // not known: last either way
      return collator.compare(x, y) * direction;
    };
  }

  function enhance(table) {
    var headers = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    if (!headers.length || !body) return;
    var collator = new Intl.Collator(table.getAttribute("data-lang") || undefined, { numeric: true });
    var status = document.createElement("p");
    status.className = "kb-visually-hidden kb-compare__status";
    status.setAttribute("role", "status");
    var hint = document.createElement("p");
    hint.className = "kb-compare__hint";
    hint.textContent = table.getAttribute("data-sort-hint") || "";
    var container = table.closest(".kb-compare") || table;
    container.parentNode.insertBefore(hint, container);
    container.parentNode.insertBefore(status, container);

    function sortBy(column, direction) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(compareRows(column, direction, collator));
      rows.forEach(function (row) { body.appendChild(row); });
      Array.prototype.forEach.call(headers, function (th, index) {
        if (index === column) th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      var name = headers[column].textContent.trim();
      var template = table.getAttribute(direction > 0 ? "data-sort-ascending" : "data-sort-descending") || "";
      status.textContent = template.replace("{column}", name);
    }

    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-compare__sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        sortBy(index, ascending ? 1 : -1);
      });
    });
    headers[0].setAttribute("aria-sort", "ascending"); // the order the page was written in
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-kb-sortable]"), enhance);
})();
