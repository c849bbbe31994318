// The quotes page, narrowed by speaker and by trip. Without this script the page is the
// full list, in parts. With it, a choice gathers the matching quotes from every part
// (fetched from this site, once) and shows them in place of the part's own list.
(function () {
  "use strict";
  var form = document.querySelector("form.shuttle-filter");
  var listing = document.querySelector(".shuttle-listing");
  if (!form || !listing) return;
  var speaker = form.querySelector("select[name=speaker]");
  var trip = form.querySelector("select[name=trip]");
  var status = form.querySelector(".shuttle-filter-status");
  var parts = (form.getAttribute("data-parts") || "").split(" ").filter(Boolean);
  var results = document.createElement("div");
  results.className = "shuttle-filter-results";
  results.hidden = true;
  listing.parentNode.insertBefore(results, listing);
  var gathered = null;

  function load() {
    if (gathered) return gathered;
    gathered = Promise.all(parts.map(function (href) {
      var url = new URL(href, document.baseURI).href;
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        return Array.prototype.map.call(doc.querySelectorAll("figure.shuttle-quote"), function (q) {
          // links inside a quote are relative to its own part: make them absolute
          q.querySelectorAll("a[href]").forEach(function (a) {
            a.setAttribute("href", new URL(a.getAttribute("href"), url).href);
          });
          q.removeAttribute("id");  // the ids stay with the list they belong to
          return document.importNode(q, true);
        });
      });
    })).then(function (lists) { return [].concat.apply([], lists); });
    return gathered;
  }

  function show() {
    var who = speaker.value, which = trip.value;
    if (!who && !which) {
      results.hidden = true;
      listing.hidden = false;
      status.textContent = "";
      return;
    }
    status.textContent = "Gathering the quotes…";
    load().then(function (quotes) {
      var shown = quotes.filter(function (q) {
        return (!who || q.getAttribute("data-speaker") === who) &&
          (!which || q.getAttribute("data-trip") === which);
      });
      results.replaceChildren.apply(results, shown);
      results.hidden = false;
      listing.hidden = true;
      status.textContent = shown.length === 1 ? "1 quote" : shown.length + " quotes";
    }, function () {
      status.textContent = "The quotes could not be gathered: the full list is below.";
      results.hidden = true;
      listing.hidden = false;
    });
  }

  speaker.addEventListener("change", show);
  trip.addEventListener("change", show);
  form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  form.hidden = false;
})();
