// Sandbox chat page. Vanilla JS, no framework. Every piece of data is written with textContent,
// never innerHTML. Texts come from GET <base>/api/texts (locales/vi/sandbox.json).
(function () {
  'use strict';
  var base = document.body.getAttribute('data-base') || '';
  var STORE = 'loa-xa-sandbox-resident';
  var texts = {};
  var resident = null;
  var lastChat = '';
  var lastGroups = '';
  var $ = function (id) {
    return document.getElementById(id);
  };

  function t(key, vars) {
    var s = texts[key] || key;
    Object.keys(vars || {}).forEach(function (k) {
      s = s.split('{{' + k + '}}').join(String(vars[k]));
    });
    return s;
  }

  function api(method, path, body) {
    var init = { method: method, headers: { Accept: 'application/json' } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(base + '/api/' + path, init).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          return { status: res.status, data: data };
        });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function safeImage(url) {
    if (!/^https?:\/\//i.test(url || '')) return null;
    var img = document.createElement('img');
    img.src = url;
    img.alt = '';
    img.loading = 'lazy';
    return img;
  }

  function showError(message) {
    var box = $('chat-error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function timeLabel(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  function setResident(next) {
    resident = next;
    lastChat = '';
    if (next) localStorage.setItem(STORE, JSON.stringify(next));
    else localStorage.removeItem(STORE);
    $('name-form').hidden = !!next;
    $('chat-area').hidden = !next;
    $('who').hidden = !next;
    if (next) {
      $('resident-name').textContent = next.displayName;
      $('messages').replaceChildren(el('li', 'empty', t('emptyChat')));
      refreshChat();
      $('text-input').focus();
    }
  }

  function renderChat(data) {
    var key = JSON.stringify(data);
    if (key === lastChat) return;
    lastChat = key;
    var follow = $('follow');
    follow.textContent = data.resident.isFollower ? t('followed') : t('follow');
    follow.disabled = data.resident.isFollower;
    var list = $('messages');
    var items = data.messages.map(function (m) {
      var li = el('li', 'msg ' + m.from);
      li.appendChild(el('span', 'meta', (m.from === 'resident' ? t('you') : t('oa')) + ' · ' + timeLabel(m.time)));
      if (m.text) li.appendChild(document.createTextNode(m.text));
      var img = m.imageUrl ? safeImage(m.imageUrl) : null;
      if (img) li.appendChild(img);
      if (m.buttons && m.buttons.length) {
        var row = el('div', 'buttons');
        m.buttons.forEach(function (b) {
          var button = el('button', '', b.title);
          button.type = 'button';
          button.addEventListener('click', function () {
            click(b.payload);
          });
          row.appendChild(button);
        });
        li.appendChild(row);
      }
      return li;
    });
    list.replaceChildren.apply(list, items.length ? items : [el('li', 'empty', t('emptyChat'))]);
    list.scrollTop = list.scrollHeight;
  }

  function refreshChat() {
    if (!resident) return Promise.resolve();
    return api('GET', 'messages?user=' + encodeURIComponent(resident.userId)).then(
      function (r) {
        if (r.status === 404) {
          setResident(null);
          return;
        }
        if (r.status === 200) renderChat(r.data);
      },
      function () {
        /* the next poll retries */
      },
    );
  }

  function renderGroups(groups) {
    var key = JSON.stringify(groups);
    if (key === lastGroups) return;
    lastGroups = key;
    var cards = groups.map(function (g) {
      var card = el('article', 'group');
      card.setAttribute('data-group-id', g.groupId);
      card.appendChild(el('h3', '', g.name));
      var badges = el('div', 'badges');
      badges.appendChild(
        el(
          'span',
          g.status === 'enabled' ? 'badge' : 'badge off',
          g.status === 'enabled' ? t('statusEnabled') : t('statusDisabled'),
        ),
      );
      if (!g.owned) badges.appendChild(el('span', 'badge off', t('notOwned')));
      badges.appendChild(el('span', 'badge muted', t('members', { count: g.memberCount })));
      card.appendChild(badges);
      var list = el('ol');
      g.messages.forEach(function (m) {
        var li = el('li', 'gmsg');
        li.appendChild(el('span', 'meta', m.from + ' · ' + timeLabel(m.time)));
        if (m.text) li.appendChild(document.createTextNode(m.text));
        var img = m.imageUrl ? safeImage(m.imageUrl) : null;
        if (img) li.appendChild(img);
        list.appendChild(li);
      });
      if (!g.messages.length) list.appendChild(el('li', 'empty', t('emptyGroup')));
      card.appendChild(list);
      return card;
    });
    var box = $('groups');
    box.replaceChildren.apply(box, cards.length ? cards : [el('p', 'empty', t('emptyGroups'))]);
  }

  function refreshGroups() {
    return api('GET', 'groups').then(
      function (r) {
        if (r.status === 200) renderGroups(r.data.groups);
      },
      function () {},
    );
  }

  function deliveryOutcome(r) {
    if (r.status >= 200 && r.status < 300) {
      showError('');
      return refreshChat();
    }
    showError(
      r.data && r.data.status
        ? t('notDelivered', { status: r.data.status })
        : (r.data && r.data.message) || t('networkError'),
    );
  }

  function click(payload) {
    if (!resident) return;
    api('POST', 'click', { userId: resident.userId, payload: payload }).then(deliveryOutcome, function () {
      showError(t('networkError'));
    });
  }

  $('name-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var name = $('name-input').value.trim();
    if (!name) return;
    api('POST', 'residents', { displayName: name }).then(
      function (r) {
        if (r.status === 201) setResident(r.data);
        else showError((r.data && r.data.message) || t('networkError'));
      },
      function () {
        showError(t('networkError'));
      },
    );
  });

  $('send-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('text-input');
    var text = input.value.trim();
    if (!text || !resident) return;
    var button = e.target.querySelector('button');
    button.disabled = true;
    button.textContent = t('sending');
    api('POST', 'messages', { userId: resident.userId, text: text })
      .then(
        function (r) {
          if (r.status >= 200 && r.status < 300) input.value = '';
          return deliveryOutcome(r);
        },
        function () {
          showError(t('networkError'));
        },
      )
      .then(function () {
        button.disabled = false;
        button.textContent = t('send');
        input.focus();
      });
  });

  $('follow').addEventListener('click', function () {
    if (resident)
      api('POST', 'follow', { userId: resident.userId }).then(deliveryOutcome, function () {
        showError(t('networkError'));
      });
  });

  $('change').addEventListener('click', function () {
    setResident(null);
    $('name-input').focus();
  });

  api('GET', 'texts').then(function (r) {
    texts = r.data || {};
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(STORE) || 'null');
    } catch (err) {
      saved = null;
    }
    setResident(saved && saved.userId ? saved : null);
    refreshGroups();
    setInterval(function () {
      if (!document.hidden) refreshChat();
    }, 1500);
    setInterval(function () {
      if (!document.hidden) refreshGroups();
    }, 3000);
  });
})();
