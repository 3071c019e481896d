/*
 * Small accessibility fixes on top of Material (local file, no other host).
 * - A table that scrolls sideways can be reached and scrolled with the keyboard, and says what
 *   it is: its scrolling box gets tabindex, role "region" and a label from the nearest heading.
 * - Buttons drawn as labels (menu, search, colours) answer the Space key, as buttons do
 *   (Material already answers Enter).
 */
"use strict";

(function () {
  function heading(el) {
    for (var node = el; node && !node.classList.contains("md-typeset"); node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling)
        if (/^H[1-6]$/.test(prev.tagName)) {
          var copy = prev.cloneNode(true), links = copy.querySelectorAll(".headerlink");
          for (var i = 0; i < links.length; i++)
            links[i].remove();
          return copy.textContent.replace(/\s+/g, " ").trim();
        }
    }
    return "";
  }

  function label(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls) {
      var name = heading(wrap);
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng" + (name ? ": " + name : "") + " (cuộn ngang để xem hết)");
    } else if (wrap.getAttribute("role") === "region") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  function labelAll() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++)
      label(wraps[i]);
  }

  function start() {
    labelAll();
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(labelAll, 150);
    });
  }

  /*
   * The search box is a tab stop only while it can be seen: on a phone it is drawn only when
   * search is open (opening search with its header button still puts the cursor in it). The
   * results are hidden while search is closed (site.css).
   */
  function searchStops() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (!toggle || !input)
      return;
    var wide = window.matchMedia("(min-width: 60em)");
    function sync() {
      input.tabIndex = toggle.checked || wide.matches ? 0 : -1;
    }
    toggle.addEventListener("change", sync);
    if (wide.addEventListener)
      wide.addEventListener("change", sync);
    sync();
  }
  searchStops();

  document.addEventListener("keydown", function (ev) {
    var el = ev.target;
    if ((ev.key === " " || ev.key === "Spacebar") && el instanceof HTMLLabelElement && el.getAttribute("role") === "button") {
      ev.preventDefault();
      el.click();
    }
  });

  // Material wraps tables when it mounts the page: after its own subscription to document$.
  if (window.document$ && typeof window.document$.subscribe === "function")
    window.document$.subscribe(start);
  else if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", start);
  else
    start();
})();
