/* The map page's enhancement (docs/maps.md): with a tile server configured, a Leaflet
   map of the same public places (from the page's GeoJSON) replaces the drawn one.
   Without JavaScript, or if anything fails, the drawn map and the list stay. */
(function () {
  "use strict";
  var box = document.querySelector("[data-map-tiles]");
  if (!box || !window.L || !window.fetch) return;
  var b = box.getAttribute("data-map-bounds").split(",").map(Number);
  function escape(text) {
    var d = document.createElement("div");
    d.textContent = text;
    return d.innerHTML;
  }
  fetch(box.getAttribute("data-map-geojson"), { headers: { Accept: "application/geo+json" } })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      box.hidden = false;
      var map = L.map(box, { scrollWheelZoom: false });
      L.tileLayer(box.getAttribute("data-map-tiles"), {
        maxZoom: 12,
        attribution: escape(box.getAttribute("data-map-attribution") || "")
      }).addTo(map);
      map.fitBounds([[b[3], b[0]], [b[1], b[2]]]);
      L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 7, weight: 2 });
        },
        onEachFeature: function (feature, layer) {
          var p = feature.properties;
          layer.bindPopup('<a href="' + escape(p.url) + '">' + escape(p.title) + "</a><br>" +
            escape(p.kind_label) + (p.place ? " · " + escape(p.place) : ""));
        }
      }).addTo(map);
      var figure = document.querySelector("[data-map-figure]");
      if (figure) figure.hidden = true;
    })
    .catch(function () { box.hidden = true; });
})();
