// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

import {Translate} from './i18n';

// The same keys and order as REPRESENTATIONS in indico_oewg/registration/delegations.py. The participant's form
// gets the titles from the server; the form setup needs them before a field exists.
export const REPRESENTATIONS = [
  ['member_state', () => Translate.string('Member State')],
  ['observer_state', () => Translate.string('Non-member observer State')],
  ['igo', () => Translate.string('Intergovernmental organization or entity with a standing invitation')],
  ['un_body', () => Translate.string('UN organ, body or specialized agency')],
  ['ecosoc_ngo', () => Translate.string('NGO with ECOSOC consultative status')],
  ['other_ngo', () => Translate.string('Other NGO, academic or research institution')],
  ['commercial', () => Translate.string('Commercial actor')],
];

export const REPRESENTATION_KEYS = REPRESENTATIONS.map(([key]) => key);
export const STATE_REPRESENTATIONS = ['member_state', 'observer_state'];
