// attack-kb: the graph page. Draws /api/graph/{id} with d3's force layout; nodes can be selected, expanded (their
// own neighbours are fetched and merged in), edge kinds hidden, and the view exported as PNG, SVG or JSON.
// Loaded only on the graph page, from this site (the Content-Security-Policy forbids inline script and style
// attributes: colours are SVG presentation attributes, set here).
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el || !window.d3) return; // without JavaScript the page's lists stand in for the drawing
  var d3 = window.d3;

  // One colour and shape per kind of node; the legend on the page is coloured from here too.
  var KINDS = {
    technique: { color: "#4e79a7", shape: d3.symbolCircle },
    tactic: { color: "#f28e2b", shape: d3.symbolDiamond },
    mitigation: { color: "#59a14f", shape: d3.symbolSquare },
    detection: { color: "#e15759", shape: d3.symbolTriangle },
    analytic: { color: "#ff9da7", shape: d3.symbolTriangle },
    data_component: { color: "#9c755f", shape: d3.symbolStar },
    group: { color: "#b07aa1", shape: d3.symbolWye },
    software: { color: "#76b7b2", shape: d3.symbolCross },
    campaign: { color: "#edc948", shape: d3.symbolDiamond },
    control: { color: "#5b5ea6", shape: d3.symbolSquare },
    more: { color: "#bab0ac", shape: d3.symbolCircle }
  };
  var DISTANCE = { tactic: 90, subtechnique: 70, mitigates: 90, detects: 80, analytic: 45, log_source: 45, uses: 110, attributed: 90, mapped: 120, more: 70 };

  var api = el.dataset.api;
  var center = el.dataset.center;
  var panel = document.getElementById("graph-panel");
  var tools = document.getElementById("graph-tools");
  tools.hidden = false;

  var nodes = new Map();   // id -> node (d3 keeps x, y, vx, vy on it)
  var edges = new Map();   // source>target>kind -> edge as the API gave it
  var hidden = new Set();  // edge kinds switched off
  var expanded = new Set();
  var selected = null;

  var width = el.clientWidth || 900;
  var height = Math.max(420, Math.min(680, Math.round(width * 0.62)));
  var svg = d3.select(el).append("svg")
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("viewBox", [0, 0, width, height].join(" "))
    .attr("width", width).attr("height", height)
    .attr("role", "group")
    .attr("aria-label", "Graph of " + center + "; select a node with Tab and Enter");
  // The page's own colours (light or dark), as attributes: an exported SVG or PNG keeps them without the stylesheet.
  var pageStyle = getComputedStyle(document.body);
  var background = pageStyle.backgroundColor || "#ffffff";
  var ink = pageStyle.color || "#1f2328";
  svg.append("rect").attr("width", width).attr("height", height).attr("fill", background);
  var root = svg.append("g");
  var linkLayer = root.append("g").attr("stroke", "#8a8f98").attr("stroke-opacity", 0.7);
  var nodeLayer = root.append("g");

  // Once the layout first settles, zoom so that all of it is in view.
  var zoom = d3.zoom().scaleExtent([0.2, 4]).on("zoom", function (event) { root.attr("transform", event.transform); });
  var fitted = false;
  function fit() {
    var box = root.node().getBBox();
    if (!box.width || !box.height) return;
    var scale = Math.min(2, 0.92 * Math.min(width / box.width, height / box.height));
    var x = width / 2 - scale * (box.x + box.width / 2);
    var y = height / 2 - scale * (box.y + box.height / 2);
    svg.transition().duration(400).call(zoom.transform, d3.zoomIdentity.translate(x, y).scale(scale));
  }

  svg.call(zoom);
  document.getElementById("graph-fit").addEventListener("click", fit);

  var simulation = d3.forceSimulation()
    .force("link", d3.forceLink().id(function (d) { return d.id; }).distance(function (l) { return DISTANCE[l.kind] || 80; }))
    .force("charge", d3.forceManyBody().strength(-240))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(20))
    .on("tick", tick)
    .on("end", function () { if (!fitted) { fitted = true; fit(); } });

  function kind(d) { return KINDS[d.kind] || KINDS.more; }

  function merge(graph, near) {
    graph.nodes.forEach(function (n) {
      if (nodes.has(n.id)) return;
      var copy = Object.assign({}, n);
      if (near) { copy.x = near.x + (Math.random() - 0.5) * 60; copy.y = near.y + (Math.random() - 0.5) * 60; }
      nodes.set(n.id, copy);
    });
    graph.edges.forEach(function (e) { edges.set(e.source + ">" + e.target + ">" + e.kind, e); });
    expanded.add(graph.center);
    render();
  }

  function load(id, near) {
    return fetch(api + encodeURIComponent(id) + "?depth=1", { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (graph) { merge(graph, near); });
  }

  function visible() {
    var links = [];
    var shown = new Set([center]);
    edges.forEach(function (e) {
      if (hidden.has(e.kind)) return;
      links.push({ source: e.source, target: e.target, kind: e.kind, label: e.label, detail: e.detail });
      shown.add(e.source); shown.add(e.target);
    });
    return { links: links, nodes: Array.from(nodes.values()).filter(function (n) { return shown.has(n.id); }) };
  }

  var link, node;
  function render() {
    var v = visible();
    link = linkLayer.selectAll("line").data(v.links, function (l) { return l.source + ">" + l.target + ">" + l.kind; })
      .join(function (enter) {
        var line = enter.append("line").attr("stroke-width", 1.4);
        line.append("title");
        return line;
      });
    link.attr("stroke-dasharray", function (l) { return l.kind === "mapped" ? "4 3" : null; })
      .attr("data-kind", function (l) { return l.kind; });
    link.select("title").text(function (l) {
      return [l.kind.replace("_", " ") + (l.label ? " (" + l.label + ")" : ""), l.detail].filter(Boolean).join("\n");
    });

    node = nodeLayer.selectAll("g.node").data(v.nodes, function (d) { return d.id; })
      .join(function (enter) {
        var g = enter.append("g").attr("class", "node").attr("tabindex", 0).attr("role", "button")
          .attr("data-id", function (d) { return d.id; })
          .attr("aria-label", function (d) { return d.kind.replace("_", " ") + " " + d.label + (d.name ? " " + d.name : ""); })
          .on("click", function (event, d) { select(d); })
          .on("keydown", function (event, d) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(d); } })
          .call(drag());
        g.append("path");
        g.append("text").attr("x", 11).attr("y", 4).attr("font-size", 11).attr("fill", ink)
          .attr("paint-order", "stroke").attr("stroke", background).attr("stroke-width", 3);
        g.append("title");
        return g;
      });
    node.select("path")
      .attr("d", function (d) { return d3.symbol(kind(d).shape, d.id === center ? 420 : d.kind === "analytic" ? 90 : 180)(); })
      .attr("fill", function (d) { return kind(d).color; })
      .attr("stroke", function (d) { return d === selected ? ink : background; })
      .attr("stroke-width", function (d) { return d === selected ? 2.5 : 1.2; });
    // Analytics and data components are many and small: their labels show on hover, so the rest stay legible.
    node.select("text").text(function (d) {
      if ((d.kind === "analytic" || d.kind === "data_component") && d !== selected) return "";
      var text = d.kind === "data_component" && d.name ? d.name : d.label;
      return text.length > 24 ? text.slice(0, 23) + "…" : text;
    });
    node.select("title").text(function (d) { return d.label + (d.name && d.name !== d.label ? " " + d.name : ""); });

    simulation.nodes(v.nodes);
    simulation.force("link").links(v.links);
    simulation.alpha(0.9).restart();
    el.dataset.nodes = String(v.nodes.length);
  }

  function tick() {
    if (!link || !node) return; // the simulation may tick before the first drawing
    link.attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; });
    node.attr("transform", function (d) { return "translate(" + d.x + "," + d.y + ")"; });
  }

  function drag() {
    return d3.drag()
      .on("start", function (event, d) { if (!event.active) simulation.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on("drag", function (event, d) { d.fx = event.x; d.fy = event.y; })
      .on("end", function (event, d) { if (!event.active) simulation.alphaTarget(0); d.fx = null; d.fy = null; });
  }

  function select(d) {
    selected = d;
    render();
    var label = document.querySelector(".graph-legend [data-kind='" + d.kind + "'] .label");
    panel.replaceChildren();
    var kindLine = document.createElement("p");
    kindLine.className = "kind";
    kindLine.textContent = label ? label.textContent : d.kind;
    var title = document.createElement("h2");
    title.textContent = d.label + (d.name && d.name !== d.label ? " " + d.name : "");
    panel.append(kindLine, title);
    var around = [];
    edges.forEach(function (e) {
      if (e.source === d.id || e.target === d.id) around.push(e);
    });
    var facts = document.createElement("p");
    facts.textContent = around.length + " edge" + (around.length === 1 ? "" : "s") + " shown";
    panel.append(facts);
    around.filter(function (e) { return e.detail; }).slice(0, 2).forEach(function (e) {
      var other = nodes.get(e.source === d.id ? e.target : e.source);
      var detail = document.createElement("p");
      detail.className = "detail";
      detail.textContent = (other ? other.label + " " : "") + e.kind.replace("_", " ") + ": " + e.detail;
      panel.append(detail);
    });
    var actions = document.createElement("p");
    if (d.url) {
      var open = document.createElement("a");
      open.href = d.url;
      open.textContent = d.kind === "more" ? "See them all" : "Open its page";
      actions.append(open);
    }
    if (d.expandable && !expanded.has(d.id)) {
      var expand = document.createElement("button");
      expand.type = "button";
      expand.className = "expand";
      expand.textContent = "Expand";
      expand.addEventListener("click", function () {
        expand.disabled = true;
        expand.textContent = "Expanding…";
        load(d.id, d).then(function () { select(d); }).catch(function (err) { expand.textContent = "Could not expand (" + err.message + ")"; });
      });
      actions.append(" ", expand);
    }
    panel.append(actions);
  }

  // Edge kinds on and off: nodes reached only through hidden edges go too.
  tools.querySelectorAll("input[name=edge]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hidden.delete(box.value); else hidden.add(box.value);
      render();
    });
  });

  // The legend's swatches take the shapes and colours drawn.
  document.getElementById("graph-legend").hidden = false;
  document.querySelectorAll(".graph-legend li").forEach(function (li) {
    var k = KINDS[li.dataset.kind];
    var icon = li.querySelector("svg");
    if (!k || !icon) return;
    d3.select(icon).selectAll("*").remove();
    d3.select(icon).append("path").attr("transform", "translate(7,7)").attr("d", d3.symbol(k.shape, 60)()).attr("fill", k.color);
  });

  function download(blob, name) {
    var a = document.getElementById("graph-download");
    if (a.href) URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.blob = blob; // what was last exported, readable by the page's own scripts (the CSP keeps fetch off blob: URLs)
    a.click();
  }

  function svgText() {
    var copy = svg.node().cloneNode(true);
    return new XMLSerializer().serializeToString(copy);
  }

  var base = "graph-" + center.replace(/[^A-Za-z0-9._-]+/g, "_");
  tools.querySelectorAll("button[data-export]").forEach(function (button) {
    button.addEventListener("click", function () {
      var format = button.dataset.export;
      if (format === "json") {
        var v = visible();
        var data = {
          center: center,
          nodes: v.nodes.map(function (n) { return { id: n.id, kind: n.kind, label: n.label, name: n.name, url: n.url }; }),
          edges: v.links.map(function (l) {
            return { source: l.source.id || l.source, target: l.target.id || l.target, kind: l.kind, label: l.label, detail: l.detail };
          })
        };
        download(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), base + ".json");
      } else if (format === "svg") {
        download(new Blob([svgText()], { type: "image/svg+xml" }), base + ".svg");
      } else {
        var image = new Image();
        image.onload = function () {
          var canvas = document.createElement("canvas");
          canvas.width = width * 2;
          canvas.height = height * 2;
          var context = canvas.getContext("2d");
          context.scale(2, 2);
          context.drawImage(image, 0, 0, width, height);
          canvas.toBlob(function (blob) { download(blob, base + ".png"); }, "image/png");
        };
        image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText());
      }
    });
  });

  load(center).then(function () {
    var first = nodes.get(center);
    if (first) select(first);
  }).catch(function (err) {
    panel.textContent = "The graph could not be loaded (" + err.message + "); the lists below show the same neighbours.";
  });
})();
