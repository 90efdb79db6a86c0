// The gmail demo page's own script (it plays the mail site; it is not extension code). Kept as a
// string so every runner (tsx, vitest, the e2e setup) serves it the same way; String.raw keeps
// its regular expressions' backslashes.
export const GMAIL_CLIENT = String.raw`
/* global document, window, location, Intl, BigInt */
// The Gmail demo "site": renders the seeded threads with the classes and attributes real Gmail
// carries (see services/mail-sites/gmail.selectors.ts), single-page with hash routing. Mail text is
// set with textContent; only a message with "rawHtml" (the hostile thread) is inserted as markup,
// on purpose, to show that the extension reads it as inert text.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('seed-data').textContent);
  var es = data.ui === 'es';
  var TEXTS = {
    en: {
      inbox: 'Inbox',
      reply: 'Reply',
      replyAll: 'Reply all',
      forward: 'Forward',
      archive: 'Archive',
      del: 'Delete',
      back: 'Back to Inbox',
      to: 'to ',
      me: 'me',
      older: 'older messages',
      saved: 'Draft saved',
      account: 'Google Account: ',
      body: 'Message Body',
      send: 'Send',
      from: 'From',
      sent: 'Message sent (demo: it stays in this page).',
      note: 'Local Gmail demo: nothing leaves this computer.',
    },
    es: {
      inbox: 'Recibidos',
      reply: 'Responder',
      replyAll: 'Responder a todos',
      forward: 'Reenviar',
      archive: 'Archivar',
      del: 'Eliminar',
      back: 'Volver a Recibidos',
      to: 'para ',
      me: 'mí',
      older: 'mensajes más antiguos',
      saved: 'Borrador guardado',
      account: 'Cuenta de Google: ',
      body: 'Cuerpo del mensaje',
      send: 'Enviar',
      from: 'De',
      sent: 'Mensaje enviado (demo: se queda en esta página).',
      note: 'Demo local de Gmail: nada sale de este ordenador.',
    },
    fr: {
      inbox: 'Boîte de réception',
      reply: 'Répondre',
      replyAll: 'Répondre à tous',
      forward: 'Transférer',
      archive: 'Archiver',
      del: 'Supprimer',
      back: 'Retour à Boîte de réception',
      to: 'à ',
      me: 'moi',
      older: 'messages plus anciens',
      saved: 'Brouillon enregistré',
      account: 'Compte Google : ',
      body: 'Corps du message',
      send: 'Envoyer',
      from: 'De',
      sent: 'Message envoyé (démo : il reste dans cette page).',
      note: 'Démo locale de Gmail : rien ne quitte cet ordinateur.',
    },
    de: {
      inbox: 'Posteingang',
      reply: 'Antworten',
      replyAll: 'Allen antworten',
      forward: 'Weiterleiten',
      archive: 'Archivieren',
      del: 'Löschen',
      back: 'Zurück zum Posteingang',
      to: 'an ',
      me: 'ich',
      older: 'ältere Nachrichten',
      saved: 'Entwurf gespeichert',
      account: 'Google-Konto: ',
      body: 'Nachrichtentext',
      send: 'Senden',
      from: 'Von',
      sent: 'Nachricht gesendet (Demo: sie bleibt auf dieser Seite).',
      note: 'Lokale Gmail-Demo: nichts verlässt diesen Computer.',
    },
  };
  var T = TEXTS[data.ui] || TEXTS.en;
  var locale = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE' }[data.ui] || 'en-US';
  var fullDate = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  var shortDate = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  // The seed's mail can be dated ahead of this computer's clock: a reply sent now still comes after
  // the message it answers.
  function sentAt(thread) {
    var last = Date.parse(thread.messages[thread.messages.length - 1].date);
    return new Date(Math.max(Date.now(), last + 60000));
  }
  function attrs(node, map) {
    Object.keys(map).forEach(function (k) {
      node.setAttribute(k, map[k]);
    });
    return node;
  }
  function button(label) {
    return attrs(el('div', 'T-I J-J5-Ji', label), { role: 'button', 'aria-label': label, 'data-tooltip': label, tabindex: '0' });
  }
  function person(className, p, shown) {
    return attrs(el('span', className, shown || p.name || p.email), { email: p.email, name: p.name, 'data-hovercard-id': p.email });
  }
  function messageId(thread, index) {
    var id = (BigInt('0x' + thread.gmailId) + BigInt(index)).toString(16);
    return id;
  }

  var app = document.getElementById('app');
  var header = attrs(el('header', 'gb_Ia'), { role: 'banner' });
  header.append(el('span', 'logo', 'Gmail'));
  var accountLink = attrs(el('a', 'gb_A', 'FL'), {
    'aria-label': T.account + data.mailbox.name + ' (' + data.mailbox.email + ')',
    href: '#inbox',
    role: 'button',
  });
  header.append(accountLink);
  var main = attrs(el('div', 'nH bkK'), { role: 'main' });
  app.append(header, el('div', 'demo-note', T.note), main);

  function findThread(id) {
    return data.threads.find(function (t) {
      return t.gmailId === id;
    });
  }

  function renderList(container) {
    document.title = T.inbox + ' (' + data.threads.length + ') - ' + data.mailbox.email + ' - Gmail';
    var toolbar = attrs(el('div', 'G-atb'), { gh: 'tm' });
    var table = el('table', 'F cf zt');
    var body = el('tbody');
    data.threads.forEach(function (thread, i) {
      var last = thread.messages[thread.messages.length - 1];
      var row = attrs(el('tr', 'zA ' + (i < 3 ? 'zE' : 'yO')), { role: 'row', tabindex: '0' });
      var who = el('td', 'yX xY');
      who.append(person('zF', thread.customer));
      var what = el('td', 'xY a4W');
      var bog = el('span', 'bog');
      bog.append(attrs(el('span', null, thread.subject), { 'data-legacy-thread-id': thread.gmailId }));
      what.append(bog, el('span', 'y2', ' - ' + last.text.slice(0, 80)));
      var when = el('td', 'xW xY', shortDate.format(new Date(last.date)));
      row.append(who, what, when);
      row.addEventListener('click', function () {
        location.hash = '#inbox/' + thread.gmailId;
      });
      body.append(row);
    });
    table.append(body);
    container.replaceChildren(toolbar, table);
  }

  function bodyOf(message) {
    var a3s = el('div', 'a3s aiL');
    if (message.rawHtml !== null) {
      // The hostile sample: raw markup, as a careless mail site would show it.
      a3s.innerHTML = message.rawHtml;
      return a3s;
    }
    var box = attrs(el('div'), { dir: 'auto' });
    message.text.split('\n').forEach(function (line) {
      var div = el('div');
      if (line === '') div.append(el('br'));
      else div.textContent = line;
      box.append(div);
    });
    if (message.table) {
      var table = attrs(el('table'), { border: '1', cellpadding: '4' });
      var tbody = el('tbody');
      message.table.forEach(function (cells, r) {
        var tr = el('tr');
        cells.forEach(function (cell) {
          tr.append(el(r === 0 ? 'th' : 'td', null, cell));
        });
        tbody.append(tr);
      });
      table.append(tbody);
      box.append(table);
    }
    a3s.append(box);
    if (message.signature) {
      var sig = attrs(el('div', 'gmail_signature'), { 'data-smartmail': 'gmail_signature', dir: 'ltr' });
      message.signature.split('\n').forEach(function (line) {
        sig.append(el('div', null, line));
      });
      a3s.append(sig);
    }
    if (message.quote) {
      var q = message.quote;
      var quote = el('div', 'gmail_quote');
      var when = fullDate.format(new Date(q.date));
      var attr = es
        ? 'El ' + when + ', ' + q.from.name + ' (<' + q.from.email + '>) escribió:'
        : 'On ' + when + ' ' + q.from.name + ' <' + q.from.email + '> wrote:';
      quote.append(attrs(el('div', 'gmail_attr', attr), { dir: 'ltr' }));
      var bq = el('blockquote', 'gmail_quote');
      q.text.split('\n').forEach(function (line) {
        var div = el('div');
        if (line === '') div.append(el('br'));
        else div.textContent = line;
        bq.append(div);
      });
      quote.append(bq);
      a3s.append(quote);
    }
    return a3s;
  }

  function messageItem(thread, message, index, state) {
    var item = attrs(el('div', state === 'expanded' ? 'h7 ie nH oy8Mbf' : state === 'collapsed' ? 'kv' : 'kQ'), {
      role: 'listitem',
      'aria-expanded': state === 'expanded' ? 'true' : 'false',
      tabindex: '-1',
    });
    var ids = attrs(el('div', (state === 'expanded' ? 'adn' : 'adf') + ' ads'), {
      'data-message-id': '#msg-f:' + (BigInt('0x' + messageId(thread, index)) + BigInt(1)).toString(10),
      'data-legacy-message-id': messageId(thread, index),
    });
    var head = el('div', 'gE ' + (state === 'expanded' ? 'iv gt' : 'hI'));
    var h3 = el('h3', 'iw');
    var mine = message.from.email === data.mailbox.email;
    h3.append(person('gD', message.from, state === 'expanded' ? message.from.name : mine ? T.me : message.from.name));
    var date = attrs(el('span', 'g3', shortDate.format(new Date(message.date))), {
      title: fullDate.format(new Date(message.date)),
      role: 'gridcell',
    });
    head.append(h3, date);
    if (state === 'expanded') {
      head.append(button(T.reply));
      var hb = el('span', 'hb', T.to);
      message.to.concat(message.cc).forEach(function (p, i) {
        if (i > 0) hb.append(', ');
        hb.append(person('g2', p, p.email === data.mailbox.email ? T.me : p.name));
      });
      var line = el('div', 'iw ajw');
      line.append(hb);
      head.append(line);
      ids.append(head);
      var ii = el('div', 'ii gt');
      ii.append(bodyOf(message));
      ids.append(ii);
    } else {
      ids.append(head);
      if (state === 'collapsed') ids.append(el('div', 'iA g6', message.text.replace(/\s+/g, ' ').slice(0, 120)));
      item.addEventListener('click', function () {
        item.replaceWith(messageItem(thread, message, index, 'expanded'));
      });
    }
    item.append(ids);
    return item;
  }

  // Real Gmail keeps earlier threads (and any reply box open in them) in the page, hidden by a
  // class, and draws the next one beside them; the demo does the same.
  var HIDDEN = 'aHU';
  var views = [];
  var listView = null;
  var current = null;

  function hideAll() {
    views.forEach(function (v) {
      v.node.classList.add(HIDDEN);
    });
    if (listView) listView.classList.add(HIDDEN);
  }

  function people() {
    return [data.mailbox].concat(data.aliases || []);
  }

  function openEditor(view) {
    var m9 = view.node.querySelector('.M9');
    var existing = m9.querySelector('[role=textbox]');
    if (existing) {
      existing.focus();
      return;
    }
    if (m9.dataset.opening) return;
    // The reply box takes a moment to appear, as on the real site.
    m9.dataset.opening = '1';
    window.setTimeout(function () {
      delete m9.dataset.opening;
      drawEditor(view, m9);
    }, data.editorDelayMs);
  }

  function drawEditor(view, m9) {
    var editor = attrs(el('div', 'Am aiL Al editable LW-avf tS-tW'), {
      role: 'textbox',
      contenteditable: 'true',
      'aria-label': T.body,
      'aria-multiline': 'true',
      tabindex: '1',
    });
    var status = el('span', 'oG');
    editor.addEventListener('input', function () {
      status.textContent = T.saved;
    });
    // With aliases ("send mail as"), Gmail's reply box has a From choice.
    var from = null;
    if ((data.aliases || []).length > 0) {
      from = attrs(el('select', 'J-M demo-from'), { 'aria-label': T.from });
      people().forEach(function (p) {
        var option = el('option', null, p.name + ' <' + p.email + '>');
        option.value = p.email;
        from.append(option);
      });
    }
    var send = button(T.send);
    send.addEventListener('click', function () {
      var text = (editor.innerText || editor.textContent || '').replace(/\n{3,}/g, '\n\n').trim();
      if (!text) return;
      var sender = people().find(function (p) {
        return p.email === (from ? from.value : data.mailbox.email);
      });
      // Sent "for real" only inside this page: the thread gains the reply, newest last.
      view.thread.messages.push({
        from: sender,
        to: [view.thread.customer],
        cc: [],
        date: sentAt(view.thread).toISOString(),
        text: text,
        signature: '',
        table: null,
        rawHtml: null,
        quote: null,
      });
      renderThread(view.thread);
      current.node.querySelector('.amn').after(el('div', 'bAq', T.sent));
    });
    if (from) m9.append(from);
    m9.append(editor, send, status);
    editor.focus();
  }

  function renderThread(thread) {
    document.title = thread.subject + ' - ' + data.mailbox.email + ' - Gmail';
    hideAll();
    views = views.filter(function (v) {
      if (v.thread !== thread) return true;
      v.node.remove();
      return false;
    });
    var node = el('div', 'nH if');
    var view = { thread: thread, node: node };
    var toolbar = attrs(el('div', 'G-atb'), { gh: 'mtb' });
    var back = button(T.back);
    back.addEventListener('click', function () {
      location.hash = '#inbox';
    });
    toolbar.append(back, button(T.archive), button(T.del));
    var ha = el('div', 'ha');
    ha.append(
      attrs(el('h2', 'hP', thread.subject), {
        'data-thread-perm-id': 'thread-f:' + BigInt('0x' + thread.gmailId).toString(10),
        'data-legacy-thread-id': thread.gmailId,
        tabindex: '-1',
      }),
    );
    var list = attrs(el('div', 'nH'), { role: 'list' });
    var n = thread.messages.length;
    var folded = [];
    thread.messages.forEach(function (message, i) {
      var state = 'expanded';
      if (n > 3 && i < n - 1) state = n > 6 && i > 0 && i < n - 3 ? 'hidden' : 'collapsed';
      var item = messageItem(thread, message, i, state);
      if (state === 'hidden') folded.push(item);
      if (state === 'hidden' && folded.length === 1) {
        var more = attrs(el('div', 'adv'), { role: 'button', tabindex: '0' });
        more.append(el('span', 'adx', String(n - 4)), ' ', el('span', 'adw', T.older));
        more.addEventListener('click', function () {
          folded.forEach(function (f) {
            f.className = 'kv';
          });
          more.remove();
        });
        list.append(more);
      }
      list.append(item);
    });
    // A relative time that ticks inside the open thread (see churn below).
    var lastHead = list.lastElementChild && list.lastElementChild.querySelector('.gE');
    if (lastHead) lastHead.append(el('span', 'g3 demo-ago'));
    var amn = el('div', 'amn');
    var reply = attrs(el('span', 'ams bkH', T.reply), { role: 'link', tabindex: '0' });
    var replyAll = attrs(el('span', 'ams bkI', T.replyAll), { role: 'link', tabindex: '0' });
    var fwd = attrs(el('span', 'ams bkG', T.forward), { role: 'link', tabindex: '0' });
    reply.addEventListener('click', function () {
      openEditor(view);
    });
    replyAll.addEventListener('click', function () {
      openEditor(view);
    });
    amn.append(reply, replyAll, fwd);
    node.append(toolbar, ha, list, amn, el('div', 'M9'));
    node.addEventListener('click', function (event) {
      var target = event.target;
      if (target instanceof window.Element && target.matches('.h7 [role=button][aria-label="' + T.reply + '"]')) openEditor(view);
    });
    views.push(view);
    // A handful of earlier threads stay in the page, as in Gmail.
    while (views.length > 4) views.shift().node.remove();
    main.append(node);
    current = view;
  }

  function showList() {
    hideAll();
    current = null;
    if (!listView) {
      listView = el('div', 'ae4');
      main.append(listView);
    }
    listView.classList.remove(HIDDEN);
    renderList(listView);
  }

  function route() {
    var match = /^#[^/]+\/([0-9a-f]{16})$/.exec(location.hash);
    var thread = match ? findThread(match[1]) : undefined;
    if (thread && current && current.thread === thread) return; // already open
    if (thread) renderThread(thread);
    else showList();
  }

  // Background churn (?churn=<ms>): a presence dot in the header and the open thread's "N seconds
  // ago" change all the time, as on the real site.
  if (data.churnMs > 0) {
    var presence = el('span', 'gb_presence');
    header.insertBefore(presence, accountLink);
    var ticks = 0;
    window.setInterval(function () {
      ticks++;
      presence.textContent = ticks % 2 ? '●' : '○';
      var ago = current && current.node.querySelector('.demo-ago');
      if (ago) ago.textContent = '(' + ticks + ')';
    }, data.churnMs);
  }

  window.addEventListener('hashchange', route);
  route();
})();
`;
