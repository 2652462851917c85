// htmx requests carry the CSRF token that Spring Security put in the page's meta tags.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// After a refused submission the page opens on the error summary: focus it, so a screen reader reads every error at
// once and the keyboard is one Tab away from the first link to a field.
function focusErrorSummary(root) {
  var summary = (root || document).querySelector(".error-summary");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) {
      summary.setAttribute("tabindex", "-1");
    }
    summary.focus();
  }
}

// Long lists sort by any column: a button in each header of a table.sortable, its state in aria-sort. Cells may
// carry data-sort (an ISO date, a number) when their text does not sort as it reads.
function makeSortable(table) {
  var headers = table.querySelectorAll("thead th");
  headers.forEach(function (th, column) {
    if (th.hasAttribute("data-nosort") || th.querySelector("button")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent.trim();
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) {
        if (other.hasAttribute("aria-sort")) {
          other.setAttribute("aria-sort", "none");
        }
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[column]);
        var y = key(b.cells[column]);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "nl", {numeric: true});
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
}

function key(cell) {
  if (!cell) {
    return "";
  }
  var value = cell.getAttribute("data-sort");
  var text = value !== null ? value : cell.textContent.trim();
  var number = Number(text.replace(/\./g, "").replace(",", "."));
  return text !== "" && !isNaN(number) ? number : text;
}

function enhance(root) {
  (root || document).querySelectorAll("table.sortable").forEach(makeSortable);
}

document.addEventListener("DOMContentLoaded", function () {
  enhance(document);
  focusErrorSummary(document);
});
document.addEventListener("htmx:afterSettle", function (event) {
  enhance(event.target);
});
