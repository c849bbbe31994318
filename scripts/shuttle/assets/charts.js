/* Shuttle chart loader.
 *
 * Each chart is a <figure class="shuttle-chart"> holding a container with
 * data-spec="<url of the Vega-Lite spec>" and a static SVG <img>. This script
 * fetches the spec (same origin only), renders it with vegaEmbed (from vega.js,
 * loaded before this script), and hides the static image once the chart is drawn.
 * If anything fails, the static image simply stays. For printing, the static image
 * comes back (it scales to the page; the live chart is sized to the screen).
 *
 * Works as <script defer>, as a plain <script> at the end of <body>, and with
 * mkdocs-material's instant navigation (through document$) if that is turned on.
 */
(function () {
  "use strict";

  var OPTIONS = {
    actions: false, // the "Open in Vega Editor" action would post the spec off-site
    renderer: "svg",
    ast: true, // the CSP-safe expression interpreter: works without 'unsafe-eval'
    defaultStyle: false, // no injected <style>; actions are off anyway
    logLevel: 0,
  };
  var LIVE = "shuttle-chart--live";

  function sameOrigin(url) {
    try {
      return new URL(url, document.baseURI).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  function showFallback(figure, show) {
    var live = figure.querySelector(".shuttle-chart__live");
    var img = figure.querySelector(".shuttle-chart__fallback");
    if (img) img.hidden = !show;
    if (live) live.hidden = show;
  }

  function render(container) {
    if (container.getAttribute("data-shuttle-state")) return;
    var url = container.getAttribute("data-spec");
    var figure = container.closest(".shuttle-chart") || container;
    if (!url || !sameOrigin(url) || typeof window.vegaEmbed !== "function") return;
    if (typeof window.fetch !== "function") return;
    container.setAttribute("data-shuttle-state", "loading");

    var target = document.createElement("div");
    target.className = "shuttle-chart__live";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("chart spec: HTTP " + response.status);
        return response.json();
      })
      .then(function (spec) {
        delete spec.usermeta; // vegaEmbed would read embed options from it
        container.appendChild(target);
        showFallback(figure, false); // the container's min-height holds the space
        return window.vegaEmbed(target, spec, OPTIONS);
      })
      .then(function () {
        var svg = target.querySelector("svg");
        if (svg) svg.style.display = "block"; // no inline gap below: height matches the img
        figure.classList.add(LIVE);
        container.setAttribute("data-shuttle-state", "live");
      })
      .catch(function (error) {
        if (target.parentNode) target.parentNode.removeChild(target);
        showFallback(figure, true);
        container.setAttribute("data-shuttle-state", "static");
        if (window.console && console.debug) {
          console.debug("Shuttle chart: showing the static image instead.", error);
        }
      });
  }

  function renderAll() {
    var containers = document.querySelectorAll(".shuttle-chart [data-spec]");
    for (var i = 0; i < containers.length; i++) render(containers[i]);
  }

  function forPrint(printing) {
    var figures = document.querySelectorAll(".shuttle-chart." + LIVE);
    for (var i = 0; i < figures.length; i++) showFallback(figures[i], printing);
  }

  window.addEventListener("beforeprint", function () {
    forPrint(true);
  });
  window.addEventListener("afterprint", function () {
    forPrint(false);
  });
  var printQuery = window.matchMedia ? window.matchMedia("print") : null;
  if (printQuery && printQuery.addEventListener) {
    printQuery.addEventListener("change", function (event) {
      forPrint(event.matches);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
