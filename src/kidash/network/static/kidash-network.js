// kidash's live network: vis-network mounted once per page, updated in place.
//
// Streamlit (st.components.v2) calls the default export with new data on every rerun whose data
// changed, always with the same parentElement; the vis Network made on the first call stays and
// is updated (nodes added, changed, removed) so the picture never reloads and nodes keep their
// places. The standalone HTML download calls the same function once.
//
// Safety: this runs in the app's own page. Every value from the data reaches the DOM through
// textContent or DOM properties, never through a property or call that parses HTML.

const instances = new WeakMap();

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function loadVis() {
  if (globalThis.vis && globalThis.vis.Network) return Promise.resolve(globalThis.vis);
  return import("./vis-network-9.1.2.min.js").then(() => globalThis.vis);
}

function fold(text) {
  return String(text).normalize("NFC").toLocaleLowerCase("nb");
}

// Only links inside this app: a path on this host, never a scheme (javascript:, data:, http:).
function safeHref(href) {
  return typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : null;
}

const LEGEND_SHAPES = {
  dot: [["circle", { cx: 8, cy: 8, r: 7 }]],
  triangle: [["polygon", { points: "8,1 15,15 1,15" }]],
  square: [["rect", { x: 2, y: 2, width: 12, height: 12 }]],
  diamond: [["polygon", { points: "8,1 15,8 8,15 1,8" }]],
  hexagon: [["polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }]],
  star: [["polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" }]],
};

function svg(width, height, parts) {
  const ns = "http://www.w3.org/2000/svg";
  const box = document.createElementNS(ns, "svg");
  box.setAttribute("width", String(width));
  box.setAttribute("height", String(height));
  box.setAttribute("aria-hidden", "true");
  for (const [tag, attrs] of parts) {
    const shape = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, String(value));
    box.appendChild(shape);
  }
  return box;
}

// What changed since an earlier date: new things get a thick dark border (nodes) or a wider line
// (roles); ended ones stay in their place, faint, so nothing vanishes silently. The sizes come
// from the data (style.MARK_STYLE), the same as in the slide picture.
let MARK = { ended_opacity: 0.3, new_border: 4, new_width: 2.5 };

// Labels that would sit on each other are not drawn: at every zoom the larger (and the selected)
// node keeps its name, the others show theirs when zoomed in far enough to have room. vis-network
// draws every label it finds big enough; its label drawing is wrapped once to skip the ones
// decluttered here (a flag on the label, no change to the data).
function wrapLabels(label) {
  const proto = Object.getPrototypeOf(label);
  if (proto.kdWrapped) return;
  const draw = proto.draw;
  proto.draw = function (...args) {
    if (this.kdHidden) return undefined;
    return draw.apply(this, args);
  };
  proto.kdWrapped = true;
}

function apart(a, b, pad) {
  return a[2] + pad <= b[0] || b[2] + pad <= a[0] || a[3] + pad <= b[1] || b[3] + pad <= a[1];
}

function baseOpacity(item) {
  return item.mark === "ended" ? MARK.ended_opacity : 1;
}

function colourSwatch(colour) {
  return svg(16, 16, [["circle", { cx: 8, cy: 8, r: 7, fill: /^#[0-9A-Fa-f]{3,8}$/.test(colour) ? colour : "#999999", stroke: "#333333" }]]);
}

class LiveNetwork {
  constructor(root, vis) {
    this.vis = vis;
    this.root = root;
    this.trigger = () => {};
    this.data = null;
    this.selected = null;
    this.frame = null;
    this.optionsText = "";
    this.byId = new Map();
    this.edgeById = new Map();
    this.q = (selector) => root.querySelector(selector);
    this.nodes = new vis.DataSet();
    this.edges = new vis.DataSet();
    this.network = null; // made by the first update, with its options and data at once
  }

  // The drawing, made once its first data is in the data sets: vis-network then reads its options
  // and every node and edge in one pass (made empty, then given options and data, it read the options
  // twice and took the nodes and the edges as two more changes).
  draw(options) {
    const canvas = this.q(".kd-canvas");
    this.network = new this.vis.Network(canvas, { nodes: this.nodes, edges: this.edges }, options);
    canvas.kidashNetwork = this.network; // for tests and the PNG button, never serialised
    this.wire();
  }

  wire() {
    const network = this.network;
    network.on("click", (event) => {
      if (event.nodes.length) {
        const node = this.byId.get(event.nodes[0]);
        if (node && node.group) this.trigger("group", { key: node.group });
        else this.select(event.nodes[0], true);
      } else if (event.edges.length) {
        this.showEdge(event.edges[0]);
      } else {
        this.select(null, true);
      }
    });
    network.on("zoom", () => this.declutterSoon());
    network.on("dragEnd", () => this.declutterSoon());
    network.on("animationFinished", () => this.declutterSoon());
    network.on("doubleClick", (event) => {
      const node = event.nodes.length ? this.byId.get(event.nodes[0]) : null;
      if (node && !node.group && this.data.focusable) this.trigger("focus", { id: node.id });
    });
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.select(null, true);
    });
    this.q(".kd-fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));
    this.q(".kd-zoom-in").addEventListener("click", () => this.zoom(1.4));
    this.q(".kd-zoom-out").addEventListener("click", () => this.zoom(1 / 1.4));
    this.q(".kd-png").addEventListener("click", () => this.png());
    const search = this.q(".kd-search");
    search.addEventListener("input", () => this.suggest(search.value));
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const first = this.matches(search.value)[0];
        if (first) this.find(first.id);
      }
    });
  }

  // Hide the labels that would overlap one drawn before them (larger nodes and the selected one
  // first); show again those that now have room. Boxes are vis-network's own, in map units.
  declutter() {
    const body = this.network.body;
    const scale = this.network.getScale();
    const candidates = [];
    let unsized = 0;
    for (const id of body.nodeIndices) {
      const label = body.nodes[id] && body.nodes[id].labelModule;
      if (!label || !label.elementOptions.label) continue;
      wrapLabels(label);
      const threshold = label.elementOptions.scaling.label.drawThreshold;
      const size = label.size;
      if (label.fontOptions.size * scale < threshold - 1) {
        label.kdHidden = false; // too small to be drawn at this zoom anyway
        continue;
      }
      if (!size || !size.width) {
        label.kdHidden = false; // never drawn yet: drawn once, then placed on the next pass
        unsized += 1;
        continue;
      }
      const node = this.byId.get(id);
      const priority = (id === this.selected ? 1e12 : 0) + (node ? Number(node.value) || 0 : 0);
      candidates.push({ id, label, priority, box: [size.left, size.top, size.left + size.width, size.top + size.height] });
    }
    candidates.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // A name may not lie over another name drawn before it, nor over another node's marker (close in
    // after a search, one name was written across the next node). Boxes sit in a grid of cells so a
    // name is checked against its neighbours only.
    const pad = 2 / scale;
    const cell = Math.max(40, ...candidates.slice(0, 50).map((c) => c.box[3] - c.box[1])) * 2;
    const grid = new Map();
    const cells = (box, visit) => {
      for (let i = Math.floor(box[0] / cell); i <= Math.floor(box[2] / cell); i += 1) {
        for (let j = Math.floor(box[1] / cell); j <= Math.floor(box[3] / cell); j += 1) {
          if (visit(`${i},${j}`) === false) return false;
        }
      }
      return true;
    };
    const add = (box, owner) => cells(box, (key) => { (grid.get(key) || grid.set(key, []).get(key)).push([owner, box]); });
    for (const id of body.nodeIndices) {
      const node = body.nodes[id];
      if (!node || node.x === undefined) continue;
      const r = (node.shape && (node.shape.radius || node.shape.width / 2)) || node.options.size || 10;
      add([node.x - r, node.y - r, node.x + r, node.y + r], id);
    }
    const kept = [];
    let changed = false;
    let hidden = 0;
    const isFree = (item, box) =>
      cells(box, (key) => (grid.get(key) || []).every(([owner, other]) => owner === item.id || apart(other, box, pad)));
    for (const item of candidates) {
      // Under its marker (vis-network's place for it), else over it; the selected node is named
      // wherever, the others only where they have room.
      const node = body.nodes[item.id];
      const r = (node.shape && (node.shape.radius || node.shape.height / 2)) || node.options.size || 10;
      const up = -(item.box[3] - item.box[1]) - 2 * r - 2 * pad;
      const shift = [0, up].find((dy) => isFree(item, [item.box[0], item.box[1] + dy, item.box[2], item.box[3] + dy]));
      const clash = shift === undefined && item.id !== this.selected;
      const moved = shift || 0;
      if (Boolean(item.label.kdHidden) !== clash || (item.label.kdShift || 0) !== moved) changed = true;
      item.label.kdHidden = clash;
      if (moved !== (item.label.kdShift || 0)) {
        item.label.fontOptions.vadjust = (item.label.fontOptions.vadjust || 0) - (item.label.kdShift || 0) + moved;
        item.label.kdShift = moved;
      }
      if (clash) hidden += 1;
      else {
        kept.push(item);
        add([item.box[0], item.box[1] + moved, item.box[2], item.box[3] + moved], item.id);
      }
    }
    this.root.dataset.labelsShown = String(kept.length);
    this.root.dataset.labelsHidden = String(hidden);
    if (changed || unsized) {
      if (unsized && !this.reDecluttering) {
        this.reDecluttering = true;
        this.network.once("afterDrawing", () => {
          this.reDecluttering = false;
          this.declutter();
        });
      }
      this.network.redraw();
    }
  }

  declutterSoon() {
    clearTimeout(this.declutterTimer);
    this.declutterTimer = setTimeout(() => this.declutter(), 120);
  }

  zoom(factor) {
    this.network.moveTo({ scale: this.network.getScale() * factor, animation: { duration: 200 } });
  }

  matches(text) {
    const query = fold(text).trim();
    if (!query) return [];
    const found = [];
    for (const node of this.data.nodes) {
      const names = node.names.map(fold);
      const at = Math.min(...names.map((name) => (name.includes(query) ? name.indexOf(query) : Infinity)));
      if (at !== Infinity) found.push([at, names[0].length, node]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return found.slice(0, 8).map((entry) => entry[2]);
  }

  suggest(text) {
    const list = this.q(".kd-suggestions");
    list.replaceChildren();
    const found = this.matches(text);
    for (const node of found) {
      const item = el("li");
      const button = el("button", node.names[0], "kd-suggestion");
      button.type = "button";
      button.addEventListener("click", () => this.find(node.id));
      item.appendChild(button);
      list.appendChild(item);
    }
    const texts = this.data.texts;
    this.q(".kd-search-status").textContent = text.trim()
      ? found.length ? texts.found.replace("{count}", String(found.length)) : texts.not_found
      : "";
  }

  find(id) {
    this.q(".kd-suggestions").replaceChildren();
    this.network.focus(id, { scale: Math.max(this.network.getScale(), 1.1), animation: { duration: 300 } });
    const node = this.byId.get(id);
    if (node && node.group) this.trigger("group", { key: node.group });
    else this.select(id, true);
  }

  select(id, byUser) {
    if (id !== null && !this.byId.has(id)) id = null;
    const changed = id !== this.selected;
    this.selected = id;
    this.highlight();
    if (id === null) {
      // vis-network draws the whole picture again on unselectAll: only when something is selected
      const { nodes, edges } = this.network.getSelection();
      if (nodes.length || edges.length) this.network.unselectAll();
      this.hideCard();
    } else {
      this.network.selectNodes([id], false);
      this.showCard(this.byId.get(id));
    }
    this.root.dataset.selected = id || "";
    if (changed) this.declutterSoon(); // the selected node's name comes first
    if (byUser && changed && this.data.selection) this.trigger("select", { id });
  }

  highlight() {
    const id = this.selected;
    const near = new Set(id === null ? [] : [id, ...this.network.getConnectedNodes(id)]);
    const nodeUpdates = [];
    for (const node of this.data.nodes) {
      const opacity = (id === null || near.has(node.id) ? 1 : 0.18) * baseOpacity(node);
      if (node._opacity !== opacity) {
        node._opacity = opacity;
        nodeUpdates.push({ id: node.id, opacity, font: { color: opacity === 1 ? "#1b1b1b" : "#8a8a8a" } });
      }
    }
    if (nodeUpdates.length) this.nodes.update(nodeUpdates);
    const edgeUpdates = [];
    for (const edge of this.data.edges) {
      const opacity = (id === null || edge.from === id || edge.to === id ? 1 : 0.12) * baseOpacity(edge);
      if (edge._opacity !== opacity) {
        edge._opacity = opacity;
        edgeUpdates.push({ id: edge.id, color: { color: edge.color, highlight: edge.color, opacity } });
      }
    }
    if (edgeUpdates.length) this.edges.update(edgeUpdates);
  }

  cardLines(box, lines) {
    let list = null;
    for (const [tag, text, document] of lines) {
      if (tag === "li") {
        if (!list) list = box.appendChild(el("ul"));
        const item = list.appendChild(el("li", text));
        if (document !== undefined && document !== null && this.data.documents[document]) {
          item.appendChild(el("span", this.data.documents[document], "kd-source"));
        }
        continue;
      }
      list = null;
      const map = { h: "h2", i: "p", p: "p", b: "h3" };
      box.appendChild(el(map[tag] || "p", text, tag === "i" ? "kd-italic" : null));
    }
  }

  showCard(node) {
    const card = this.q(".kd-card");
    const body = this.q(".kd-card-body");
    body.replaceChildren();
    this.cardLines(body, node.card);
    const actions = this.q(".kd-card-actions");
    actions.replaceChildren();
    const texts = this.data.texts;
    const href = this.data.profile ? safeHref(this.data.profile + encodeURIComponent(node.id)) : null;
    if (href && this.data.interactive) {
      const link = el("a", texts.profile, "kd-action");
      link.href = href;
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        this.trigger("open", { id: node.id });
      });
      actions.appendChild(link);
    }
    if (this.data.focusable) {
      const focus = el("button", texts.focus, "kd-action");
      focus.type = "button";
      focus.addEventListener("click", () => this.trigger("focus", { id: node.id }));
      actions.appendChild(focus);
    }
    card.hidden = false;
    this.root.dataset.card = node.id;
  }

  showEdge(id) {
    const edge = this.edgeById.get(id);
    if (!edge) return;
    const body = this.q(".kd-card-body");
    body.replaceChildren();
    this.cardLines(body, edge.card);
    this.q(".kd-card-actions").replaceChildren();
    this.q(".kd-card").hidden = false;
    this.root.dataset.card = "edge:" + id;
  }

  hideCard() {
    this.q(".kd-card").hidden = true;
    this.root.dataset.card = "";
  }

  texts(data) {
    const t = data.texts;
    this.q(".kd-search-label").textContent = t.search;
    this.q(".kd-search").placeholder = t.search_placeholder;
    this.q(".kd-fit").textContent = t.fit;
    this.q(".kd-zoom-in").textContent = "+";
    this.q(".kd-zoom-in").setAttribute("aria-label", t.zoom_in);
    this.q(".kd-zoom-out").textContent = "−";
    this.q(".kd-zoom-out").setAttribute("aria-label", t.zoom_out);
    this.q(".kd-png").textContent = t.png;
    // In the app the page's own PNG button draws the slide picture on the server (the same renderer
    // as the export panel); only the standalone file, with no server, draws its canvas.
    this.q(".kd-png").hidden = Boolean(this.data.interactive);
    this.q(".kd-close").textContent = t.close;
    this.q(".kd-card").setAttribute("aria-label", t.card);
    this.q(".kd-canvas").setAttribute("aria-label", t.aria);
    this.q(".kd-legend").setAttribute("aria-label", t.legend);
    this.q(".kd-canvas").style.height = data.height + "px";
    this.root.hidden = false;
  }

  legend(data) {
    const box = this.q(".kd-legend");
    box.replaceChildren(el("h2", data.texts.legend));
    const section = (title, rows) => {
      if (!rows.length) return;
      box.appendChild(el("h3", title));
      const list = box.appendChild(el("ul"));
      for (const [mark, text] of rows) {
        const item = list.appendChild(el("li"));
        item.appendChild(mark);
        item.appendChild(el("span", text));
      }
    };
    const legend = data.legend;
    section(data.texts.colour, legend.colours.map(([text, colour]) => [colourSwatch(colour), text]));
    section(
      data.texts.shape,
      legend.shapes.map(([text, shape]) => [
        svg(16, 16, (LEGEND_SHAPES[shape] || LEGEND_SHAPES.dot).map(([tag, attrs]) => [tag, { ...attrs, fill: "#ffffff", stroke: "#1b1b1b", "stroke-width": 1.5 }])),
        text,
      ]),
    );
    section(
      data.texts.marks,
      (legend.marks || []).map(([text, mark]) => [
        svg(16, 16, [["circle", mark === "new"
          ? { cx: 8, cy: 8, r: 5.5, fill: "#ffffff", stroke: "#1b1b1b", "stroke-width": 3 }
          : { cx: 8, cy: 8, r: 7, fill: "#999999", stroke: "#333333", opacity: MARK.ended_opacity }]]),
        text,
      ]),
    );
    section(
      data.texts.line,
      legend.lines.map(([text, colour, dashes]) => {
        const attrs = { x1: 1, y1: 5, x2: 33, y2: 5, stroke: /^#[0-9A-Fa-f]{3,8}$/.test(colour) ? colour : "#777777", "stroke-width": 2.5 };
        if (Array.isArray(dashes)) attrs["stroke-dasharray"] = dashes.map(Number).join(",");
        return [svg(34, 10, [["line", attrs]]), text];
      }),
    );
  }

  tooltip(item) {
    // Plain text: vis-network shows a string title with innerText (never parsed as HTML), and a
    // string costs far less than an element when thousands of items are updated.
    const end = item.card.findIndex((line) => line[0] === "b" || line[0] === "li");
    return (end === -1 ? item.card : item.card.slice(0, end)).map((line) => String(line[1])).join("\n");
  }

  update(data) {
    const started = performance.now();
    const first = this.data === null;
    this.data = data;
    if (data.markStyle) MARK = { ...MARK, ...data.markStyle };
    this.root.dataset.ready = "false";
    this.texts(data);
    this.legend(data);
    const optionsText = JSON.stringify(data.options);
    if (optionsText !== this.optionsText && this.network) this.network.setOptions(data.options);
    if (optionsText !== this.optionsText) this.physicsOn = Boolean(data.options.physics && data.options.physics.enabled);
    this.optionsText = optionsText;
    const nextNodes = new Map(data.nodes.map((node) => [node.id, node]));
    const nextEdges = new Map(data.edges.map((edge) => [edge.id, edge]));
    const removeNodes = [...this.byId.keys()].filter((id) => !nextNodes.has(id));
    const removeEdges = [...this.edgeById.keys()].filter((id) => !nextEdges.has(id));
    if (removeEdges.length) this.edges.remove(removeEdges);
    if (removeNodes.length) this.nodes.remove(removeNodes);
    // Only what changed goes to vis-network: each DataSet update costs a pass over the drawing.
    const nodeChanges = [];
    for (const node of data.nodes) {
      const signature = JSON.stringify([node.label, node.shape, node.color, node.value, node.scaling, node.x, node.y, node.card, node.mark]);
      const old = this.byId.get(node.id);
      const same = old && old._signature === signature;
      node._signature = signature;
      node._tooltip = same ? old._tooltip : this.tooltip(node);
      if (same && old._opacity === baseOpacity(node)) continue;
      const change = {
        id: node.id,
        label: node.label,
        shape: node.shape,
        color: node.mark === "new" ? { background: node.color, border: "#1b1b1b" } : node.color,
        borderWidth: node.mark === "new" ? MARK.new_border : 1,
        value: node.value,
        x: node.x,
        y: node.y,
        opacity: baseOpacity(node),
        font: { color: baseOpacity(node) === 1 ? "#1b1b1b" : "#8a8a8a" },
        title: node._tooltip,
      };
      if (node.scaling) change.scaling = node.scaling; // a group: drawn at its size in the map
      nodeChanges.push(change);
    }
    if (nodeChanges.length) this.nodes.update(nodeChanges);
    const edgeChanges = [];
    for (const edge of data.edges) {
      const signature = JSON.stringify([edge.from, edge.to, edge.color, edge.dashes, edge.width, edge.smooth, edge.card, edge.mark]);
      const old = this.edgeById.get(edge.id);
      const same = old && old._signature === signature;
      edge._signature = signature;
      edge._tooltip = same ? old._tooltip : this.tooltip(edge);
      if (same && old._opacity === baseOpacity(edge)) continue;
      edgeChanges.push({
        id: edge.id,
        from: edge.from,
        to: edge.to,
        color: { color: edge.color, highlight: edge.color, opacity: baseOpacity(edge) },
        dashes: edge.dashes,
        width: edge.mark === "new" ? edge.width * MARK.new_width : edge.width,
        smooth: edge.smooth || false,
        title: edge._tooltip,
      });
    }
    if (edgeChanges.length) this.edges.update(edgeChanges);
    if (!this.network) this.draw(data.options);
    for (const node of data.nodes) node._opacity = baseOpacity(node);
    for (const edge of data.edges) edge._opacity = baseOpacity(edge);
    this.byId = nextNodes;
    this.edgeById = nextEdges;
    if (!data.physics && this.physicsOn !== false) this.network.setOptions({ physics: { enabled: false } });
    this.physicsOn = data.physics;
    const wanted = data.selected && nextNodes.has(data.selected) ? data.selected : null;
    const keep = this.selected !== null && nextNodes.has(this.selected) && data.selected === undefined ? this.selected : wanted;
    this.selected = undefined;
    this.select(keep, false);
    if (first || data.frame !== this.frame) {
      this.frame = data.frame;
      // An open group: its members fill the picture (the other groups around them); otherwise
      // everything. A selection from a link shows in that whole picture.
      const members = data.nodes.some((node) => node.group) ? data.nodes.filter((node) => !node.group) : [];
      this.network.fit({ nodes: members.map((node) => node.id), animation: false });
    }
    this.root.dataset.nodes = String(data.nodes.length);
    this.root.dataset.edges = String(data.edges.length);
    this.root.dataset.updates = String(Number(this.root.dataset.updates || 0) + 1);
    this.root.dataset.updateMs = String(Math.round(performance.now() - started));
    const done = () => {
      this.root.dataset.drawMs = String(Math.round(performance.now() - started));
      this.root.dataset.ready = "true";
      this.q(".kd-status").textContent = "";
      this.declutterSoon();
    };
    if (data.physics) {
      this.q(".kd-status").textContent = data.texts.settling;
      this.network.once("stabilizationIterationsDone", () => {
        this.network.setOptions({ physics: { enabled: false } });
        done();
      });
      this.network.stabilize(data.options.physics.stabilization.iterations);
    } else {
      this.network.once("afterDrawing", done);
      this.network.redraw();
    }
  }

  png() {
    // Redraw at 1920x1080 for slides, on white, then put the view back.
    const canvas = this.q(".kd-canvas");
    const old = [canvas.style.width, canvas.style.height];
    const view = { position: this.network.getViewPosition(), scale: this.network.getScale() };
    canvas.style.width = "1920px";
    canvas.style.height = "1080px";
    this.network.setSize("1920px", "1080px");
    this.network.fit({ animation: false });
    this.network.once("afterDrawing", (context) => {
      const source = context.canvas;
      const out = document.createElement("canvas");
      out.width = source.width;
      out.height = source.height;
      const paint = out.getContext("2d");
      paint.fillStyle = "#ffffff";
      paint.fillRect(0, 0, out.width, out.height);
      paint.drawImage(source, 0, 0);
      const link = document.createElement("a");
      link.download = String(this.data.file).replace(/[^\w.-]+/g, "-") + ".png";
      link.href = out.toDataURL("image/png");
      this.root.appendChild(link);
      link.click();
      link.remove();
      [canvas.style.width, canvas.style.height] = old;
      this.network.setSize("100%", this.data.height + "px");
      this.network.moveTo({ ...view, animation: false });
    });
    this.network.redraw();
  }
}

export default async function render(component) {
  const { parentElement } = component;
  // The app sends its data as JSON text (serialised once per view on the server); the standalone page an object.
  const data = typeof component.data === "string" ? JSON.parse(component.data) : component.data;
  let entry = instances.get(parentElement);
  if (!entry) {
    const root = parentElement.querySelector(".kd-net");
    entry = { ready: loadVis().then((vis) => new LiveNetwork(root, vis)) };
    entry.queue = entry.ready;
    instances.set(parentElement, entry);
    const close = root.querySelector(".kd-close");
    entry.ready.then((live) => close.addEventListener("click", () => live.select(null, true)));
  }
  const called = performance.now();
  entry.queue = entry.queue.then(async () => {
    const live = await entry.ready;
    live.trigger = component.setTriggerValue || (() => {});
    live.root.dataset.calledAt = String(Math.round(called));
    live.update(data);
  });
  await entry.queue;
  return () => {
    entry.ready.then((live) => live.network && live.network.destroy());
    instances.delete(parentElement);
  };
}

globalThis.kidashNetworkRender = render;
