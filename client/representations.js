// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// Whom a participant may represent: the server is the only source (indico_oewg.delegations.Representation). The
// plugin puts them in Indico's vars.js (`OewgPlugin.representations`, see OEWGPlugin.get_vars_js) for every
// locale; the page's locale picks its titles.

function pageLocale() {
  // Indico writes the locale of the page on <html data-canonical-locale="fr-FR">
  return (document.documentElement.dataset.canonicalLocale || '').replace('-', '_');
}

// [{value, text, isState}] in the order of the list of participants
export function getRepresentations() {
  const byLocale = (window.OewgPlugin && window.OewgPlugin.representations) || {};
  const locale = pageLocale();
  const language = locale.split('_')[0];
  const key =
    (byLocale[locale] && locale) ||
    Object.keys(byLocale).find(k => k.split('_')[0] === language) ||
    Object.keys(byLocale).find(k => k.startsWith('en')) ||
    Object.keys(byLocale)[0];
  return key ? byLocale[key] : [];
}

export function isStateRepresentation(representation) {
  return getRepresentations().some(rep => rep.value === representation && rep.isState);
}
