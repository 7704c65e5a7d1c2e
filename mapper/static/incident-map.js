/* incident-map.js: the interactive part of map.html (shipped in mapper/static/).
 *
 * Draws the claims of the data blob (see mapper/map/data.py): one composite mark per place (a mark per
 * side and status, so no side hides under another; a claim and its denial joined), clusters that show
 * their sides, place and town names as DOM text placed without collisions, muted region areas, a
 * timeline of claims per day per side with a brush and a play control, and a list of the claims in view.
 * Every text that came from an article reaches the page through textContent, never innerHTML.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var MARK_R = 7; // radius of one side's mark, px
  var SPREAD = 10; // px from a place to each of its marks when several sides or statuses claim there
  var LIST_LIMIT = 300; // rows drawn in the list (the count covers them all)
  var PLAY_MS = 700;
  var NEUTRAL = "#5d6770";

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function isoDay(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  function fmt(n) { return n.toLocaleString("en"); }

  function traceShape(ctx, pts, x, y, r) {
    if (!pts) { ctx.arc(x, y, r, 0, Math.PI * 2, false); return; }
    ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
    for (var i = 1; i < pts.length; i++) { ctx.lineTo(x + pts[i][0] * r, y + pts[i][1] * r); }
    ctx.closePath();
  }

  // Offsets of n marks around their place: side by side for two (a claim left, its denial right),
  // on a circle for more.
  function spread(n) {
    if (n === 1) { return [[0, 0]]; }
    if (n === 2) { return [[-SPREAD, 0], [SPREAD, 0]]; }
    var out = [], rad = SPREAD + (n > 4 ? 3 : 0);
    for (var i = 0; i < n; i++) {
      var a = -Math.PI / 2 + i * 2 * Math.PI / n;
      out.push([Math.round(rad * Math.cos(a)), Math.round(rad * Math.sin(a))]);
    }
    return out;
  }

  // One place on the canvas: a mark per (side, status) with the shape of its commonest event type,
  // filled for claims and hollow for denials; a contested incident joins its claim and denial with a
  // dark bar and rings the place.
  var PlaceMarker = L.CircleMarker.extend({
    options: { radius: MARK_R, bubblingMouseEvents: false },
    setMarks: function (groups, links, contested, total) {
      this._groups = groups;
      this._offsets = spread(groups.length);
      this._links = links;
      this._contested = contested;
      this._n = total;
      this._extentPx = (groups.length > 1 ? SPREAD + (groups.length > 4 ? 3 : 0) : 0) + MARK_R + (contested ? 5 : 2);
      // Labels keep clear of the "xN" counts drawn beside the marks.
      this._labelGap = this._extentPx + (groups.some(function (g) { return g.n > 1; }) ? 20 : 2);
      return this;
    },
    _updateBounds: function () {
      var r = this._extentPx + 24, w = this._clickTolerance(), p = [r + w, r + w];
      this._pxBounds = new L.Bounds(this._point.subtract(p), this._point.add(p));
    },
    _containsPoint: function (p) { return p.distanceTo(this._point) <= this._extentPx + this._clickTolerance(); },
    clusterHide: function () { return this; },
    clusterShow: function () { return this; },
    _updatePath: function () {
      var rd = this._renderer;
      if (!rd._drawing || this._empty()) { return; }
      var ctx = rd._ctx, p = this._point, g = this._groups, off = this._offsets, i, j;
      ctx.save();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      if (this._contested) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, this._extentPx - 1, 0, Math.PI * 2, false);
        ctx.fillStyle = "rgba(255,255,255,0.75)";
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = "#111";
        ctx.stroke();
      }
      for (i = 0; i < this._links.length; i++) {
        var a = off[this._links[i][0]], b = off[this._links[i][1]];
        ctx.beginPath();
        ctx.moveTo(p.x + a[0], p.y + a[1]);
        ctx.lineTo(p.x + b[0], p.y + b[1]);
        ctx.lineWidth = 4;
        ctx.strokeStyle = "#111";
        ctx.stroke();
      }
      for (i = 0; i < g.length; i++) {
        var x = p.x + off[i][0], y = p.y + off[i][1];
        ctx.beginPath();
        traceShape(ctx, g[i].shape, x, y, MARK_R);
        if (g[i].denied) {
          ctx.fillStyle = "#ffffff";
          ctx.fill();
          ctx.lineWidth = 3;
          ctx.strokeStyle = g[i].colour;
          ctx.stroke();
        } else {
          ctx.fillStyle = g[i].colour;
          ctx.fill();
          ctx.lineWidth = 1.2;
          ctx.strokeStyle = "#ffffff";
          ctx.stroke();
        }
      }
      ctx.font = "bold 11px system-ui, sans-serif";
      ctx.lineWidth = 3;
      for (i = 0; i < g.length; i++) {
        if (g[i].n > 1) {
          j = off[i];
          var tx = p.x + j[0] + (j[0] < 0 ? -MARK_R - 3 - ctx.measureText("\u00d7" + g[i].n).width : MARK_R + 2);
          var ty = p.y + j[1] - MARK_R + 3;
          ctx.strokeStyle = "#fff";
          ctx.fillStyle = "#111";
          ctx.strokeText("\u00d7" + g[i].n, tx, ty);
          ctx.fillText("\u00d7" + g[i].n, tx, ty);
        }
      }
      ctx.restore();
    }
  });

  // District circles and region areas, drawn muted under the marks on one canvas of their own: one
  // layer for thousands of areas, redrawn after each move.  Areas of one style are filled as one
  // union, so overlapping areas do not darken each other.
  var ZONE_STYLE = {
    district: { fill: 0.05, line: 0.55, dash: [4, 4], width: 1 },
    region: { fill: 0.035, line: 0.45, dash: [2, 5], width: 1.5 }
  };
  var ZoneLayer = L.Layer.extend({
    initialize: function (pane) { this._zones = []; this._pane = pane; },
    setZones: function (zones) { this._zones = zones; if (this._map) { this._redraw(); } return this; },
    zones: function () { return this._zones; },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "mapper-zones leaflet-zoom-hide", map.getPane(this._pane));
      map.on("moveend zoomend resize viewreset", this._redraw, this);
      this._redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this._redraw, this);
    },
    _redraw: function () {
      var map = this._map, size = map.getSize(), c = this._canvas, dpr = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      c.width = Math.round(size.x * dpr);
      c.height = Math.round(size.y * dpr);
      c.style.width = size.x + "px";
      c.style.height = size.y + "px";
      var ctx = c.getContext("2d"), paths = {}, scale = 256 * Math.pow(2, map.getZoom()) / 40075016.686;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      this._zones.forEach(function (z) {
        var p = map.latLngToContainerPoint(z.ll), r = z.km * 1000 * scale / Math.cos(z.ll.lat * Math.PI / 180);
        if (p.x + r < 0 || p.y + r < 0 || p.x - r > size.x || p.y - r > size.y) { return; }
        var path = paths[z.kind] || (paths[z.kind] = new Path2D());
        path.moveTo(p.x + r, p.y);
        path.arc(p.x, p.y, r, 0, Math.PI * 2, false);
      });
      Object.keys(paths).forEach(function (kind) {
        var st = ZONE_STYLE[kind];
        ctx.globalAlpha = st.fill;
        ctx.fillStyle = NEUTRAL;
        ctx.fill(paths[kind]);
        ctx.globalAlpha = st.line;
        ctx.lineWidth = st.width;
        ctx.strokeStyle = NEUTRAL;
        ctx.setLineDash(st.dash);
        ctx.stroke(paths[kind]);
      });
    }
  });

  // A grid of placed boxes, for collision tests of labels.
  function BoxGrid() { this.cells = {}; }
  BoxGrid.prototype._keys = function (b) {
    var keys = [], S = 64;
    for (var x = Math.floor(b[0] / S); x <= Math.floor(b[2] / S); x++) {
      for (var y = Math.floor(b[1] / S); y <= Math.floor(b[3] / S); y++) { keys.push(x + "," + y); }
    }
    return keys;
  };
  BoxGrid.prototype.hits = function (b) {
    var keys = this._keys(b);
    for (var i = 0; i < keys.length; i++) {
      var cell = this.cells[keys[i]];
      if (!cell) { continue; }
      for (var j = 0; j < cell.length; j++) {
        var c = cell[j];
        if (b[0] < c[2] && b[2] > c[0] && b[1] < c[3] && b[3] > c[1]) { return true; }
      }
    }
    return false;
  };
  BoxGrid.prototype.add = function (b) {
    var keys = this._keys(b);
    for (var i = 0; i < keys.length; i++) { (this.cells[keys[i]] = this.cells[keys[i]] || []).push(b); }
  };

  // The fewest inhabitants a context town needs to be named at a zoom: more names as the reader zooms in.
  function minPopulation(z) {
    if (z <= 6) { return 150000; }
    if (z === 7) { return 40000; }
    if (z === 8) { return 12000; }
    if (z === 9) { return 4000; }
    if (z === 10) { return 1000; }
    return 0;
  }

  function init(cfg) {
    var map = cfg.map, control = cfg.control, opts = cfg.options || {};
    var timings = {}, t0 = window.performance ? window.performance.now() : 0;
    function took(name) {
      if (!window.performance) { return; }
      var t = window.performance.now();
      timings[name] = (timings[name] || 0) + Math.round(t - t0);
      t0 = t;
    }
    var D = JSON.parse(document.getElementById(cfg.dataId).textContent);
    took("parse");
    var C = {};
    D.cols.forEach(function (name, i) { C[name] = i; });
    var rows = D.rows, S = D.strings, A = D.articles, P = D.places, sides = D.sides, types = D.types;
    var PREC_KM = D.precisionKm;
    var state = {
      from: D.days ? D.days[0] : null, to: D.days ? D.days[1] : null, undated: true,
      types: types.map(function () { return true; }),
      sides: sides.map(function () { return true; }),
      sort: { key: "day", dir: 1 }
    };
    var placeLatLng = P.map(function (p) { return L.latLng(p[1], p[0]); });
    function str(i) { return i === null || i === undefined ? "" : S[i]; }
    function placeName(pl) { return str(P[pl][2]); }

    // Layout: the map beside the list, the timeline under both; then the first view fits the places
    // (before anything is drawn, so that nothing is drawn twice).
    document.body.classList.add("mapper-page");
    map.invalidateSize();
    if (D.bounds) { map.fitBounds(D.bounds, { maxZoom: opts.fitMaxZoom || 10, animate: false }); }

    // Offline background: Natural Earth borders, land filled in only when tiles cannot load.
    map.createPane("mapper-borders").style.zIndex = 250;
    var borders = window.incidentMapBorders;
    if (borders && borders.features) {
      var bRenderer = L.svg({ pane: "mapper-borders" });
      L.geoJSON(borders, {
        pane: "mapper-borders", renderer: bRenderer, interactive: false,
        style: { className: "mapper-country", color: "#7d7a70", weight: 1, fillColor: "#f4f2ea", fillOpacity: 0 }
      }).addTo(map);
      borders.features.forEach(function (f) {
        var span = el("span", null, f.properties.name);
        L.marker(f.properties.label, {
          pane: "mapper-borders", interactive: false, keyboard: false,
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

    // Side tick-boxes: the layer control's overlays are empty layer groups; ticking one redraws.
    var sideLayers = sides.map(function (s) { return cfg.layers[s.id]; });
    map.on("overlayadd overlayremove", function (e) {
      var k = sideLayers.indexOf(e.layer);
      if (k >= 0) { state.sides[k] = e.type === "overlayadd"; later(); }
    });

    map.createPane("mapper-zones").style.zIndex = 350; // under the marks (overlayPane, 400)
    var zoneLayer = new ZoneLayer("mapper-zones").addTo(map);
    var markRenderer = L.canvas({ padding: 0.5 });
    // Clusters: below the unclustering zoom, places closer than CLUSTER_PX on screen are drawn as one
    // disc with a slice per side (a dark ring when a place inside is contested).  Greedy, biggest place
    // first, on a grid of the projected places: a few milliseconds for thousands of places.
    var CLUSTER_PX = 40, UNCLUSTER = opts.uncluster || 11;
    var drawn = L.layerGroup().addTo(map); // what is on the map now: place marks and cluster discs
    var shownItems = []; // {marker, cluster: [markers] | null, ll}
    function clusterIcon(ms) {
      var per = sides.map(function () { return 0; }), total = 0, contested = 0;
      ms.forEach(function (m) {
        m._perSide.forEach(function (v, k) { per[k] += v; });
        total += m._n;
        if (m._contested) { contested++; }
      });
      var stops = [], acc = 0, parts = [];
      per.forEach(function (v, k) {
        if (!v) { return; }
        var a = acc / total * 360, b = (acc + v) / total * 360;
        stops.push(sides[k].colour + " " + a.toFixed(1) + "deg " + b.toFixed(1) + "deg");
        parts.push(sides[k].label + ": " + fmt(v));
        acc += v;
      });
      var size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 48;
      var root = el("div", "mapper-pie");
      root.style.background = "conic-gradient(" + stops.join(",") + ")";
      el("span", null, fmt(total), root);
      root.title = ms.length + " places; " + parts.join("; ") + (contested ? "; " + contested + " contested" : "");
      return { icon: L.divIcon({ html: root, className: "mapper-cluster" + (contested ? " mapper-cluster-contested" : ""),
                                 iconSize: L.point(size, size) }), size: size, n: total };
    }
    function cluster() {
      var z = map.getZoom(), ms = view.markers.slice(), items = [];
      lastZoom = z;
      drawn.clearLayers();
      if (z >= UNCLUSTER) {
        ms.forEach(function (m) { items.push({ marker: m, cluster: null, ll: m.getLatLng() }); });
      } else {
        var cells = {}, pts = ms.map(function (m) { return map.project(m.getLatLng(), z); });
        var order = ms.map(function (m, i) { return i; });
        order.sort(function (a, b) { return ms[b]._n - ms[a]._n || a - b; });
        order.forEach(function (i) {
          var key = Math.floor(pts[i].x / CLUSTER_PX) + "," + Math.floor(pts[i].y / CLUSTER_PX);
          (cells[key] = cells[key] || []).push(i);
        });
        var taken = new Uint8Array(ms.length);
        order.forEach(function (i) {
          if (taken[i]) { return; }
          taken[i] = 1;
          var group = [i], cx = Math.floor(pts[i].x / CLUSTER_PX), cy = Math.floor(pts[i].y / CLUSTER_PX);
          for (var dx = -1; dx <= 1; dx++) {
            for (var dy = -1; dy <= 1; dy++) {
              (cells[(cx + dx) + "," + (cy + dy)] || []).forEach(function (j) {
                if (!taken[j] && pts[i].distanceTo(pts[j]) <= CLUSTER_PX) { taken[j] = 1; group.push(j); }
              });
            }
          }
          if (group.length === 1) { items.push({ marker: ms[i], cluster: null, ll: ms[i].getLatLng() }); return; }
          var sx = 0, sy = 0, members = group.map(function (j) { sx += pts[j].x; sy += pts[j].y; return ms[j]; });
          var ll = map.unproject([sx / group.length, sy / group.length], z), ic = clusterIcon(members);
          var disc = L.marker(ll, { icon: ic.icon, keyboard: false, riseOnHover: true });
          disc.on("click", function () {
            var b = L.latLngBounds(members.map(function (m) { return m.getLatLng(); }));
            if (map.getZoom() >= map.getMaxZoom() || b.getNorthEast().equals(b.getSouthWest())) {
              map.setView(b.getCenter(), Math.max(map.getZoom() + 1, UNCLUSTER));
            } else { map.fitBounds(b, { padding: [60, 60], maxZoom: UNCLUSTER }); }
          });
          items.push({ marker: disc, cluster: members, ll: ll, size: ic.size, n: ic.n });
        });
      }
      items.forEach(function (it) { drawn.addLayer(it.marker); });
      shownItems = items;
    }


    // Everything the filters change (sides, event types, dates), recomputed in one pass over the claims;
    // the timeline counts what the other filters keep, whatever the dates.
    var view = { rows: [], byPlace: {}, markers: [], perDay: null, undated: 0, shown: 0, perSide: [], perType: [] };
    function apply() {
      var nDays = D.days ? D.days[1] - D.days[0] + 1 : 0;
      var perDay = sides.map(function () { return new Float64Array(nDays); });
      var undated = 0, shown = 0, perSide = sides.map(function () { return 0; });
      var perType = types.map(function () { return 0; });
      var byPlace = {}, vis = [];
      var cSide = C.side, cType = C.type, cDay = C.day, cN = C.n, cPlace = C.place, lo = D.days ? D.days[0] : 0;
      var sideOn = state.sides, typeOn = state.types, from = state.from, to = state.to, withUndated = state.undated;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i], n = r[cN], d = r[cDay];
        if (!sideOn[r[cSide]] || !typeOn[r[cType]]) { continue; }
        if (d === null) {
          undated += n;
          if (!withUndated) { continue; }
        } else {
          perDay[r[cSide]][d - lo] += n;
          if (d < from || d > to) { continue; }
        }
        vis.push(i);
        shown += n;
        perSide[r[cSide]] += n;
        perType[r[cType]] += n;
        (byPlace[r[cPlace]] || (byPlace[r[cPlace]] = [])).push(i);
      }
      view = { rows: vis, byPlace: byPlace, perDay: perDay, undated: undated, shown: shown, perSide: perSide,
               perType: perType, markers: [] };
      took("filter");
      drawPlaces();
      took("places");
      updateCounts();
      drawTimeline();
      took("timeline");
      updateList();
      took("list");
      placeLabels();
      took("labels");
    }
    var pending = false;
    function later() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; apply(); });
    }

    function drawPlaces() {
      var markers = [], zones = [];
      Object.keys(view.byPlace).forEach(function (key) {
        var pl = +key, members = view.byPlace[key], ll = placeLatLng[pl];
        if (P[pl][3]) { // a region: a muted area named in italics, no mark on any town
          zones.push({ ll: ll, km: PREC_KM[3] || 40, kind: "region" });
          return;
        }
        var groups = {}, order = [], perSide = sides.map(function () { return 0; }), total = 0, vague = false;
        var incidents = {}, cSide = C.side, cStatus = C.status, cType = C.type, cN = C.n, cPrec = C.prec;
        for (var j = 0; j < members.length; j++) {
          var r = rows[members[j]], k = r[cSide] * 2 + r[cStatus], g = groups[k], n = r[cN];
          if (!g) { g = groups[k] = { side: r[cSide], denied: r[cStatus] === 1, n: 0, typeN: [] }; order.push(k); }
          g.n += n;
          g.typeN[r[cType]] = (g.typeN[r[cType]] || 0) + n;
          perSide[r[cSide]] += n;
          total += n;
          if (r[cPrec] === 2) { vague = true; }
          if (r[C.contested]) { (incidents[r[C.incident]] = incidents[r[C.incident]] || {})[k] = true; }
        }
        order.sort(function (a, b) { return a - b; });
        var list = order.map(function (k) {
          var g = groups[k], best = 0;
          for (var t = 1; t < g.typeN.length; t++) { if ((g.typeN[t] || 0) > (g.typeN[best] || 0)) { best = t; } }
          return { side: g.side, denied: g.denied, n: g.n, type: best, shape: types[best].shape,
                   colour: sides[g.side].colour };
        });
        var links = [], seen = {}, contested = false;
        Object.keys(incidents).forEach(function (inc) {
          var ks = Object.keys(incidents[inc]).map(Number), claimed = [], denied = [];
          ks.forEach(function (k) { (k % 2 ? denied : claimed).push(order.indexOf(k)); });
          if (!claimed.length || !denied.length) { return; }
          contested = true;
          claimed.forEach(function (a) {
            denied.forEach(function (b) {
              if (a !== b && !seen[a + "-" + b]) { seen[a + "-" + b] = true; links.push([a, b]); }
            });
          });
        });
        var m = new PlaceMarker(ll, { renderer: markRenderer }).setMarks(list, links, contested, total);
        m.on("click", function () { openPlace(pl); });
        m._place = pl;
        m._perSide = perSide;
        markers.push(m);
        if (vague) { zones.push({ ll: ll, km: PREC_KM[2] || 10, kind: "district" }); }
      });
      view.markers = markers;
      zoneLayer.setZones(zones);
      cluster();
    }

    // Counts that follow every filter: the side tick-boxes, the type boxes, the summary.
    function updateCounts() {
      var boxes = control.getContainer();
      sides.forEach(function (s, k) {
        var span = boxes.querySelector('.mapper-side-count[data-side="' + k + '"]');
        if (span) { span.textContent = view.perSide[k] === s.count ? fmt(s.count) : fmt(view.perSide[k]) + " of " + fmt(s.count); }
      });
      types.forEach(function (t, k) {
        var span = boxes.querySelector('.mapper-type-count[data-type="' + k + '"]');
        if (span) { span.textContent = view.perType[k] === t.count ? fmt(t.count) : fmt(view.perType[k]) + " of " + fmt(t.count); }
      });
      if (summary) {
        summary.textContent = "Showing " + fmt(view.shown) + " of " + fmt(D.claims) + " claims" +
          (D.days && (state.from !== D.days[0] || state.to !== D.days[1])
            ? " (" + isoDay(state.from) + (state.to !== state.from ? " to " + isoDay(state.to) : "") + ")" : "");
      }
    }

    // Names: incident places (bold), regions (italic) and context towns (grey), as DOM text, placed
    // greedily by importance beside their place without overlapping each other or the marks.
    map.createPane("mapper-labels").style.zIndex = 450;
    var labelPane = map.getPane("mapper-labels");
    var measureCtx = document.createElement("canvas").getContext("2d");
    var widths = {};
    var labelPool = [], labelsShown = [];
    function textWidth(text, font) {
      var key = font + "|" + text;
      if (widths[key] === undefined) {
        if (measureCtx.font !== font) { measureCtx.font = font; }
        widths[key] = Math.ceil(measureCtx.measureText(text).width);
      }
      return widths[key];
    }
    function takeLabel(i) {
      var e = labelPool[i];
      if (!e) {
        e = labelPool[i] = el("div", "mapper-label", null, labelPane);
        e.addEventListener("click", function () { if (e._place !== undefined) { openPlace(e._place); } });
      }
      return e;
    }
    function placeLabels() {
      if (!map._loaded) { return; }
      var size = map.getSize(), grid = new BoxGrid(), used = 0, z = map.getZoom();
      var bounds = map.getBounds().pad(0.1);
      labelsShown = [];
      // The controls on the map, the marks and the clusters are obstacles.
      var origin = map.getContainer().getBoundingClientRect();
      Array.prototype.forEach.call(map.getContainer().querySelectorAll(".leaflet-control"), function (c) {
        var r = c.getBoundingClientRect();
        if (r.width) { grid.add([r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]); }
      });
      var cands = [];
      // Places drawn on their own carry their name; a cluster carries the name of its biggest place.
      shownItems.forEach(function (it) {
        if (!bounds.contains(it.ll)) { return; }
        var p = map.latLngToContainerPoint(it.ll), m = it.marker;
        var r = it.cluster ? it.size / 2 + 2 : m._extentPx;
        grid.add([p.x - r, p.y - r, p.x + r, p.y + r]);
        if (!it.cluster) {
          cands.push({ pl: m._place, ll: it.ll, text: placeName(m._place), kind: "place", rank: 4e9 + m._n, gap: m._labelGap });
        } else {
          var best = it.cluster[0]; // the biggest place: clusters are seeded by it
          cands.push({ pl: best._place, ll: it.ll, kind: "place", rank: 3e9 + it.n, gap: r,
                       text: placeName(best._place) + " +" + (it.cluster.length - 1) });
        }
      });
      Object.keys(view.byPlace).forEach(function (key) {
        var pl = +key, ll = placeLatLng[pl];
        if (!P[pl][3]) { return; }
        var n = 0;
        view.byPlace[key].forEach(function (i) { n += rows[i][C.n]; });
        // A region's name sits inside its area, north of the centre: never on a town.
        var km = PREC_KM[3] || 40, north = L.latLng(ll.lat + km * 0.55 / 111.32, ll.lng);
        if (bounds.contains(north)) {
          cands.push({ pl: pl, ll: north, text: placeName(pl) + " (region, " + fmt(n) + (n === 1 ? " claim)" : " claims)"),
                       kind: "region", rank: 2e9 + n, gap: 0, centre: true });
        }
      });
      var minPop = minPopulation(z), shownPlaces = {};
      Object.keys(view.byPlace).forEach(function (key) { shownPlaces[placeName(+key)] = true; });
      D.towns.forEach(function (t) {
        if (t[3] < minPop || shownPlaces[t[2]]) { return; }
        var ll = L.latLng(t[1], t[0]);
        if (bounds.contains(ll)) { cands.push({ ll: ll, text: t[2], kind: "town", rank: t[3], gap: 3 }); }
      });
      cands.sort(function (a, b) { return b.rank - a.rank; });
      cands.forEach(function (c) {
        var font = c.kind === "town" ? "11px system-ui, sans-serif" : c.kind === "region" ? "italic 12px system-ui, sans-serif"
          : "600 12px system-ui, sans-serif";
        var w = textWidth(c.text, font) + 6, h = 16, p = map.latLngToContainerPoint(c.ll), g = c.gap;
        var tries = c.centre ? [[-w / 2, -h / 2], [-w / 2, -h / 2 - 18], [-w / 2, -h / 2 + 18], [-w / 2, -h / 2 - 36]]
          : [[g, -h / 2], [-g - w, -h / 2], [-w / 2, -g - h], [-w / 2, g], [g, -h], [-g - w, -h], [g, 0], [-g - w, 0]];
        for (var t = 0; t < tries.length; t++) {
          var x = p.x + tries[t][0], y = p.y + tries[t][1], box = [x, y, x + w, y + h];
          if (x < 0 || y < 0 || x + w > size.x || y + h > size.y || grid.hits(box)) { continue; }
          grid.add(box);
          if (c.kind === "town") { grid.add([p.x - 3, p.y - 3, p.x + 3, p.y + 3]); }
          var e = takeLabel(used++);
          e.className = "mapper-label mapper-label-" + c.kind;
          e.textContent = c.text;
          e._place = c.pl;
          e.style.display = "";
          L.DomUtil.setPosition(e, map.containerPointToLayerPoint([x, y]));
          if (c.kind === "town") {
            var dot = takeLabel(used++);
            dot.className = "mapper-town-dot";
            dot.textContent = "";
            dot._place = undefined;
            dot.style.display = "";
            L.DomUtil.setPosition(dot, map.containerPointToLayerPoint([p.x - 2.5, p.y - 2.5]));
          }
          labelsShown.push({ text: c.text, kind: c.kind });
          break;
        }
      });
      for (var k = used; k < labelPool.length; k++) { labelPool[k].style.display = "none"; }
    }
    map.on("zoomstart", function () { labelPane.style.visibility = "hidden"; });
    var lastZoom = null;
    map.on("zoomend moveend", function () {
      labelPane.style.visibility = "";
      if (map.getZoom() !== lastZoom && view.perDay) { lastZoom = map.getZoom(); cluster(); }
      placeLabels();
      listLater();
    });

    // The side tick-boxes and filters live in the panel beside the map, above the list, so that
    // nothing but the title and the legend button sits on the map.
    var panelControls = document.querySelector("#mapper-list .mapper-controls");
    if (panelControls) {
      panelControls.appendChild(control.getContainer());
      L.DomEvent.disableScrollPropagation(panelControls);
    }
    // Filters (event types and the summary) inside the layer control, under the sides.
    var summary = null;
    var filters = document.getElementById("mapper-filters");
    if (filters) {
      var box = control.getContainer().querySelector(".leaflet-control-layers-list") || control.getContainer();
      box.appendChild(filters);
      filters.hidden = false;
      summary = filters.querySelector(".mapper-summary");
      Array.prototype.forEach.call(filters.querySelectorAll("input[name=type]"), function (inp) {
        inp.addEventListener("change", function () { state.types[+inp.value] = inp.checked; later(); });
      });
    }
    var legend = document.getElementById("mapper-legend");
    if (legend) {
      var lc = L.control({ position: "bottomleft" });
      lc.onAdd = function () {
        legend.hidden = false;
        L.DomEvent.disableScrollPropagation(legend);
        L.DomEvent.disableClickPropagation(legend);
        return legend;
      };
      lc.addTo(map);
    }
    var title = document.getElementById("mapper-title");
    if (title) {
      var tc = L.control({ position: "topleft" });
      tc.onAdd = function () { title.hidden = false; return title; };
      tc.addTo(map);
    }

    // The timeline: claims per day per side (stacked), drawn from the same rows and filters; drag
    // across it to choose dates, click a day for that day, play to step through the days.
    var tl = document.getElementById("mapper-timeline");
    var tlCanvas = tl && tl.querySelector("canvas"), brush = tl && tl.querySelector(".mapper-brush");
    var axis = tl && tl.querySelector(".mapper-tl-axis"), rangeOut = tl && tl.querySelector(".mapper-tl-range");
    var playBtn = tl && tl.querySelector(".mapper-play"), playing = null;
    function tlGeometry() {
      var w = tlCanvas.parentNode.clientWidth, n = D.days ? D.days[1] - D.days[0] + 1 : 1;
      return { w: w, h: tlCanvas.parentNode.clientHeight - 16, n: n, bw: w / n };
    }
    function drawTimeline() {
      if (!tl) { return; }
      var undatedCount = tl.querySelector(".mapper-undated-count");
      if (undatedCount) { undatedCount.textContent = fmt(view.undated); }
      var g = tlGeometry(), dpr = window.devicePixelRatio || 1;
      tlCanvas.width = Math.max(1, Math.round(g.w * dpr));
      tlCanvas.height = Math.max(1, Math.round(g.h * dpr));
      tlCanvas.style.width = g.w + "px";
      tlCanvas.style.height = g.h + "px";
      var ctx = tlCanvas.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, g.w, g.h);
      if (!D.days) {
        rangeOut.textContent = "No claim states its event date.";
        return;
      }
      var max = 1, d, k;
      for (d = 0; d < g.n; d++) {
        var tot = 0;
        for (k = 0; k < sides.length; k++) { tot += view.perDay[k][d]; }
        max = Math.max(max, tot);
      }
      for (d = 0; d < g.n; d++) {
        var y = g.h, day = D.days[0] + d, inside = day >= state.from && day <= state.to;
        for (k = 0; k < sides.length; k++) {
          var v = view.perDay[k][d];
          if (!v) { continue; }
          var bh = Math.max(1, v / max * (g.h - 4));
          ctx.globalAlpha = inside ? 1 : 0.25;
          ctx.fillStyle = sides[k].colour;
          ctx.fillRect(d * g.bw + (g.bw > 4 ? 1 : 0), y - bh, Math.max(1, g.bw - (g.bw > 4 ? 2 : 0)), bh);
          y -= bh;
        }
      }
      ctx.globalAlpha = 1;
      var full = state.from === D.days[0] && state.to === D.days[1];
      brush.hidden = full;
      if (!full) {
        brush.style.left = ((state.from - D.days[0]) * g.bw) + "px";
        brush.style.width = ((state.to - state.from + 1) * g.bw) + "px";
      }
      rangeOut.textContent = (state.from === state.to ? isoDay(state.from) : isoDay(state.from) + " to " + isoDay(state.to)) +
        ": " + fmt(view.shown) + " claims shown" + (full ? "" : " (drag across the chart, or All dates)");
      // Axis: about one date every 90 px.
      axis.textContent = "";
      var every = Math.max(1, Math.ceil(90 / g.bw));
      for (d = 0; d < g.n; d += every) {
        var tick = el("span", null, isoDay(D.days[0] + d).slice(5), axis);
        tick.style.left = (d * g.bw + g.bw / 2) + "px";
      }
    }
    function setRange(a, b) {
      if (!D.days) { return; }
      var lo = Math.max(D.days[0], Math.min(a, b)), hi = Math.min(D.days[1], Math.max(a, b));
      state.from = lo;
      state.to = hi;
      later();
    }
    function stopPlay() {
      if (playing) { window.clearInterval(playing); playing = null; }
      if (playBtn) { playBtn.setAttribute("aria-pressed", "false"); playBtn.textContent = "\u25b6 Play"; }
    }
    if (tl && D.days) {
      var chart = tlCanvas.parentNode, dragFrom = null;
      var dayAt = function (ev) {
        var rect = chart.getBoundingClientRect(), g = tlGeometry();
        var d = Math.floor((ev.clientX - rect.left) / g.bw);
        return D.days[0] + Math.max(0, Math.min(g.n - 1, d));
      };
      chart.addEventListener("pointerdown", function (ev) {
        stopPlay();
        dragFrom = dayAt(ev);
        if (chart.setPointerCapture) { chart.setPointerCapture(ev.pointerId); }
        setRange(dragFrom, dragFrom);
      });
      chart.addEventListener("pointermove", function (ev) { if (dragFrom !== null) { setRange(dragFrom, dayAt(ev)); } });
      chart.addEventListener("pointerup", function () { dragFrom = null; });
      // Keyboard: arrows move the chosen days (the first or last day when all are shown), Shift+arrows
      // widen or narrow them, Escape shows all dates again.
      chart.tabIndex = 0;
      chart.setAttribute("role", "slider");
      chart.setAttribute("aria-label", "Event dates: arrows move, Shift+arrows resize, Escape for all dates");
      chart.addEventListener("keydown", function (ev) {
        var step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
        if (ev.key === "Escape") { stopPlay(); setRange(D.days[0], D.days[1]); ev.preventDefault(); return; }
        if (!step) { return; }
        stopPlay();
        ev.preventDefault();
        if (state.from === D.days[0] && state.to === D.days[1]) {
          var d = step > 0 ? D.days[0] : D.days[1];
          setRange(d, d);
        } else if (ev.shiftKey) {
          setRange(state.from, Math.max(state.from, state.to + step));
        } else if (state.from + step >= D.days[0] && state.to + step <= D.days[1]) {
          setRange(state.from + step, state.to + step);
        }
      });
      tl.querySelector(".mapper-all").addEventListener("click", function () { stopPlay(); setRange(D.days[0], D.days[1]); });
      playBtn.addEventListener("click", function () {
        if (playing) { stopPlay(); return; }
        var d = state.from === state.to && state.to < D.days[1] ? state.from + 1 : D.days[0];
        setRange(d, d);
        playBtn.setAttribute("aria-pressed", "true");
        playBtn.textContent = "\u275a\u275a Pause";
        playing = window.setInterval(function () {
          if (state.to >= D.days[1]) { stopPlay(); return; }
          setRange(state.to + 1, state.to + 1);
        }, PLAY_MS);
      });
    } else if (playBtn) {
      playBtn.disabled = true;
      tl.querySelector(".mapper-all").disabled = true;
    }
    var undatedBox = tl && tl.querySelector("input[name=undated]");
    if (undatedBox) { undatedBox.addEventListener("change", function () { state.undated = undatedBox.checked; later(); }); }
    window.addEventListener("resize", function () { drawTimeline(); });

    // The list of the claims in view, sortable; a row opens its popup.
    var listEl = document.getElementById("mapper-list");
    var tbody = listEl && listEl.querySelector("tbody"), listCount = listEl && listEl.querySelector(".mapper-list-count");
    var listMore = listEl && listEl.querySelector(".mapper-list-more"), listed = [];
    var sortKey = {
      day: function (i) { var d = rows[i][C.day]; return d === null ? Infinity : d; },
      place: function (i) { return placeName(rows[i][C.place]).toLowerCase(); },
      side: function (i) { return sides[rows[i][C.side]].label.toLowerCase(); },
      type: function (i) { return types[rows[i][C.type]].name; },
      claimant: function (i) { return str(rows[i][C.claimant]).toLowerCase(); }
    };
    function updateList() {
      if (!tbody) { return; }
      var b = map.getBounds(), inView = [], total = 0;
      view.rows.forEach(function (i) {
        if (b.contains(placeLatLng[rows[i][C.place]])) { inView.push(i); total += rows[i][C.n]; }
      });
      var key = sortKey[state.sort.key], dir = state.sort.dir;
      var keys = {};
      inView.forEach(function (i) { keys[i] = key(i); });
      inView.sort(function (a, c) { return keys[a] < keys[c] ? -dir : keys[a] > keys[c] ? dir : a - c; });
      listed = inView;
      listCount.textContent = "(" + fmt(total) + ")";
      tbody.textContent = "";
      inView.slice(0, LIST_LIMIT).forEach(function (i) {
        var r = rows[i], tr = el("tr", null, null, tbody);
        tr.tabIndex = 0;
        tr._row = i;
        el("td", "mapper-nowrap", r[C.day] === null ? "no date" : isoDay(r[C.day]), tr);
        el("td", null, placeName(r[C.place]), tr);
        var sd = el("td", null, null, tr);
        el("span", "mapper-swatch", null, sd).style.background = sides[r[C.side]].colour;
        el("span", null, sides[r[C.side]].short, sd);
        el("td", null, types[r[C.type]].name + (r[C.status] === 1 ? " (denied)" : "") + (r[C.n] > 1 ? " \u00d7" + r[C.n] : ""), tr);
        el("td", null, str(r[C.claimant]), tr);
      });
      listMore.textContent = inView.length > LIST_LIMIT
        ? "\u2026 and " + fmt(inView.length - LIST_LIMIT) + " more rows: zoom in or narrow the filters." : "";
      Array.prototype.forEach.call(listEl.querySelectorAll("th button"), function (btn) {
        var on = btn.getAttribute("data-sort") === state.sort.key;
        btn.parentNode.setAttribute("aria-sort", on ? (dir > 0 ? "ascending" : "descending") : "none");
      });
    }
    var listPending = false;
    function listLater() {
      if (listPending) { return; }
      listPending = true;
      window.requestAnimationFrame(function () { listPending = false; updateList(); });
    }
    if (listEl) {
      L.DomEvent.disableScrollPropagation(listEl);
      listEl.querySelector(".mapper-list-toggle").addEventListener("click", function () {
        var open = document.body.classList.toggle("mapper-list-collapsed");
        this.setAttribute("aria-expanded", open ? "false" : "true");
        map.invalidateSize();
        drawTimeline();
      });
      Array.prototype.forEach.call(listEl.querySelectorAll("th button"), function (btn) {
        btn.addEventListener("click", function () {
          var k = btn.getAttribute("data-sort");
          state.sort = { key: k, dir: state.sort.key === k ? -state.sort.dir : 1 };
          updateList();
        });
      });
      var openFromRow = function (ev) {
        var tr = ev.target.closest ? ev.target.closest("tr") : null;
        if (tr && tr._row !== undefined) { openPlace(rows[tr._row][C.place], tr._row); }
      };
      tbody.addEventListener("click", openFromRow);
      tbody.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { openFromRow(ev); } });
    }

    // Popups: every claim at the place that the filters keep, grouped by incident; a contested
    // incident shows its claims and denials side by side.
    var popup = L.popup({ maxWidth: 640, minWidth: 300, maxHeight: 440, autoPanPaddingTopLeft: L.point(20, 180),
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
    function claimBox(i, parent, first) {
      var r = rows[i], side = sides[r[C.side]], art = A[r[C.article]];
      var box = el("div", "mapper-claim" + (first ? " mapper-first" : ""), null, parent);
      box.style.borderLeftColor = side.colour;
      var head = el("div", null, null, box);
      var denied = r[C.status] === 1;
      el("span", "mapper-badge" + (denied ? " mapper-denied" : ""), denied ? "denied" : "claimed", head);
      if (r[C.contested] === 1) { el("span", "mapper-badge mapper-contested", "contested", head); }
      var who = el("span", null, null, head);
      if (r[C.claimant] !== null) {
        el("span", null, denied ? "denied by " : "claimed by ", who);
        el("b", null, str(r[C.claimant]), who);
      }
      var sw = el("span", "mapper-swatch", null, who);
      sw.style.background = side.colour;
      sw.style.marginLeft = "6px";
      el("span", null, side.label, who);
      var dl = el("dl", null, null, box);
      var add = function (k, v) {
        if (v === "" || v === null || v === undefined) { return; }
        el("dt", null, k, dl);
        el("dd", null, v, dl);
      };
      if (r[C.n] > 1) { add("Claims", fmt(r[C.n]) + " (aggregated: one place, side and day; the first claim is shown)"); }
      var written = str(r[C.written]), place = placeName(r[C.place]);
      add("Place", place + (written && place.split(" / ").indexOf(written) < 0 ? " (in the article: \u201c" + written + "\u201d)" : ""));
      add("Event", types[r[C.type]].name);
      add("Event date", r[C.day] === null ? "not stated" : isoDay(r[C.day]));
      if (r[C.fatalities] !== null) { add("Fatalities", String(r[C.fatalities])); }
      if (r[C.wounded] !== null) { add("Wounded", String(r[C.wounded])); }
      add("Accused", str(r[C.accused]));
      add("Location", D.precisionText[r[C.prec]] || "");
      if (r[C.evidence] !== null) { el("blockquote", null, str(r[C.evidence]), box); }
      var src = el("div", "mapper-source", null, box);
      var url = str(art[3]), t = str(art[1]) || str(art[0]);
      if (!t) { return; }
      el("span", null, "Article: ", src);
      if (/^https?:\/\//i.test(url)) {
        var a = el("a", null, t, src);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
      } else { el("i", null, t, src); }
      el("span", null, " \u2014 " + [str(art[2]) || "undated", str(art[0])].join(", "), src);
    }
    function popupContent(pl, firstRow) {
      var members = view.byPlace[pl] || [], inc = [], byInc = {}, total = 0;
      members.forEach(function (i) {
        var n = rows[i][C.incident];
        if (!byInc[n]) { byInc[n] = []; inc.push(n); }
        byInc[n].push(i);
        total += rows[i][C.n];
      });
      if (firstRow !== undefined) {
        var fi = rows[firstRow][C.incident];
        inc.sort(function (a, b) { return (b === fi) - (a === fi); });
      }
      var root = el("div", "mapper-popup");
      el("h3", null, placeName(pl) + (P[pl][3] ? " (region)" : ""), root);
      el("p", "mapper-note", fmt(total) + (total === 1 ? " claim" : " claims") + " at this place (" + inc.length +
         (inc.length === 1 ? " incident" : " incidents") + ")" + (P[pl][3] ? ": the claims name the region, not a town." : ""), root);
      var LIMIT = 40, boxes = 0, claimsDrawn = 0;
      inc.some(function (n) {
        var ms = byInc[n], claimed = [], denied = [];
        ms.forEach(function (i) { (rows[i][C.status] === 1 ? denied : claimed).push(i); });
        var contested = claimed.length > 0 && denied.length > 0;
        var box = el("div", "mapper-incident" + (contested ? " mapper-contested" : ""), null, root);
        var r0 = rows[ms[0]], tname = types[r0[C.type]].name;
        el("div", "mapper-incident-head", tname.charAt(0).toUpperCase() + tname.slice(1) + " \u00b7 " +
           (r0[C.day] === null ? "date not stated" : isoDay(r0[C.day])) +
           (contested ? " \u00b7 contested: claimed and denied" : ""), box);
        var cols = el("div", "mapper-cols", null, box);
        [[claimed, "Claimed"], [denied, "Denied"]].forEach(function (pair) {
          if (!pair[0].length) { return; }
          var col = el("div", "mapper-col", null, cols);
          if (contested) { el("h4", null, pair[1], col); }
          pair[0].forEach(function (i) { claimBox(i, col, i === firstRow); boxes++; claimsDrawn += rows[i][C.n]; });
        });
        return boxes >= LIMIT;
      });
      if (claimsDrawn < total) {
        el("p", "mapper-note", "\u2026 and " + fmt(total - claimsDrawn) + " more: narrow the dates or types.", root);
      }
      return root;
    }
    function openPlace(pl, firstRow) {
      popup.options.maxHeight = Math.max(200, Math.min(440, map.getSize().y - 230));
      var ll = placeLatLng[pl];
      if (P[pl][3]) { ll = L.latLng(ll.lat + (PREC_KM[3] || 40) * 0.55 / 111.32, ll.lng); }
      popup.setLatLng(ll).setContent(popupContent(pl, firstRow)).openOn(map);
      return popup;
    }

    function home() { if (D.bounds) { map.fitBounds(D.bounds, { maxZoom: opts.fitMaxZoom || 10, animate: false }); } }
    map.whenReady(function () { apply(); });

    window.incidentMap = {
      map: map, layers: cfg.layers, control: control, timings: timings, state: state, apply: apply, home: home,
      setRange: setRange, openPlace: openPlace,
      // What the filters leave on the map, by side id (claims, aggregated rows counted by their count).
      shown: function () {
        var out = {};
        sides.forEach(function (s, k) { out[s.id] = view.perSide[k]; });
        return out;
      },
      places: function () {
        return view.markers.map(function (m) {
          return { index: m._place, name: placeName(m._place), lat: m.getLatLng().lat, lng: m.getLatLng().lng,
                   n: m._n, contested: m._contested, links: m._links.length,
                   marks: m._groups.map(function (g) { return { side: sides[g.side].id, denied: g.denied, n: g.n, colour: g.colour }; }) };
        });
      },
      // Every place with a popup now (town marks and region areas alike), by index.
      popupPlaces: function () { return Object.keys(view.byPlace).map(Number); },
      regions: function () { return zoneLayer.zones().filter(function (z) { return z.kind === "region"; }).length; },
      labels: function () { return labelsShown.slice(); },
      listed: function () { return listed.length; },
      summary: function () { return summary ? summary.textContent : ""; },
      rowsAt: function (pl) { return (view.byPlace[pl] || []).slice(); },
      claimOf: function (i) {
        var r = rows[i], art = A[r[C.article]];
        return { side: sides[r[C.side]].id, type: types[r[C.type]].name, status: r[C.status] === 1 ? "denied" : "claimed",
                 contested: r[C.contested] === 1, place: placeName(r[C.place]), claimant: str(r[C.claimant]),
                 evidence: str(r[C.evidence]), title: str(art[1]), date: r[C.day] === null ? "" : isoDay(r[C.day]),
                 precision: r[C.prec], n: r[C.n] };
      }
    };
    window.incidentMapReadyAt = window.performance ? window.performance.now() : null;
    window.incidentMapReady = true;
  }

  window.IncidentMapper = { init: init, PlaceMarker: PlaceMarker, ZoneLayer: ZoneLayer };
})();
