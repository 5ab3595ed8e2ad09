/* The client's proposal page: tell Itinera the page was shown to someone.
 *
 * Opening the link does not count by itself (link previews, mail scanners and prefetches
 * fetch it too). This script posts a beacon to the URL in its data-seen-url attribute once
 * the page is actually shown: after a prerender is activated, and only while visible.
 * Same-origin, no inline script (the page's Content-Security-Policy allows 'self' only).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-seen-url");
  if (!url) {
    return;
  }
  var sent = false;

  function send() {
    if (sent) {
      return;
    }
    sent = true;
    if (navigator.sendBeacon && navigator.sendBeacon(url)) {
      return;
    }
    if (window.fetch) {
      window.fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
    }
  }

  function whenVisible() {
    if (document.visibilityState === "visible") {
      send();
      return;
    }
    document.addEventListener("visibilitychange", function onChange() {
      if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", onChange);
        send();
      }
    });
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", whenVisible, { once: true });
  } else {
    whenVisible();
  }
})();
