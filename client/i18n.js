// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

import {
  bindTranslateComponents,
  PluralTranslate as CorePluralTranslate,
  Translate as CoreTranslate,
} from 'indico/react/i18n';

// Strings are looked up in the plugin's own catalogue ("oewg") when Indico loaded one for the current language;
// without it, the English text is shown as is.
const hasCatalogue = !!(window.REACT_TRANSLATIONS && window.REACT_TRANSLATIONS.oewg);

export const {Translate, PluralTranslate} = hasCatalogue
  ? bindTranslateComponents('oewg')
  : {Translate: CoreTranslate, PluralTranslate: CorePluralTranslate};
