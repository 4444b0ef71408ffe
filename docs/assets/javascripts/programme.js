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

  /* The programme sheet. Its address is typed, shared and scanned, so it is read
   * defensively: only ids of exercises on the page, each once, numbers kept to the
   * ranges the page's inputs allow, and at most MOST_EXERCISES of them. */

  /* A home programme holds a handful of exercises; 20 already print on some ten A4
   * pages, and 20 entries keep the link short enough for the QR code the sheet prints
   * (up to 994 bytes at version 25) unless the exercise ids are unusually long. */
  var MOST_EXERCISES = 20;
  var NUMBERS = ["sets", "amount", "times"];

  /* The whole number in text, kept between the input's min and max; null if none. */
  function bounded(text, input) {
    if (!/^[0-9]+$/.test(text || "")) return null;
    return Math.min(Math.max(Number(text), Number(input.min)), Number(input.max));
  }

  /* The address's entries of known exercises, each once, in order and capped; and
   * whether any entry had to be left out. */
  function parseSelection(search, items) {
    var chosen = [];
    var seen = new Set();
    var skipped = false;
    new URLSearchParams(search).getAll("e").forEach(function (value) {
      var parts = value.split(".");
      var id = parts[0];
      if (seen.has(id)) return; /* the same exercise again: the first one counts */
      if (!items.has(id) || chosen.length >= MOST_EXERCISES) {
        skipped = true;
        return;
      }
      seen.add(id);
      chosen.push({ id: id, numbers: parts.slice(1, 4) });
    });
    return { chosen: chosen, skipped: skipped };
  }

  /* The QR code of text in holder; false when the text does not fit in one. */
  function drawQr(holder, text) {
    var tables = JSON.parse(document.getElementById("ps-qr-tables").textContent);
    var code;
    try {
      code = window.psQr.encode(text, tables);
    } catch (error) {
      return false;
    }
    if (!code || !code.size || !code.modules) return false;
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
    return true;
  }

  function setUpSheet(list) {
    var items = new Map();
    all(".ps-sheet__item", list).forEach(function (item) { items.set(item.dataset.id, item); });
    var selection = parseSelection(window.location.search, items);
    var chosen = selection.chosen;
    var share = document.querySelector("[data-ps-share]");
    var qr = share.querySelector("[data-ps-qr]");
    var tooLong = share.querySelector("[data-ps-qr-too-long]");
    chosen.forEach(function (choice) {
      var item = items.get(choice.id);
      list.appendChild(item);
      item.hidden = false;
      // A printout needs every chosen drawing, not only those scrolled to.
      all("img[loading=lazy]", item).forEach(function (img) { img.loading = "eager"; });
      NUMBERS.forEach(function (name, i) {
        var input = item.querySelector("input[name=" + name + "]");
        var value = bounded(choice.numbers[i], input);
        if (value !== null) input.value = String(value);
      });
    });
    function update() {
      var params = new URLSearchParams();
      chosen.forEach(function (choice) {
        var item = items.get(choice.id);
        var numbers = NUMBERS.map(function (name) {
          var input = item.querySelector("input[name=" + name + "]");
          var value = bounded(input.value, input);
          return value === null ? input.defaultValue : String(value);
        });
        params.append("e", entry(choice.id, numbers[0], numbers[1], numbers[2]));
      });
      var address = window.location.origin + window.location.pathname +
        (chosen.length ? "?" + params.toString() : "");
      window.history.replaceState(null, "", address);
      var link = share.querySelector("[data-ps-link]");
      link.href = address;
      link.textContent = address;
      var drawn = drawQr(qr, address);
      if (!drawn) qr.replaceChildren();
      qr.hidden = !drawn;
      tooLong.hidden = drawn;
    }
    document.querySelector("[data-ps-skipped]").hidden = !selection.skipped;
    document.querySelector("[data-ps-empty]").hidden = chosen.length > 0;
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
