// Loa xã console: small progressive enhancements. Every page works without this script.
'use strict';

// Live character count and Zalo group preview for [data-count] textareas.
for (const area of document.querySelectorAll('textarea[data-count]')) {
  const counter = document.getElementById(area.dataset.count);
  const preview = area.dataset.preview ? document.getElementById(area.dataset.preview) : null;
  const max = Number(area.dataset.max || 2000);
  const template = counter ? counter.dataset.template || '{n}/{max}' : '';
  const update = () => {
    const n = Array.from(area.value.normalize('NFC')).length;
    if (counter) {
      counter.textContent = template.replace('{n}', String(n)).replace('{max}', String(max));
      counter.classList.toggle('over', n > max);
    }
    if (preview) preview.textContent = area.value;
  };
  area.addEventListener('input', update);
  update();
}

// Progress of a sending run: poll the JSON endpoint, reload when the run is finished.
for (const box of document.querySelectorAll('[data-progress-url]')) {
  const bar = box.querySelector('progress');
  const label = box.querySelector('[data-progress-label]');
  const finish = box.querySelector('[data-progress-finish]');
  const poll = async () => {
    try {
      const res = await fetch(box.dataset.progressUrl, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) return;
      const p = await res.json();
      if (bar) {
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
      }
      if (label) label.textContent = p.label;
      if (finish) finish.textContent = p.finishLabel;
      if (p.finished) {
        window.location.reload();
        return;
      }
    } catch {
      // network hiccup: try again on the next tick
    }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}

// Copy buttons: [data-copy] names the element whose text is copied.
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    await navigator.clipboard.writeText(source.textContent || '');
    button.textContent = button.dataset.copied || button.textContent;
  });
}

// Confirm dangerous actions: forms with data-confirm ask first.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

// Print buttons on report pages.
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// On a phone the section list is a menu: the toggle opens and closes it (without script it wraps).
for (const nav of document.querySelectorAll('nav.main')) {
  const toggle = nav.querySelector('.menu-toggle');
  if (!toggle) continue;
  toggle.hidden = false;
  nav.classList.add('collapsible');
  toggle.addEventListener('click', () => {
    const open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
}
