// The outlook demo page's own script (it plays the mail site; it is not extension code). Kept as a
// string so every runner (tsx, vitest, the e2e setup) serves it the same way; String.raw keeps
// its regular expressions' backslashes.
export const OUTLOOK_CLIENT = String.raw`
/* global document, window, location, history, Intl */
// The Outlook web demo "site": renders the seeded threads with the roles, aria labels and data
// attributes Outlook carries (see services/mail-sites/outlook.selectors.ts) and hashed-looking
// class names, single-page with pushState routing (/outlook/mail/inbox/id/<encoded item id>).
// Mail text is set with textContent; only the hostile thread's "rawHtml" is inserted as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('seed-data').textContent);
  var es = data.ui === 'es';
  var TEXTS = {
    en: {
      message: 'Email message',
      from: 'From: ',
      to: 'To: ',
      cc: 'Cc: ',
      body: 'Message body',
      reply: 'Reply',
      replyAll: 'Reply all',
      forward: 'Forward',
      send: 'Send',
      sent: 'Message sent (demo: it stays in this page).',
      list: 'Message list',
      pane: 'Reading Pane',
      actions: 'Message actions',
      empty: 'Select an item to read',
      account: 'Account manager for ',
      sentLabel: 'Sent: ',
      subjectLabel: 'Subject: ',
      note: 'Local Outlook demo: nothing leaves this computer.',
    },
    es: {
      message: 'Mensaje de correo electrónico',
      from: 'De: ',
      to: 'Para: ',
      cc: 'CC: ',
      body: 'Cuerpo del mensaje',
      reply: 'Responder',
      replyAll: 'Responder a todos',
      forward: 'Reenviar',
      send: 'Enviar',
      sent: 'Mensaje enviado (demo: se queda en esta página).',
      list: 'Lista de mensajes',
      pane: 'Panel de lectura',
      actions: 'Acciones de mensaje',
      empty: 'Seleccione un elemento para leerlo',
      account: 'Administrador de cuentas de ',
      sentLabel: 'Enviado: ',
      subjectLabel: 'Asunto: ',
      note: 'Demo local de Outlook: nada sale de este ordenador.',
    },
    de: {
      message: 'E-Mail-Nachricht',
      from: 'Von: ',
      to: 'An: ',
      cc: 'Cc: ',
      body: 'Nachrichtentext',
      reply: 'Antworten',
      replyAll: 'Allen antworten',
      forward: 'Weiterleiten',
      send: 'Senden',
      sent: 'Nachricht gesendet (Demo: sie bleibt auf dieser Seite).',
      list: 'Nachrichtenliste',
      pane: 'Lesebereich',
      actions: 'Nachrichtenaktionen',
      empty: 'Wählen Sie ein Element zum Lesen aus',
      account: 'Konto-Manager für ',
      sentLabel: 'Gesendet: ',
      subjectLabel: 'Betreff: ',
      note: 'Lokale Outlook-Demo: nichts verlässt diesen Computer.',
    },
    fr: {
      message: 'Message électronique',
      from: 'De : ',
      to: 'À : ',
      cc: 'Cc : ',
      body: 'Corps du message',
      reply: 'Répondre',
      replyAll: 'Répondre à tous',
      forward: 'Transférer',
      send: 'Envoyer',
      sent: 'Message envoyé (démo : il reste dans cette page).',
      list: 'Liste des messages',
      pane: 'Volet de lecture',
      actions: 'Actions du message',
      empty: 'Sélectionnez un élément à lire',
      account: 'Gestionnaire de comptes pour ',
      sentLabel: 'Envoyé : ',
      subjectLabel: 'Objet : ',
      note: 'Démo locale d’Outlook : rien ne quitte cet ordinateur.',
    },
  };
  var T = TEXTS[data.ui] || TEXTS.en;
  var locale = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE' }[data.ui] || 'en-US';
  var us = locale === 'en-US';
  var parts = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: us,
  });
  var longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });

  /** "Mon 11/23/2026 9:12 AM" (en-US), "lun 23/11/2026 9:12" (es), "Mo 23.11.2026 09:12" (de). */
  function outlookDate(iso) {
    var p = {};
    parts.formatToParts(new Date(iso)).forEach(function (x) {
      p[x.type] = x.value;
    });
    var weekday = (p.weekday || '').replace(/\.$/, '');
    var sep = data.ui === 'de' ? '.' : '/';
    if (!us) return weekday + ' ' + p.day.padStart(2, '0') + sep + p.month.padStart(2, '0') + sep + p.year + ' ' + p.hour + ':' + p.minute;
    return weekday + ' ' + p.month + '/' + p.day + '/' + p.year + ' ' + p.hour + ':' + p.minute + ' ' + (p.dayPeriod || '');
  }
  function addr(p) {
    return p.name + ' <' + p.email + '>';
  }
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
  function lines(container, text) {
    text.split('\n').forEach(function (line) {
      var div = el('div', 'x_elementToProof');
      if (line === '') div.append(el('br'));
      else div.textContent = line;
      container.append(div);
    });
  }

  var app = document.getElementById('app');
  var nav = attrs(el('div'), { id: 'O365_NavHeader', role: 'banner' });
  nav.append(el('span', 'brand', 'Outlook'));
  var right = attrs(el('div'), { id: 'O365_HeaderRightRegion' });
  var me = attrs(el('button', 'mectrl_headerPicture', 'FL'), {
    id: 'O365_MainLink_Me',
    type: 'button',
    'aria-label': T.account + data.mailbox.name,
  });
  var meBody = attrs(el('div'), { id: 'mectrl_main_body', 'aria-hidden': 'true' });
  meBody.append(
    attrs(el('div', null, data.mailbox.name), { id: 'mectrl_currentAccount_primary' }),
    attrs(el('div', null, data.mailbox.email), { id: 'mectrl_currentAccount_secondary' }),
  );
  right.append(me, meBody);
  nav.append(right);
  var mainModule = attrs(el('div', 'pxVSS'), { id: 'MainModule' });
  var listbox = attrs(el('div', 'jEpCF'), { role: 'listbox', 'aria-label': T.list, tabindex: '-1' });
  var paneHost = el('div', 'Q8TCC');
  mainModule.append(listbox, paneHost);
  app.append(nav, el('div', 'demo-note', T.note), mainModule);
  document.title = (es ? 'Correo - ' : data.ui === 'de' ? 'E-Mail - ' : data.ui === 'fr' ? 'Courrier - ' : 'Mail - ') + data.mailbox.name + ' - Outlook';

  function base() {
    var m = /^(.*\/outlook\/mail)\//.exec(location.pathname);
    return m ? m[1] : '/outlook/mail';
  }
  function currentId() {
    var m = /\/id\/([^/?#]+)/.exec(location.pathname);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch (e) {
        return null;
      }
    }
    return new URLSearchParams(location.search).get('ItemID');
  }
  function findThread(id) {
    return data.threads.find(function (t) {
      return t.outlookId === id;
    });
  }
  // Outlook draws the conversation first and changes the URL (history.pushState) a moment later.
  function open(thread) {
    currentThread = thread;
    renderList(thread);
    renderPane(thread);
    window.setTimeout(function () {
      history.pushState(null, '', base() + '/inbox/id/' + encodeURIComponent(thread.outlookId) + location.search);
    }, data.urlDelayMs);
  }

  function renderList(selected) {
    var options = data.threads.map(function (thread) {
      var last = thread.messages[thread.messages.length - 1];
      var option = attrs(el('div', 'hcptT'), {
        role: 'option',
        'aria-selected': thread === selected ? 'true' : 'false',
        'data-convid': thread.outlookId,
        tabindex: '0',
      });
      option.append(
        attrs(el('span', 'hcL1', thread.customer.name), { title: thread.customer.email }),
        el('span', 'hcL2', thread.subject),
        el('span', 'hcL2', last.text.slice(0, 90)),
      );
      option.addEventListener('click', function () {
        open(thread);
      });
      return option;
    });
    listbox.replaceChildren.apply(listbox, options);
  }

  function body(message, index) {
    var doc = attrs(el('div', 'XbIp4 jmmB7 GNqVo'), { role: 'document' });
    var unique = attrs(el('div', 'rps_' + index.toString(16)), { id: 'UniqueMessageBody_' + (index + 1), 'aria-label': T.body });
    if (message.rawHtml !== null) {
      // The hostile sample: raw markup, as a careless mail site would show it.
      unique.innerHTML = message.rawHtml;
      doc.append(unique);
      return doc;
    }
    var box = attrs(el('div'), { dir: 'auto' });
    lines(box, message.text);
    if (message.table) {
      var table = attrs(el('table', 'x_MsoTableGrid'), { border: '1', cellspacing: '0', cellpadding: '0' });
      var tbody = el('tbody');
      message.table.forEach(function (cells) {
        var tr = el('tr');
        cells.forEach(function (cell) {
          tr.append(el('td', null, cell));
        });
        tbody.append(tr);
      });
      table.append(tbody);
      box.append(table);
    }
    if (message.signature) {
      var sig = attrs(el('div'), { id: 'x_Signature' });
      lines(sig, message.signature);
      box.append(sig);
    }
    if (message.quote) {
      var q = message.quote;
      box.append(attrs(el('div'), { id: 'x_appendonsend' }), attrs(el('hr'), { tabindex: '-1' }));
      var header = attrs(el('div'), { id: 'x_divRplyFwdMsg', dir: 'ltr' });
      [
        T.from + addr(q.from),
        T.sentLabel + longDate.format(new Date(q.date)),
        T.to + q.to.map(addr).join('; '),
        T.subjectLabel + 'RE: ' + currentThread.subject,
      ].forEach(function (line) {
        header.append(el('div', null, line));
      });
      box.append(header);
      var old = el('div');
      lines(old, q.text);
      box.append(old);
    }
    unique.append(box);
    doc.append(unique);
    return doc;
  }

  function messageElement(message, index, expanded) {
    var item = attrs(el('div', 'aVla3'), { 'aria-label': T.message, tabindex: '-1' });
    var from = attrs(el('span', 'BltzM mFrom', message.from.name), { 'aria-label': T.from + addr(message.from), role: 'button', tabindex: '0' });
    var time = attrs(el('div', 'AL_OM l8Tnu mTime', outlookDate(message.date)), { 'data-testid': 'SentReceivedSavedTime' });
    if (!expanded) {
      var toggle = attrs(el('div', 'Ea1Mj'), { 'aria-expanded': 'false', role: 'button', tabindex: '0' });
      toggle.append(from, time, el('div', 'Jkss1 mPrev', message.text.replace(/\s+/g, ' ').slice(0, 140)));
      toggle.addEventListener('click', function () {
        item.replaceWith(messageElement(message, index, true));
      });
      item.className += ' mMsg';
      item.append(toggle);
      return item;
    }
    item.className += ' mMsg';
    item.append(el('div', 'OZZZK'));
    item.lastChild.append(from);
    item.append(attrs(el('div', 'pYXCe mHdr', T.to + message.to.map(function (p) { return p.name; }).join('; ')), { 'aria-label': T.to + message.to.map(addr).join('; ') }));
    if (message.cc.length > 0) {
      item.append(attrs(el('div', 'pYXCe mHdr', T.cc + message.cc.map(function (p) { return p.name; }).join('; ')), { 'aria-label': T.cc + message.cc.map(addr).join('; ') }));
    }
    item.append(time, body(message, index));
    return item;
  }

  var currentThread = null;

  function openEditor(pane, thread) {
    var existing = pane.querySelector('[role=textbox][contenteditable=true]');
    if (existing) {
      existing.focus();
      return;
    }
    if (pane.dataset.opening) return;
    // The reply box takes a moment to appear, as on the real site.
    pane.dataset.opening = '1';
    window.setTimeout(function () {
      delete pane.dataset.opening;
      drawEditor(pane, thread);
    }, data.editorDelayMs);
  }

  function drawEditor(pane, thread) {
    var compose = el('div', 'dMm6A');
    var editor = attrs(el('div', 'elementToProof'), {
      role: 'textbox',
      contenteditable: 'true',
      'aria-label': T.body,
      'aria-multiline': 'true',
      tabindex: '0',
    });
    var send = attrs(el('button', 'ms-Button', T.send), { type: 'button', 'aria-label': T.send });
    send.addEventListener('click', function () {
      var text = (editor.innerText || editor.textContent || '').replace(/\n{3,}/g, '\n\n').trim();
      if (!text) return;
      // Sent only inside this page: the conversation gains the reply, from the mailbox.
      thread.messages.push({
        from: data.mailbox,
        to: [thread.customer],
        cc: [],
        date: sentAt(thread).toISOString(),
        text: text,
        signature: '',
        table: null,
        rawHtml: null,
        quote: null,
      });
      renderPane(thread);
      paneHost.querySelector('.rpE7:not(.' + HIDDEN + ') [role=toolbar]').after(el('div', 'mSent', T.sent));
    });
    compose.append(editor, send);
    pane.querySelector('[role=toolbar]').after(compose);
    editor.focus();
  }

  // Earlier conversations (and a reply box left open in them) stay in the page, hidden by a class.
  var HIDDEN = 'hdn4F';
  function hidePanes() {
    Array.from(paneHost.children).forEach(function (child) {
      if (child.classList.contains('emptyPane')) child.remove();
      else child.classList.add(HIDDEN);
    });
  }

  function renderPane(thread) {
    hidePanes();
    if (!thread) {
      var empty = el('div', 'emptyPane');
      empty.append(el('span', null, T.empty));
      paneHost.append(empty);
      return;
    }
    var old = paneHost.querySelector('[data-demo-conv="' + thread.outlookId + '"]');
    if (old) old.remove();
    while (paneHost.children.length > 3) paneHost.firstElementChild.remove();
    var pane = attrs(el('div', 'rpE7'), {
      'data-app-section': 'ConversationContainer',
      role: 'main',
      'aria-label': T.pane,
      'data-demo-conv': thread.outlookId,
    });
    var heading = attrs(el('div', 'full JdFsz'), { role: 'heading', 'aria-level': '2' });
    heading.append(attrs(el('span', 'JdFsz', thread.subject), { title: thread.subject }));
    var toolbar = attrs(el('div', 'XbIp4 jmmB7'), { role: 'toolbar', 'aria-label': T.actions });
    [T.reply, T.replyAll, T.forward].forEach(function (label, i) {
      var b = attrs(el('button', 'ms-Button', label), { type: 'button', 'aria-label': label, title: label });
      if (i < 2)
        b.addEventListener('click', function () {
          openEditor(pane, thread);
        });
      toolbar.append(b);
    });
    pane.append(heading, toolbar);
    var n = thread.messages.length;
    // Newest on top, as Outlook shows conversations by default; only the newest two are expanded.
    for (var i = n - 1; i >= 0; i--) pane.append(messageElement(thread.messages[i], i, i >= n - 2));
    // A relative time that ticks inside the open conversation (see churn below).
    var newestTime = pane.querySelector('[data-testid=SentReceivedSavedTime]');
    if (newestTime) newestTime.after(el('span', 'mTime demo-ago'));
    paneHost.append(pane);
  }

  function render() {
    var id = currentId();
    currentThread = id ? findThread(id) || null : null;
    renderList(currentThread);
    renderPane(currentThread);
  }

  window.addEventListener('popstate', render);
  render();

  // Background churn (?churn=<ms>): presence in the header and the open conversation's relative
  // time change all the time, as on the real site.
  if (data.churnMs > 0) {
    var presence = el('span', 'presence');
    right.insertBefore(presence, me);
    var ticks = 0;
    window.setInterval(function () {
      ticks++;
      presence.textContent = ticks % 2 ? '●' : '○';
      var ago = paneHost.querySelector('.rpE7:not(.' + HIDDEN + ') .demo-ago');
      if (ago) ago.textContent = '(' + ticks + ')';
    }, data.churnMs);
  }
})();
`;
