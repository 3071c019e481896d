/*
 * The site's search, for Vietnamese typed with or without diacritics.
 *
 * Material's search box and result list talk to this worker with Material's own messages
 * (0 setup, 1 ready, 2 query, 3 result); theme_overrides/main.html points Material at this
 * file instead of its lunr worker. It runs as a web worker, or inside an iframe from disk
 * (the iframe-worker shim), so it uses only postMessage and the "message" event.
 *
 * - Query and pages are read in NFC (a query pasted in decomposed Unicode still finds) and
 *   compared folded: 'ngân sách' and 'ngan sach' alike; a query typed with diacritics ranks
 *   the pages spelled the same way first.
 * - A page is a result only when the query's words stand together, in the order typed, in one
 *   place of it (a phrase, or about one other word between them), or in that order in its
 *   title and place: a query with no real match gets no results, not loose partial matches.
 * - Titles, places and synonyms come from the index (generator/mkdocs/search.py, mkdocs.yml):
 *   nothing about the content is written here.
 */
"use strict";

(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // How much a match counts, by where it is found.
  var WEIGHT = { title: 10, synonym: 9, heading: 4, meta: 3, place: 2, text: 1 };
  var SNIPPET_WORDS = 24;

  var units = [];        // every searchable piece of text: {page, kind, raw, folded, location}
  var pages = [];        // {location, title, place, boost, text}
  var postings = new Map();  // folded word -> array of unit indexes (ascending, unique)
  var headings = new Map();  // folded heading -> how many pages have it ("Kết quả thực hiện" on every task)
  var WORD = /[\p{L}\p{N}]+/gu;

  function nfc(value) {
    return String(value || "").normalize("NFC");
  }

  /* Lower case without diacritics, same length as the input (offsets stay valid). */
  function fold(value) {
    var lower = value.toLowerCase();
    var bare = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
    if (bare.length === lower.length && lower.length === value.length)
      return bare;
    var out = "";
    for (var i = 0; i < value.length; i++) {
      var c = value[i].toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
      out += c.length === 1 ? c : value[i];
    }
    return out;
  }

  /* Words of a folded text with their offsets; a line break ends a phrase (a gap in positions). */
  function words(folded) {
    var found = [], position = 0, last = 0, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(folded)) !== null) {
      if (found.length && folded.slice(last, match.index).indexOf("\n") !== -1)
        position += 10;
      found.push({ word: match[0], start: match.index, end: match.index + match[0].length, pos: position++ });
      last = match.index + match[0].length;
    }
    return found;
  }

  function escapeHTML(value) {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function addUnit(page, kind, raw, location) {
    raw = nfc(raw);
    if (!raw.trim())
      return;
    var index = units.length;
    var folded = fold(raw);
    units.push({ page: page, kind: kind, raw: raw, folded: folded, location: location });
    var seen = new Set();
    words(folded).forEach(function (w) {
      if (seen.has(w.word))
        return;
      seen.add(w.word);
      var list = postings.get(w.word);
      if (list === undefined)
        postings.set(w.word, list = []);
      list.push(index);
    });
  }

  function setup(index) {
    units = [];
    pages = [];
    postings = new Map();
    headings = new Map();
    var byLocation = new Map();
    (index.docs || []).forEach(function (doc) {
      var location = doc.location || "";
      var path = location.split("#")[0];
      var page = byLocation.get(path);
      if (page === undefined) {
        page = pages.length;
        byLocation.set(path, page);
        pages.push({
          location: location, title: nfc(doc.title), place: nfc(doc.place || ""),
          boost: typeof doc.boost === "number" ? doc.boost : 1, text: nfc(doc.text)
        });
        addUnit(page, "title", doc.title, location);
        addUnit(page, "place", doc.place || "", location);
        addUnit(page, "meta", (doc.title || "") + "\n" + (doc.place || ""), location);
        (doc.synonyms || []).forEach(function (s) { addUnit(page, "synonym", s, location); });
        addUnit(page, "text", doc.text, location);
      } else {
        addUnit(page, "heading", doc.title, location);
        addUnit(page, "text", doc.text, location);
        var key = fold(nfc(doc.title)).trim();
        headings.set(key, (headings.get(key) || 0) + 1);
      }
    });
  }

  /* The query's words: folded, whether typed with diacritics, and the last one maybe unfinished. */
  function parse(query) {
    var raw = nfc(query);
    var folded = fold(raw);
    var list = words(folded).map(function (w) {
      var typed = raw.slice(w.start, w.end).toLowerCase();
      return { word: w.word, typed: typed, marked: typed !== w.word };
    });
    var open = list.length > 0 && !/\s$/.test(raw) && list[list.length - 1].word.length >= 2;
    return { words: list, open: open };
  }

  /*
   * Units holding word ``w``; for the last word while it is being typed, a word starting with it
   * ("tuyen dun" finds "dụng"), unless ``w`` is a word of its own ("cong dan" is "công dân",
   * not "công … đăng").
   */
  function holding(w, prefix) {
    var exact = postings.get(w) || [];
    if (!prefix || exact.length)
      return { units: new Set(exact), forms: new Set([w]) };
    var found = new Set(exact), forms = new Set([w]);
    postings.forEach(function (list, key) {
      if (key.length > w.length && key.lastIndexOf(w, 0) === 0 && forms.size < 64) {
        forms.add(key);
        list.forEach(function (u) { found.add(u); });
      }
    });
    return { units: found, forms: forms };
  }

  /*
   * The shortest stretch holding the query's words in the order typed, other words between
   * them allowed. The order is kept: Vietnamese words are made of syllables whose order is
   * their meaning ("tiếp công dân" is not "công dân được tiếp cận").
   */
  function inOrder(found, hits, n) {
    var at = [], next = [], best = null;
    for (var q = 0; q < n; q++) {
      at.push([]);
      next.push(0);
    }
    hits.forEach(function (h) { at[h[1]].push(h[0]); });
    for (var s = 0; s < at[0].length; s++) {
      var last = at[0][s];
      for (var q2 = 1; q2 < n && last !== null; q2++) {
        // The pointers only move forward: a later start never needs an earlier word.
        while (next[q2] < at[q2].length && at[q2][next[q2]] <= last)
          next[q2]++;
        last = next[q2] < at[q2].length ? at[q2][next[q2]] : null;
      }
      if (last === null)
        break;
      var span = found[last].pos - found[at[0][s]].pos + 1;
      if (best === null || span < best.span)
        best = { from: at[0][s], to: last, phrase: false, span: span };
    }
    return best;
  }

  /*
   * Where the query's words stand in one unit: the shortest stretch of words holding all of
   * them in order, and whether they stand side by side (a phrase). Null when they are too far
   * apart to be a real match.
   */
  function locate(unit, query, forms) {
    var found = words(unit.folded);
    var n = query.words.length;
    var hits = [];   // [position in found, query word index]
    found.forEach(function (w, i) {
      for (var q = 0; q < n; q++)
        if (forms[q].has(w.word))
          hits.push([i, q]);
    });
    if (!hits.length)
      return null;
    var best = null, count = 0;
    // Phrases: the query's words one after the other.
    for (var i = 0; i + n <= found.length; i++) {
      var ok = true;
      for (var q = 0; q < n && ok; q++)
        ok = forms[q].has(found[i + q].word) && found[i + q].pos === found[i].pos + q;
      if (ok) {
        count++;
        if (best === null)
          best = { from: i, to: i + n - 1, phrase: true };
      }
    }
    if (best === null) {
      best = inOrder(found, hits, n);
      if (best === null)
        return null;
      // Vietnamese words are mostly two syllables: allow about one word between the query's
      // words, and a longer query (two words or more) the length of one more such query.
      var slack = unit.kind === "meta" ? Infinity : (n >= 4 ? n : 2);
      if (best.span > n + slack)
        return null;
      count = 1;
    }
    // Diacritics: a word typed with them should be spelled so on the page.
    var same = 0, different = 0;
    for (var k = best.from; k <= best.to; k++) {
      var w = found[k];
      for (var q2 = 0; q2 < n; q2++) {
        var word = query.words[q2];
        if (!word.marked || !forms[q2].has(w.word))
          continue;
        var written = unit.raw.slice(w.start, w.end).toLowerCase();
        if (written === word.typed || (q2 === n - 1 && query.open && written.lastIndexOf(word.typed, 0) === 0))
          same++;
        else
          different++;
      }
    }
    return { found: found, best: best, count: count, same: same, different: different };
  }

  function score(unit, match) {
    var value = WEIGHT[unit.kind] * (match.best.phrase ? 1 : 0.6);
    if (unit.kind === "heading")   // a heading every page has ("Tài liệu kiểm chứng") tells little
      value /= Math.sqrt(headings.get(unit.folded.trim()) || 1);
    if (unit.kind === "title" || unit.kind === "synonym" || unit.kind === "heading") {
      // The title starts with the query: the more of the title it is, the more it counts, up to
      // twice for the title itself ("danh mục thông tin" is more of "Danh mục thông tin phải
      // được công khai" than of a longer title that starts the same way).
      if (match.best.from === 0 && match.best.phrase)
        value *= 1.3 + 0.7 * (match.best.to + 1) / match.found.length;
    }
    if (unit.kind === "text")
      value *= 1 + 0.25 * Math.min(match.count - 1, 4);
    if (match.different > 0)
      value *= 0.4;
    else if (match.same > 0)
      value *= 1.2;
    return value;
  }

  /* The unit's text from word ``from`` to word ``to`` (all of it when omitted), matches marked. */
  function marked(unit, match, from, to) {
    var found = match.found, raw = unit.raw, whole = from === undefined;
    if (whole) {
      from = 0;
      to = found.length - 1;
    }
    var start = whole ? 0 : found[from].start, end = whole ? raw.length : found[to].end, out = "", cursor = start;
    for (var k = from; k <= to; k++) {
      var w = found[k];
      var hit = k >= match.best.from && k <= match.best.to;
      if (!hit)
        continue;
      out += escapeHTML(raw.slice(cursor, w.start)) + "<mark>" + escapeHTML(raw.slice(w.start, w.end)) + "</mark>";
      cursor = w.end;
    }
    out += escapeHTML(raw.slice(cursor, end));
    return out.replace(/\n/g, " · ");
  }

  function snippet(unit, match) {
    var half = Math.floor((SNIPPET_WORDS - (match.best.to - match.best.from)) / 2);
    var from = Math.max(0, match.best.from - Math.max(half, 3));
    var to = Math.min(match.found.length - 1, match.best.to + Math.max(half, 3));
    return (from > 0 ? "… " : "") + marked(unit, match, from, to) + (to < match.found.length - 1 ? " …" : "");
  }

  function opening(text) {
    var found = words(fold(text));
    if (!found.length)
      return "";
    var to = Math.min(found.length, SNIPPET_WORDS) - 1;
    return escapeHTML(text.slice(0, found[to].end)).replace(/\n/g, " · ") + (to < found.length - 1 ? " …" : "");
  }

  function search(query) {
    var parsed = parse(query);
    var n = parsed.words.length;
    if (n === 0)
      return { items: [] };
    var forms = [], candidates = null;
    for (var q = 0; q < n; q++) {
      var h = holding(parsed.words[q].word, q === n - 1 && parsed.open);
      forms.push(h.forms);
      if (candidates === null) {
        candidates = h.units;
      } else {
        var both = new Set();
        h.units.forEach(function (u) { if (candidates.has(u)) both.add(u); });
        candidates = both;
      }
      if (!candidates.size)
        return { items: [] };
    }
    var byPage = new Map();
    candidates.forEach(function (u) {
      var unit = units[u];
      var match = locate(unit, parsed, forms);
      if (match === null)
        return;
      var value = score(unit, match);
      var entry = byPage.get(unit.page);
      if (entry === undefined)
        byPage.set(unit.page, entry = { best: null, total: 0, list: [] });
      entry.total += value;
      entry.list.push({ unit: unit, match: match, value: value });
      if (entry.best === null || value > entry.best.value)
        entry.best = { unit: unit, match: match, value: value };
    });
    var results = [];
    byPage.forEach(function (entry, page) {
      var info = pages[page];
      // The best place counts in full, further places a little, and the page's weight last.
      var value = (entry.best.value + 0.1 * (entry.total - entry.best.value)) * info.boost;
      var best = entry.best, titleMatch = null, terms = {};
      entry.list.forEach(function (m) {
        if (m.unit.kind === "title")
          titleMatch = m;
        for (var k = m.match.best.from; k <= m.match.best.to; k++) {
          var w = m.match.found[k];
          terms[m.unit.raw.slice(w.start, w.end).toLowerCase()] = true;
        }
      });
      var title = titleMatch
        ? marked(titleMatch.unit, titleMatch.match)
        : escapeHTML(info.title);
      var text = "";
      if (best.unit.kind === "text" || best.unit.kind === "heading") {
        text = best.unit.kind === "text" ? snippet(best.unit, best.match)
          : "Mục «" + marked(best.unit, best.match) + "»";
      } else if (best.unit.kind === "synonym") {
        text = "Còn gọi là: " + marked(best.unit, best.match) + ". " + opening(info.text);
      } else {
        text = opening(info.text);
      }
      // Material shows a result's text only for a page's own entry (no '#' in its address); the
      // words found are marked on the page it opens (search.highlight).
      var location = info.location;
      results.push({
        location: location,
        title: title,
        text: (info.place ? "<p class=\"phuong-search__place\">" + escapeHTML(info.place) + "</p>" : "") +
          (text ? "<p>" + text + "</p>" : ""),
        score: value,
        terms: terms
      });
    });
    results.sort(function (a, b) { return b.score - a.score || (a.location < b.location ? -1 : 1); });
    return { items: results.map(function (r) { return [r]; }) };
  }

  addEventListener("message", function (ev) {
    var message = ev.data || {};
    if (message.type === SETUP) {
      setup(message.data || {});
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var result;
      try {
        result = search(String(message.data || ""));
      } catch (err) {
        result = { items: [] };
      }
      postMessage({ type: RESULT, data: result });
    }
  });
})();
