// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// The public list of speakers and the room screen update themselves: every few seconds they ask the session's
// speakers.json with If-None-Match (a 304 costs the server one query); when the lists changed they fetch the
// server-rendered part of the page again (so every text stays translated by the server) and put it in place.
// No long-lived connection: Indico's worker processes serve one request at a time. The speakers' timers run
// against the server's clock. No text of its own: the timers show numbers only.
(function() {
  'use strict';

  const INTERVAL = 5000; // ms between two polls
  const MAX_INTERVAL = 60000; // after errors the polls slow down to this

  function pad(n) {
    return n < 10 ? `0${n}` : `${n}`;
  }

  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const hours = Math.floor(s / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    return hours ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${minutes}:${pad(s % 60)}`;
  }

  function setup(root) {
    const announcer = root.parentNode.querySelector('[data-oewg-announce]');
    let etag = root.dataset.etag || null;
    let offset = 0; // the server's clock minus ours, in ms
    let delay = INTERVAL;
    let pending = null; // the next poll's timeout
    let polling = false; // a poll is under way

    function syncClock() {
      const stamped = root.querySelector('[data-server-now]');
      if (stamped) {
        offset = parseInt(stamped.dataset.serverNow, 10) - Date.now();
      }
    }

    function tick() {
      const now = Date.now() + offset;
      root.querySelectorAll('[data-oewg-timer]').forEach(el => {
        const started = parseInt(el.dataset.started, 10);
        const limit = parseInt(el.dataset.limit, 10);
        const elapsed = started ? (now - started) / 1000 : 0;
        el.textContent = `${clock(elapsed)} / ${clock(limit)}`;
        el.classList.toggle('oewg-timer-over', elapsed > limit);
      });
    }

    function announcements() {
      return Array.from(root.querySelectorAll('[data-oewg-announcement]'), el => el.dataset.oewgAnnouncement);
    }

    async function refresh() {
      const resp = await fetch(root.dataset.fragmentUrl, {cache: 'no-store', credentials: 'same-origin'});
      if (!resp.ok) {
        throw new Error(`HTTP ${resp.status}`);
      }
      const html = await resp.text();
      const before = new Set(announcements());
      // keep the keyboard focus on the same link when the part around it is replaced
      const focused = root.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
      root.innerHTML = html;
      etag = resp.headers.get('ETag') || etag;
      syncClock();
      tick();
      if (focused) {
        const again = Array.from(root.querySelectorAll('a[href]')).find(a => a.getAttribute('href') === focused);
        if (again) {
          again.focus();
        }
      }
      const changed = announcements().filter(text => !before.has(text));
      if (announcer && changed.length) {
        announcer.textContent = changed.join(' ');
      }
    }

    async function poll() {
      pending = null;
      if (document.hidden || polling) {
        return; // polled again when the page is seen again
      }
      polling = true;
      try {
        const headers = etag ? {'If-None-Match': etag} : {};
        const resp = await fetch(root.dataset.jsonUrl, {cache: 'no-store', credentials: 'same-origin', headers});
        if (resp.status === 200) {
          await refresh();
        } else if (resp.status !== 304) {
          throw new Error(`HTTP ${resp.status}`);
        }
        delay = INTERVAL;
      } catch (err) {
        delay = Math.min(delay * 2, MAX_INTERVAL);
      } finally {
        polling = false;
      }
      schedule();
    }

    function schedule() {
      if (pending === null && !document.hidden) {
        pending = setTimeout(poll, delay);
      }
    }

    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && pending === null && !polling) {
        poll();
      }
    });
    syncClock();
    tick();
    setInterval(tick, 500);
    schedule();
  }

  function start() {
    document.querySelectorAll('[data-oewg-live]').forEach(setup);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
