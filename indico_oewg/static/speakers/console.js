// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// The secretariat's console of a list of speakers: the timer of the current speaker against the speaking limit.
// It counts from when the speaker was given the floor, on the server's clock (the page carries the server's time),
// so that two consoles and the room screen show the same time.
(function() {
  'use strict';

  function pad(n) {
    return n < 10 ? `0${n}` : `${n}`;
  }

  function format(seconds) {
    const sign = seconds < 0 ? '-' : '';
    seconds = Math.abs(seconds);
    return `${sign}${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
  }

  function start(timer) {
    const started = parseInt(timer.dataset.startedMs, 10);
    const limit = parseInt(timer.dataset.limit, 10);
    if (isNaN(started) || isNaN(limit)) {
      return;
    }
    // the difference between the server's clock and this browser's
    const offset = parseInt(timer.dataset.nowMs, 10) - Date.now();
    const elapsedEl = timer.querySelector('.oewg-timer-elapsed');
    const stateEl = timer.querySelector('.oewg-timer-state');

    function tick() {
      const elapsed = Math.max(0, Math.floor((Date.now() + offset - started) / 1000));
      elapsedEl.textContent = format(elapsed);
      timer.classList.toggle('oewg-timer-warning', elapsed >= limit - 30 && elapsed < limit);
      timer.classList.toggle('oewg-timer-over', elapsed >= limit);
      stateEl.textContent = elapsed >= limit ? timer.dataset.overLabel : '';
    }
    tick();
    setInterval(tick, 500);
  }

  function init() {
    document.querySelectorAll('.js-oewg-timer').forEach(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
