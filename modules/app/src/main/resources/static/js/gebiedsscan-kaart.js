// The area scan's choropleth: buurt polygons from /gebiedsscan/kaart on a blank background (no tile server, so
// nothing leaves the browser for a third party), coloured by class, suppressed buurten hatched. The numbers are the
// protected ones of the table below, which stays the accessible view of the same figures.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("kaart");
    var legend = document.getElementById("kaart-legenda");
    if (!element || !window.L) {
      return;
    }
    fetch(element.getAttribute("data-source"), { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (data.features.length === 0) {
          // Without boundaries the map would be an empty frame that reads as broken: say why instead.
          replaceWithMessage(element, "hint", legend.getAttribute("data-leeg"));
          legend.textContent = "";
          return;
        }
        var map = L.map(element, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false });
        var layer = L.geoJSON(data, {
          style: function (feature) {
            return { className: "area klasse-" + feature.properties.klasse, weight: 1 };
          },
          onEachFeature: function (feature, path) {
            var p = feature.properties;
            // Names with their codes ("Centrum (BU01180000)"); an area merged into its wijk says which.
            var buurt = p.buurtLabel || p.buurt;
            var gebied = p.gebiedLabel || p.gebied;
            path.bindTooltip(buurt + (p.gebied !== p.buurt ? " \u2013 " + gebied : "") + ": " + p.weergave);
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        element.setAttribute("data-rendered", String(data.features.length));
        legend.textContent = "";
        data.legenda.forEach(function (entry) {
          legend.appendChild(item("klasse-" + entry.klasse, entry.tot === undefined ? "\u2265 " + entry.van : entry.van + "\u2013" + entry.tot));
        });
        legend.appendChild(item("klasse-afgeschermd", legend.getAttribute("data-afgeschermd")));
      })
      .catch(function () {
        replaceWithMessage(element, "error", legend.getAttribute("data-fout"));
      });
  }
  function replaceWithMessage(element, className, text) {
    var message = document.createElement("p");
    message.className = className;
    message.id = "kaart-melding";
    message.textContent = text;
    element.replaceWith(message);
  }
  function item(className, text) {
    var li = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "swatch " + className;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(" " + text));
    return li;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
