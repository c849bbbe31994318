/* Shuttle chart loader.
 *
 * Each chart is a <figure class="shuttle-chart"> holding a container with
 * data-spec="<url of the Vega-Lite spec>" and a static SVG <img>. The static image is
 * the chart until the reader reaches for it: the first pointer, touch or focus on a
 * chart's figure loads the chart library (the data-vega URL of this script's own tag,
 * same origin only), fetches the spec, renders it with vegaEmbed, and hides the static
 * image once the live chart is drawn. Nothing heavy runs while the page loads: the library
 * (hundreds of kilobytes) and the rendering would block the main thread for a second
 * on a phone. If anything fails, the static image simply stays. For printing, the
 * static image comes back (it scales to the page; the live chart is sized to the
 * screen).
 *
 * Works as <script defer>, as a plain <script> at the end of <body>, and with
 * mkdocs-material's instant navigation (through document$) if that is turned on. If
 * vegaEmbed is already defined (vega.js loaded by its own tag), it is used as it is.
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
  // What tells that the reader is about to use a chart.
  var INTENT = ["pointerover", "pointerdown", "touchstart", "focusin"];
  var self = document.currentScript;
  var libraryUrl = self ? self.getAttribute("data-vega") : null;
  var library = null; // the promise of the loaded library, once asked for

  // Vega's tooltip box, made here before Vega would add it to <body> (outside every
  // landmark): inside <main>, hidden from assistive technology, since it repeats for
  // the pointer what the chart's description and data table give to everyone.
  function tooltipBox() {
    if (document.getElementById("vg-tooltip-element")) return;
    var box = document.createElement("div");
    box.id = "vg-tooltip-element";
    box.className = "vg-tooltip";
    box.setAttribute("aria-hidden", "true");
    (document.querySelector("main") || document.body).appendChild(box);
  }

  function sameOrigin(url) {
    try {
      return new URL(url, document.baseURI).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  function loadLibrary() {
    if (typeof window.vegaEmbed === "function") return Promise.resolve();
    if (library) return library;
    if (!libraryUrl || !sameOrigin(libraryUrl)) {
      return Promise.reject(new Error("chart library: no same-origin URL"));
    }
    library = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(libraryUrl, document.baseURI).href;
      script.async = true;
      script.onload = function () {
        if (typeof window.vegaEmbed === "function") resolve();
        else reject(new Error("chart library: no vegaEmbed"));
      };
      script.onerror = function () {
        library = null; // a later reach for a chart tries again
        reject(new Error("chart library: failed to load"));
      };
      document.head.appendChild(script);
    });
    return library;
  }

  function showFallback(figure, show) {
    var live = figure.querySelector(".shuttle-chart__live");
    var img = figure.querySelector(".shuttle-chart__fallback");
    if (img) img.hidden = !show;
    if (live) live.hidden = show;
  }

  function render(container) {
    var state = container.getAttribute("data-shuttle-state");
    if (state === "loading" || state === "live") return;
    var url = container.getAttribute("data-spec");
    var figure = container.closest(".shuttle-chart") || container;
    if (!url || !sameOrigin(url) || typeof window.fetch !== "function") return;
    container.setAttribute("data-shuttle-state", "loading");

    var target = document.createElement("div");
    target.className = "shuttle-chart__live";
    var spec = fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("chart spec: HTTP " + response.status);
      return response.json();
    });
    Promise.all([loadLibrary(), spec])
      .then(function (loaded) {
        var json = loaded[1];
        delete json.usermeta; // vegaEmbed would read embed options from it
        tooltipBox();
        container.appendChild(target);
        showFallback(figure, false); // the container's min-height holds the space
        return window.vegaEmbed(target, json, OPTIONS);
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

  // The whole figure listens (caption, image, description, data): the pointer on its
  // way to the chart starts the loading a moment before it gets there.
  function watch(container) {
    if (container.getAttribute("data-shuttle-watched")) return;
    container.setAttribute("data-shuttle-watched", "true");
    var figure = container.closest(".shuttle-chart") || container;
    function reached() {
      for (var i = 0; i < INTENT.length; i++) {
        figure.removeEventListener(INTENT[i], reached, { passive: true });
      }
      render(container);
    }
    for (var i = 0; i < INTENT.length; i++) {
      figure.addEventListener(INTENT[i], reached, { passive: true });
    }
  }

  function watchAll() {
    var containers = document.querySelectorAll(".shuttle-chart [data-spec]");
    for (var i = 0; i < containers.length; i++) watch(containers[i]);
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
    window.document$.subscribe(watchAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchAll);
  } else {
    watchAll();
  }
})();
