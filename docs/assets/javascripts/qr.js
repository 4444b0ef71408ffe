/* QR code encoder (ISO/IEC 18004): byte mode, error correction level M.
 *
 * The version tables (error-correction blocks, alignment pattern positions) are
 * data the page carries in <script type="application/json" id="ps-qr-tables">,
 * written at build time from the Python QR library the leaflet uses.
 * window.psQr.encode(text, tables, mask?) returns {size, modules}, modules[row][col]
 * true for dark. The optional mask (0-7) is for tests; by default the mask with
 * the lowest penalty is chosen.
 */
(function () {
  "use strict";

  var EXP = new Array(512);
  var LOG = new Array(256);
  (function () {
    var x = 1;
    for (var i = 0; i < 255; i++) {
      EXP[i] = x;
      LOG[x] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11d;
    }
    for (var j = 255; j < 512; j++) EXP[j] = EXP[j - 255];
  })();

  function mul(a, b) {
    return a && b ? EXP[LOG[a] + LOG[b]] : 0;
  }

  function generator(degree) {
    var poly = [1];
    for (var i = 0; i < degree; i++) {
      var next = new Array(poly.length + 1).fill(0);
      for (var j = 0; j < poly.length; j++) {
        next[j] ^= poly[j];
        next[j + 1] ^= mul(poly[j], EXP[i]);
      }
      poly = next;
    }
    return poly;
  }

  function errorCorrection(data, degree) {
    var gen = generator(degree);
    var rest = data.concat(new Array(degree).fill(0));
    for (var i = 0; i < data.length; i++) {
      var coef = rest[i];
      if (coef !== 0) {
        for (var j = 0; j < gen.length; j++) rest[i + j] ^= mul(gen[j], coef);
      }
    }
    return rest.slice(data.length);
  }

  function utf8(text) {
    return Array.from(new TextEncoder().encode(text));
  }

  function capacity(info) {
    return info.blocks.reduce(function (sum, b) { return sum + b[0] * b[2]; }, 0);
  }

  function chooseVersion(length, tables) {
    for (var v = 1; tables[v]; v++) {
      var countBits = v < 10 ? 8 : 16;
      if (4 + countBits + 8 * length <= 8 * capacity(tables[v])) return v;
    }
    throw new Error("text too long for a QR code: " + length + " bytes");
  }

  function dataCodewords(bytes, version, info) {
    var bits = [];
    function put(value, count) {
      for (var i = count - 1; i >= 0; i--) bits.push((value >>> i) & 1);
    }
    var total = capacity(info) * 8;
    put(4, 4);
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    put(0, Math.min(4, total - bits.length));
    while (bits.length % 8) bits.push(0);
    var words = [];
    for (var i = 0; i < bits.length; i += 8) {
      var w = 0;
      for (var j = 0; j < 8; j++) w = (w << 1) | bits[i + j];
      words.push(w);
    }
    for (var pad = 0xec; words.length < total / 8; pad ^= 0xec ^ 0x11) words.push(pad);
    return words;
  }

  function interleave(words, info) {
    var blocks = [];
    var offset = 0;
    var eccLength = info.blocks[0][1] - info.blocks[0][2];
    info.blocks.forEach(function (group) {
      for (var n = 0; n < group[0]; n++) {
        var data = words.slice(offset, offset + group[2]);
        offset += group[2];
        blocks.push({ data: data, ecc: errorCorrection(data, eccLength) });
      }
    });
    var out = [];
    var longest = Math.max.apply(null, blocks.map(function (b) { return b.data.length; }));
    for (var i = 0; i < longest; i++) {
      blocks.forEach(function (b) { if (i < b.data.length) out.push(b.data[i]); });
    }
    for (var k = 0; k < eccLength; k++) {
      blocks.forEach(function (b) { out.push(b.ecc[k]); });
    }
    return out;
  }

  function Grid(size) {
    this.size = size;
    this.dark = [];
    this.fixed = [];
    for (var r = 0; r < size; r++) {
      this.dark.push(new Array(size).fill(false));
      this.fixed.push(new Array(size).fill(false));
    }
  }
  Grid.prototype.set = function (row, col, dark) {
    this.dark[row][col] = dark;
    this.fixed[row][col] = true;
  };

  function drawFunctionPatterns(grid, version, info) {
    var size = grid.size;
    for (var i = 0; i < size; i++) {
      grid.set(6, i, i % 2 === 0);
      grid.set(i, 6, i % 2 === 0);
    }
    [[3, 3], [3, size - 4], [size - 4, 3]].forEach(function (c) {
      for (var dr = -4; dr <= 4; dr++) {
        for (var dc = -4; dc <= 4; dc++) {
          var r = c[0] + dr;
          var col = c[1] + dc;
          if (r < 0 || r >= size || col < 0 || col >= size) continue;
          var dist = Math.max(Math.abs(dr), Math.abs(dc));
          grid.set(r, col, dist !== 2 && dist !== 4);
        }
      }
    });
    var align = info.align;
    align.forEach(function (r, i) {
      align.forEach(function (c, j) {
        var corner = (i === 0 && j === 0) || (i === 0 && j === align.length - 1) ||
          (i === align.length - 1 && j === 0);
        if (corner) return;
        for (var dr = -2; dr <= 2; dr++) {
          for (var dc = -2; dc <= 2; dc++) {
            grid.set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
          }
        }
      });
    });
    drawFormat(grid, 0);
    if (version >= 7) {
      var rem = version;
      for (var k = 0; k < 12; k++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      var bits = (version << 12) | rem;
      for (var b = 0; b < 18; b++) {
        var bit = ((bits >>> b) & 1) === 1;
        var a = size - 11 + (b % 3);
        var m = Math.floor(b / 3);
        grid.set(m, a, bit);
        grid.set(a, m, bit);
      }
    }
  }

  function drawFormat(grid, mask) {
    var size = grid.size;
    var data = (0 << 3) | mask; // level M is 00
    var rem = data;
    for (var i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    var bits = ((data << 10) | rem) ^ 0x5412;
    function bit(n) { return ((bits >>> n) & 1) === 1; }
    for (var a = 0; a <= 5; a++) grid.set(a, 8, bit(a));
    grid.set(7, 8, bit(6));
    grid.set(8, 8, bit(7));
    grid.set(8, 7, bit(8));
    for (var b = 9; b < 15; b++) grid.set(8, 14 - b, bit(b));
    for (var c = 0; c < 8; c++) grid.set(8, size - 1 - c, bit(c));
    for (var d = 8; d < 15; d++) grid.set(size - 15 + d, 8, bit(d));
    grid.set(size - 8, 8, true);
  }

  function placeData(grid, codewords) {
    var size = grid.size;
    var index = 0;
    var total = codewords.length * 8;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < size; vert++) {
        for (var j = 0; j < 2; j++) {
          var col = right - j;
          var upward = ((right + 1) & 2) === 0;
          var row = upward ? size - 1 - vert : vert;
          if (grid.fixed[row][col]) continue;
          if (index < total) {
            grid.dark[row][col] = ((codewords[index >>> 3] >>> (7 - (index & 7))) & 1) === 1;
          }
          index++;
        }
      }
    }
  }

  var MASKS = [
    function (r, c) { return (r + c) % 2 === 0; },
    function (r) { return r % 2 === 0; },
    function (r, c) { return c % 3 === 0; },
    function (r, c) { return (r + c) % 3 === 0; },
    function (r, c) { return (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0; },
    function (r, c) { return ((r * c) % 2) + ((r * c) % 3) === 0; },
    function (r, c) { return (((r * c) % 2) + ((r * c) % 3)) % 2 === 0; },
    function (r, c) { return (((r + c) % 2) + ((r * c) % 3)) % 2 === 0; },
  ];

  function applyMask(grid, mask) {
    for (var r = 0; r < grid.size; r++) {
      for (var c = 0; c < grid.size; c++) {
        if (!grid.fixed[r][c] && MASKS[mask](r, c)) grid.dark[r][c] = !grid.dark[r][c];
      }
    }
  }

  function penalty(dark) {
    var size = dark.length;
    var score = 0;
    var line = function (get) {
      for (var i = 0; i < size; i++) {
        var run = 1;
        for (var j = 1; j < size; j++) {
          if (get(i, j) === get(i, j - 1)) {
            run++;
          } else {
            if (run >= 5) score += run - 2;
            run = 1;
          }
        }
        if (run >= 5) score += run - 2;
        for (var k = 0; k + 11 <= size; k++) {
          var s = "";
          for (var m = 0; m < 11; m++) s += get(i, k + m) ? "1" : "0";
          if (s === "10111010000" || s === "00001011101") score += 40;
        }
      }
    };
    line(function (i, j) { return dark[i][j]; });
    line(function (i, j) { return dark[j][i]; });
    var count = 0;
    for (var r = 0; r < size; r++) {
      for (var c = 0; c < size; c++) {
        if (dark[r][c]) count++;
        if (r + 1 < size && c + 1 < size) {
          var v = dark[r][c];
          if (dark[r][c + 1] === v && dark[r + 1][c] === v && dark[r + 1][c + 1] === v) score += 3;
        }
      }
    }
    var k2 = Math.ceil(Math.abs(count * 20 - size * size * 10) / (size * size)) - 1;
    return score + k2 * 10;
  }

  function build(codewords, version, info, mask) {
    var grid = new Grid(17 + 4 * version);
    drawFunctionPatterns(grid, version, info);
    placeData(grid, codewords);
    applyMask(grid, mask);
    drawFormat(grid, mask);
    return grid;
  }

  function encode(text, tables, forcedMask) {
    var bytes = utf8(text);
    var version = chooseVersion(bytes.length, tables);
    var info = tables[version];
    var codewords = interleave(dataCodewords(bytes, version, info), info);
    var best = null;
    var masks = forcedMask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [forcedMask];
    masks.forEach(function (mask) {
      var grid = build(codewords, version, info, mask);
      var score = penalty(grid.dark);
      if (best === null || score < best.score) best = { score: score, grid: grid, mask: mask };
    });
    return { size: best.grid.size, modules: best.grid.dark, version: version, mask: best.mask };
  }

  var api = { encode: encode };
  if (typeof window !== "undefined") window.psQr = api;
  if (typeof module !== "undefined") module.exports = api;
})();
