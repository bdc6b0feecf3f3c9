/**
 * The admin UI's progressive enhancement, as a string module served at /ui/assets/app.js. Every
 * page works without it; with it:
 * - pages that show runs listen to /ui/events and swap their `[data-live]` sections for fresh
 *   ones (re-fetching the page itself), so run progress and new errors appear without a reload;
 *   a running sync's progress bar takes its records and pages from the event itself;
 * - `<time>` shows the viewer's local time;
 * - buttons with `data-confirm` ask first.
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
