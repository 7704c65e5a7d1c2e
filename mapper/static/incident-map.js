/* incident-map.js: the interactive part of map.html (shipped in mapper/static/).
 * Every text that came from an article reaches the page through textContent, never innerHTML. */
(function () {
  "use strict";
  var RING = 4;          // px between a contested marker and its ring
  var DAY = 86400000;

  function traceShape(ctx, pts, x, y, r) {
    if (!pts) { ctx.arc(x, y, r, 0, Math.PI * 2, false); return; }
    ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
    for (var i = 1; i < pts.length; i++) { ctx.lineTo(x + pts[i][0] * r, y + pts[i][1] * r); }
    ctx.closePath();
  }

  // A canvas marker drawn as the shape of its event type; a contested one gets a dark ring.
  var ShapeMarker = L.CircleMarker.extend({
    _updateBounds: function () {
      var r = this._radius * 1.3 + (this.options.ring ? RING + 2 : 0) + (this._stack > 1 ? 24 : 0);
      var w = this._clickTolerance(), p = [r + w, r + w];
      this._pxBounds = new L.Bounds(this._point.subtract(p), this._point.add(p));
    },
    _updatePath: function () {
      var rd = this._renderer;
      if (!rd._drawing || this._empty()) { return; }
      var ctx = rd._ctx, p = this._point, r = Math.max(Math.round(this._radius), 1);
      ctx.beginPath();
      traceShape(ctx, this.options.shape, p.x, p.y, r);
      rd._fillStroke(ctx, this);
      if (this.options.ring) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, r + RING, 0, Math.PI * 2, false);
        ctx.globalAlpha = 1;
        ctx.lineWidth = 2;
        ctx.strokeStyle = "#111";
        ctx.setLineDash([]);
        ctx.stroke();
      }
      if (this._stack > 1) {  // several claims of this side at this very place (drawn unclustered)
        ctx.globalAlpha = 1;
        ctx.font = "bold 11px system-ui, sans-serif";
        ctx.lineWidth = 3;
        ctx.strokeStyle = "#fff";
        ctx.fillStyle = "#111";
        ctx.setLineDash([]);
        ctx.strokeText("\u00d7" + this._stack, p.x + r + 3, p.y - r + 2);
        ctx.fillText("\u00d7" + this._stack, p.x + r + 3, p.y - r + 2);
      }
    },
    clusterHide: function () { return this; },
    clusterShow: function () { return this; }
  });

  // The uncertainty circle of district- and region-level claims (options.km): one per side and place,
  // drawn whether or not the claims there are clustered.  A ZoneCanvas fills all circles of one
  // colour as one union, so overlapping circles do not darken each other.
  var Zone = L.CircleMarker.extend({
    options: { interactive: false },
    _updateBounds: function () {
      var lat = this._latlng.lat * Math.PI / 180, w = this._clickTolerance();
      this._zonePx = this.options.km * 1000 * 256 * Math.pow(2, this._map.getZoom()) / (40075016.686 * Math.cos(lat));
      var p = [this._zonePx + w + 1, this._zonePx + w + 1];
      this._pxBounds = new L.Bounds(this._point.subtract(p), this._point.add(p));
    },
    _containsPoint: function () { return false; },
    _updatePath: function () {
      var rd = this._renderer, p = this._point;
      if (!rd._drawing || this._empty() || !rd._zones) { return; }
      var path = rd._zones[this.options.zone] || (rd._zones[this.options.zone] = new Path2D());
      path.moveTo(p.x + this._zonePx, p.y);
      path.arc(p.x, p.y, this._zonePx, 0, Math.PI * 2, false);
    }
  });
  var ZoneCanvas = L.Canvas.extend({
    _draw: function () {
      var ctx = this._ctx, b = this._redrawBounds, colour, path;
      this._zones = {};
      L.Canvas.prototype._draw.call(this);
      ctx.save();
      if (b) { var size = b.getSize(); ctx.beginPath(); ctx.rect(b.min.x, b.min.y, size.x, size.y); ctx.clip(); }
      for (colour in this._zones) {
        path = this._zones[colour];
        ctx.globalAlpha = 0.08;
        ctx.fillStyle = colour;
        ctx.fill(path);
        ctx.globalAlpha = 0.6;
        ctx.lineWidth = 1;
        ctx.strokeStyle = colour;
        ctx.setLineDash([4, 4]);
        ctx.stroke(path);
      }
      ctx.restore();
      this._zones = null;
    }
  });

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function isoDay(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  function init(cfg) {
    var map = cfg.map, control = cfg.control;
    var D = JSON.parse(document.getElementById(cfg.dataId).textContent);
    var C = {};
    D.cols.forEach(function (name, i) { C[name] = i; });
    var rows = D.rows, S = D.strings, A = D.articles, sides = D.sides, types = D.types;
    var PREC_KM = D.precisionKm;
    var state = { from: D.days ? D.days[0] : null, to: D.days ? D.days[1] : null, undated: true,
                  types: types.map(function () { return true; }) };

    // Offline background: Natural Earth borders, land filled in only when tiles cannot load.
    map.createPane("mapper-borders").style.zIndex = 250;
    var borders = window.incidentMapBorders;
    if (borders && borders.features) {
      var bRenderer = L.svg({ pane: "mapper-borders" });
      L.geoJSON(borders, { pane: "mapper-borders", renderer: bRenderer, interactive: false,
        style: { className: "mapper-country", color: "#7d7a70", weight: 1, fillColor: "#f4f2ea", fillOpacity: 0 }
      }).addTo(map);
      borders.features.forEach(function (f) {
        var span = el("span", null, f.properties.name);
        L.marker(f.properties.label, { pane: "mapper-borders", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "mapper-country-label", html: span, iconSize: [160, 16], iconAnchor: [80, 8] })
        }).addTo(map);
      });
      if (map.attributionControl) { map.attributionControl.addAttribution("Borders: Natural Earth"); }
    }
    var tilesOk = 0, tilesFailed = 0, onTiles = true;
    function setOffline() {
      var off = !onTiles || (tilesFailed > 0 && tilesOk === 0);
      L.DomUtil[off ? "addClass" : "removeClass"](map.getContainer(), "mapper-offline");
    }
    if (cfg.tiles) {
      cfg.tiles.on("tileerror", function () { tilesFailed++; setOffline(); });
      cfg.tiles.on("tileload", function () { tilesOk++; setOffline(); });
    }
    map.on("baselayerchange", function (e) { onTiles = e.layer === cfg.tiles; setOffline(); });

    // Markers: one per claim, in one cluster group per claimant side.
    var styles = {}, markers = {}, layers = {}, zones = {};
    map.createPane("mapper-zones").style.zIndex = 350;  // under the markers (overlayPane, 400)
    var zoneRenderer = new ZoneCanvas({ pane: "mapper-zones", padding: 0.5 });
    function styleFor(r) {
      var key = r[C.side] + "|" + r[C.type] + "|" + r[C.status] + "|" + r[C.contested] + "|" + r[C.prec];
      var s = styles[key];
      if (s) { return s; }
      var colour = sides[r[C.side]].colour, denied = r[C.status] === 1, vague = r[C.prec] > 1;
      s = styles[key] = { radius: 7, shape: types[r[C.type]].shape, ring: r[C.contested] === 1,
        color: denied ? colour : "#ffffff", weight: denied ? 2.2 : 1.2, opacity: 1,
        fillColor: denied ? "#ffffff" : colour, fillOpacity: denied ? 0.95 : (vague ? 0.6 : 0.92),
        bubblingMouseEvents: false };
      return s;
    }
    sides.forEach(function (side, k) {
      var group = cfg.layers[side.id];
      group.options.iconCreateFunction = function (cluster) {
        var n = cluster.getChildCount();
        var size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 46;
        return L.divIcon({ html: "<div><span>" + n + "</span></div>", className: "mapper-cluster mapper-cluster-" + k,
                           iconSize: L.point(size, size) });
      };
      markers[side.id] = [];
      layers[side.id] = group;
      zones[side.id] = L.layerGroup();
      group.on("click", function (e) {
        var m = e.propagatedFrom || e.layer;
        if (m && m._row !== undefined) { openPopup([m._row], m.getLatLng()); }
      });
      group.on("clusterclick", function (e) {
        var c = e.propagatedFrom || e.layer, ms = c.getAllChildMarkers(), first = ms[0].getLatLng();
        var same = ms.every(function (m) { return m.getLatLng().equals(first); });
        if (same) { openPopup(ms.map(function (m) { return m._row; }), first); }
        else if (map.getZoom() >= map.getMaxZoom()) { c.spiderfy(); }
        else { c.zoomToBounds({ padding: [40, 40] }); }
      });
    });
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var m = new ShapeMarker([r[C.lat], r[C.lon]], styleFor(r));
      m._row = i;
      markers[sides[r[C.side]].id].push(m);
    }

    map.on("overlayadd overlayremove", function (e) {
      sides.forEach(function (side) {
        if (e.layer === layers[side.id]) { map[e.type === "overlayadd" ? "addLayer" : "removeLayer"](zones[side.id]); }
      });
    });

    function passes(i) {
      var r = rows[i], d = r[C.day];
      if (!state.types[r[C.type]]) { return false; }
      if (d === null) { return state.undated; }
      return d >= state.from && d <= state.to;
    }
    function visible(i) { return passes(i) && map.hasLayer(layers[sides[rows[i][C.side]].id]); }

    var summary = null;
    function apply() {
      var shown = 0;
      sides.forEach(function (side) {
        var vis = [], seen = {}, stacks = {}, zl = zones[side.id];
        markers[side.id].forEach(function (m) {
          if (passes(m._row)) {
            vis.push(m);
            var k = rows[m._row][C.lat] + "," + rows[m._row][C.lon];
            stacks[k] = (stacks[k] || 0) + 1;
          }
        });
        zl.clearLayers();
        vis.forEach(function (m) {
          var r = rows[m._row], k = r[C.lat] + "," + r[C.lon], km = PREC_KM[r[C.prec]];
          m._stack = stacks[k];
          if (km && !seen[k + "," + km]) {
            seen[k + "," + km] = true;
            zl.addLayer(new Zone(m.getLatLng(), { km: km, zone: side.colour, renderer: zoneRenderer }));
          }
        });
        layers[side.id].clearLayers();
        layers[side.id].addLayers(vis);
        if (map.hasLayer(layers[side.id]) && !map.hasLayer(zl)) { map.addLayer(zl); }
        shown += vis.length;
      });
      if (summary) { summary.textContent = "Showing " + shown.toLocaleString("en") + " of " +
                                           rows.length.toLocaleString("en") + " claims"; }
    }

    // Filters (event date, event type) live inside the layer control, under the sides.
    var filters = document.getElementById("mapper-filters");
    if (filters) {
      var list = control.getContainer().querySelector(".leaflet-control-layers-list") || control.getContainer();
      list.appendChild(filters);
      filters.hidden = false;
      summary = filters.querySelector(".mapper-summary");
      var from = filters.querySelector("input[name=from]"), to = filters.querySelector("input[name=to]");
      var fromOut = filters.querySelector("output[name=from]"), toOut = filters.querySelector("output[name=to]");
      var big = rows.length > 5000, pending = false;
      var later = function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; apply(); });
      };
      var readDates = function (final) {
        if (!from) { return; }
        var a = +from.value, b = +to.value;
        if (a > b) { if (this === from) { to.value = a; b = a; } else { from.value = b; a = b; } }
        state.from = a; state.to = b;
        fromOut.textContent = isoDay(a); toOut.textContent = isoDay(b);
        if (final || !big) { later(); }
      };
      if (from) {
        [from, to].forEach(function (inp) {
          inp.addEventListener("input", function () { readDates.call(inp, false); });
          inp.addEventListener("change", function () { readDates.call(inp, true); });
        });
        readDates.call(from, false);
      }
      var undated = filters.querySelector("input[name=undated]");
      if (undated) { undated.addEventListener("change", function () { state.undated = undated.checked; later(); }); }
      Array.prototype.forEach.call(filters.querySelectorAll("input[name=type]"), function (inp) {
        inp.addEventListener("change", function () { state.types[+inp.value] = inp.checked; later(); });
      });
    }
    var legend = document.getElementById("mapper-legend");
    if (legend) {
      var lc = L.control({ position: "bottomleft" });
      lc.onAdd = function () { legend.hidden = false; L.DomEvent.disableScrollPropagation(legend);
                               L.DomEvent.disableClickPropagation(legend); return legend; };
      lc.addTo(map);
    }
    var title = document.getElementById("mapper-title");
    if (title) {
      var tc = L.control({ position: "topleft" });
      tc.onAdd = function () { title.hidden = false; return title; };
      tc.addTo(map);
    }

    // Popups: every claim at the clicked place, grouped by incident; a contested incident shows
    // its claims and denials side by side.
    var byPlace = null, byIncident = null;
    // Keep the popup clear of the title (top left); fold the legend away while it is open.
    var popup = L.popup({ maxWidth: 640, minWidth: 300, maxHeight: 440, autoPanPaddingTopLeft: L.point(60, 190),
                          autoPanPaddingBottomRight: L.point(20, 20) });
    var legendWasOpen = null;
    map.on("popupopen", function (e) {
      if (e.popup !== popup || !legend) { return; }
      if (legendWasOpen === null) { legendWasOpen = legend.open; }
      legend.open = false;
    });
    map.on("popupclose", function (e) {
      if (e.popup !== popup || !legend || legendWasOpen === null) { return; }
      legend.open = legendWasOpen;
      legendWasOpen = null;
    });
    function indexes() {
      if (byPlace) { return; }
      byPlace = {}; byIncident = {};
      for (var i = 0; i < rows.length; i++) {
        var k = rows[i][C.lat] + "," + rows[i][C.lon];
        (byPlace[k] = byPlace[k] || []).push(i);
        (byIncident[rows[i][C.incident]] = byIncident[rows[i][C.incident]] || []).push(i);
      }
    }
    function str(i) { return i === null || i === undefined ? "" : S[i]; }
    function claimBox(i, parent) {
      var r = rows[i], side = sides[r[C.side]], art = A[r[C.article]];
      var box = el("div", "mapper-claim", null, parent);
      box.style.borderLeftColor = side.colour;
      var head = el("div", null, null, box);
      var denied = r[C.status] === 1;
      el("span", "mapper-badge" + (denied ? " mapper-denied" : ""), denied ? "denied" : "claimed", head);
      if (r[C.contested] === 1) { el("span", "mapper-badge mapper-contested", "contested", head); }
      var who = el("span", null, null, head);
      el("span", null, (r[C.status] === 1 ? "denied by " : "claimed by "), who);
      el("b", null, str(r[C.claimant]), who);
      var sw = el("span", "mapper-swatch", null, who);
      sw.style.background = side.colour;
      sw.style.marginLeft = "6px";
      el("span", null, side.label, who);
      var dl = el("dl", null, null, box);
      var add = function (k, v) { if (v === "" || v === null || v === undefined) { return; }
                                  el("dt", null, k, dl); el("dd", null, v, dl); };
      var place = str(r[C.place]), written = str(r[C.written]);
      add("Place", place + (written && written !== place ? " (in the article: \u201c" + written + "\u201d)" : ""));
      add("Event", types[r[C.type]].name);
      add("Event date", r[C.day] === null ? "not stated" : isoDay(r[C.day]));
      if (r[C.fatalities] !== null) { add("Fatalities", String(r[C.fatalities])); }
      if (r[C.wounded] !== null) { add("Wounded", String(r[C.wounded])); }
      add("Blamed on", str(r[C.perp]));
      add("Location", D.precisionText[r[C.prec]] || "");
      el("blockquote", null, str(r[C.evidence]), box);
      var src = el("div", "mapper-source", null, box);
      el("span", null, "Article: ", src);
      var url = str(art[3]), t = str(art[1]) || str(art[0]);
      if (/^https?:\/\//i.test(url)) {
        var a = el("a", null, t, src);
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      } else { el("i", null, t, src); }
      el("span", null, " \u2014 " + [str(art[2]) || "undated", str(art[0])].join(", "), src);
    }
    function render(seed) {
      indexes();
      var keys = {}, picked = seed.slice(), inSeed = {}, inc = [], seenInc = {};
      seed.forEach(function (i) { inSeed[i] = true; keys[rows[i][C.lat] + "," + rows[i][C.lon]] = true; });
      Object.keys(keys).forEach(function (k) {
        byPlace[k].forEach(function (i) { if (!inSeed[i] && visible(i)) { picked.push(i); } });
      });
      picked.forEach(function (i) {
        var n = rows[i][C.incident];
        if (!seenInc[n]) { seenInc[n] = true; inc.push(n); }
      });
      var root = el("div", "mapper-popup");
      var places = {};
      picked.forEach(function (i) { places[str(rows[i][C.place])] = true; });
      el("h3", null, Object.keys(places).join(" / "), root);
      var total = 0;
      inc.forEach(function (n) { total += byIncident[n].length; });
      el("p", "mapper-note", total + (total === 1 ? " claim" : " claims") + " at this place (" + inc.length +
         (inc.length === 1 ? " incident" : " incidents") + ")", root);
      var LIMIT = 40, drawn = 0;
      inc.some(function (n) {
        var members = byIncident[n], claimed = [], denied = [];
        members.forEach(function (i) { (rows[i][C.status] === 1 ? denied : claimed).push(i); });
        var contested = claimed.length > 0 && denied.length > 0;
        var box = el("div", "mapper-incident" + (contested ? " mapper-contested" : ""), null, root);
        var r0 = rows[members[0]];
        var tname = types[r0[C.type]].name;
        el("div", "mapper-incident-head", tname.charAt(0).toUpperCase() + tname.slice(1) +
           " \u00b7 " + (r0[C.day] === null ? "date not stated" : isoDay(r0[C.day])) +
           (contested ? " \u00b7 contested: claimed and denied" : ""), box);
        var cols = el("div", "mapper-cols", null, box);
        [[claimed, "Claimed"], [denied, "Denied"]].forEach(function (pair) {
          if (!pair[0].length) { return; }
          var col = el("div", "mapper-col", null, cols);
          if (contested) { el("h4", null, pair[1], col); }
          pair[0].forEach(function (i) { claimBox(i, col); drawn++; });
        });
        return drawn >= LIMIT;
      });
      if (drawn < total) {
        el("p", "mapper-note", "\u2026 and " + (total - drawn) + " more: narrow the dates or types.", root);
      }
      return root;
    }
    function openPopup(seed, latlng) {
      var size = map.getSize(), right = control.getContainer().offsetWidth + 20;
      popup.options.maxHeight = Math.max(200, Math.min(440, size.y - 230));
      // Pan the popup clear of the layer control too, when the map is wide enough for both.
      popup.options.autoPanPaddingBottomRight = L.point(size.x - right > 720 ? right : 20, 20);
      popup.setLatLng(latlng).setContent(render(seed)).openOn(map);
      return popup;
    }

    apply();
    window.incidentMap = {
      map: map, layers: layers, control: control, markers: markers, state: state,
      home: function () { if (D.bounds) { map.fitBounds(D.bounds, { maxZoom: D.fitMaxZoom, animate: false }); } },
      zoneLayers: zones,
      zones: function (sideId) { return zones[sideId].getLayers().map(function (z) { return z.options.km; }); },
      apply: apply,
      openPopup: function (marker) { return openPopup([marker._row], marker.getLatLng()); },
      claimOf: function (marker) {
        var r = rows[marker._row], art = A[r[C.article]];
        return { side: sides[r[C.side]].id, type: types[r[C.type]].name,
                 status: r[C.status] === 1 ? "denied" : "claimed",
                 contested: r[C.contested] === 1, place: str(r[C.place]), claimant: str(r[C.claimant]),
                 evidence: str(r[C.evidence]), title: str(art[1]), date: r[C.day] === null ? "" : isoDay(r[C.day]),
                 precision: r[C.prec] };
      }
    };
    window.incidentMapReadyAt = window.performance ? window.performance.now() : null;
    window.incidentMapReady = true;
  }

  window.IncidentMapper = { init: init, ShapeMarker: ShapeMarker, Zone: Zone, ZoneCanvas: ZoneCanvas };
})();
