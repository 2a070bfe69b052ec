// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

import PropTypes from 'prop-types';
import React from 'react';
import {Dropdown, Form, Input, Message} from 'semantic-ui-react';

import {FinalCheckbox, FinalDropdown, FinalField, FinalInput} from 'indico/react/forms';

import {Translate} from './i18n';
import {getRepresentations, isStateRepresentation} from './representations';

const choicePropType = PropTypes.arrayOf(
  PropTypes.shape({value: PropTypes.string.isRequired, text: PropTypes.string.isRequired})
);

const toOptions = choices => choices.map(({value, text}) => ({key: value, value, text}));

function delegationOptions(representation, {memberStates, observerStates, organizations}) {
  if (representation === 'member_state') {
    return toOptions(memberStates);
  } else if (representation === 'observer_state') {
    return toOptions(observerStates);
  }
  // an organization whose kind the observers' registry states must match the representation
  return toOptions(organizations.filter(org => !org.kind || org.kind === representation));
}

function DelegationWidget({
  id,
  value,
  onChange,
  onFocus,
  onBlur,
  disabled,
  representationChoices,
  roleChoices,
  roleRequired,
  memberStates,
  observerStates,
  organizations,
}) {
  const current = value || {};
  const {representation = null, delegation = null, role = null, title = ''} = current;
  const update = changes => {
    const next = {representation, delegation, role, title, ...changes};
    onChange(next.representation ? next : null);
  };
  const isState = isStateRepresentation(representation);
  const options = representation
    ? delegationOptions(representation, {memberStates, observerStates, organizations})
    : [];
  return (
    <div id={id} className="oewg-delegation" onFocus={onFocus} onBlur={onBlur}>
      <Form.Field disabled={disabled}>
        <label htmlFor={`${id}-representation`}>{Translate.string('Representing')}</label>
        <Dropdown
          id={`${id}-representation`}
          data-oewg="representation"
          placeholder={Translate.string('Choose whom you represent')}
          options={toOptions(representationChoices)}
          value={representation}
          onChange={(__, {value: rep}) => update({representation: rep || null, delegation: null})}
          selection
          fluid
          selectOnBlur={false}
          disabled={disabled}
        />
      </Form.Field>
      {representation && (
        <Form.Field disabled={disabled}>
          <label htmlFor={`${id}-delegation`}>
            {isState ? Translate.string('State') : Translate.string('Organization')}
          </label>
          {!isState && !options.length ? (
            <Message
              data-oewg="no-organization"
              size="small"
              content={Translate.string(
                'No organization of this kind is accredited for this session. Organizations must be accredited before their representatives register.'
              )}
            />
          ) : (
            <Dropdown
              id={`${id}-delegation`}
              data-oewg="delegation"
              placeholder={
                isState
                  ? Translate.string('Choose the State')
                  : Translate.string('Choose the accredited organization')
              }
              options={options}
              value={delegation}
              onChange={(__, {value: code}) => update({delegation: code || null})}
              search
              selection
              fluid
              selectOnBlur={false}
              disabled={disabled}
            />
          )}
        </Form.Field>
      )}
      <Form.Group widths="equal">
        <Form.Field disabled={disabled} required={roleRequired}>
          <label htmlFor={`${id}-role`}>{Translate.string('Role in the delegation')}</label>
          <Dropdown
            id={`${id}-role`}
            data-oewg="role"
            placeholder={Translate.string('Choose the role')}
            options={toOptions(roleChoices)}
            value={role}
            onChange={(__, {value: newRole}) => update({role: newRole || null})}
            selection
            fluid
            clearable={!roleRequired}
            selectOnBlur={false}
            disabled={disabled || !representation}
          />
        </Form.Field>
        <Form.Field disabled={disabled}>
          <label htmlFor={`${id}-title`}>{Translate.string('Official title or function')}</label>
          <Input
            id={`${id}-title`}
            data-oewg="title"
            value={title || ''}
            maxLength={250}
            placeholder={Translate.string('e.g. Ambassador, Permanent Representative')}
            onChange={(__, {value: newTitle}) => update({title: newTitle})}
            disabled={disabled || !representation}
          />
        </Form.Field>
      </Form.Group>
    </div>
  );
}

DelegationWidget.propTypes = {
  id: PropTypes.string.isRequired,
  value: PropTypes.oneOfType([PropTypes.object, PropTypes.string]),
  onChange: PropTypes.func.isRequired,
  onFocus: PropTypes.func,
  onBlur: PropTypes.func,
  disabled: PropTypes.bool,
  representationChoices: choicePropType.isRequired,
  roleChoices: choicePropType.isRequired,
  roleRequired: PropTypes.bool.isRequired,
  memberStates: choicePropType.isRequired,
  observerStates: choicePropType.isRequired,
  organizations: choicePropType.isRequired,
};

DelegationWidget.defaultProps = {
  value: null,
  onFocus: undefined,
  onBlur: undefined,
  disabled: false,
};

function makeValidator(isRequired, roleRequired) {
  return value => {
    if (!value || !value.representation) {
      return isRequired ? Translate.string('Please choose whom you represent.') : undefined;
    } else if (!value.delegation) {
      return Translate.string('Please choose the delegation.');
    } else if (roleRequired && !value.role) {
      return Translate.string('Please indicate your role in the delegation.');
    }
    return undefined;
  };
}

export function DelegationInput({
  htmlId,
  htmlName,
  isRequired,
  disabled,
  representationChoices,
  roleChoices,
  roleRequired,
  memberStates,
  observerStates,
  organizations,
}) {
  return (
    <FinalField
      id={htmlId}
      name={htmlName}
      component={DelegationWidget}
      validate={makeValidator(isRequired, roleRequired && isRequired)}
      isEqual={(a, b) => JSON.stringify(a || null) === JSON.stringify(b || null)}
      parse={x => x}
      format={x => x}
      undefinedValue={null}
      disabled={disabled}
      representationChoices={representationChoices}
      roleChoices={roleChoices}
      roleRequired={roleRequired}
      memberStates={memberStates}
      observerStates={observerStates}
      organizations={organizations}
    />
  );
}

DelegationInput.propTypes = {
  htmlId: PropTypes.string.isRequired,
  htmlName: PropTypes.string.isRequired,
  isRequired: PropTypes.bool,
  disabled: PropTypes.bool,
  representationChoices: choicePropType,
  roleChoices: choicePropType,
  roleRequired: PropTypes.bool,
  memberStates: choicePropType,
  observerStates: choicePropType,
  organizations: choicePropType,
};

DelegationInput.defaultProps = {
  isRequired: false,
  disabled: false,
  representationChoices: [],
  roleChoices: [],
  roleRequired: true,
  memberStates: [],
  observerStates: [],
  organizations: [],
};

export function settingsFormInitialData() {
  return {
    representations: getRepresentations().map(rep => rep.value),
    roleRequired: true,
    organizationQuota: null,
  };
}

export function DelegationSettings() {
  return (
    <>
      <FinalDropdown
        name="representations"
        label={Translate.string('Representations offered')}
        options={getRepresentations().map(({value, text}) => ({key: value, value, text}))}
        multiple
        selection
        required
        description={Translate.string('Whom participants may represent on this form.')}
      />
      <FinalCheckbox name="roleRequired" label={Translate.string('The role in the delegation is required')} />
      <FinalInput
        name="organizationQuota"
        type="number"
        min="1"
        step="1"
        label={Translate.string('Representatives per organization')}
        placeholder={Translate.string('No limit')}
        description={Translate.string(
          'At most this many active registrations per observer organization (States are not limited).'
        )}
      />
    </>
  );
}
