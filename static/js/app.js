/* Itinera dashboard: small progressive enhancements. Every flow works without this file. */
(function () {
  "use strict";

  // Copy buttons: <button data-copy="#target-id">. The target's text goes to the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var text = target.value !== undefined && target.tagName !== "CODE" ? target.value : target.textContent;
    var done = function () {
      var label = button.querySelector("[data-copy-label]") || button;
      var original = label.textContent;
      label.textContent = "Copied";
      button.classList.add("is-copied");
      setTimeout(function () {
        label.textContent = original;
        button.classList.remove("is-copied");
      }, 1800);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.trim()).then(done, function () { selectText(target); });
    } else {
      selectText(target);
      try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
    }
  });

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Confirmation for destructive forms: <form data-confirm="Remove this day?">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopPropagation(); // htmx (hx-boost) must not send it either
    }
  }, true);

  // Print buttons: <button data-print>.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  // Drag to reorder: a list with data-sortable="<url>" whose children carry data-id.
  // On drop we POST the new position to the same "move" endpoint the up/down buttons use.
  function initSortable(list) {
    if (list.dataset.sortableReady) return;
    list.dataset.sortableReady = "1";
    var dragged = null;
    list.querySelectorAll(":scope > [data-id]").forEach(function (row) {
      row.setAttribute("draggable", "true");
      // Typing or clicking inside a form must never start a drag.
      row.addEventListener("mousedown", function (event) {
        var interactive = event.target.closest("input, textarea, select, button, a, label, summary, form");
        row.setAttribute("draggable", interactive ? "false" : "true");
        if (!interactive) event.stopPropagation();
      });
      row.addEventListener("dragstart", function (event) {
        event.stopPropagation(); // an item inside a day drags the item, not the day
        dragged = row;
        row.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
      });
      row.addEventListener("dragend", function () {
        row.classList.remove("is-dragging");
        list.querySelectorAll(".drop-target").forEach(function (n) { n.classList.remove("drop-target"); });
      });
      row.addEventListener("dragover", function (event) {
        if (!dragged || dragged === row || dragged.parentNode !== list) return;
        event.preventDefault();
        row.classList.add("drop-target");
      });
      row.addEventListener("dragleave", function () { row.classList.remove("drop-target"); });
      row.addEventListener("drop", function (event) {
        event.preventDefault();
        row.classList.remove("drop-target");
        if (!dragged || dragged === row || dragged.parentNode !== list) return;
        var rows = Array.prototype.slice.call(list.querySelectorAll(":scope > [data-id]"));
        var to = rows.indexOf(row);
        var url = dragged.getAttribute("data-move-url");
        if (!url) return;
        var body = new URLSearchParams();
        // A page of the builder's days starts after data-offset days: positions are the plan's.
        var offset = parseInt(list.getAttribute("data-offset") || "0", 10) || 0;
        body.set("to", String(offset + to + 1));
        var token = document.querySelector("input[name=csrfmiddlewaretoken]");
        fetch(url, {
          method: "POST",
          headers: { "X-CSRFToken": token ? token.value : "", "Content-Type": "application/x-www-form-urlencoded" },
          body: body.toString(),
          credentials: "same-origin",
        }).then(function () { window.location.reload(); });
      });
    });
  }

  // After a validation error, bring the first field in error into view and focus it, so the
  // agent sees at once what to fix (the form keeps everything they typed).
  function focusFirstError(root) {
    var field = (root || document).querySelector(
      ".field--error input, .field--error select, .field--error textarea"
    );
    if (!field) return;
    field.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  }

  function init(root) {
    (root || document).querySelectorAll("[data-sortable]").forEach(initSortable);
    focusFirstError(root);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
