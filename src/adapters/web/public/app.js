// The web chat page. Plain JavaScript, no build step. The server decides everything and renders replies,
// alerts and reports as escaped HTML; this script only sends what the person does and places what comes back.
// Two modes (body[data-mode]): the demo, where the person is picked here and every request carries the demo's
// token (from the address npm start printed, kept in sessionStorage), and sign-in, where the server knows who
// is signed in and the page has no picker.
'use strict';

(function () {
  const API = '/web/api';
  const LANGS = ['sv', 'fi', 'en'];
  const STORE = { lang: 'somebot.lang', person: 'somebot.person', token: 'somebot.demoToken' };
  const MODE = document.body.getAttribute('data-mode') === 'signin' ? 'signin' : 'demo';

  // events: the open live stream (null while the page is hidden); missed: it was closed, so catch up on reopening.
  const state = { lang: document.documentElement.lang || 'sv', texts: {}, people: [], person: null, events: null, missed: false, token: null };
  const $ = (id) => document.getElementById(id);
  const log = $('log');
  const inbox = $('inbox');
  const reports = $('reports');
  const messageBox = $('message');
  const composer = $('composer');

  /** A text of locales/<lang>/web.json; a missing key shows as ⟦key⟧ so it cannot go unnoticed. */
  function t(key, vars) {
    let value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), state.texts);
    if (typeof value !== 'string') return '⟦' + key + '⟧';
    for (const [name, v] of Object.entries(vars || {})) value = value.split('{{' + name + '}}').join(String(v));
    return value;
  }

  function announce(text) {
    const status = $('status');
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  async function api(method, path, body) {
    const response = await fetch(API + path, { method, headers: headersFor(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
    // Sign-in mode: the session ended (signed out elsewhere, expired): the page offers to sign in again.
    if (response.status === 401 && MODE === 'signin') window.location.assign('/');
    let data = {};
    try {
      data = await response.json();
    } catch (_) {
      data = {};
    }
    if (!response.ok) {
      const error = new Error(data.error || t('chat.failed'));
      error.outdated = data.outdated === true;
      throw error;
    }
    return data;
  }

  function headersFor(withBody) {
    const headers = { Accept: 'application/json', 'X-Somebot-Lang': state.lang };
    if (MODE === 'demo' && state.person) headers['X-Somebot-Person'] = state.person.id;
    if (MODE === 'demo' && state.token) headers['X-Somebot-Demo-Token'] = state.token;
    if (withBody) headers['Content-Type'] = 'application/json';
    return headers;
  }

  /** Parses server-rendered (already escaped) HTML into nodes. */
  function fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  // -- language

  async function setLang(lang, remember) {
    if (!LANGS.includes(lang)) lang = 'sv';
    const data = await api('GET', '/texts/' + lang);
    state.lang = lang;
    state.texts = data.texts;
    if (remember) localStorage.setItem(STORE.lang, lang);
    document.documentElement.lang = lang;
    // Forms the server answers with a page (sign-out) carry the language chosen here.
    for (const field of document.querySelectorAll('input[data-page-lang]')) field.value = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n'));
    for (const button of document.querySelectorAll('[data-lang-switch]')) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang-switch') === lang));
    }
    fillPeople();
    showRoles();
    await loadReports();
  }

  // -- who am I

  function groupOf(person) {
    if (person.roles.includes('it_security')) return 'it_security';
    if (person.roles.includes('manager')) return 'manager';
    return 'employee';
  }

  function fillPeople() {
    const select = $('person');
    if (!select) return;
    select.textContent = '';
    for (const group of ['employee', 'manager', 'it_security']) {
      const members = state.people.filter((p) => groupOf(p) === group);
      if (members.length === 0) continue;
      const optgroup = document.createElement('optgroup');
      optgroup.label = t('person.group.' + group);
      for (const p of members) {
        const option = document.createElement('option');
        option.value = p.id;
        option.textContent = p.title ? p.name + ' – ' + p.title : p.name;
        optgroup.appendChild(option);
      }
      select.appendChild(optgroup);
    }
    if (state.person) select.value = state.person.id;
  }

  function showRoles() {
    const p = state.person;
    $('person-roles').textContent = p ? t('person.roles', { roles: p.roles.map((r) => t('role.' + r)).join(', ') }) : '';
    const signedInAs = $('signed-in-as');
    if (signedInAs && p) signedInAs.textContent = t('console.signedInAs', { name: p.name });
    $('export').hidden = !(p && (p.admin || p.roles.includes('it_security')));
    const hint = $('export-hint');
    const hintKey = p && p.admin ? 'console.exportHintAdmin' : 'console.exportHint';
    hint.setAttribute('data-i18n', hintKey);
    hint.textContent = t(hintKey);
    const heading = $('reports-heading');
    const key = !p ? 'reports.headingEmployee' : p.roles.includes('it_security') ? 'reports.headingItSecurity' : p.roles.includes('manager') ? 'reports.headingManager' : 'reports.headingEmployee';
    heading.setAttribute('data-i18n', key);
    heading.textContent = t(key);
  }

  async function setPerson(id) {
    const person = state.people.find((p) => p.id === id);
    if (!person) return;
    state.person = person;
    if (MODE === 'demo') {
      localStorage.setItem(STORE.person, id);
      const url = new URL(window.location.href);
      url.searchParams.set('as', id);
      window.history.replaceState(null, '', url);
      $('person').value = id;
    }
    log.textContent = '';
    showRoles();
    connectEvents();
    await Promise.all([loadInbox(), loadReports()]);
  }

  // -- chat

  function addUserMessage(text) {
    const div = document.createElement('div');
    div.className = 'user';
    const who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = t('chat.you') + ': ';
    const p = document.createElement('p');
    p.textContent = text;
    div.append(who, p);
    log.appendChild(div);
  }

  function addError(text) {
    const div = document.createElement('div');
    div.className = 'bot error';
    div.setAttribute('role', 'alert');
    div.textContent = text;
    log.appendChild(div);
  }

  async function send(body, shown) {
    if (!state.person) return addError(t('error.web_no_person'));
    addUserMessage(shown);
    log.setAttribute('aria-busy', 'true');
    composer.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try {
      const data = await api('POST', '/messages', body);
      for (const reply of data.replies) log.appendChild(fragment(reply.html));
    } catch (err) {
      addError(err.message);
    } finally {
      log.removeAttribute('aria-busy');
      composer.querySelectorAll('button').forEach((b) => (b.disabled = false));
      log.scrollTop = log.scrollHeight;
    }
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = messageBox.value.trim();
    if (!text) {
      announce(t('chat.empty'));
      messageBox.focus();
      return;
    }
    messageBox.value = '';
    void send({ text }, text).then(() => messageBox.focus());
  });

  messageBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  $('start-report').addEventListener('click', () => {
    void send({ startReport: true }, $('start-report').textContent).then(() => messageBox.focus());
  });

  log.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.hasAttribute('data-choice')) {
      const group = button.closest('.choices');
      group.querySelectorAll('button').forEach((b) => (b.disabled = true));
      button.setAttribute('aria-pressed', 'true');
      void send({ choice: button.getAttribute('data-choice') }, button.textContent).then(() => messageBox.focus());
    } else if (button.hasAttribute('data-feedback')) {
      void sendFeedback(button);
    }
  });

  async function sendFeedback(button) {
    const group = button.closest('.feedback');
    const passage = group.getAttribute('data-passage');
    try {
      const data = await api('POST', '/feedback', {
        answerId: group.getAttribute('data-answer'),
        verdict: button.getAttribute('data-feedback'),
        lang: group.getAttribute('data-lang'),
        answered: group.getAttribute('data-answered') === 'true',
        passageId: passage ? passage : null,
      });
      const thanks = document.createElement('p');
      thanks.className = 'thanks';
      thanks.textContent = data.message;
      group.replaceWith(thanks);
      messageBox.focus();
      announce(data.message);
    } catch (err) {
      announce(err.message);
    }
  }

  // -- messages to me (alerts, reminders, escalations, replies about my reports)

  function showInbox(items) {
    inbox.textContent = '';
    if (items.length === 0) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.setAttribute('data-i18n', 'inbox.empty');
      p.textContent = t('inbox.empty');
      inbox.appendChild(p);
      return;
    }
    for (const item of items) inbox.appendChild(fragment(item.html));
  }

  // Items that arrive on the live stream while the inbox is being fetched are placed again after the fetched
  // list is shown, so a fetch answered from before they were stored cannot hide them.
  const inboxLoading = { count: 0, arrived: [] };

  async function loadInbox() {
    if (!state.person) return;
    inboxLoading.count++;
    try {
      showInbox((await api('GET', '/inbox')).items);
      for (const item of inboxLoading.arrived) place(item);
    } catch (err) {
      announce(err.message);
    } finally {
      inboxLoading.count--;
      if (inboxLoading.count === 0) inboxLoading.arrived = [];
    }
  }

  /** Shows one message: in place of the one with its key, else first. Never twice. */
  function place(item) {
    const existing = inbox.querySelector('[data-key="' + CSS.escape(item.key) + '"]');
    const node = fragment(item.html).firstElementChild;
    if (existing) existing.replaceWith(node);
    else {
      const empty = inbox.querySelector('.empty');
      if (empty) empty.remove();
      inbox.prepend(node);
    }
  }

  function receive(item) {
    // A team post is shown in each person's own language: the page fetches it again.
    if (item.reload) {
      void loadInbox();
      announce(item.updated ? t('inbox.updated') : t('inbox.arrivedPlain'));
      return;
    }
    place(item);
    if (inboxLoading.count > 0) inboxLoading.arrived.push(item);
    announce(item.updated ? t('inbox.updated') : t('inbox.arrived', { subject: item.subject }));
  }

  /** A sentence shown right next to the button it answers (e.g. why a button no longer applies). */
  function noteNextTo(button, text) {
    const holder = button.closest('.actions') || button.parentElement;
    let note = holder.parentElement.querySelector(':scope > .action-note');
    if (!note) {
      note = document.createElement('p');
      note.className = 'action-note';
      note.setAttribute('role', 'alert');
      holder.after(note);
    }
    note.textContent = text;
  }

  // -- reports I can see

  async function loadReports() {
    if (!state.person) return;
    const open = [...reports.querySelectorAll('[data-open][aria-expanded="true"]')].map((b) => b.getAttribute('data-open'));
    try {
      const data = await api('GET', '/reports');
      reports.textContent = '';
      reports.appendChild(fragment(data.html));
      for (const reference of open) {
        const button = reports.querySelector('[data-open="' + CSS.escape(reference) + '"]');
        if (button) await toggleReport(button, true);
      }
    } catch (err) {
      announce(err.message);
    }
  }

  async function toggleReport(button, show) {
    const detail = document.getElementById(button.getAttribute('aria-controls'));
    if (!show) {
      detail.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.firstChild.textContent = t('reports.show');
      return;
    }
    const data = await api('GET', '/reports/' + encodeURIComponent(button.getAttribute('data-open')));
    detail.textContent = '';
    detail.appendChild(fragment(data.html));
    detail.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.firstChild.textContent = t('reports.hide');
  }

  /** The withdraw question (server-rendered) under the Withdraw button that asked it; its Cancel is focused. */
  function showConfirmation(button, html) {
    const holder = button.closest('.actions') || button.parentElement;
    const old = holder.parentElement.querySelector(':scope > .withdraw-confirm');
    if (old) old.remove();
    const box = fragment(html).firstElementChild;
    holder.after(box);
    const cancel = box.querySelector('[data-action="report.withdraw_cancel"]');
    if (cancel) cancel.focus();
  }

  async function act(button) {
    const reference = button.getAttribute('data-reference');
    const body = { action: button.getAttribute('data-action') };
    const note = document.querySelector('[data-note-for="' + CSS.escape(reference) + '"]');
    if (body.action === 'report.resolve' && note) body.note = note.value;
    if (button.hasAttribute('data-reporter')) body.reporter = button.getAttribute('data-reporter');
    const question = button.closest('.withdraw-confirm');
    button.disabled = true;
    try {
      const data = await api('POST', '/reports/' + encodeURIComponent(reference) + '/actions', body);
      if (data.confirmation) {
        showConfirmation(button, data.confirmation);
        announce(data.message);
        return;
      }
      if (data.cancelled && question) {
        // Cancelled: the question goes, the Withdraw button that asked it works again, and the page says so.
        const asker = question.parentElement.querySelector('[data-action="report.withdraw"][data-reference="' + CSS.escape(reference) + '"]');
        question.remove();
        if (asker) {
          asker.disabled = false;
          noteNextTo(asker, data.message);
          asker.focus();
        }
        announce(data.message);
        return;
      }
      if (data.changed === false) {
        noteNextTo(button, data.message);
        return;
      }
      announce(data.message);
      await Promise.all([loadInbox(), loadReports()]);
    } catch (err) {
      button.disabled = false;
      noteNextTo(button, err.message);
      if (err.outdated) button.disabled = true;
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || log.contains(button)) return;
    if (button.hasAttribute('data-action')) void act(button);
    else if (button.hasAttribute('data-open')) void toggleReport(button, button.getAttribute('aria-expanded') !== 'true').catch((err) => announce(err.message));
    else if (button.hasAttribute('data-lang-switch')) void setLang(button.getAttribute('data-lang-switch'), true);
    else if (button.hasAttribute('data-export')) void download(button);
  });

  if ($('person')) $('person').addEventListener('change', (event) => void setPerson(event.target.value));

  // -- export for the records system (IT security)

  async function download(button) {
    const format = button.getAttribute('data-export');
    button.disabled = true;
    try {
      const response = await fetch(API + '/export?format=' + encodeURIComponent(format), { headers: headersFor(false) });
      if (!response.ok) {
        let data = {};
        try {
          data = await response.json();
        } catch (_) {
          data = {};
        }
        throw new Error(data.error || t('chat.failed'));
      }
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'somebot-reports.' + format;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      announce(t('console.exported'));
    } catch (err) {
      announce(err.message);
    } finally {
      button.disabled = false;
    }
  }

  // -- live updates
  //
  // A browser opens at most six HTTP/1.1 connections to one host, and a live stream holds one for as long as
  // it is open: with six tabs streaming, a seventh could not even send a message. So a page keeps its stream
  // only while it is visible. Hidden, it closes it; visible again, it reopens it and catches up by fetching
  // its inbox and reports again (the server keeps both): what happened meanwhile appears once, nothing twice.

  function connectEvents() {
    disconnectEvents();
    if (!state.person) return;
    if (document.visibilityState === 'hidden') {
      state.missed = true;
      document.body.setAttribute('data-live', 'paused');
      return;
    }
    const query = MODE === 'demo' ? '?person=' + encodeURIComponent(state.person.id) + (state.token ? '&token=' + encodeURIComponent(state.token) : '') : '';
    const source = new EventSource(API + '/events' + query);
    let lost = false;
    source.addEventListener('inbox', (event) => receive(JSON.parse(event.data)));
    source.addEventListener('reports', () => void loadReports());
    source.addEventListener('open', () => {
      if (state.events !== source) return;
      document.body.setAttribute('data-live', 'true');
      if (lost) {
        lost = false;
        state.missed = false;
        announce(t('connection.back'));
        void loadInbox();
        void loadReports();
      } else if (state.missed) {
        state.missed = false;
        void catchUp();
      }
    });
    source.addEventListener('error', () => {
      if (state.events !== source) return;
      document.body.setAttribute('data-live', 'false');
      if (!lost) announce(t('connection.lost'));
      lost = true;
    });
    state.events = source;
  }

  function disconnectEvents() {
    if (!state.events) return;
    state.events.close();
    state.events = null;
  }

  /** After a pause: the inbox and reports as they are now; a message that came meanwhile is announced. */
  async function catchUp() {
    const before = new Set([...inbox.querySelectorAll('[data-key]')].map((el) => el.getAttribute('data-key')));
    await Promise.all([loadInbox(), loadReports()]);
    const arrived = [...inbox.querySelectorAll('[data-key]')].some((el) => !before.has(el.getAttribute('data-key')));
    if (arrived) announce(t('inbox.arrivedPlain'));
    document.body.setAttribute('data-caught-up', String(Number(document.body.getAttribute('data-caught-up') || 0) + 1));
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      if (!state.events) return;
      disconnectEvents();
      state.missed = true;
      document.body.setAttribute('data-live', 'paused');
    } else if (!state.events && state.person) {
      connectEvents();
    }
  });

  // -- start

  /** The demo's token: from the address npm start printed (then taken out of it), else kept from before. */
  function keepToken() {
    const url = new URL(window.location.href);
    const given = url.searchParams.get('token');
    if (given) {
      sessionStorage.setItem(STORE.token, given);
      url.searchParams.delete('token');
      window.history.replaceState(null, '', url);
    }
    state.token = sessionStorage.getItem(STORE.token);
  }

  async function start() {
    if (MODE === 'demo') keepToken();
    const params = new URL(window.location.href).searchParams;
    const wantedLang = params.get('lang') || localStorage.getItem(STORE.lang) || state.lang;
    const people = await api('GET', '/people');
    state.people = people.people;
    const wanted = (MODE === 'demo' && (params.get('as') || localStorage.getItem(STORE.person))) || people.preselected;
    state.person = state.people.find((p) => p.id === wanted) || state.people.find((p) => p.id === people.preselected) || null;
    await setLang(wantedLang, false);
    if (state.person) await setPerson(state.person.id);
    document.body.setAttribute('data-ready', 'true');
  }

  start().catch((err) => addError(err.message));
})();
