/**
 * The admin UI's progressive enhancement, as a string module served at /ui/assets/app.js. Every
 * page works without it; with it:
 * - pages that show runs listen to /ui/events and swap their `[data-live]` sections for fresh
 *   ones (re-fetching the page itself), so run progress and new errors appear without a reload;
 *   a running sync's progress bar takes its records and pages from the event itself;
 * - `<time>` shows the viewer's local time;
 * - buttons with `data-confirm` ask first;
 * - a form with a WMS choice (`data-wms-choice`) shows only the chosen WMS's settings;
 * - a button with `data-result` ("Test connection") posts its form in the background and shows the
 *   answer in that region, so what was typed (secrets too, which pages never send back) stays.
 */
export const clientScript = `
(function () {
  'use strict';
  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d)) { t.title = t.getAttribute('datetime'); t.textContent = d.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }); }
    });
  }
  localTimes(document);

  function labelCells(root) {
    root.querySelectorAll('.table-wrap table').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (!td.hasAttribute('data-label') && !td.hasAttribute('colspan') && heads[i]) td.setAttribute('data-label', heads[i]);
        });
      });
      table.classList.add('stacked');
    });
  }
  labelCells(document);

  document.addEventListener('submit', function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) e.preventDefault();
  });

  // A disabled fieldset is neither sent nor checked as required; the server reads only the chosen WMS's fields anyway.
  document.querySelectorAll('form[data-wms-choice]').forEach(function (form) {
    function show() {
      var chosen = form.querySelector('input[name="wms"]:checked');
      form.querySelectorAll('fieldset[data-wms-kind]').forEach(function (set) {
        var on = !!chosen && set.getAttribute('data-wms-kind') === chosen.value;
        set.hidden = !on;
        set.disabled = !on;
      });
    }
    form.addEventListener('change', show);
    show();
  });

  document.addEventListener('submit', function (e) {
    var button = e.submitter;
    var id = button && button.getAttribute('data-result');
    var region = id && document.getElementById(id);
    if (e.defaultPrevented || !region) return;
    e.preventDefault();
    var body = new URLSearchParams(new FormData(e.target, button));
    button.disabled = true;
    region.textContent = 'Testing…';
    // The page answers as it would without the script (the whole page); only the region is taken from it.
    fetch(e.target.action, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (body) {
          var answer = new DOMParser().parseFromString(body, 'text/html').getElementById(id);
          if (answer) region.replaceChildren.apply(region, Array.prototype.slice.call(answer.childNodes));
          else region.textContent = 'The test could not be run (' + res.status + '). Reload the page and try again.';
        });
      })
      .catch(function () { region.textContent = 'The hub did not answer. Try again.'; })
      .finally(function () { button.disabled = false; });
  });

  var source = document.body.getAttribute('data-live-source');
  if (!source || !('EventSource' in window)) return;
  var announcer = document.getElementById('live-status');
  var pending = false;
  // An event that arrives while a refresh is on its way is kept, not dropped: it may be the run's
  // last change (running → succeeded), and no other event would follow to show it.
  var queued = null;

  function refresh(text) {
    if (pending) { queued = text; return; }
    pending = true;
    setTimeout(function () {
      fetch(location.href, { headers: { 'x-wmsync-live': '1' }, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
        .then(function (body) {
          var fresh = new DOMParser().parseFromString(body, 'text/html');
          document.querySelectorAll('[data-live]').forEach(function (section) {
            var next = fresh.getElementById(section.id);
            if (!next) return;
            // Keep keyboard focus where it was: the same control in the fresh section, by id.
            var focused = section.contains(document.activeElement) ? document.activeElement.id : '';
            section.replaceWith(next);
            localTimes(next);
            labelCells(next);
            if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
          });
          if (announcer && text) announcer.textContent = text;
        })
        .catch(function () { /* the next event tries again */ })
        .finally(function () {
          pending = false;
          if (queued !== null) { var next = queued; queued = null; refresh(next); }
        });
    }, 250);
  }

  var events = new EventSource(source);
  events.addEventListener('runs', function (e) {
    try {
      var run = JSON.parse(e.data);
      if (run.status === 'running') {
        document.querySelectorAll('[data-progress-run="' + run.runId + '"] .progress-text').forEach(function (text) {
          text.textContent = run.records + ' record' + (run.records === 1 ? '' : 's') + ' so far · ' + run.pages + ' page' + (run.pages === 1 ? '' : 's');
        });
      }
      refresh('Updated: run ' + run.runId + ' of ' + run.flow + ' is ' + run.status + '.');
    } catch (err) { refresh(''); }
  });
})();
`;
