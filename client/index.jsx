// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// Registers the "OEWG delegation" registration field with Indico's registration form.
// Loaded on every registration page: Indico's form editor fails on a field type it does not know.

import {registerPluginObject} from 'indico/utils/plugins';

import {DelegationInput, DelegationSettings, settingsFormInitialData} from './DelegationField';
import {Translate} from './i18n';

registerPluginObject('oewg', 'regformCustomFields', {
  name: 'ext__oewg_delegation',
  title: Translate.string('OEWG delegation'),
  icon: 'users',
  inputComponent: DelegationInput,
  settingsComponent: DelegationSettings,
  settingsFormInitialData,
  settingsModalSize: 'small',
  renderAsFieldset: true,
  noRetentionPeriod: false,
});
