/* Itinera dashboard: small progressive enhancements. Every flow works without this file. */
(function () {
  "use strict";

  // Loaded in <head> (not deferred): the narrow-screen menu's CSS knows at once that script runs.
  document.documentElement.classList.add("js");

  // A polite live region (#live-region, in base.html): what changed, for screen readers.
  function announce(text) {
    var region = document.querySelector("[data-live-region]");
    if (!region || !text) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 60);
  }

  // The narrow-screen menu: a real button (aria-expanded, aria-controls). While it is closed the
  // sidebar is visibility:hidden (CSS), so its links are out of the Tab order; Escape closes it
  // and gives focus back to the button.
  function navButton() { return document.querySelector("[data-nav-toggle]"); }
  function setNav(open, returnFocus) {
    var button = navButton();
    if (!button) return;
    var sidebar = document.getElementById(button.getAttribute("aria-controls"));
    document.body.classList.toggle("nav-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open && sidebar) {
      var first = sidebar.querySelector("a[href], button, summary");
      if (first) setTimeout(function () { first.focus(); }, 0);
    } else if (returnFocus) {
      button.focus();
    }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-nav-toggle]")) {
      setNav(!document.body.classList.contains("nav-open"), false);
    } else if (event.target.closest("[data-nav-close]")) {
      setNav(false, true);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
      event.preventDefault();
      setNav(false, true);
    }
  });
  // Tabbing out of the open menu closes it (it would otherwise cover the page being tabbed).
  document.addEventListener("focusin", function (event) {
    if (!document.body.classList.contains("nav-open")) return;
    var button = navButton();
    var sidebar = button && document.getElementById(button.getAttribute("aria-controls"));
    if (sidebar && !sidebar.contains(event.target) && event.target !== button) setNav(false, false);
  });

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

  // htmx-updated regions (the builder's plan): focus stays where the work is and the change is
  // announced. Before the request we note what is being done; after the swap we focus the moved
  // item's same button, the new item, or the reopened form's first error.
  var pending = null;
  function ids(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-id][id]"), function (n) { return n.id; });
  }
  function labelOf(node) {
    var title = node && node.querySelector(".item__title, h3");
    return title ? title.textContent.trim() : "";
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    var form = source && source.closest ? source.closest("form") : null;
    var target = event.detail.target;
    if (!target) { pending = null; return; }
    if (!form) { // a boosted link: "Edit" opens the row's form in place, or a page of the plan
      var opened = source && source.closest ? source.closest("[data-id][id]") : null;
      pending = { targetId: target.id, before: ids(target), rowId: opened ? opened.id : null, opening: true };
      return;
    }
    var direction = form.querySelector("input[name=direction]");
    var row = form.closest("[data-id][id]");
    var button = form.querySelector("button[type=submit]");
    pending = {
      targetId: target.id,
      before: ids(target),
      rowId: row ? row.id : null,
      direction: direction ? direction.value : null,
      moveDay: form.hasAttribute("data-move-day"),
      label: button ? button.getAttribute("aria-label") : null,
      removing: form.hasAttribute("data-confirm") || /delete\/?$/.test(form.getAttribute("action") || ""),
      addDetails: form.closest("details") ? form.closest("details").id || null : null,
      addDayOf: form.closest("details") ? (form.closest("[data-id][id]") || {}).id || "add-day" : null,
    };
  });
  function focusNode(node) {
    if (!node) return;
    if (!node.matches("a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]")) {
      node.setAttribute("tabindex", "-1");
    }
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    var work = pending;
    pending = null;
    if (!work) return;
    var region = document.getElementById(work.targetId);
    if (!region) return;
    var error = region.querySelector(".field--error input, .field--error select, .field--error textarea");
    if (error) {
      var details = error.closest("details");
      if (details) details.open = true;
      var message = region.querySelector(".field--error .errorlist li");
      announce("Not saved: " + (message ? message.textContent.trim() : "check the form."));
      return; // focusFirstError (init) focuses it
    }
    if (work.opening) {
      var row = work.rowId && document.getElementById(work.rowId);
      // A row's own choice first (the "Remove …?" question's button), else its form's first field.
      var field = row && (row.querySelector("[data-autofocus]") || row.querySelector("input:not([type=hidden]), select, textarea"));
      focusNode(field || region.querySelector("h2"));
      var question = field && field.getAttribute("aria-describedby");
      if (question && document.getElementById(question)) announce(document.getElementById(question).textContent.trim());
      return;
    }
    if (work.moveDay && work.rowId) { // "Move to day…": the item is now on its new day's page
      var carried = document.getElementById(work.rowId);
      if (!carried) return;
      focusNode(carried.querySelector("[data-move-day] select, [data-move-day] input[name=day_number]") || carried);
      var dayOf = carried.closest("[aria-label^='Day ']");
      var at = Array.prototype.indexOf.call(carried.parentNode.children, carried) + 1;
      announce("Moved " + (labelOf(carried) || "it") + " to " + (dayOf ? dayOf.getAttribute("aria-label").toLowerCase() : "another day") + ". Now " + at + " of " + carried.parentNode.children.length + ".");
      return;
    }
    if (work.direction && work.rowId) {
      var moved = document.getElementById(work.rowId);
      if (!moved) return;
      var same = moved.querySelector("input[name=direction][value=" + work.direction + "] ~ button");
      var other = moved.querySelector("input[name=direction]:not([value=" + work.direction + "]) ~ button");
      focusNode(same && !same.disabled ? same : other && !other.disabled ? other : moved);
      var place = Array.prototype.indexOf.call(moved.parentNode.children, moved) + 1;
      announce((work.label ? work.label.replace(/^Move/, "Moved") : "Moved") + ". Now " + place + " of " + moved.parentNode.children.length + ".");
      return;
    }
    var added = ids(region).filter(function (id) { return work.before.indexOf(id) === -1; });
    if (added.length) {
      var node = document.getElementById(added[added.length - 1]);
      focusNode(node);
      announce("Added " + (labelOf(node) || "it") + ".");
      return;
    }
    if (work.removing) {
      var heading = region.querySelector("h2");
      focusNode(heading);
      announce((work.label ? work.label.replace(/^Remove/, "Removed") : "Removed") + ".");
      return;
    }
    var back = work.rowId && document.getElementById(work.rowId);
    if (back) { focusNode(back); announce("Saved " + (labelOf(back) || "") + "."); }
  });

  function init(root) {
    (root || document).querySelectorAll("[data-sortable]").forEach(initSortable);
    focusFirstError(root);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();

/* The commission page (#15): after an htmx swap of its region, say what happened in the live
   region and put focus where the work continues (the server names it in data-focus: the same
   row's button, the row that took the place of one all received, or the list's heading). An
   error is left to the generic handler above, which announces it and focuses the field. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var region = event.target && event.target.closest ? event.target.closest("[data-commission]") : null;
    if (!region) region = document.querySelector("[data-commission]");
    if (!region || !region.contains(event.target) && region !== event.target) return;
    if (region.querySelector(".field--error")) return;
    var said = region.querySelector("[data-announce]");
    var live = document.querySelector("[data-live-region]");
    if (said && live) {
      live.textContent = "";
      setTimeout(function () { live.textContent = said.textContent.trim(); }, 60);
    }
    var target = document.getElementById(region.getAttribute("data-focus") || "") ||
      document.getElementById("outstanding-heading");
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    }
  });
})();

/* Tables reflow rather than scroll sideways (#21): a .table--stack table wider than its box is
   marked .is-stacked, which app.css lays out a card per row with a label per cell, and is
   unmarked once its box is wide enough again. A phone stacks them by a media query alone; this
   covers the widths between (200% zoom of a 1920 px window, a table in a narrow card). */
(function () {
  "use strict";
  if (!window.ResizeObserver) return;
  var widths = new WeakMap();
  var tables = new WeakMap();
  function room(box) {
    var style = getComputedStyle(box);
    return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }
  function fit(table, box) {
    // Measured as a table: the class comes off and goes back on before the browser paints.
    table.classList.remove("is-stacked");
    if (table.offsetWidth > room(box) + 1) table.classList.add("is-stacked");
  }
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target;
      var width = box.clientWidth;
      if (widths.get(box) === width) return; // a change of height only (stacking makes one)
      widths.set(box, width);
      var table = tables.get(box);
      if (table && table.isConnected) fit(table, box);
    });
  });
  function init(root) {
    root = root || document;
    var found = Array.prototype.slice.call(root.querySelectorAll("table.table--stack"));
    if (root.matches && root.matches("table.table--stack")) found.push(root);
    found.forEach(function (table) {
      var box = table.closest(".table-wrap") || table.parentElement;
      if (!box || tables.get(box) === table) return;
      tables.set(box, table);
      widths.delete(box);
      observer.observe(box);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
