/* The exercise library's browser side: filters, choosing exercises, the personal
 * programme sheet (its selection lives in the address: ?e=id.sets.amount.times)
 * and print buttons. Without JavaScript every exercise stays listed and readable.
 */
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* Filters on the exercises page. */
  function setUpFilter(form) {
    var items = all(".ps-exercise-list__item");
    var count = form.querySelector("[data-ps-count]");
    function checked(name) {
      return all("input[name=" + name + "]:checked", form).map(function (i) { return i.value; });
    }
    function matches(wanted, values) {
      return wanted.length === 0 || wanted.some(function (w) { return values.indexOf(w) >= 0; });
    }
    function apply() {
      var regions = checked("region");
      var goals = checked("goal");
      var levels = checked("level");
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(regions, item.dataset.regions.split(" ")) &&
          matches(goals, item.dataset.goals.split(" ")) &&
          matches(levels, [item.dataset.level]);
        item.hidden = !visible;
        if (visible) shown++;
      });
      count.textContent = String(shown);
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }

  /* Choosing exercises for the programme sheet. */
  function entry(id, sets, amount, times) {
    return [id, sets, amount, times].join(".");
  }

  function setUpChoosing(bar) {
    var link = bar.querySelector("a");
    var base = link.getAttribute("href");
    var boxes = all(".ps-select input[name=select]");
    var order = []; /* in the order the reader ticked them */
    function update() {
      var params = new URLSearchParams();
      order.forEach(function (id) {
        var item = document.querySelector(".ps-exercise-list__item[data-id='" + id + "']");
        params.append("e", entry(id, item.dataset.sets, item.dataset.amount, item.dataset.times));
      });
      bar.querySelector("[data-ps-chosen]").textContent = String(order.length);
      link.setAttribute("href", order.length ? base + "?" + params.toString() : base);
      bar.hidden = order.length === 0;
    }
    all(".ps-select").forEach(function (p) { p.hidden = false; });
    boxes.forEach(function (box) {
      if (box.checked) order.push(box.value); /* ticks the browser kept on going back */
      box.addEventListener("change", function () {
        order = order.filter(function (id) { return id !== box.value; });
        if (box.checked) order.push(box.value);
        update();
      });
    });
    update();
  }

  /* The programme sheet. */
  function parseSelection(search) {
    return new URLSearchParams(search).getAll("e").map(function (value) {
      var parts = value.split(".");
      return { id: parts[0], numbers: parts.slice(1, 4) };
    });
  }

  function drawQr(holder, text) {
    var tables = JSON.parse(document.getElementById("ps-qr-tables").textContent);
    var code = window.psQr.encode(text, tables);
    var quiet = 4;
    var size = code.size + 2 * quiet;
    var path = "";
    code.modules.forEach(function (row, r) {
      row.forEach(function (dark, c) {
        if (dark) path += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z";
      });
    });
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR: " + text);
    var background = document.createElementNS(ns, "rect");
    background.setAttribute("width", String(size));
    background.setAttribute("height", String(size));
    background.setAttribute("fill", "#fff");
    var modules = document.createElementNS(ns, "path");
    modules.setAttribute("d", path);
    modules.setAttribute("fill", "#000");
    svg.appendChild(background);
    svg.appendChild(modules);
    holder.replaceChildren(svg);
  }

  function setUpSheet(list) {
    var items = {};
    all(".ps-sheet__item", list).forEach(function (item) { items[item.dataset.id] = item; });
    var chosen = parseSelection(window.location.search).filter(function (s) {
      return items[s.id];
    });
    var share = document.querySelector("[data-ps-share]");
    var empty = document.querySelector("[data-ps-empty]");
    chosen.forEach(function (selection) {
      var item = items[selection.id];
      list.appendChild(item);
      item.hidden = false;
      // A printout needs every chosen drawing, not only those scrolled to.
      all("img[loading=lazy]", item).forEach(function (img) { img.loading = "eager"; });
      ["sets", "amount", "times"].forEach(function (name, i) {
        var value = parseInt(selection.numbers[i], 10);
        var input = item.querySelector("input[name=" + name + "]");
        if (value >= Number(input.min) && value <= Number(input.max)) input.value = String(value);
      });
    });
    function update() {
      var params = new URLSearchParams();
      chosen.forEach(function (selection) {
        var item = items[selection.id];
        var value = function (name) { return item.querySelector("input[name=" + name + "]").value; };
        params.append("e", entry(selection.id, value("sets"), value("amount"), value("times")));
      });
      var address = window.location.origin + window.location.pathname +
        (chosen.length ? "?" + params.toString() : "");
      window.history.replaceState(null, "", address);
      var link = share.querySelector("[data-ps-link]");
      link.href = address;
      link.textContent = address;
      drawQr(share.querySelector("[data-ps-qr]"), address);
    }
    empty.hidden = chosen.length > 0;
    share.hidden = chosen.length === 0;
    if (chosen.length) {
      list.addEventListener("input", update);
      update();
    }
  }

  function setUpPrint(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  function start() {
    all("[data-ps-filter]").forEach(setUpFilter);
    all("[data-ps-choose]").forEach(setUpChoosing);
    all("[data-ps-sheet]").forEach(setUpSheet);
    all("[data-ps-print]").forEach(setUpPrint);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
